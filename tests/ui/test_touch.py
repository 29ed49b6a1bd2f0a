"""Touch without a mouse: Qt touch events (not clicks) drive a whole guest flow, type on the
on-screen keyboard and open the admin area with the hidden hold."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest

from kiosk.config import Settings

# A new screen ignores taps for its first moments (a double tap on a score must not also
# choose a reason): a guest's next tap comes later than that.
SETTLE_MS = 700


def touch_tap(device, widget, at: QPoint | None = None) -> None:
    """A finger on ``widget``, sent to its window as the touchscreen would."""
    window = widget.window()
    point = widget.mapTo(window, at or widget.rect().center())
    QTest.touchEvent(window, device).press(0, point, window).commit()
    QTest.qWait(30)  # a finger rests a moment; Qt turns the unhandled touch into a click
    QTest.touchEvent(window, device).release(0, point, window).commit()
    QTest.qWait(10)


@pytest.fixture
def patient_kiosk(make_kiosk):
    """The app with the real idle time (the fast fixture's 0.3 s would end the why step
    while a finger rests between taps)."""
    return make_kiosk(Settings())


def test_a_guest_answers_by_touch_alone(qtbot, patient_kiosk):
    kiosk = patient_kiosk
    device = QTest.createTouchDevice()
    touch_tap(device, kiosk.question.score_buttons[9])
    qtbot.waitUntil(lambda: kiosk.window.current_screen() is kiosk.why, timeout=2000)
    qtbot.wait(SETTLE_MS)
    touch_tap(device, kiosk.why.reason_chips[1])
    qtbot.waitUntil(lambda: kiosk.why.reason_chips[1].isChecked(), timeout=2000)
    touch_tap(device, kiosk.why.send_button)
    qtbot.waitUntil(lambda: kiosk.window.current_screen() is kiosk.thanks, timeout=2000)
    [answer] = list(kiosk.ctx.store().answers.iter_answers())
    assert answer.score == 9
    assert answer.reasons == (kiosk.ctx.settings.why.reasons[1].id,)


def test_the_on_screen_keyboard_types_by_touch(qtbot, patient_kiosk):
    kiosk = patient_kiosk
    device = QTest.createTouchDevice()
    touch_tap(device, kiosk.question.score_buttons[4])
    qtbot.waitUntil(lambda: kiosk.window.current_screen() is kiosk.why, timeout=2000)
    qtbot.wait(SETTLE_MS)
    touch_tap(device, kiosk.why.comment_field)
    keyboard = kiosk.why.keyboard
    qtbot.waitUntil(keyboard.isVisible, timeout=2000)
    for key in ("h", "o", "l", "a"):
        touch_tap(device, keyboard.keys[key])
    assert kiosk.why.comment_field.text() == "hola"


def test_the_hidden_hold_opens_the_admin_area_by_touch(qtbot, data_dir):
    import dataclasses

    from kiosk.app.admin import AdminSide
    from kiosk.app.context import Context
    from kiosk.app.guest import build_app
    from kiosk.config import AdminSection, Settings

    settings = dataclasses.replace(Settings(), admin=AdminSection(idle_seconds=60, hold_seconds=1))
    ctx = Context(data_dir, data_dir / "kiosk.toml", False, settings)
    kiosk = build_app(ctx)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(1280, 800)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    side = AdminSide(kiosk)
    try:
        device = QTest.createTouchDevice()
        corner = QPoint(10, 10)
        QTest.touchEvent(kiosk.window, device).press(0, corner, kiosk.window).commit()
        qtbot.waitUntil(lambda: kiosk.window.current_screen() is side.area, timeout=3000)
        QTest.touchEvent(kiosk.window, device).release(0, corner, kiosk.window).commit()
    finally:
        side.stop()
        kiosk.close()
        ctx.close()
