"""The dashboard's cards, declared once: :data:`CARDS` is the list the dashboard builds,
lays out and fills, in reading order.

Each :class:`CardSpec` says what the card is called, which part of
:class:`~kiosk.core.stats.DashboardStats` it shows and how that part is drawn. A new card is
one entry in :data:`CARDS` and its drawing function here; the dashboard places it (cards flow
into three columns, or two in portrait, and a ``span=2`` card takes two of them).

Titles are marked with ``QT_TRANSLATE_NOOP`` and the other texts call ``translate`` in the
``DashboardScreen`` context, the dashboard's own, so the .ts files keep one context for it.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from kiosk.admin.charts import (
    BarChart,
    LineChart,
    NpsSeriesChart,
    ReasonChart,
    SignedBarChart,
    StackedBarChart,
    signed,
)
from kiosk.admin.style import CATEGORY_COLOURS, mark
from kiosk.config import Settings
from kiosk.core.answer import Category
from kiosk.core.contact import Waiting
from kiosk.core.identity import identity_text
from kiosk.core.nps import MIN_ANSWERS_FOR_SCORE, NpsSummary, shown_margin
from kiosk.core.reasons import Reason
from kiosk.core.stats import Comment, DashboardStats, TrendPoint
from kiosk.ui.qr import QrCodeView
from kiosk.ui.reason_labels import reason_label
from kiosk.ui.theme import MUTED

translate = QCoreApplication.translate

# A slot (a day, an hour, a weekday) with fewer answers than this shows a dot, not an NPS:
# two answers make a "+100" or a "-100" that says nothing about the shop.
SLOT_MIN_ANSWERS = 5
MIN_HOURS_SHOWN = 8
COMMENT_MAX_CHARS = 160
IDENTITY_QR_PX = 200


@dataclass(frozen=True, slots=True)
class Drawing:
    """What a drawing function may need besides its part of the stats."""

    locale: QLocale
    settings: Settings
    language: str


@dataclass(frozen=True, slots=True)
class CardSpec:
    """One dashboard card.

    ``title`` is a source text marked with QT_TRANSLATE_NOOP("DashboardScreen", ...), or a
    function choosing one from the stats shown (None before the first stats). ``shows`` picks
    the card's part of the stats, ``body`` builds the widget that draws it, and
    ``draw(body, part, drawing)`` puts the part on it. ``note_when_sparse``: the body is an
    NPS series chart and the card says what a dot means when some slots have too few answers.
    """

    key: str
    title: str | Callable[[DashboardStats | None], str]
    shows: Callable[[DashboardStats], Any]
    body: Callable[[], QWidget]
    draw: Callable[[Any, Any, Drawing], None]
    span: int = 1
    note_when_sparse: bool = False

    def title_source(self, stats: DashboardStats | None) -> str:
        return self.title if isinstance(self.title, str) else self.title(stats)


def _margin(locale: QLocale, s: NpsSummary) -> str:
    value, digits = shown_margin(s.margin_of_error or 0.0)
    return locale.toString(value, "f", digits)


def slot_nps(summary: NpsSummary) -> float | None:
    """The NPS of one chart slot, or None when too few answered to mean anything."""
    return summary.nps if summary.total >= SLOT_MIN_ANSWERS else None


def hour_span(hours_with_answers: list[int]) -> tuple[int, int]:
    """First and last hour to chart: the hours with answers, widened to at least
    ``MIN_HOURS_SHOWN`` so that one busy hour is not drawn as one huge bar."""
    if not hours_with_answers:
        return 8, 20
    first, last = min(hours_with_answers), max(hours_with_answers)
    while last - first + 1 < MIN_HOURS_SHOWN:
        if first > 0:
            first -= 1
        if last - first + 1 < MIN_HOURS_SHOWN and last < 23:
            last += 1
    return first, last


def is_sparse(chart: NpsSeriesChart) -> bool:
    """Some slots drawn as a dot (too few answers) beside slots with a score."""
    values = chart.values
    return any(v is None for v in values) and any(v is not None for v in values)


# --- the headline ---------------------------------------------------------------------------


class Headline(QWidget):
    """The NPS in big digits, its margin and answer count, and the change since last period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = QLabel()
        self.value.setWordWrap(True)  # "Too few answers" takes two lines on a narrow card
        mark(self.value, "big")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel()
        mark(self.detail, "muted")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.change = QLabel()
        self.change.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.change.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addWidget(self.change)
        layout.addStretch(1)

    def fit_height(self) -> None:
        """Never shorter than its wrapped lines: a narrow card (many cards at 1024x600) grows
        and the dashboard scrolls, instead of cutting "Too few answers" in half."""
        width = max(self.width(), 120)
        needed = sum(
            label.heightForWidth(width) if label.wordWrap() else label.sizeHint().height()
            for label in (self.value, self.detail, self.change)
        )
        spacing = self.layout().spacing() * 2
        self.setMinimumHeight(needed + spacing)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_height()


def draw_headline(body: Headline, part: tuple[NpsSummary, float | None], d: Drawing) -> None:
    s, delta = part
    if s.total == 0:
        body.value.setText("\u2014")
        mark(body.value, "big")
        body.detail.setText(translate("DashboardScreen", "No answers in this period"))
    elif not s.enough_answers:
        body.value.setText(translate("DashboardScreen", "Too few answers"))
        mark(body.value, "bigtext")
        body.detail.setText(
            translate("DashboardScreen", "Answers so far: %1. A reliable score needs at least %2.")
            .replace("%1", d.locale.toString(s.total))
            .replace("%2", d.locale.toString(MIN_ANSWERS_FOR_SCORE))
        )
    else:
        body.value.setText(signed(s.nps))
        mark(body.value, "big")
        body.detail.setText(
            translate("DashboardScreen", "margin ± %1 (95%) · %2 answers")
            .replace("%1", _margin(d.locale, s))
            .replace("%2", d.locale.toString(s.total))
        )
    body.value.style().unpolish(body.value)
    body.value.style().polish(body.value)
    if delta is None or not s.enough_answers:
        body.change.setText(translate("DashboardScreen", "No comparison with the previous period"))
        _tone(body.change, "same")
    else:
        arrow = "\u25b2" if delta > 0 else "\u25bc" if delta < 0 else "="
        body.change.setText(
            translate("DashboardScreen", "%1 %2 vs the previous period")
            .replace("%1", arrow)
            .replace("%2", signed(delta))
        )
        _tone(body.change, "up" if delta > 0 else "down" if delta < 0 else "same")
    body.fit_height()


def _tone(label: QLabel, change: str) -> None:
    """Colour of the change against the previous period, from the admin stylesheet (which
    scales with the screen)."""
    label.setProperty("change", change)
    label.style().unpolish(label)
    label.style().polish(label)


# --- the charts -------------------------------------------------------------------------------


def draw_mix(body: StackedBarChart, s: NpsSummary, d: Drawing) -> None:
    body.set_counts(s.detractors, s.passives, s.promoters)


def draw_distribution(body: BarChart, distribution: Sequence[int], d: Drawing) -> None:
    body.set_data(
        distribution,
        [str(i) for i in range(11)],
        [CATEGORY_COLOURS[Category.of(i).value] for i in range(11)],
    )


def draw_trend(body: LineChart, trend: Sequence[TrendPoint], d: Drawing) -> None:
    body.set_data(
        [slot_nps(p.summary) for p in trend],
        [
            d.locale.toString(QDate(p.start.year, p.start.month, p.start.day), "d MMM")
            for p in trend
        ],
    )


def trend_title(stats: DashboardStats | None) -> str:
    if stats is not None and stats.granularity == "week":
        return QT_TRANSLATE_NOOP("DashboardScreen", "NPS week by week")
    return QT_TRANSLATE_NOOP("DashboardScreen", "NPS day by day")


def reason_rows(
    reasons: dict[str, Sequence[tuple[str, int]]], d: Drawing
) -> list[tuple[str, int, int, int]]:
    """(label, detractors, passives, promoters) per reason; the chart ranks them."""
    known = {r.id: r for r in d.settings.why.reasons}
    totals: dict[str, list[int]] = {}
    order = {"detractor": 0, "passive": 1, "promoter": 2}
    for category, ranked in reasons.items():
        for reason_id, n in ranked:
            totals.setdefault(reason_id, [0, 0, 0])[order[category]] += n
    rows = []
    for reason_id, (detractors, passives, promoters) in totals.items():
        reason = known.get(reason_id, Reason(reason_id))
        rows.append((reason_label(reason, d.language), detractors, passives, promoters))
    return rows


def draw_reasons(body: ReasonChart, reasons: dict, d: Drawing) -> None:
    body.set_rows(reason_rows(reasons, d))


def draw_hours(body: SignedBarChart, by_hour: Sequence[NpsSummary], d: Drawing) -> None:
    first, last = hour_span([h for h in range(24) if by_hour[h].total])
    body.set_data(
        [slot_nps(by_hour[h]) for h in range(first, last + 1)],
        [str(h) for h in range(first, last + 1)],
    )


def draw_weekdays(body: SignedBarChart, by_weekday: Sequence[NpsSummary], d: Drawing) -> None:
    body.set_data(
        [slot_nps(day) for day in by_weekday],
        [d.locale.dayName(i + 1, QLocale.FormatType.ShortFormat) for i in range(7)],
    )


# --- the comments -----------------------------------------------------------------------------


class CommentList(QScrollArea):
    """The latest comments as rich text (escaped), scrolling inside the card."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.setMinimumHeight(90)


def draw_comments(body: CommentList, comments: Sequence[Comment], d: Drawing) -> None:
    if not comments:
        empty = html.escape(translate("DashboardScreen", "No comments in this period"))
        body.label.setText(f"<span style='color:{MUTED}'>{empty}</span>")
        return
    blocks = []
    for comment in comments:
        colour_name = CATEGORY_COLOURS[comment.category.value]
        when = d.locale.toString(comment.local_time.replace(tzinfo=None), "ddd d MMM HH:mm")
        text = comment.comment
        if len(text) > COMMENT_MAX_CHARS:
            text = text[: COMMENT_MAX_CHARS - 1] + "…"
        blocks.append(
            "<p style='margin:0 0 10px 0'>"
            f"<span style='color:{colour_name}; font-weight:bold'>{comment.score}</span>"
            f"&nbsp;&nbsp;<span style='color:{MUTED}'>{html.escape(when)}</span><br>"
            f"{html.escape(text)}</p>"
        )
    body.label.setText("".join(blocks))


# --- call-backs -----------------------------------------------------------------------------


class CallbackCount(QLabel):
    """How many guests wait for a manager's call, and how long the oldest has waited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark(self, "bigtext")


def draw_callbacks(body: CallbackCount, waiting: Waiting, d: Drawing) -> None:
    if waiting.count == 0:
        body.setText(translate("DashboardScreen", "No guest is waiting for a call"))
        return
    hours = str(waiting.oldest_hours(datetime.now(timezone.utc)))
    if waiting.count == 1:
        text = translate("DashboardScreen", "1 guest is waiting for a call, for %1 h")
        body.setText(text.replace("%1", hours))
        return
    text = translate("DashboardScreen", "%1 guests are waiting for a call, the oldest for %2 h")
    body.setText(text.replace("%1", str(waiting.count)).replace("%2", hours))


# --- the kiosk's identity -------------------------------------------------------------------


class IdentityCode(QWidget):
    """A QR code IT scans to know this kiosk (id, site, version, endpoint; never the token)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = QrCodeView(IDENTITY_QR_PX, self)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark(self.caption, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.caption)


def draw_identity(body: IdentityCode, _stats: Any, d: Drawing) -> None:
    from kiosk import __version__

    kiosk = d.settings.kiosk
    endpoint = d.settings.sync.endpoint
    body.code.set_url(identity_text(kiosk.id, kiosk.site, __version__, endpoint))
    where = endpoint or translate("DashboardScreen", "no endpoint (offline)")
    body.caption.setText(f"{kiosk.id} · {kiosk.site} · {__version__} · {where}")


# --- the list -------------------------------------------------------------------------------

CARDS: tuple[CardSpec, ...] = (
    CardSpec(
        "nps",
        QT_TRANSLATE_NOOP("DashboardScreen", "Net Promoter Score"),
        shows=lambda s: (s.summary, s.change),
        body=Headline,
        draw=draw_headline,
    ),
    CardSpec(
        "mix",
        QT_TRANSLATE_NOOP("DashboardScreen", "Promoters, passives and detractors"),
        shows=attrgetter("summary"),
        body=StackedBarChart,
        draw=draw_mix,
    ),
    CardSpec(
        "distribution",
        QT_TRANSLATE_NOOP("DashboardScreen", "Answers by score"),
        shows=attrgetter("distribution"),
        body=BarChart,
        draw=draw_distribution,
    ),
    CardSpec(
        "trend",
        trend_title,
        shows=attrgetter("trend"),
        body=LineChart,
        draw=draw_trend,
        span=2,
        note_when_sparse=True,
    ),
    CardSpec(
        "reasons",
        QT_TRANSLATE_NOOP("DashboardScreen", "Reasons, most chosen first"),
        shows=attrgetter("reasons"),
        body=ReasonChart,
        draw=draw_reasons,
    ),
    CardSpec(
        "hours",
        QT_TRANSLATE_NOOP("DashboardScreen", "NPS by hour of the day"),
        shows=attrgetter("by_hour"),
        body=SignedBarChart,
        draw=draw_hours,
        note_when_sparse=True,
    ),
    CardSpec(
        "weekdays",
        QT_TRANSLATE_NOOP("DashboardScreen", "NPS by day of the week"),
        shows=attrgetter("by_weekday"),
        body=SignedBarChart,
        draw=draw_weekdays,
        note_when_sparse=True,
    ),
    CardSpec(
        "comments",
        QT_TRANSLATE_NOOP("DashboardScreen", "Latest comments (detractors first)"),
        shows=attrgetter("comments"),
        body=CommentList,
        draw=draw_comments,
    ),
    CardSpec(
        "callbacks",
        QT_TRANSLATE_NOOP("DashboardScreen", "Call-backs"),
        shows=attrgetter("callbacks"),
        body=CallbackCount,
        draw=draw_callbacks,
    ),
    CardSpec(
        "identity",
        QT_TRANSLATE_NOOP("DashboardScreen", "This kiosk"),
        shows=lambda s: None,
        body=IdentityCode,
        draw=draw_identity,
    ),
)


def grid_places(spans: Sequence[int], columns: int) -> list[tuple[int, int, int]]:
    """(row, column, column span) of each card: in order, each in the first free place that
    holds it (a wide card may leave a gap that a later narrow one fills), and the last card
    widened to the end of its row so the grid ends square."""
    taken: set[tuple[int, int]] = set()
    places = []
    for span in spans:
        span = min(span, columns)
        row = 0
        while True:
            free = [
                c
                for c in range(columns - span + 1)
                if all((row, c + i) not in taken for i in range(span))
            ]
            if free:
                break
            row += 1
        column = free[0]
        taken.update((row, column + i) for i in range(span))
        places.append((row, column, span))
    if places:
        row, column, span = places[-1]
        while column + span < columns and (row, column + span) not in taken:
            span += 1
        places[-1] = (row, column, span)
    return places
