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


def test_choose_a_folder_by_touch_and_export_there(qtbot, area, services, answer_store, data_dir):
    """No desktop dialog: the places, folders opened by tap, "Use this folder"."""
    fill(answer_store)
    stick = data_dir / "USB"
    (stick / "Informes" / "2026").mkdir(parents=True)
    (stick / "fotos").mkdir()
    (stick / ".hidden").mkdir()
    services.export_folder = stick  # the kiosk's own export folder, here a stand-in stick
    screen = open_export(qtbot, area, services)
    qtbot.mouseClick(screen.browse_button, Qt.MouseButton.LeftButton)
    picker = area.folder_picker
    assert area.currentWidget() is picker
    assert [b.text() for b in picker.place_buttons] == ["This kiosk"]
    names = [picker.folders.item(i).text().split()[-1] for i in range(picker.folders.count())]
    assert names == ["fotos", "Informes"]  # by name, hidden ones left out
    assert not picker.up_button.isEnabled()  # the place is the top
    tap_item(qtbot, picker, "Informes")
    assert picker.current == stick / "Informes" and picker.up_button.isEnabled()
    tap_item(qtbot, picker, "2026")
    qtbot.mouseClick(picker.up_button, Qt.MouseButton.LeftButton)
    assert picker.current == stick / "Informes"
    qtbot.mouseClick(picker.use_button, Qt.MouseButton.LeftButton)
    assert area.currentWidget() is screen
    assert screen.destinations.currentItem().data(Qt.ItemDataRole.UserRole) == str(
        stick / "Informes"
    )
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.export_button.isEnabled(), timeout=10000)
    area.background.wait()
    assert len(list((stick / "Informes").glob("nps-*.xlsx"))) == 1


def tap_item(qtbot, picker, name):
    for i in range(picker.folders.count()):
        item = picker.folders.item(i)
        if item.text().endswith(name):
            rect = picker.folders.visualItemRect(item)
            qtbot.mouseClick(
                picker.folders.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
            )
            return
    raise AssertionError(f"no folder {name} listed")


def test_a_typed_path_on_the_on_screen_keyboard(qtbot, area, services, tmp_path):
    target = tmp_path / "a_b"
    target.mkdir()
    screen = open_export(qtbot, area, services)
    qtbot.mouseClick(screen.browse_button, Qt.MouseButton.LeftButton)
    picker = area.folder_picker
    qtbot.mouseClick(picker.path_field, Qt.MouseButton.LeftButton)
    assert picker.keyboard.isVisible()
    picker.path_field.clear()
    for key in str(tmp_path / "nope"):
        picker.keyboard.press(key)
    qtbot.mouseClick(picker.go_button, Qt.MouseButton.LeftButton)
    assert "There is no folder" in picker.message.text()
    picker.path_field.clear()
    for key in str(target):
        picker.keyboard.press(key)
    picker.keyboard.press("<done>")
    assert not picker.keyboard.isVisible()
    qtbot.mouseClick(picker.use_button, Qt.MouseButton.LeftButton)
    assert area.currentWidget() is screen
    assert screen.destinations.currentItem().data(Qt.ItemDataRole.UserRole) == str(target)


def test_back_from_the_picker_changes_nothing(qtbot, area, services):
    screen = open_export(qtbot, area, services)
    before = screen.destinations.count()
    qtbot.mouseClick(screen.browse_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(area.folder_picker.back_button, Qt.MouseButton.LeftButton)
    assert area.currentWidget() is screen and screen.destinations.count() == before


def test_an_unreadable_folder_is_said_on_screen(qtbot, tmp_path):
    from kiosk.admin.folder_picker import FolderPickerScreen

    picker = FolderPickerScreen()
    qtbot.addWidget(picker)
    picker.prepare([("gone", tmp_path / "gone")])
    assert "cannot be opened" in picker.message.text()
    picker.prepare([])
    assert "type a path" in picker.message.text()


def test_no_desktop_file_dialog_anywhere():
    root = Path(__file__).resolve().parents[2] / "kiosk"
    users = [p for p in root.rglob("*.py") if "QFileDialog" in p.read_text(encoding="utf-8")]
    assert users == []
