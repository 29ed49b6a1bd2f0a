"""A warning to staff before the disk is full, not after.

When the disk does fill up, answers wait in memory and the staff banner says so (see
``kiosk.store.recorder``); this watch gives the staff time to act before that happens.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from kiosk.ui.window import KioskWindow

log = logging.getLogger("kiosk.ui")

DISK_NOTICE = "disk"
LOW_DISK_BYTES = 100 * 1024 * 1024  # room for a long while of answers, logs and a WAL
CHECK_MS = 60_000


class DiskWatch(QObject):
    """Checks the data folder's free space every minute and shows or clears a staff notice."""

    def __init__(
        self,
        window: KioskWindow,
        folder: Path,
        *,
        low_bytes: int = LOW_DISK_BYTES,
        interval_ms: int = CHECK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self.window = window
        self.folder = Path(folder)
        self.low_bytes = low_bytes
        self.free_bytes: int | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.check()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> None:
        try:
            self.free_bytes = shutil.disk_usage(self.folder).free
        except OSError as exc:
            log.warning("cannot read the free space of %s: %s", self.folder, exc)
            return
        if self.free_bytes >= self.low_bytes:
            self.window.set_staff_notice(DISK_NOTICE, None)
            return
        log.warning("disk almost full: %d MB free in %s", self.free_bytes // 2**20, self.folder)
        megabytes = self.free_bytes // 2**20
        self.window.set_staff_notice(
            DISK_NOTICE,
            lambda: QCoreApplication.translate(
                "DiskWatch",
                "Staff: the disk is almost full ({free} MB free). Answers are still saved; "
                "please free some space soon.",
            ).format(free=megabytes),
        )
