"""The guest app, assembled: :func:`build_app` puts screens, flow, recorder and translations
together on an open store. Tests, screenshots, the self-test and the benchmarks reuse it;
:mod:`kiosk.app.shell` adds what only the real kiosk process needs.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.app.context import Context
from kiosk.config import Settings
from kiosk.store.ballast import Ballast
from kiosk.store.database import StoreError
from kiosk.store.integrity import IntegrityWatch, check_at_start, checked_at_start
from kiosk.store.recorder import DurableRecorder
from kiosk.store.retention import apply_retention
from kiosk.ui import theme
from kiosk.ui.disk_watch import DiskWatch
from kiosk.ui.flow import GuestFlow
from kiosk.ui.i18n import Translations
from kiosk.ui.lockdown import Lockdown
from kiosk.ui.question import QuestionScreen
from kiosk.ui.window import KioskWindow, translate_problem

if TYPE_CHECKING:
    from kiosk.ui.contact import ContactScreen
    from kiosk.ui.thanks import ThanksScreen
    from kiosk.ui.why import WhyScreen

log = logging.getLogger("kiosk.ui")

APP_NAME = "Counter kiosk"
RECOVERED_NOTICE = "recovered"
DAMAGE_NOTICE = "damage"
RETENTION_EVERY_MS = 3600 * 1000


@dataclass
class KioskApp:
    """Everything :func:`build_app` made, for the caller to show, drive or inspect.

    The screens after the question are the flow's, built on first use (see
    :class:`~kiosk.ui.flow.GuestFlow`).
    """

    ctx: Context
    window: KioskWindow
    flow: GuestFlow
    question: QuestionScreen
    recorder: DurableRecorder
    translations: Translations
    disk: DiskWatch
    lockdown: Lockdown
    retention_timer: QTimer | None = None

    @property
    def why(self) -> WhyScreen:
        return self.flow.why

    @property
    def thanks(self) -> ThanksScreen:
        return self.flow.thanks

    @property
    def contact(self) -> ContactScreen | None:
        """Only with ``[callback]`` enabled."""
        return self.flow.contact

    def close(self) -> None:
        self.lockdown.release()
        self.disk.stop()
        self._stop_flow()
        self.recorder.stop()  # writes the disk still refuses go to a spill file, logged
        self.translations.close()
        self.window.close()
        self.window.deleteLater()

    def _stop_flow(self) -> None:
        self.flow.keep_reasons()  # a chip tapped a moment ago is kept, not dropped
        for timer in (
            self.flow.idle_timer,
            self.flow.thanks_timer,
            self.flow.retry_timer,
            self.flow.reasons_timer,
        ):
            timer.stop()
        if self.retention_timer is not None:
            self.retention_timer.stop()

    def apply_retention(self) -> None:
        """Erase expired contacts and purge old synced answers (as configured); a store
        that refuses is logged and tried again at the next round."""
        try:
            settings = self.ctx.settings
            apply_retention(
                self.ctx.store().db,
                datetime.now(timezone.utc),
                contact_days=settings.callback.retention_days,
                answers_days=settings.retention.answers_days,
            )
        except StoreError as exc:
            log.error("retention skipped: %s", exc)

    def apply_settings(self, settings: Settings) -> GuestFlow:
        """Use new settings at once (the owner saved them): rebuild the guest screens.

        Any answer in progress is completed first (as a walk-away, keeping what was chosen),
        so nothing is lost; the recorder and its queue are kept as they are.
        """
        self.flow.suspend()
        self._stop_flow()
        self.ctx.reload_settings(settings)
        theme.apply(qt_app(), settings.kiosk.accent_colour)
        self.window.set_look(settings.kiosk.accent_colour, self.window.pixels_per_inch)
        self.translations.configure(settings.kiosk.languages, settings.kiosk.default_language)
        old_flow = self.flow
        old_screens = old_flow.built_screens()
        self.question = QuestionScreen(settings, self.translations)
        self.flow = GuestFlow(
            self.window, self.question, self.recorder, settings, self.translations
        )
        self.flow.build_screens()  # the next guest's tap finds them ready, as at start
        self.flow.retry_storage()  # answers waiting in memory keep being retried
        if self.retention_timer is not None:
            self.retention_timer.start()
        for widget in old_screens:
            self.window.stack.removeWidget(widget)
        for item in (*old_screens, old_flow):
            item.deleteLater()
        log.info("settings applied without a restart")
        return self.flow


def qt_app() -> QApplication:
    """The QApplication, created once, named for the platform's folders and logs."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def build_app(
    ctx: Context, *, scale: float | None = None, pixels_per_inch: float | None = None
) -> KioskApp:
    """Open the store and build window, screens and flow (a QApplication must exist).

    ``scale`` stretches every text (the pseudo-translation, see :mod:`kiosk.ui.i18n`);
    ``pixels_per_inch`` stands in for the screen's density (see :func:`kiosk.ui.theme.scale_for`).
    """
    settings = ctx.settings
    # First: if there is no store, nothing else is set up. A large store is checked in the
    # background instead (see kiosk.store.integrity), so the question shows at once.
    full_check = check_at_start(ctx.store_path)
    opened = ctx.store(check=full_check)
    if full_check:
        checked_at_start(ctx.store_path)
    app = qt_app()
    theme.apply(app, settings.kiosk.accent_colour)
    translations = Translations(
        settings.kiosk.languages, settings.kiosk.default_language, scale=scale
    )
    translations.set_language(settings.kiosk.default_language)

    # Room held back for a full disk, and what a stop on a full disk could not save.
    ballast = Ballast(ctx.data_dir)
    ballast.ensure()
    recorder = DurableRecorder(opened.answers, ballast=ballast, spill_dir=ctx.data_dir)
    recorder.replay_spilled()
    window = KioskWindow()
    window.set_look(settings.kiosk.accent_colour, pixels_per_inch)
    question = QuestionScreen(settings, translations)
    flow = GuestFlow(window, question, recorder, settings, translations)

    report = opened.recovery
    if report is not None:
        folder, count = str(report.set_aside_in), report.recovered
        pin_lost = report.pin_restored_from == "none"  # never silently: the area is closed

        def recovered_text() -> str:
            if pin_lost:
                text = QCoreApplication.translate(
                    "KioskApp",
                    "Staff: the database was damaged and has been set aside in {folder}; "
                    "{count} answer(s) were recovered. The admin PIN was lost with it: IT "
                    "sets a new one with `kiosk set-pin`. Please tell IT.",
                )
            else:
                text = QCoreApplication.translate(
                    "KioskApp",
                    "Staff: the database was damaged and has been set aside in {folder}; "
                    "{count} answer(s) were recovered. Please tell IT.",
                )
            return text.format(folder=folder, count=count)

        window.set_staff_notice(RECOVERED_NOTICE, recovered_text)
    try:
        opened.answers.close_abandoned()
    except StoreError as exc:
        log.error("cannot close answers left open: %s", exc)
        problem = exc.message
        window.set_staff_notice(
            "startup",
            lambda: QCoreApplication.translate(
                "KioskApp", "Staff: answers cannot be saved ({problem})."
            ).format(problem=translate_problem(problem)),
        )
    disk = DiskWatch(window, ctx.data_dir)
    disk.start()
    flow.start()
    lockdown = Lockdown(window)
    kiosk = KioskApp(ctx, window, flow, question, recorder, translations, disk, lockdown)
    # Contacts are erased on time (the consent promised it) even on a kiosk never restarted.
    kiosk.retention_timer = QTimer(window)
    kiosk.retention_timer.setInterval(RETENTION_EVERY_MS)
    kiosk.retention_timer.timeout.connect(kiosk.apply_retention)
    kiosk.apply_retention()
    kiosk.retention_timer.start()
    return kiosk


class DamageNotice(QObject):
    """Carries the background store check's finding to the UI thread's staff banner."""

    damaged = Signal(list)

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self.window = window
        self.damaged.connect(self.show)

    @Slot(list)
    def show(self, problems: list) -> None:
        self.window.set_staff_notice(
            DAMAGE_NOTICE,
            lambda: QCoreApplication.translate(
                "KioskApp",
                "Staff: the database reports damage. Answers are still being saved; restart "
                "the kiosk soon so it can set the file aside and recover it.",
            ),
        )


def watch_integrity(kiosk: KioskApp) -> IntegrityWatch:
    """Start the daily background check of the store; the caller stops it."""
    notice = DamageNotice(kiosk.window)
    watch = IntegrityWatch(kiosk.ctx.store_path, notice.damaged.emit)
    watch.start()
    return watch
