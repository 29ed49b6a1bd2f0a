"""The central configuration reaches the running kiosk at an idle moment, never mid-guest.

The sync thread hands over a checked configuration (:class:`SyncBridge`'s
``central_config_ready``); it waits here until the question screen is on, with no answer in
progress and no recent touch (a guest who just switched language is still a guest), then
the guest screens are rebuilt with it. A refused one shows a staff banner and is logged;
the kiosk keeps running on the last good one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

from kiosk.app.guest import KioskApp
from kiosk.config import ConfigError, Settings
from kiosk.config.central import CentralConfig

log = logging.getLogger("kiosk")

CENTRAL_NOTICE = "central-config"
IDLE_CHECK_MS = 500


class CentralConfigApplier(QObject):
    """Keeps the offered configuration and applies it between guests (UI thread)."""

    def __init__(
        self,
        kiosk: KioskApp,
        apply: Callable[[Settings], None],
        running: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.kiosk = kiosk
        self._apply = apply  # rebuilds the guest screens with the new settings
        self._running = running  # tells the sync which version now runs
        self.pending: CentralConfig | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(IDLE_CHECK_MS)
        self.timer.timeout.connect(self.apply_if_idle)

    def is_idle(self) -> bool:
        """The question on screen, nobody mid-answer, nobody touching."""
        flow = self.kiosk.flow
        return (
            self.kiosk.window.current_screen() is flow.question
            and flow.answer_id is None
            and not flow.idle_timer.isActive()
        )

    @Slot(object)
    def offer(self, config: CentralConfig) -> None:
        self.pending = config
        self.kiosk.window.set_staff_notice(CENTRAL_NOTICE, None)
        self.apply_if_idle()
        if self.pending is not None:
            self.timer.start()

    @Slot()
    def apply_if_idle(self) -> None:
        if self.pending is None:
            self.timer.stop()
            return
        if not self.is_idle():
            return
        config, self.pending = self.pending, None
        self.timer.stop()
        ctx = self.kiosk.ctx
        try:
            assert ctx.merged is not None
            merged = ctx.merged.replacing(config.layer())
        except ConfigError as exc:  # the kiosk's own layers changed since the sync's check
            self.refused(config.version, str(exc))
            return
        unchanged = merged.settings == ctx.settings
        ctx.remember_layers(merged)
        if not unchanged:  # (an empty or same-valued one needs no new screens)
            self._apply(merged.settings)
        self._running(config.version)
        log.info("central configuration %s applied between guests", config.version[:12])

    @Slot(str, str)
    def refused(self, version: str, reason: str) -> None:
        log.warning("central configuration %s refused: %s", version[:12], reason)
        self.kiosk.window.set_staff_notice(
            CENTRAL_NOTICE,
            lambda: QCoreApplication.translate(
                "CentralConfigApplier",
                "Staff: the central configuration was refused ({reason}). The kiosk keeps "
                "the last good one; please tell IT.",
            ).format(reason=reason.rstrip(".")),
        )

    def stop(self) -> None:
        self.timer.stop()
