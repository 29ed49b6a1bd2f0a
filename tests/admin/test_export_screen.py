"""Exporting from the kiosk: to a folder, on a worker thread, atomically."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest
from helpers.admin import NASTY, PIN, enter, fill
from PySide6.QtCore import Qt

from kiosk.admin.export_dialog import removable_volumes


def open_export(qtbot, area, services):
    services.set_pin(PIN)
    area.open()
    enter(qtbot, area.pinpad, PIN)
    qtbot.mouseClick(area.dashboard.export_button, Qt.MouseButton.LeftButton)
    assert area.currentWidget() is area.export_screen
    return area.export_screen


def test_export_csv_to_a_folder(qtbot, area, services, answer_store, tmp_path):
    fill(answer_store)
    screen = open_export(qtbot, area, services)
    target = tmp_path / "stick"
    target.mkdir()
    screen.add_folder(target)
    screen.format_buttons["csv"].setChecked(True)
    screen.include_flagged.setChecked(True)
    from PySide6.QtCore import QDate

    screen.since_edit.setDate(QDate(2026, 11, 1))
    screen.until_edit.setDate(QDate(2026, 11, 30))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.export_button.isEnabled(), timeout=10000)
    area.background.wait()
    files = list(target.iterdir())
    assert len(files) == 1 and files[0].suffix == ".csv"
    assert files[0].name.startswith(f"nps-{services.settings().kiosk.id}-")
    rows = list(csv.DictReader(io.StringIO(files[0].read_text(encoding="utf-8-sig"))))
    assert len(rows) == 15
    assert "'" + NASTY in [r["comment"] for r in rows]
    assert "15" in screen.status.text()


def test_failed_export_says_so_and_leaves_nothing(qtbot, area, services, answer_store, tmp_path):
    fill(answer_store)
    screen = open_export(qtbot, area, services)
    gone = tmp_path / "pulled-stick"
    gone.mkdir()
    screen.add_folder(gone)
    gone.rmdir()  # the stick is pulled before the export starts
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.export_button.isEnabled(), timeout=10000)
    area.background.wait()
    assert "failed" in screen.status.text()
    assert not gone.exists()


def test_idle_does_not_close_during_an_export(qtbot, area, services, answer_store, tmp_path):
    import threading

    fill(answer_store)
    release = threading.Event()
    real_export = services.export

    def slow_export(request, path):
        release.wait(5)
        return real_export(request, path)

    services.export = slow_export
    screen = open_export(qtbot, area, services)
    screen.add_folder(tmp_path)
    area.idle.setInterval(150)
    area.idle.start()
    closed = []
    area.closed.connect(lambda: closed.append(True))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.wait(400)
    assert not closed  # an export is running: the area waits for it
    release.set()
    qtbot.waitUntil(lambda: screen.export_button.isEnabled(), timeout=10000)
    area.background.wait()
    qtbot.waitUntil(lambda: bool(closed), timeout=3000)


class _Volume:
    """What QStorageInfo says of a mounted volume (no USB stick can be plugged in a test)."""

    def __init__(self, root: str, name: str = "", *, ready=True, read_only=False) -> None:
        self.root, self.name, self.ready, self.read_only = root, name, ready, read_only

    def isValid(self):
        return True

    def isReady(self):
        return self.ready

    def isReadOnly(self):
        return self.read_only

    def rootPath(self):
        return self.root

    def displayName(self):
        return self.name


@pytest.mark.skipif(sys.platform == "win32", reason="mount points are POSIX paths here")
def test_removable_volumes_are_writable_sticks_not_the_system(monkeypatch):
    from PySide6.QtCore import QStorageInfo

    volumes = [
        _Volume("/", "system"),
        _Volume("/media/ana/KINGSTON", "KINGSTON"),
        _Volume("/run/media/ana/CARD", ""),
        _Volume("/media/ana/CDROM", "CDROM", read_only=True),
        _Volume("/media/ana/EJECTED", "EJECTED", ready=False),
        _Volume("/home", "home"),
    ]
    monkeypatch.setattr(QStorageInfo, "mountedVolumes", staticmethod(lambda: volumes))
    assert removable_volumes() == [
        ("KINGSTON", Path("/media/ana/KINGSTON")),
        ("/run/media/ana/CARD", Path("/run/media/ana/CARD")),
    ]


def test_folder_chooser_labels_follow_the_kiosk_language(qtbot):
    """Qt's own Spanish left 'Look in:' and 'Files of type:' in English in the folder chooser."""
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtWidgets import QFileDialog

    from kiosk.admin.export_dialog import ExportScreen

    class Upper(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return source.upper() if context == "ExportScreen" else None

    translator = Upper()
    QCoreApplication.installTranslator(translator)
    try:
        screen = ExportScreen()
        qtbot.addWidget(screen)
        dialog = screen.folder_dialog()
        assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "LOOK IN:"
        assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "FILES OF TYPE:"
        assert dialog.fileMode() == QFileDialog.FileMode.Directory
        dialog.deleteLater()
    finally:
        QCoreApplication.removeTranslator(translator)
