"""The owner's dashboard: how the shop is doing and why, at a glance.

It shows a :class:`~kiosk.core.stats.DashboardStats` and emits intents; the area controller
reads the numbers (``services.stats``) and calls :meth:`show_stats`. Cards reflow from three
columns (landscape) to two (portrait), and every chart draws itself to its size.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.charts import (
    BarChart,
    LineChart,
    ReasonChart,
    SignedBarChart,
    StackedBarChart,
    signed,
)
from kiosk.admin.style import CATEGORY_COLOURS, DETRACTOR, PROMOTER, date_format, mark
from kiosk.admin.sync_text import sync_problem
from kiosk.config import Settings
from kiosk.core.answer import Category
from kiosk.core.nps import MIN_ANSWERS_FOR_SCORE, NpsSummary
from kiosk.core.reasons import Reason
from kiosk.core.stats import DashboardStats, Preset, preset_range
from kiosk.ui.reason_labels import reason_label
from kiosk.ui.theme import MUTED

CUSTOM = "custom"



# A slot (a day, an hour, a weekday) with fewer answers than this shows a dot, not an NPS:
# two answers make a "+100" or a "-100" that says nothing about the shop.
SLOT_MIN_ANSWERS = 5
MIN_HOURS_SHOWN = 8


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

class Card(QFrame):
    """A white card with a title and one body widget."""

    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark(self, "card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = QLabel()
        mark(self.title, "h2")
        self.title.setWordWrap(True)
        # A short muted line under the title (what a dot in the chart means, for example).
        self.note = QLabel()
        mark(self.note, "muted")
        self.note.setWordWrap(True)
        self.note.hide()
        self.body = body
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(body, 1)

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))


class DashboardScreen(QWidget):
    """Period selector, NPS, categories, distribution, trend, reasons, comments, times, sync."""

    range_changed = Signal(object, object, bool)  # since, until, include_flagged
    export_requested = Signal()
    settings_requested = Signal()
    sync_now_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark(self, "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.today = date.today
        self.settings = Settings()
        self.language = "en"
        self.stats: DashboardStats | None = None
        self.period: str = Preset.LAST_7.value
        self._portrait: bool | None = None
        self._build_header()
        self._build_cards()
        self._build_footer()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.header)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(20, 6, 20, 10)
        self.grid.setSpacing(12)
        scroll.setWidget(self.grid_host)
        self.scroll = scroll
        outer.addWidget(scroll, 1)
        outer.addWidget(self.footer)
        self.retranslate()
        self._reflow()

    # --- construction -----------------------------------------------------------------------

    def _build_header(self) -> None:
        self.header = QWidget()
        self.title = QLabel()
        mark(self.title, "h1")
        self.shop = QLabel()
        mark(self.shop, "muted")
        self.export_button = QPushButton()
        mark(self.export_button, "primary")
        self.export_button.clicked.connect(self.export_requested.emit)
        self.settings_button = QPushButton()
        mark(self.settings_button, "secondary")
        self.settings_button.clicked.connect(self.settings_requested.emit)
        self.close_button = QPushButton()
        mark(self.close_button, "secondary")
        self.close_button.clicked.connect(self.close_requested.emit)

        self.period_buttons: dict[str, QPushButton] = {}
        self.period_group = QButtonGroup(self)
        self.period_group.setExclusive(True)
        for key in (Preset.TODAY.value, Preset.LAST_7.value, Preset.LAST_30.value, CUSTOM):
            button = QPushButton()
            mark(button, "segment")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, k=key: self.select_period(k))
            self.period_group.addButton(button)
            self.period_buttons[key] = button
        self.since_edit = QDateEdit()
        self.until_edit = QDateEdit()
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self._custom_changed)
        self.range_dash = QLabel("\u2013")
        self.range_label = QLabel()
        mark(self.range_label, "muted")

        top = QHBoxLayout()
        top.setSpacing(10)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.shop)
        top.addLayout(titles, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.settings_button)
        top.addWidget(self.close_button)
        periods = QHBoxLayout()
        periods.setSpacing(8)
        for button in self.period_buttons.values():
            periods.addWidget(button)
        periods.addSpacing(8)
        periods.addWidget(self.since_edit)
        periods.addWidget(self.range_dash)
        periods.addWidget(self.until_edit)
        periods.addWidget(self.range_label)
        periods.addStretch(1)
        layout = QVBoxLayout(self.header)
        layout.setContentsMargins(20, 10, 20, 4)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(periods)

    def _build_cards(self) -> None:
        nps_body = QWidget()
        self.nps_value = QLabel()
        mark(self.nps_value, "big")
        self.nps_value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nps_detail = QLabel()
        mark(self.nps_detail, "muted")
        self.nps_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nps_detail.setWordWrap(True)
        self.nps_change = QLabel()
        self.nps_change.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nps_change.setWordWrap(True)
        nps_layout = QVBoxLayout(nps_body)
        nps_layout.setContentsMargins(0, 0, 0, 0)
        nps_layout.addStretch(1)
        nps_layout.addWidget(self.nps_value)
        nps_layout.addWidget(self.nps_detail)
        nps_layout.addWidget(self.nps_change)
        nps_layout.addStretch(1)

        self.mix_chart = StackedBarChart()
        self.distribution_chart = BarChart()
        self.trend_chart = LineChart()
        self.reason_chart = ReasonChart()
        self.hour_chart = SignedBarChart()
        self.weekday_chart = SignedBarChart()
        self.comments_label = QLabel()
        self.comments_label.setTextFormat(Qt.TextFormat.RichText)
        self.comments_label.setWordWrap(True)
        self.comments_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        comments_scroll = QScrollArea()
        comments_scroll.setWidgetResizable(True)
        comments_scroll.setFrameShape(QFrame.Shape.NoFrame)
        comments_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        comments_scroll.setWidget(self.comments_label)
        comments_scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        comments_scroll.setMinimumHeight(90)

        self.cards = {
            "nps": Card(nps_body),
            "mix": Card(self.mix_chart),
            "distribution": Card(self.distribution_chart),
            "trend": Card(self.trend_chart),
            "reasons": Card(self.reason_chart),
            "hours": Card(self.hour_chart),
            "weekdays": Card(self.weekday_chart),
            "comments": Card(comments_scroll),
        }
        for card in self.cards.values():
            card.setMinimumHeight(150)
            card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _build_footer(self) -> None:
        self.footer = QFrame()
        mark(self.footer, "footer")
        self.footer.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.flagged_label = QLabel()
        self.flagged_label.setWordWrap(True)
        self.include_flagged = QCheckBox()
        self.include_flagged.toggled.connect(lambda _: self._emit_range())
        self.sync_label = QLabel()
        self.sync_label.setWordWrap(True)
        self.sync_button = QPushButton()
        mark(self.sync_button, "secondary")
        self.sync_button.clicked.connect(self.sync_now_requested.emit)
        layout = QHBoxLayout(self.footer)
        layout.setContentsMargins(20, 8, 20, 8)
        layout.setSpacing(14)
        flagged = QVBoxLayout()
        flagged.setSpacing(2)
        flagged.addWidget(self.flagged_label)
        flagged.addWidget(self.include_flagged)
        layout.addLayout(flagged, 1)
        layout.addWidget(self.sync_label, 1)
        layout.addWidget(self.sync_button)

    # --- layout -----------------------------------------------------------------------------

    def _reflow(self) -> None:
        portrait = self.width() < self.height() or self.width() < 1000
        if portrait == self._portrait:
            return
        self._portrait = portrait
        for card in self.cards.values():
            self.grid.removeWidget(card)
        c = self.cards
        if portrait:
            places = [("nps", 0, 0, 1, 1), ("mix", 0, 1, 1, 1), ("distribution", 1, 0, 1, 1),
                      ("reasons", 1, 1, 1, 1), ("trend", 2, 0, 1, 2), ("hours", 3, 0, 1, 1),
                      ("weekdays", 3, 1, 1, 1), ("comments", 4, 0, 1, 2)]
            columns, rows = 2, 5
        else:
            places = [("nps", 0, 0, 1, 1), ("mix", 0, 1, 1, 1), ("distribution", 0, 2, 1, 1),
                      ("trend", 1, 0, 1, 2), ("reasons", 1, 2, 1, 1), ("hours", 2, 0, 1, 1),
                      ("weekdays", 2, 1, 1, 1), ("comments", 2, 2, 1, 1)]
            columns, rows = 3, 3
        for name, row, col, rspan, cspan in places:
            self.grid.addWidget(c[name], row, col, rspan, cspan)
        for col in range(3):
            self.grid.setColumnStretch(col, 1 if col < columns else 0)
        for row in range(5):
            self.grid.setRowStretch(row, 1 if row < rows else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._reflow()

    # --- period -----------------------------------------------------------------------------

    def select_period(self, key: str) -> None:
        self.period = key
        self.period_buttons[key].setChecked(True)
        custom = key == CUSTOM
        for widget in (self.since_edit, self.until_edit, self.range_dash):
            widget.setVisible(custom)
        self.range_label.setVisible(not custom)
        if custom and self.stats is not None:
            self._set_dates(self.stats.since, self.stats.until)
        self._emit_range()

    def current_range(self) -> tuple[date, date]:
        if self.period == CUSTOM:
            since = self.since_edit.date().toPython()
            until = self.until_edit.date().toPython()
            return (since, until) if since <= until else (until, since)
        return preset_range(self.period, self.today())

    def _set_dates(self, since: date, until: date) -> None:
        for edit, day in ((self.since_edit, since), (self.until_edit, until)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _custom_changed(self) -> None:
        if self.period == CUSTOM:
            self._emit_range()

    def _emit_range(self) -> None:
        since, until = self.current_range()
        self.range_changed.emit(since, until, self.include_flagged.isChecked())

    # --- showing ----------------------------------------------------------------------------

    def set_context(self, settings: Settings, language: str) -> None:
        self.settings = settings
        self.language = language
        self.shop.setText(settings.kiosk.shop_name)

    def show_stats(self, stats: DashboardStats) -> None:
        self.stats = stats
        locale = QLocale()
        s = stats.summary
        self.range_label.setText(self._range_text(stats.since, stats.until))
        # the headline number
        if s.total == 0:
            self.nps_value.setText("\u2014")
            mark(self.nps_value, "big")
            self.nps_detail.setText(self.tr("No answers in this period"))
        elif not s.enough_answers:
            self.nps_value.setText(self.tr("Too few answers"))
            mark(self.nps_value, "bigtext")
            self.nps_detail.setText(
                self.tr("Answers so far: %1. A reliable score needs at least %2.")
                .replace("%1", locale.toString(s.total))
                .replace("%2", locale.toString(MIN_ANSWERS_FOR_SCORE))
            )
        else:
            self.nps_value.setText(signed(s.nps))
            mark(self.nps_value, "big")
            self.nps_detail.setText(
                self.tr("margin ± %1 (95%) · %2 answers")
                .replace("%1", f"{s.margin_of_error:.0f}")
                .replace("%2", locale.toString(s.total))
            )
        self.nps_value.style().unpolish(self.nps_value)
        self.nps_value.style().polish(self.nps_value)
        delta = stats.change
        if delta is None or not s.enough_answers:
            self.nps_change.setText(self.tr("No comparison with the previous period"))
            self.nps_change.setStyleSheet(f"color: {MUTED}; font-size: 15px;")
        else:
            arrow = "\u25b2" if delta > 0 else "\u25bc" if delta < 0 else "="
            self.nps_change.setText(
                self.tr("%1 %2 vs the previous period")
                .replace("%1", arrow).replace("%2", signed(delta))
            )
            tone = PROMOTER if delta > 0 else DETRACTOR if delta < 0 else MUTED
            self.nps_change.setStyleSheet(f"color: {tone}; font-size: 15px; font-weight: bold;")
        self.mix_chart.set_counts(s.detractors, s.passives, s.promoters)
        self.distribution_chart.set_data(
            stats.distribution, [str(i) for i in range(11)],
            [CATEGORY_COLOURS[Category.of(i).value] for i in range(11)],
        )
        self.trend_chart.set_data(
            [slot_nps(p.summary) for p in stats.trend],
            [locale.toString(QDate(p.start.year, p.start.month, p.start.day), "d MMM")
             for p in stats.trend],
        )
        self.reason_chart.set_rows(self._reason_rows(stats))
        first, last = hour_span([h for h in range(24) if stats.by_hour[h].total])
        self.hour_chart.set_data(
            [slot_nps(stats.by_hour[h]) for h in range(first, last + 1)],
            [str(h) for h in range(first, last + 1)],
        )
        self.weekday_chart.set_data(
            [slot_nps(d) for d in stats.by_weekday],
            [locale.dayName(i + 1, QLocale.FormatType.ShortFormat) for i in range(7)],
        )
        self._show_comments(stats)
        self._show_footer(stats)
        self.retranslate_titles()

    def _reason_rows(self, stats: DashboardStats) -> list[tuple[str, int, int, int]]:
        known = {r.id: r for r in self.settings.why.reasons}
        totals: dict[str, list[int]] = {}
        order = {"detractor": 0, "passive": 1, "promoter": 2}
        for category, ranked in stats.reasons.items():
            for reason_id, n in ranked:
                totals.setdefault(reason_id, [0, 0, 0])[order[category]] += n
        rows = []
        for reason_id, (d, pa, p) in totals.items():
            reason = known.get(reason_id, Reason(reason_id))
            rows.append((reason_label(reason, self.language), d, pa, p))
        return rows

    def _show_comments(self, stats: DashboardStats) -> None:
        locale = QLocale()
        if not stats.comments:
            empty = html.escape(self.tr("No comments in this period"))
            self.comments_label.setText(f"<span style='color:{MUTED}'>{empty}</span>")
            return
        blocks = []
        for comment in stats.comments:
            colour_name = CATEGORY_COLOURS[comment.category.value]
            when = locale.toString(comment.local_time.replace(tzinfo=None), "ddd d MMM HH:mm")
            text = comment.comment if len(comment.comment) <= 160 else comment.comment[:159] + "…"
            blocks.append(
                "<p style='margin:0 0 10px 0'>"
                f"<span style='color:{colour_name}; font-weight:bold'>{comment.score}</span>"
                f"&nbsp;&nbsp;<span style='color:{MUTED}'>{html.escape(when)}</span><br>"
                f"{html.escape(text)}</p>"
            )
        self.comments_label.setText("".join(blocks))

    def _show_footer(self, stats: DashboardStats) -> None:
        self.flagged_label.setText(
            self.tr("Flagged answers kept apart (too fast or repeated): %1")
            .replace("%1", QLocale().toString(stats.flagged))
        )
        sync = stats.sync
        if sync.offline:
            self.sync_label.setText(self.tr("Sync is off: this kiosk works offline."))
            self.sync_button.setVisible(False)
            return
        self.sync_button.setVisible(True)
        parts = [self.tr("Waiting to be sent: %1").replace("%1", str(sync.pending))]
        if sync.quarantined:
            parts.append(self.tr("Quarantined: %1").replace("%1", str(sync.quarantined)))
        if sync.last_success is not None:
            when = QLocale().toString(sync.last_success.astimezone().replace(tzinfo=None),
                                      "d MMM HH:mm")
            parts.append(self.tr("last sent %1").replace("%1", when))
        else:
            parts.append(self.tr("nothing sent yet"))
        if sync.last_error:
            parts.append(self.tr("last error: %1").replace("%1", sync_problem(sync.last_error)))
        self.sync_label.setText(" · ".join(parts))

    def _range_text(self, since: date, until: date) -> str:
        locale = QLocale()
        fmt = "d MMM yyyy"
        if since == until:
            return locale.toString(QDate(since.year, since.month, since.day), fmt)
        first = locale.toString(QDate(since.year, since.month, since.day), fmt)
        last = locale.toString(QDate(until.year, until.month, until.day), fmt)
        return f"{first} \u2013 {last}"

    # --- language ---------------------------------------------------------------------------

    def retranslate_titles(self) -> None:
        c = self.cards
        c["nps"].title.setText(self.tr("Net Promoter Score"))
        c["mix"].title.setText(self.tr("Promoters, passives and detractors"))
        c["distribution"].title.setText(self.tr("Answers by score"))
        weekly = self.stats is not None and self.stats.granularity == "week"
        c["trend"].title.setText(self.tr("NPS week by week") if weekly else self.tr("NPS day by day"))
        c["reasons"].title.setText(self.tr("Reasons, most chosen first"))
        c["hours"].title.setText(self.tr("NPS by hour of the day"))
        c["weekdays"].title.setText(self.tr("NPS by day of the week"))
        c["comments"].title.setText(self.tr("Latest comments (detractors first)"))
        few = self.tr("· fewer than %1 answers").replace("%1", str(SLOT_MIN_ANSWERS))
        for key, chart in (("trend", self.trend_chart), ("hours", self.hour_chart),
                           ("weekdays", self.weekday_chart)):
            sparse = self.stats is not None and any(
                v is None for v in chart.values
            ) and any(v is not None for v in chart.values)
            c[key].set_note(few if sparse else "")

    def retranslate(self) -> None:
        self.title.setText(self.tr("Dashboard"))
        for edit in (self.since_edit, self.until_edit):
            edit.setDisplayFormat(date_format())
        self.export_button.setText(self.tr("Export"))
        self.settings_button.setText(self.tr("Settings"))
        self.close_button.setText(self.tr("Close"))
        self.period_buttons[Preset.TODAY.value].setText(self.tr("Today"))
        self.period_buttons[Preset.LAST_7.value].setText(self.tr("7 days"))
        self.period_buttons[Preset.LAST_30.value].setText(self.tr("30 days"))
        self.period_buttons[CUSTOM].setText(self.tr("Dates…"))
        self.include_flagged.setText(self.tr("Include flagged answers in the numbers"))
        self.sync_button.setText(self.tr("Sync now"))
        self.retranslate_titles()
        if self.stats is not None:
            self.show_stats(self.stats)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

