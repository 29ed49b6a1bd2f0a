"""The dashboard's charts, drawn with QPainter: crisp at any size, in any language.

Each chart is a small widget that takes ready-made numbers and already-translated labels,
and lays itself out from its current size (fonts in pixels, bars in fractions), so the same
chart reads on a 7-inch tablet and in a 4K screenshot. Values are always written next to
their bars as well as coloured: nothing is said by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.admin.style import DETRACTOR, GRID, NEUTRAL_BAR, PASSIVE, PROMOTER
from kiosk.ui.theme import MUTED, TEXT

SURFACE_WHITE = "#FFFFFF"


def signed(value: float) -> str:
    """An NPS value with its sign ("+12", "−5", "0"); the minus is a real minus sign."""
    rounded = round(value)
    if rounded > 0:
        return f"+{rounded}"
    if rounded < 0:
        return f"\u2212{-rounded}"
    return "0"


class Chart(QWidget):
    """Base: antialiased painting, a font scaled to the widget, an empty-state message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)
        self.scale = 1.0  # the screen's size factor (AdminArea.apply_sizes)

    def sizeHint(self) -> QSize:
        return QSize(320, 110)  # small: cards share out the room the screen has

    def font_px(self, px: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(10, round(px)))
        font.setBold(bold)
        return font

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        try:
            # On a dense screen the whole chart is drawn bigger (texts, bars, legend alike),
            # as if on a smaller widget: its proportions stay the ones it was made with.
            painter.scale(self.scale, self.scale)
            width, height = self.width() / self.scale, self.height() / self.scale
            self.draw(painter, QRectF(2, 2, width - 4, height - 4))
        finally:
            painter.end()

    def draw(self, painter: QPainter, rect: QRectF) -> None:
        raise NotImplementedError

    def draw_empty(self, painter: QPainter, rect: QRectF, message: str | None = None) -> None:
        """``message`` in place of the chart; by default "No answers in this period"."""
        if message is None:
            message = QCoreApplication.translate("Charts", "No answers in this period")
        painter.setPen(QColor(MUTED))
        painter.setFont(self.font_px(15))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, message)


class NpsSeriesChart(Chart):
    """Base of the charts of NPS per slot (day, week, hour): a value from -100 to +100, or
    None where nobody answered, and a label for each slot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[float | None] = []
        self.labels: list[str] = []

    def set_data(self, values: Sequence[float | None], labels: Sequence[str]) -> None:
        self.values, self.labels = list(values), list(labels)
        self.update()

    def draw(self, painter: QPainter, rect: QRectF) -> None:
        if all(value is None for value in self.values):
            self.draw_empty(painter, rect)
        else:
            self.draw_series(painter, rect)

    def draw_series(self, painter: QPainter, rect: QRectF) -> None:
        """Paint the series; called only when at least one slot has a value."""
        raise NotImplementedError


class StackedBarChart(Chart):
    """Promoters, passives and detractors as one bar, with a legend of counts and shares."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts = (0, 0, 0)  # detractors, passives, promoters

    def set_counts(self, detractors: int, passives: int, promoters: int) -> None:
        self.counts = (detractors, passives, promoters)
        self.update()

    def legend(self) -> list[tuple[str, str, int]]:
        d, pa, p = self.counts
        return [
            (QCoreApplication.translate("Charts", "Promoters (9-10)"), PROMOTER, p),
            (QCoreApplication.translate("Charts", "Passives (7-8)"), PASSIVE, pa),
            (QCoreApplication.translate("Charts", "Detractors (0-6)"), DETRACTOR, d),
        ]

    def draw(self, painter: QPainter, rect: QRectF) -> None:
        total = sum(self.counts)
        if total == 0:
            self.draw_empty(painter, rect)
            return
        bar_h = max(26.0, min(48.0, rect.height() * 0.28))
        bar = QRectF(rect.left(), rect.top() + 4, rect.width(), bar_h)
        x = bar.left()
        path = QPainterPath()
        path.addRoundedRect(bar, 8, 8)
        painter.save()
        painter.setClipPath(path)
        segments = [
            (DETRACTOR, self.counts[0]),
            (PASSIVE, self.counts[1]),
            (PROMOTER, self.counts[2]),
        ]
        painter.setFont(self.font_px(bar_h * 0.42, bold=True))
        metrics = QFontMetricsF(painter.font())
        for colour_name, n in segments:
            width = bar.width() * n / total
            segment = QRectF(x, bar.top(), width, bar.height())
            painter.fillRect(segment, QColor(colour_name))
            share = f"{100 * n / total:.0f} %"
            if n and metrics.horizontalAdvance(share) + 8 < width:
                painter.setPen(QColor("#FFFFFF") if colour_name != PASSIVE else QColor(TEXT))
                painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, share)
            x += width
        painter.restore()
        # legend: one row per category, words + count + share
        rows = self.legend()
        top = bar.bottom() + 10
        row_h = max(18.0, min(30.0, (rect.bottom() - top) / len(rows)))
        painter.setFont(self.font_px(row_h * 0.6))
        for label, colour_name, n in rows:
            line = QRectF(rect.left(), top, rect.width(), row_h)
            swatch = QRectF(line.left(), line.center().y() - row_h * 0.25, row_h * 0.5, row_h * 0.5)
            painter.fillRect(swatch, QColor(colour_name))
            painter.setPen(QColor(TEXT))
            text_rect = line.adjusted(row_h * 0.75, 0, 0, 0)
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label
            )
            painter.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                f"{n:,}  ·  {100 * n / total:.0f} %".replace(",", "\u2009"),
            )
            top += row_h


class BarChart(Chart):
    """Vertical bars with their value above and a label below (the 0-10 distribution)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[int] = []
        self.labels: list[str] = []
        self.colours: list[str] = []

    def set_data(
        self, values: Sequence[int], labels: Sequence[str], colours: Sequence[str]
    ) -> None:
        self.values, self.labels, self.colours = list(values), list(labels), list(colours)
        self.update()

    def draw(self, painter: QPainter, rect: QRectF) -> None:
        if not self.values or sum(self.values) == 0:
            self.draw_empty(painter, rect)
            return
        n = len(self.values)
        label_h = max(16.0, min(24.0, rect.height() * 0.14))
        value_h = label_h
        plot = QRectF(
            rect.left(), rect.top() + value_h, rect.width(), rect.height() - value_h - label_h - 4
        )
        slot = plot.width() / n
        gap = slot * 0.18
        peak = max(self.values) or 1
        value_font = self.font_px(min(label_h * 0.7, slot * 0.42))
        label_font = self.font_px(label_h * 0.72, bold=True)
        painter.setPen(QPen(QColor(GRID), 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        for i, value in enumerate(self.values):
            x = plot.left() + i * slot + gap / 2
            height = plot.height() * value / peak
            bar = QRectF(x, plot.bottom() - height, slot - gap, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.colours[i] if i < len(self.colours) else NEUTRAL_BAR))
            painter.drawRoundedRect(bar, 3, 3)
            painter.setPen(QColor(MUTED))
            painter.setFont(value_font)
            painter.drawText(
                QRectF(x - gap / 2, bar.top() - value_h, slot, value_h),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                _short_count(value),
            )
            painter.setPen(QColor(TEXT))
            painter.setFont(label_font)
            painter.drawText(
                QRectF(x - gap / 2, plot.bottom() + 4, slot, label_h),
                Qt.AlignmentFlag.AlignCenter,
                self.labels[i],
            )


class SignedBarChart(NpsSeriesChart):
    """NPS per slot (hour of day, weekday) as bars up or down from zero, value written."""

    def draw_series(self, painter: QPainter, rect: QRectF) -> None:
        n = len(self.values)
        label_h = max(15.0, min(22.0, rect.height() * 0.13))
        plot = QRectF(
            rect.left(), rect.top() + label_h, rect.width(), rect.height() - 2 * label_h - 4
        )
        zero = plot.center().y()
        half = plot.height() / 2
        slot = plot.width() / n
        gap = slot * 0.2
        painter.setPen(QPen(QColor(GRID), 1))
        for level in (-1, 0, 1):
            y = zero - level * half
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        value_font = self.font_px(min(label_h * 0.66, slot * 0.4))
        label_font = self.font_px(min(label_h * 0.7, slot * 0.5))
        labels_every = max(1, round(28 / slot)) if slot < 28 else 1
        known = [v for v in self.values if v is not None]
        fits = QFontMetricsF(value_font).horizontalAdvance("\u2212100") + 2 <= slot
        worst, best = min(known), max(known)
        for i, value in enumerate(self.values):
            x = plot.left() + i * slot + gap / 2
            cell = QRectF(plot.left() + i * slot, 0, slot, label_h)
            if value is None:
                painter.setPen(QColor(NEUTRAL_BAR))
                painter.setFont(value_font)
                painter.drawText(
                    QRectF(cell.left(), zero - label_h, slot, label_h * 2),
                    Qt.AlignmentFlag.AlignCenter,
                    "·",
                )
            else:
                height = half * abs(value) / 100
                top = zero - height if value >= 0 else zero
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(PROMOTER if value >= 0 else DETRACTOR))
                painter.drawRect(QRectF(x, top, slot - gap, max(height, 1.5)))
                if fits or value in (worst, best):
                    painter.setPen(QColor(TEXT))
                    painter.setFont(value_font if fits else self.font_px(label_h * 0.66))
                    text_top = top - label_h if value >= 0 else zero + height
                    wide = slot if fits else slot * 4
                    painter.drawText(
                        QRectF(cell.left() + slot / 2 - wide / 2, text_top, wide, label_h),
                        Qt.AlignmentFlag.AlignCenter,
                        signed(value),
                    )
            if i % labels_every == 0:
                painter.setPen(QColor(MUTED))
                painter.setFont(label_font)
                painter.drawText(
                    QRectF(cell.left() - slot, plot.bottom() + 4, slot * 3, label_h),
                    Qt.AlignmentFlag.AlignCenter,
                    self.labels[i],
                )


class LineChart(NpsSeriesChart):
    """The NPS trend: one point per day or week on a fixed -100..+100 scale."""

    def draw_series(self, painter: QPainter, rect: QRectF) -> None:
        axis_font = self.font_px(13)
        metrics = QFontMetricsF(axis_font)
        axis_w = metrics.horizontalAdvance("\u2212100") + 8
        label_h = metrics.height() + 4
        plot = QRectF(
            rect.left() + axis_w,
            rect.top() + 8,
            rect.width() - axis_w - 8,
            rect.height() - label_h - 12,
        )
        painter.setFont(axis_font)
        for level in (100, 50, 0, -50, -100):
            y = plot.top() + plot.height() * (100 - level) / 200
            painter.setPen(QPen(QColor("#B9C0CA" if level == 0 else GRID), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(MUTED))
            painter.drawText(
                QRectF(rect.left(), y - label_h / 2, axis_w - 6, label_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                signed(level),
            )
        n = len(self.values)
        step = plot.width() / max(1, n - 1) if n > 1 else 0
        points: list[QPointF | None] = []
        for i, value in enumerate(self.values):
            x = plot.left() + (i * step if n > 1 else plot.width() / 2)
            points.append(
                None
                if value is None
                else QPointF(x, plot.top() + plot.height() * (100 - value) / 200)
            )
        painter.setPen(QPen(QColor(TEXT), 2.5))
        previous = None
        for point in points:
            if point is not None and previous is not None:
                painter.drawLine(previous, point)
            previous = point
        radius = max(2.5, min(5.0, step / 4)) if n > 1 else 5.0
        for point, value in zip(points, self.values, strict=True):
            if point is None:
                continue
            painter.setPen(QPen(QColor(SURFACE_WHITE), 1.5))
            painter.setBrush(QColor(PROMOTER if value >= 0 else DETRACTOR))
            painter.drawEllipse(point, radius, radius)
        # x labels, thinned so they never overlap
        widest = max(metrics.horizontalAdvance(label) for label in self.labels) + 12
        xs = [plot.left() + (i * step if n > 1 else plot.width() / 2) for i in range(n)]
        painter.setPen(QColor(MUTED))
        for i, left in x_label_lefts(xs, widest, rect.left(), rect.right()):
            painter.drawText(
                QRectF(left, plot.bottom() + 6, widest, label_h),
                Qt.AlignmentFlag.AlignCenter,
                self.labels[i],
            )


def x_label_lefts(
    xs: Sequence[float], widest: float, left_edge: float, right_edge: float
) -> list[tuple[int, float]]:
    """(index, left) of the x labels to draw: the last always, the others thinned to fit.

    Labels are centred on their point but kept inside the edges, so the last one can move
    left onto its neighbour: a neighbour it would touch is left out.
    """
    n = len(xs)
    if n == 0:
        return []

    def left_of(i: int) -> float:
        return min(max(xs[i] - widest / 2, left_edge), right_edge - widest)

    step = (xs[-1] - xs[0]) / (n - 1) if n > 1 else 0
    every = max(1, int(widest // step) + 1) if step > 0 else 1
    last = left_of(n - 1)
    chosen: list[tuple[int, float]] = []
    right_so_far = float("-inf")
    for i in range(0, n - 1, every):
        left = left_of(i)
        if left >= right_so_far and left + widest <= last:
            chosen.append((i, left))
            right_so_far = left + widest
    chosen.append((n - 1, last))
    return chosen


class ReasonChart(Chart):
    """Reasons ranked by how often they were chosen, each bar split by category."""

    MAX_ROWS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, int, int]] = []  # label, detractors, passives, promoters

    def set_rows(self, rows: Sequence[tuple[str, int, int, int]]) -> None:
        ranked = sorted(rows, key=lambda r: (-(r[1] + r[2] + r[3]), -r[1], r[0]))
        self.rows = ranked[: self.MAX_ROWS]
        self.update()

    def draw(self, painter: QPainter, rect: QRectF) -> None:
        if not self.rows:
            self.draw_empty(
                painter,
                rect,
                QCoreApplication.translate("Charts", "No reasons chosen in this period"),
            )
            return
        legend_h = 22.0
        painter.setFont(self.font_px(13))
        x = rect.left()
        for label, colour_name in (
            (QCoreApplication.translate("Charts", "Detractors"), DETRACTOR),
            (QCoreApplication.translate("Charts", "Passives"), PASSIVE),
            (QCoreApplication.translate("Charts", "Promoters"), PROMOTER),
        ):
            painter.fillRect(QRectF(x, rect.top() + 5, 12, 12), QColor(colour_name))
            painter.setPen(QColor(MUTED))
            width = QFontMetricsF(painter.font()).horizontalAdvance(label)
            painter.drawText(
                QRectF(x + 16, rect.top(), width + 4, legend_h),
                Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            x += width + 34
        top = rect.top() + legend_h + 4
        row_h = min(40.0, (rect.bottom() - top) / max(len(self.rows), 1))
        label_font = self.font_px(max(14.0, min(17.0, row_h * 0.6)))
        metrics = QFontMetricsF(label_font)
        label_w = min(
            rect.width() * 0.5, max(metrics.horizontalAdvance(r[0]) for r in self.rows) + 12
        )
        count_w = metrics.horizontalAdvance("00000") + 8
        peak = max(r[1] + r[2] + r[3] for r in self.rows) or 1
        bar_w = rect.width() - label_w - count_w
        for label, d, pa, p in self.rows:
            line = QRectF(rect.left(), top, rect.width(), row_h)
            painter.setFont(label_font)
            painter.setPen(QColor(TEXT))
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8)
            painter.drawText(
                QRectF(line.left(), line.top(), label_w - 8, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                shown,
            )
            x = line.left() + label_w
            bar_h = row_h * 0.56
            y = line.center().y() - bar_h / 2
            for n, colour_name in ((d, DETRACTOR), (pa, PASSIVE), (p, PROMOTER)):
                width = bar_w * n / peak
                painter.fillRect(QRectF(x, y, width, bar_h), QColor(colour_name))
                x += width
            painter.setPen(QColor(MUTED))
            painter.drawText(
                QRectF(x + 6, line.top(), count_w, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                str(d + pa + p),
            )
            top += row_h


def _short_count(n: int) -> str:
    if n >= 10_000:
        return f"{n / 1000:.0f}k"
    if n >= 1000:
        return f"{n / 1000:.1f}k"
    return str(n)
