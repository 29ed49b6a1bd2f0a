"""KioskWindow: screens in a stack, and the staff banner."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kiosk.ui.window import KioskWindow, translate_problem


def test_screens_can_be_added_and_shown(qtbot):
    window = KioskWindow()
    qtbot.addWidget(window)
    first, second = QLabel("a"), QLabel("b")
    window.add_screen(first)
    window.add_screen(first)  # twice is once
    window.show_screen(second)  # added on the way
    assert window.stack.count() == 2
    assert window.current_screen() is second


def test_staff_notices_show_and_clear(qtbot):
    window = KioskWindow()
    qtbot.addWidget(window)
    window.start(fullscreen=False)
    assert not window.staff_banner.isVisible()
    window.set_staff_notice("disk", "Staff: the disk is full")
    window.set_staff_notice("db", lambda: "Staff: recovered")
    assert window.staff_banner.isVisible()
    assert window.staff_banner.text() == "⚠  Staff: the disk is full\n⚠  Staff: recovered"
    window.set_staff_notice("disk", None)
    assert window.staff_notices() == {"db": "Staff: recovered"}
    window.set_staff_notice("db", None)
    assert not window.staff_banner.isVisible()


def test_fullscreen_hides_the_cursor_and_frame(qtbot):
    from PySide6.QtCore import Qt

    window = KioskWindow()
    qtbot.addWidget(window)
    window.start(fullscreen=True)
    assert window.cursor().shape() == Qt.CursorShape.BlankCursor
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.isFullScreen()
    window.close()  # gives back the application-wide cursor


def test_unknown_problems_pass_through(qapp):
    assert translate_problem("something odd") == "something odd"


def test_fullscreen_covers_the_screen_with_no_window_manager(qtbot, monkeypatch):
    """On bare X (no window manager) nobody acts on the fullscreen request: we size ourselves."""
    window = KioskWindow()
    qtbot.addWidget(window)
    # What a platform without a window manager does with the request: nothing.
    monkeypatch.setattr(window, "showFullScreen", window.show)
    window.start(fullscreen=True)
    assert window.geometry() == window.screen().geometry()
    window.close()


def test_fullscreen_hides_the_cursor_over_text_fields_too(qtbot):
    """A QLineEdit sets its own I-beam cursor; a touch moves the pointer there."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLineEdit

    window = KioskWindow()
    qtbot.addWidget(window)
    field = QLineEdit()
    window.show_screen(field)
    window.start(fullscreen=True)
    override = QApplication.overrideCursor()
    assert override is not None and override.shape() == Qt.CursorShape.BlankCursor
    window.close()
    assert QApplication.overrideCursor() is None


# --- the development window fits the screen (make run on a 1280x800 laptop) ---------------


def test_dev_geometry_is_the_counter_size_where_it_fits():
    from PySide6.QtCore import QRect, QSize

    from kiosk.ui.window import dev_geometry

    assert dev_geometry(QRect(0, 0, 1920, 1080)) == QRect(320, 0, 1280, 800)
    # a 1280x800 laptop with a 28 px top panel and a 30 px title bar + 1 px borders
    available = QRect(0, 28, 1280, 772)
    inner = dev_geometry(available, QSize(2, 32))
    outer = inner.adjusted(-1, -31, 1, 1)  # the frame around it
    assert available.contains(outer), (inner, outer)
    assert inner.size() == QSize(1278, 740)


def test_the_dev_window_stays_inside_the_available_screen(qtbot):
    from kiosk.ui.window import KioskWindow

    window = KioskWindow()
    qtbot.addWidget(window)
    window.setMinimumSize(1, 1)
    window.start(False)
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry())
    frame = window.frameGeometry().width() - window.width()
    assert window.width() == min(1280, available.width() - frame)  # as large as fits
