"""The way in and out: gesture, PIN pad, first run (no PIN: IT sets it), idle close."""

from __future__ import annotations

import pytest
from helpers.admin import PIN, enter
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.admin.area import AdminArea
from kiosk.admin.gesture import CornerHoldGesture
from kiosk.admin.pinpad import Mode


def guest_window(qtbot, area):
    window = QWidget()
    stack = QStackedWidget()
    guest = QLabel("guest question")
    stack.addWidget(guest)
    stack.addWidget(area)
    QVBoxLayout(window).addWidget(stack)
    window.setMinimumSize(400, 300)
    window.resize(1280, 800)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, stack, guest


def test_gesture_opens_the_pin_pad(qtbot, services):
    services.set_pin(PIN)
    area = AdminArea(services, language="en")
    window, stack, guest = guest_window(qtbot, area)
    gesture = CornerHoldGesture(window, hold_seconds=0.3)
    gesture.triggered.connect(lambda: (stack.setCurrentWidget(area), area.open()))

    # a quick tap in the corner is a guest's tap: nothing happens
    qtbot.mousePress(guest, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.mouseRelease(guest, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.wait(450)
    assert stack.currentWidget() is guest
    # holding elsewhere does nothing either
    qtbot.mousePress(guest, Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
    qtbot.wait(450)
    qtbot.mouseRelease(guest, Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
    assert stack.currentWidget() is guest
    # press and hold the top-left corner
    with qtbot.waitSignal(gesture.triggered, timeout=2000):
        qtbot.mousePress(guest, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.mouseRelease(guest, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert stack.currentWidget() is area
    assert area.currentWidget() is area.pinpad and area.pinpad.mode is Mode.ENTER
    area.shutdown()


def test_wrong_pin_is_refused_and_delayed_then_right_pin_opens(qtbot, area, services):
    services.set_pin(PIN)
    area.open()
    pad = area.pinpad
    enter(qtbot, pad, "1111")
    assert area.currentWidget() is pad
    assert pad.waiting and not pad.digit_keys["1"].isEnabled()
    assert "Wrong PIN" in pad.message.text()
    assert services.pin_wait()[0] > 0
    # typing during the delay does nothing
    pad.press("2")
    assert pad.entered_length == 0
    qtbot.waitUntil(lambda: not pad.waiting, timeout=3000)
    assert pad.digit_keys["1"].isEnabled()
    enter(qtbot, pad, PIN)
    assert area.currentWidget() is area.dashboard
    assert area.authenticated


@pytest.mark.slow
def test_repeated_failures_lock_out(qtbot, area, services):
    services.set_pin(PIN)
    area.open()
    for _attempt in range(4):
        qtbot.waitUntil(lambda: not area.pinpad.waiting, timeout=5000)
        enter(qtbot, area.pinpad, "0000")
    assert "Locked" in area.pinpad.message.text()
    wait, locked = services.pin_wait()
    assert locked and wait > 50
    # reopening (or restarting) keeps the lock-out
    area.close_area()
    area.open()
    assert area.pinpad.waiting and "Locked" in area.pinpad.message.text()


def test_without_a_pin_the_corner_does_not_open_the_area(qtbot, area, services):
    """First run belongs to IT: no "choose a PIN" for whoever holds the corner."""
    assert not services.has_pin()
    area.no_owner_timer.setInterval(300)
    area.open()
    pad = area.pinpad
    assert pad.mode is Mode.NO_OWNER
    assert "kiosk set-pin" in pad.prompt.text()
    assert not pad.ok_key.isVisible() and not pad.digit_keys["1"].isEnabled()
    pad.press("1")
    pad.press("3")
    pad.press("5")
    pad.press("7")
    pad.ok_key.click()
    assert pad.entered_length == 0
    with qtbot.waitSignal(area.closed, timeout=2000):
        pass  # back to the question by itself
    assert not services.has_pin() and not area.authenticated


def test_without_a_pin_back_returns_at_once(qtbot, area, services):
    area.open()
    with qtbot.waitSignal(area.closed, timeout=1000):
        qtbot.mouseClick(area.pinpad.cancel_button, Qt.MouseButton.LeftButton)
    assert not area.no_owner_timer.isActive()


def test_a_new_pin_outside_change_pin_is_ignored(qtbot, area, services):
    area.open()
    area.pinpad.new_pin_chosen.emit("1357")  # as if the pad were driven into NEW mode
    assert not services.has_pin() and not area.authenticated


def test_too_short_pin_is_not_submitted(qtbot, area, services):
    services.set_pin(PIN)
    area.open()
    enter(qtbot, area.pinpad, "12")
    assert "4 to 8" in area.pinpad.message.text()
    assert services.pin_wait()[0] == 0  # not even counted as a failure


def test_idle_closes_the_area(qtbot, area, services):
    services.set_pin(PIN)
    area.idle.setInterval(300)
    area.open()
    enter(qtbot, area.pinpad, PIN)
    assert area.currentWidget() is area.dashboard
    with qtbot.waitSignal(area.closed, timeout=3000):
        pass
    assert not area.authenticated
    assert area.currentWidget() is area.pinpad


def test_activity_keeps_it_open(qtbot, area, services):
    services.set_pin(PIN)
    area.idle.setInterval(400)
    area.open()
    enter(qtbot, area.pinpad, PIN)
    closed = []
    area.closed.connect(lambda: closed.append(True))
    for _ in range(4):
        qtbot.wait(200)
        qtbot.mouseMove(area.dashboard, QPoint(300, 300 + _))
        qtbot.mouseClick(area.dashboard.period_buttons["30d"], Qt.MouseButton.LeftButton)
    assert not closed
    qtbot.waitUntil(lambda: bool(closed), timeout=3000)


def test_close_and_exit_buttons(qtbot, area, services):
    services.set_pin(PIN)
    area.open()
    enter(qtbot, area.pinpad, PIN)
    with qtbot.waitSignal(area.closed, timeout=1000):
        qtbot.mouseClick(area.dashboard.close_button, Qt.MouseButton.LeftButton)
    area.open()
    enter(qtbot, area.pinpad, PIN)
    qtbot.mouseClick(area.dashboard.settings_button, Qt.MouseButton.LeftButton)
    exit_button = area.settings_screen.exit_button
    # One tap only arms it (leaving shows the desktop to guests); the second one exits.
    with qtbot.assertNotEmitted(area.exit_requested):
        qtbot.mouseClick(exit_button, Qt.MouseButton.LeftButton)
    assert exit_button.text() == "Tap again to exit"
    with qtbot.waitSignal(area.exit_requested, timeout=1000):
        qtbot.mouseClick(exit_button, Qt.MouseButton.LeftButton)
    assert exit_button.text() == "Exit kiosk"


def test_a_single_tap_on_exit_disarms_by_itself(qtbot, area, services):
    services.set_pin(PIN)
    area.open()
    enter(qtbot, area.pinpad, PIN)
    qtbot.mouseClick(area.dashboard.settings_button, Qt.MouseButton.LeftButton)
    screen = area.settings_screen
    screen.exit_armed.setInterval(50)
    qtbot.mouseClick(screen.exit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.exit_button.text() == "Exit kiosk", timeout=1000)
    with qtbot.assertNotEmitted(area.exit_requested):
        qtbot.mouseClick(screen.exit_button, Qt.MouseButton.LeftButton)  # arms again only
    qtbot.waitUntil(lambda: not screen.exit_armed.isActive(), timeout=1000)


def test_screens_need_the_pin(qtbot, area, services):
    services.set_pin(PIN)
    area.open()
    area.show_settings()
    area.show_dashboard()
    area.show_export()
    assert area.currentWidget() is area.pinpad


def test_pin_pad_still_holds_after_100000_wrong_pins(qtbot, area, services, opened_store):
    """Issue 9: past ~1,000 failures the delay overflowed and the pad let every guess in."""
    from kiosk.store import meta
    from kiosk.store.pin import PIN_FAILURES

    services.set_pin(PIN)
    with opened_store.db.transaction() as con:
        meta.put(con, PIN_FAILURES, "100000")  # what 100,000 wrong PINs leave in the store
    area.open()
    pad = area.pinpad
    enter(qtbot, pad, "0000")
    assert pad.waiting and not pad.digit_keys["1"].isEnabled()
    wait, _locked = services.pin_wait()
    assert 0 < wait <= 2  # FAST_POLICY's delay, not "no delay"
    enter(qtbot, pad, PIN)  # the right PIN typed during the wait is not even read
    assert area.currentWidget() is pad and not area.authenticated
    qtbot.waitUntil(lambda: not pad.waiting, timeout=5000)
    enter(qtbot, pad, PIN)
    assert area.authenticated
