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
from kiosk.admin.dashboard import DashboardScreen
from kiosk.admin.export_dialog import ExportScreen
from kiosk.admin.follow_up import FollowUpScreen
from kiosk.admin.pinpad import PinPadScreen
from kiosk.admin.services import AdminServices
from kiosk.admin.settings_screen import SettingsScreen
from kiosk.admin.style import mark, stylesheet
from kiosk.config import ConfigError, Settings
from kiosk.core.exports import ExportRequest
from kiosk.core.pin import InvalidPin
from kiosk.core.stats import empty_stats

log = logging.getLogger("kiosk.admin")

_ACTIVITY = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
    QEvent.Type.KeyPress, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.Wheel,
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
        self.setStyleSheet(stylesheet(services.settings().kiosk.accent_colour))
        self.background = Background(self)

        self.pinpad = PinPadScreen()
        self.dashboard = DashboardScreen()
        self.dashboard.today = services.today
        self.export_screen = ExportScreen()
        self.settings_screen = SettingsScreen()
        for screen in (self.pinpad, self.dashboard, self.export_screen, self.settings_screen):
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
        self.settings_screen.save_requested.connect(self._save_settings)
        self.settings_screen.test_connection_requested.connect(self._test_connection)
        self.settings_screen.change_pin_requested.connect(self._change_pin)
        self.settings_screen.exit_requested.connect(self._exit)
        self.settings_screen.back_requested.connect(self.show_dashboard)

        # Polish the screens now (stylesheets, fonts), not when the owner first opens them.
        for screen in (self.pinpad, self.dashboard, self.export_screen, self.settings_screen):
            screen.ensurePolished()
        today = services.today()
        self.dashboard.show_stats(empty_stats(today, today))  # warms Qt's lazy bindings too
        self.dashboard.stats = None

        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self._idle_timeout)
        self._apply_idle(services.settings())

    # --- entry and exit ---------------------------------------------------------------------

    def open(self) -> None:
        """Show the PIN pad (or, on first run, ask the owner to choose a PIN)."""
        self.authenticated = False
        self._changing_pin = False
        if self.services.has_pin():
            self.pinpad.ask_for_pin()
            wait, locked = self.services.pin_wait()
            if wait > 0:
                self.pinpad.refuse(wait, locked)
        else:
            log.info("no admin PIN yet: asking the owner to set one")
            self.pinpad.ask_for_new_pin()
        self.setCurrentWidget(self.pinpad)
        self._watch_activity(True)
        self.idle.start()

    def close_area(self) -> None:
        """Leave the admin area; the application shows the guest screen again."""
        self.idle.stop()
        self._watch_activity(False)
        self.authenticated = False
        self.pinpad.ask_for_pin()
        self.setCurrentWidget(self.pinpad)
        log.info("admin area closed")
        self.closed.emit()

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
        try:
            self.services.set_pin(pin)
        except InvalidPin:
            self.pinpad.ask_for_new_pin()
            return
        self.authenticated = True
        self.session_started = self.session_started or datetime.now()
        if self._changing_pin:
            self._changing_pin = False
            self.show_settings()
            self.settings_screen.show_message(self.tr("The new PIN is set."))
        else:
            self.show_dashboard()

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
            self.services.follow_ups(), self.services.settings(), self.language)
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
        self.setStyleSheet(stylesheet(saved.kiosk.accent_colour))
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

        self.background.run("test-connection", call, done)

    def _exit(self) -> None:
        log.warning("exit requested from the admin area")
        self.exit_requested.emit()

    def shutdown(self) -> None:
        """Stop timers and wait for a running export (call before the app quits)."""
        self.idle.stop()
        self.background.wait()
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
