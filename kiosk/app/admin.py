"""Joins the guest app to what runs behind it: the sync worker and the owner's admin area.

The guest screens know nothing of either. This module builds the :class:`SyncBridge` (its
worker thread does all HTTP) and the PIN-protected :class:`AdminArea`, opens the area on the
hidden corner gesture, nudges the sync after each answer, and applies the owner's saved
settings to the running kiosk without a restart.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from kiosk import files
from kiosk.admin.area import AdminArea
from kiosk.admin.gesture import CornerHoldGesture
from kiosk.app.admin_services import build as build_services
from kiosk.app.central import CentralConfigApplier
from kiosk.app.guest import KioskApp
from kiosk.app.sync_bridge import SyncBridge
from kiosk.config import Settings
from kiosk.config.central import CentralConfig
from kiosk.core.sync import SyncStatus
from kiosk.export.atomic import PART_SUFFIX
from kiosk.sync.central_config import CentralConfigPoll
from kiosk.sync.worker import token_for, worker_for

log = logging.getLogger("kiosk")

SYNC_NOTICE = "sync"


def _export_folder(data_dir: Path) -> Path | None:
    """A folder on the kiosk the export screen always offers, so it works with no USB stick."""
    folder = data_dir / "exports"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a full or read-only disk: the owner can still pick a stick
        log.warning("no export folder on this kiosk: %s", exc)
        return None
    files.sweep_unfinished(folder, PART_SUFFIX)  # exports a power cut cut short
    return folder


class AdminSide(QObject):
    """Sync worker and admin area attached to a :class:`KioskApp` (all on the UI thread)."""

    exit_requested = Signal()

    def __init__(self, kiosk: KioskApp, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kiosk = kiosk
        ctx = kiosk.ctx
        db = ctx.store().db
        config_dir = ctx.config_path.parent
        central = CentralConfigPoll(ctx.data_dir, check=self._fits)
        self.worker = worker_for(ctx.settings, db, config_dir, central=central)
        if (
            central.last_good is not None
            and ctx.merged is not None
            and ctx.merged.layer("central") is not None
        ):
            self.worker.running_config(central.last_good.version)
        self.bridge = SyncBridge(self.worker, self)
        self.bridge.status_changed.connect(self._sync_status)
        self.central = CentralConfigApplier(
            kiosk, self._apply_central, self.worker.running_config, self
        )
        self.bridge.central_config_ready.connect(self.central.offer)
        self.bridge.central_config_refused.connect(self.central.refused)
        self.services = build_services(
            db,
            ctx.settings,
            ctx.config_path,
            sync_status=self.worker.status,
            export_folder=_export_folder(ctx.data_dir),
            layers=lambda: ctx.merged,
            remember_layers=ctx.remember_layers,
        )
        self.area = AdminArea(self.services, language=kiosk.translations.language)
        kiosk.window.add_screen(self.area)
        self.gesture = CornerHoldGesture(kiosk.window, ctx.settings.admin.hold_seconds)
        self.gesture.triggered.connect(self.open_admin)
        self.area.closed.connect(self.close_admin)
        self.area.exit_requested.connect(self.exit_requested)
        self.area.sync_now_requested.connect(self.bridge.sync_now)
        self.area.settings_saved.connect(self.apply_settings)
        self._connect_flow()

    def _connect_flow(self) -> None:
        flow = self.kiosk.flow
        flow.answer_recorded.connect(self._answer_stored)
        flow.answer_completed.connect(self._answer_stored)

    # --- lifecycle --------------------------------------------------------------------------

    def start(self) -> None:
        self.bridge.start()

    def stop(self) -> None:
        """Stop the sync thread (at most one request's timeout) and let an export finish."""
        self.central.stop()
        shutdown = getattr(self.area, "shutdown", None)
        if callable(shutdown):
            shutdown()
        self.bridge.stop()

    # --- slots (UI thread) ------------------------------------------------------------------

    @Slot(str)
    def _answer_stored(self, _answer_id: str) -> None:
        self.bridge.nudge()
        self.area.refresh()

    @Slot()
    def open_admin(self) -> None:
        if self.kiosk.window.current_screen() is self.area:
            return
        log.info("admin gesture: opening the PIN pad")
        # Ending the guest's flow brings back the default language; the owner keeps the one
        # they chose on the question screen.
        language = self.kiosk.translations.language
        self.kiosk.flow.suspend()
        if self.kiosk.translations.language != language:
            self.kiosk.translations.set_language(language)
        self.gesture.enabled = False
        self.area.language = language
        self.kiosk.window.show_screen(self.area)
        self.area.open()

    @Slot()
    def close_admin(self) -> None:
        self.gesture.enabled = True
        self.kiosk.flow.back_to_question()

    def back_to_question(self) -> None:
        """After an unexpected error: whatever was on screen, the guest sees the question."""
        if self.kiosk.window.current_screen() is self.area:
            self.area.close_area()  # signs the owner out; its closed signal ends here too
        else:
            self.kiosk.flow.back_to_question()

    @Slot(object)
    def apply_settings(self, settings: Settings) -> None:
        """The owner saved settings: guest screens, timers, gesture and sync use them now."""
        flow = self.kiosk.apply_settings(settings)
        self._connect_flow()
        self.gesture.set_hold_seconds(settings.admin.hold_seconds)
        token = token_for(settings, self.kiosk.ctx.store().db, self.kiosk.ctx.config_path.parent)
        self.bridge.reconfigure(settings, token)
        # The owner is still in the admin area: keep it on screen over the new question.
        self.kiosk.window.show_screen(self.area)
        flow.idle_timer.stop()

    def _fits(self, config: CentralConfig) -> object:
        """The sync thread's check of a new central configuration: its own rules and the
        merge with this kiosk's layers (pure Python; raises ConfigError)."""
        merged = self.kiosk.ctx.merged
        layer = config.layer()
        return merged.replacing(layer) if merged is not None else layer

    def _apply_central(self, settings: Settings) -> None:
        """Between guests: the guest screens take the central configuration."""
        flow = self.kiosk.apply_settings(settings)
        self._connect_flow()
        flow.start()  # the new question, in the (new) default language

    @Slot(object)
    def _sync_status(self, status: SyncStatus) -> None:
        window = self.kiosk.window
        if status.auth_failing:
            window.set_staff_notice(
                SYNC_NOTICE,
                lambda: QCoreApplication.translate(
                    "AdminSide",
                    "Staff: the central server refuses this kiosk's token. Answers are kept "
                    "here and sent once the token is fixed in the admin settings.",
                ),
            )
        else:
            window.set_staff_notice(SYNC_NOTICE, None)
        self.area.refresh()
