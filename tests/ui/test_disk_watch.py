"""The staff hear that the disk is filling up before it is full."""

from __future__ import annotations

import shutil

from kiosk.ui.disk_watch import DISK_NOTICE, DiskWatch
from kiosk.ui.window import KioskWindow


def test_low_free_space_shows_a_staff_notice_and_clears_when_space_returns(qtbot, tmp_path):
    window = KioskWindow()
    qtbot.addWidget(window)
    free = shutil.disk_usage(tmp_path).free
    # The threshold moves instead of the disk filling up: the free space read is real.
    watch = DiskWatch(window, tmp_path, low_bytes=free + 2**30)
    watch.start()
    try:
        notices = window.staff_notices()
        assert DISK_NOTICE in notices
        assert "MB" in notices[DISK_NOTICE]
        watch.low_bytes = 1
        watch.check()
        assert DISK_NOTICE not in window.staff_notices()
    finally:
        watch.stop()


def test_an_unreadable_folder_is_logged_not_shown(qtbot, tmp_path, caplog):
    window = KioskWindow()
    qtbot.addWidget(window)
    watch = DiskWatch(window, tmp_path / "missing")
    watch.check()
    assert DISK_NOTICE not in window.staff_notices()
    assert "cannot read the free space" in caplog.text
