"""The owner's dashboard: how the shop is doing and why, at a glance.

It shows a :class:`~kiosk.core.stats.DashboardStats` and emits intents; the area controller
reads the numbers (``services.stats``) and calls :meth:`show_stats`. The cards come from
:data:`kiosk.admin.dashboard_cards.CARDS` (title, part of the stats, drawing function); this
screen builds one :class:`Card` per entry, flows them into three columns (landscape) or two
(portrait), and fills them. Every chart draws itself to its size.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, Qt, Signal
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

from kiosk.admin.dashboard_cards import (
    CARDS,
    SLOT_MIN_ANSWERS,
    CardSpec,
    Drawing,
    grid_places,
    is_sparse,
)
from kiosk.admin.style import date_format, mark
from kiosk.admin.sync_text import sync_problem
from kiosk.config import Settings
from kiosk.core.stats import DashboardStats, Preset, preset_range

CUSTOM = "custom"
LANDSCAPE_COLUMNS = 3
PORTRAIT_COLUMNS = 2


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
    follow_ups_requested = Signal()  # the call-back requests list

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
        self.title.setWordWrap(True)  # "Tableau de bord" beside the buttons on a portrait screen
        self.shop = QLabel()
        mark(self.shop, "muted")
        self.export_button = QPushButton()
        mark(self.export_button, "primary")
        self.export_button.clicked.connect(self.export_requested.emit)
        self.settings_button = QPushButton()
        mark(self.settings_button, "secondary")
        self.settings_button.clicked.connect(self.settings_requested.emit)
        self.follow_ups_button = QPushButton()
        mark(self.follow_ups_button, "secondary")
        self.follow_ups_button.clicked.connect(self.follow_ups_requested.emit)
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
        top.addWidget(self.follow_ups_button)
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
        self.cards: dict[str, Card] = {}
        for spec in CARDS:
            card = Card(spec.body())
            card.setMinimumHeight(150)
            card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self.cards[spec.key] = card
        # The parts the tests and the area read by name.
        headline = self.cards["nps"].body
        self.nps_value, self.nps_detail, self.nps_change = (
            headline.value,
            headline.detail,
            headline.change,
        )
        self.mix_chart = self.cards["mix"].body
        self.distribution_chart = self.cards["distribution"].body
        self.trend_chart = self.cards["trend"].body
        self.reason_chart = self.cards["reasons"].body
        self.hour_chart = self.cards["hours"].body
        self.weekday_chart = self.cards["weekdays"].body
        self.comments_label = self.cards["comments"].body.label

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
        """Three columns in landscape, two in portrait; the cards in the order of CARDS."""
        portrait = self.width() < self.height() or self.width() < 1000
        if portrait == self._portrait:
            return
        self._portrait = portrait
        for card in self.cards.values():
            self.grid.removeWidget(card)
        columns = PORTRAIT_COLUMNS if portrait else LANDSCAPE_COLUMNS
        places = grid_places([spec.span for spec in CARDS], columns)
        for spec, (row, column, span) in zip(CARDS, places, strict=True):
            self.grid.addWidget(self.cards[spec.key], row, column, 1, span)
        rows = max(row for row, _, _ in places) + 1
        for column in range(max(LANDSCAPE_COLUMNS, self.grid.columnCount())):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        for row in range(max(rows, self.grid.rowCount())):
            self.grid.setRowStretch(row, 1 if row < rows else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._reflow()
        self._fit_footer(event.size().width())

    def _fit_footer(self, width: int) -> None:
        # Its wrapped lines need more height on a narrow screen (1024x600): the screen's
        # layout does not ask a nested layout's height for its width, so say it here.
        layout = self.footer.layout()
        if layout.hasHeightForWidth():
            self.footer.setMinimumHeight(layout.totalHeightForWidth(width))

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
        self.range_label.setText(self._range_text(stats.since, stats.until))
        drawing = Drawing(locale=QLocale(), settings=self.settings, language=self.language)
        for spec in CARDS:
            spec.draw(self.cards[spec.key].body, spec.shows(stats), drawing)
        self._show_footer(stats)
        self.retranslate_titles()

    def _show_footer(self, stats: DashboardStats) -> None:
        self._fill_footer(stats)
        self._fit_footer(self.width())

    def _fill_footer(self, stats: DashboardStats) -> None:
        self.flagged_label.setText(
            self.tr("Flagged answers kept apart (too fast or repeated): %1").replace(
                "%1", QLocale().toString(stats.flagged)
            )
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
            when = QLocale().toString(
                sync.last_success.astimezone().replace(tzinfo=None), "d MMM HH:mm"
            )
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
        few = self.tr("· fewer than %1 answers").replace("%1", str(SLOT_MIN_ANSWERS))
        for spec in CARDS:
            card = self.cards[spec.key]
            card.title.setText(self._card_title(spec))
            if spec.note_when_sparse:
                card.set_note(few if self.stats is not None and is_sparse(card.body) else "")

    def _card_title(self, spec: CardSpec) -> str:
        return QCoreApplication.translate("DashboardScreen", spec.title_source(self.stats))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Dashboard"))
        for edit in (self.since_edit, self.until_edit):
            edit.setDisplayFormat(date_format())
        self.export_button.setText(self.tr("Export"))
        self.settings_button.setText(self.tr("Settings"))
        self.follow_ups_button.setText(self.tr("Call-backs"))
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
