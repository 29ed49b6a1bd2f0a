"""The admin area's controller: PIN pad, dashboard, export and settings, and the way out.

Wiring it into the guest window takes a few lines::

    area = AdminArea(services, language=translations.language)
    window.add_screen(area)
    gesture = CornerHoldGesture(window, settings.admin.hold_seconds)
    gesture.triggered.connect(lambda: (window.show_screen(area), area.open()))
    area.closed.connect(lambda: window.show_screen(question_screen))
    area.exit_requested.connect(app.quit)
    area.sync_now_requested.connect(sync_worker.sync_now)
    area.settings_saved.connect(apply_settings)

It closes itself after ``settings.admin.idle_seconds`` without a touch or key press.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from kiosk.admin.background import Background
from kiosk.admin.charts import Chart
from kiosk.admin.dashboard import DashboardScreen
from kiosk.admin.export_dialog import ExportScreen
from kiosk.admin.folder_picker import FolderPickerScreen
from kiosk.admin.follow_up import FollowUpScreen
from kiosk.admin.pinpad import PinPadScreen
from kiosk.admin.services import AdminServices
from kiosk.admin.settings_screen import SettingsScreen
from kiosk.admin.style import mark, stylesheet
from kiosk.config import ConfigError, Settings
from kiosk.core.exports import ExportRequest
from kiosk.core.pin import InvalidPin
from kiosk.core.stats import empty_stats
from kiosk.ui.theme import Sizes

log = logging.getLogger("kiosk.admin")

NO_OWNER_SECONDS = 6

_ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseMove,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.Wheel,
}


class AdminArea(QStackedWidget):
    """The owner's screens behind the PIN. Emits what the application must do."""

    closed = Signal()
    exit_requested = Signal()
    sync_now_requested = Signal()
    settings_saved = Signal(object)

    def __init__(
        self, services: AdminServices, language: str = "es", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.language = language
        self.authenticated = False
        self.session_started: datetime | None = None  # when the PIN opened this session
        self._changing_pin = False
        mark(self, "area")
        self.factor = 1.0  # the kiosk window's size factor (apply_sizes)
        self.setStyleSheet(stylesheet(services.settings().kiosk.accent_colour))
        self.background = Background(self)

        self.pinpad = PinPadScreen()
        self.dashboard = DashboardScreen()
        self.dashboard.today = services.today
        self.export_screen = ExportScreen()
        self.folder_picker = FolderPickerScreen()
        self.settings_screen = SettingsScreen()
        for screen in self._screens():
            self.addWidget(screen)
        self.follow_up_screen = FollowUpScreen()
        self.addWidget(self.follow_up_screen)
        self.follow_up_screen.done_requested.connect(self._follow_up_done)
        self.follow_up_screen.back_requested.connect(self.show_dashboard)
        self.dashboard.follow_ups_requested.connect(self.show_follow_ups)

        self.pinpad.submitted.connect(self._check_pin)
        self.pinpad.new_pin_chosen.connect(self._set_pin)
        self.pinpad.cancelled.connect(self._pin_cancelled)
        self.dashboard.range_changed.connect(self._load_stats)
        self.dashboard.export_requested.connect(self.show_export)
        self.dashboard.settings_requested.connect(self.show_settings)
        self.dashboard.sync_now_requested.connect(self._sync_now)
        self.dashboard.close_requested.connect(self.close_area)
        self.export_screen.export_requested.connect(self._export)
        self.export_screen.back_requested.connect(self.show_dashboard)
        self.export_screen.browse_requested.connect(self.show_folder_picker)
        self.folder_picker.chosen.connect(self._folder_chosen)
        self.folder_picker.cancelled.connect(self._back_to_export)
        self.settings_screen.save_requested.connect(self._save_settings)
        self.settings_screen.test_connection_requested.connect(self._test_connection)
        self.settings_screen.change_pin_requested.connect(self._change_pin)
        self.settings_screen.exit_requested.connect(self._exit)
        self.settings_screen.back_requested.connect(self.show_dashboard)

        # Polish the screens now (stylesheets, fonts), not when the owner first opens them.
        for screen in self._screens():
            screen.ensurePolished()
        today = services.today()
        self.dashboard.show_stats(empty_stats(today, today))  # warms Qt's lazy bindings too
        self.dashboard.stats = None

        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self._idle_timeout)
        # How long the "no owner's PIN yet" note stays before the question comes back.
        self.no_owner_timer = QTimer(self)
        self.no_owner_timer.setSingleShot(True)
        self.no_owner_timer.setInterval(NO_OWNER_SECONDS * 1000)
        self.no_owner_timer.timeout.connect(self.close_area)
        self._apply_idle(services.settings())

    def _screens(self) -> tuple[QWidget, ...]:
        return (
            self.pinpad,
            self.dashboard,
            self.export_screen,
            self.folder_picker,
            self.settings_screen,
        )

    # --- entry and exit ---------------------------------------------------------------------

    def open(self) -> None:
        """Show the PIN pad.

        A kiosk without a PIN does not let whoever holds the corner choose one (that would
        hand the owner's screens to the first guest who finds the gesture): it says that IT
        sets the PIN with ``kiosk set-pin`` and goes back to the question by itself.
        """
        self.authenticated = False
        self._changing_pin = False
        self.no_owner_timer.stop()
        if self.services.has_pin():
            self.pinpad.ask_for_pin()
            wait, locked = self.services.pin_wait()
            if wait > 0:
                self.pinpad.refuse(wait, locked)
        else:
            log.warning("admin area asked for, but no owner's PIN is set: run `kiosk set-pin`")
            self.pinpad.show_no_owner()
            self.no_owner_timer.start()
        self.setCurrentWidget(self.pinpad)
        self._watch_activity(True)
        self.idle.start()

    def close_area(self) -> None:
        """Leave the admin area; the application shows the guest screen again."""
        self.idle.stop()
        self.no_owner_timer.stop()
        self._watch_activity(False)
        self.authenticated = False
        self.pinpad.ask_for_pin()
        self.setCurrentWidget(self.pinpad)
        log.info("admin area closed")
        self.closed.emit()

    def apply_sizes(self, sizes: Sizes) -> None:
        """Scale the owner's screens with the window (fonts, paddings, the charts' texts);
        never below their design size: the owner's screens scroll where a guest's cannot."""
        # The on-screen keyboard's keys are styled by the window's (guest) stylesheet.
        self.settings_screen.keyboard.apply_sizes(sizes)
        factor = max(1.0, sizes.factor)
        if factor == self.factor:
            return
        self.factor = factor
        self.setStyleSheet(stylesheet(self.services.settings().kiosk.accent_colour, self.factor))
        for chart in self.findChildren(Chart):
            chart.scale = self.factor
            chart.update()
        self.pinpad.set_scale(self.factor)

    def set_language(self, language: str) -> None:
        self.language = language
        if self.authenticated and self.dashboard.stats is not None:
            self.dashboard.set_context(self.services.settings(), language)
            self.dashboard.show_stats(self.dashboard.stats)

    def refresh(self) -> None:
        """Re-read the numbers (new answers, a sync pass) if the dashboard is showing."""
        if self.authenticated and self.currentWidget() is self.dashboard:
            self.dashboard.select_period(self.dashboard.period)

    def _idle_timeout(self) -> None:
        if self.background.busy:
            self.idle.start()  # never walk away from an export half-written
            return
        log.info("admin area idle for %.0f s: closing", self.idle.interval() / 1000)
        self.close_area()

    def _apply_idle(self, settings: Settings) -> None:
        self.idle.setInterval(round(settings.admin.idle_seconds * 1000))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.idle.isActive() and self.isVisible():
            self.idle.start()
        return False

    # --- PIN --------------------------------------------------------------------------------

    def _check_pin(self, pin: str) -> None:
        result = self.services.check_pin(pin)
        if result.ok:
            self.authenticated = True
            self.session_started = datetime.now()
            self.show_dashboard()
        else:
            self.pinpad.refuse(result.wait_seconds, result.locked)

    def _set_pin(self, pin: str) -> None:
        """A new PIN typed twice: only the owner already inside ("Change PIN") may set one."""
        if not (self.authenticated and self._changing_pin):
            log.warning('a new PIN was offered outside "Change PIN": ignored')
            self.close_area()
            return
        try:
            self.services.set_pin(pin)
        except InvalidPin:
            self.pinpad.ask_for_new_pin()
            return
        self.session_started = self.session_started or datetime.now()
        self._changing_pin = False
        self.show_settings()
        self.settings_screen.show_message(self.tr("The new PIN is set."))

    def _pin_cancelled(self) -> None:
        if self._changing_pin:
            self._changing_pin = False
            self.pinpad.ask_for_pin()
            self.setCurrentWidget(self.settings_screen)
        else:
            self.close_area()

    def _change_pin(self) -> None:
        self._changing_pin = True
        self.pinpad.ask_for_new_pin()
        self.setCurrentWidget(self.pinpad)

    # --- dashboard --------------------------------------------------------------------------

    def show_dashboard(self) -> None:
        if not self.authenticated:
            return
        self.dashboard.set_context(self.services.settings(), self.language)
        self.setCurrentWidget(self.dashboard)
        self.dashboard.select_period(self.dashboard.period)

    def _load_stats(self, since: date, until: date, include_flagged: bool) -> None:
        stats = self.services.stats(since, until, include_flagged)
        self.dashboard.show_stats(stats)

    def _sync_now(self) -> None:
        self.sync_now_requested.emit()
        QTimer.singleShot(1500, self.refresh)

    # --- call-backs ---------------------------------------------------------------------------

    def show_follow_ups(self) -> None:
        if not self.authenticated:
            return
        self.follow_up_screen.show_follow_ups(
            self.services.follow_ups(), self.services.settings(), self.language
        )
        self.setCurrentWidget(self.follow_up_screen)

    def _follow_up_done(self, answer_id: str) -> None:
        """Called back: recorded as done by this PIN session, now."""
        if not self.authenticated:
            return
        started = self.session_started or datetime.now()
        who = f"owner PIN session {started.astimezone():%Y-%m-%d %H:%M}"
        if self.services.mark_follow_up_done(answer_id, who):
            log.info("call-back for answer %s marked done", answer_id)
        self.show_follow_ups()

    # --- export -----------------------------------------------------------------------------

    def show_export(self) -> None:
        if not self.authenticated:
            return
        since, until = self.dashboard.current_range()
        self.export_screen.prepare(
            since, until, self.dashboard.include_flagged.isChecked(), self.services.export_folder
        )
        self.setCurrentWidget(self.export_screen)

    def show_folder_picker(self) -> None:
        if not self.authenticated:
            return
        self.folder_picker.prepare(self.export_screen.places())
        self.setCurrentWidget(self.folder_picker)

    def _folder_chosen(self, folder: Path) -> None:
        self.export_screen.add_folder(Path(folder))
        self._back_to_export()

    def _back_to_export(self) -> None:
        if self.authenticated:
            self.setCurrentWidget(self.export_screen)

    def _export(self, request: ExportRequest, folder: Path) -> None:
        kiosk_id = self.services.settings().kiosk.id
        path = Path(folder) / request.default_filename(kiosk_id, datetime.now())
        self.export_screen.show_busy()

        def done(ok: bool, result: object) -> None:
            if ok:
                self.export_screen.show_done(int(result), path)
            else:
                reason = getattr(result, "strerror", None) or str(result)
                self.export_screen.show_failed(reason)

        self.background.run("export", lambda: self.services.export(request, path), done)

    # --- settings ---------------------------------------------------------------------------

    def show_settings(self) -> None:
        if not self.authenticated:
            return
        self.settings_screen.load(self.services.settings())
        self.setCurrentWidget(self.settings_screen)

    def _save_settings(self, document: dict) -> None:
        try:
            saved = self.services.save_settings(document)
        except ConfigError as exc:
            self.settings_screen.show_config_error(exc)
            return
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.settings_screen.show_error(
                "[kiosk] shop_name",
                self.tr("The settings file cannot be written ({reason}).").format(reason=reason),
            )
            return
        self.settings_screen.load(saved)
        self.settings_screen.show_saved()
        self._apply_idle(saved)
        self.setStyleSheet(stylesheet(saved.kiosk.accent_colour, self.factor))
        self.settings_saved.emit(saved)

    def _test_connection(self, endpoint: str, token: str) -> None:
        services = self.services

        def call() -> tuple[bool, str]:
            return services.test_connection(endpoint, token)

        def done(ok: bool, result: object) -> None:
            if ok:
                success, message = result
                self.settings_screen.show_test_result(bool(success), str(message))
            else:
                self.settings_screen.show_test_result(False, str(result))

        self.background.run("test-connection", call, done, network_only=True)

    def _exit(self) -> None:
        log.warning("exit requested from the admin area")
        self.exit_requested.emit()

    def shutdown(self) -> None:
        """Stop timers and wait for a running export (call before the app quits); a
        connection test still waiting on the network is left to end by itself."""
        self.idle.stop()
        self.no_owner_timer.stop()
        self.background.wait(network=False)
        self._watch_activity(False)

    def _watch_activity(self, on: bool) -> None:
        """See every touch and key only while the area is open: the guest's taps need not
        pass through one more Python filter."""
        app = QApplication.instance()
        if app is None:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
