"""WhyScreen: a title per category, chips, comment with the keyboard, Skip and Send."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt

from kiosk.config import Settings, WhySection
from kiosk.core.reasons import Reason
from kiosk.ui.why import WhyScreen

LEFT = Qt.MouseButton.LeftButton


def make(host, i18n, settings=None):
    return host(WhyScreen(settings or Settings(), i18n))


def test_title_fits_the_score(qtbot, host, i18n):
    screen = make(host, i18n)
    i18n.set_language("en")
    expected = {
        0: "What could we do better?",
        6: "What could we do better?",
        7: "What would make it a 10?",
        8: "What would make it a 10?",
        9: "What did you like most?",
        10: "What did you like most?",
    }
    for score, title in expected.items():
        screen.start(score)
        assert screen.title_label.text() == title


def test_chips_toggle_and_send_carries_reasons_and_comment(qtbot, host, i18n):
    screen = make(host, i18n)
    screen.start(4)
    chips = screen.reason_chips
    assert len(chips) == 6 and all(chip.isCheckable() for chip in chips)
    qtbot.mouseClick(chips[3], LEFT)
    qtbot.mouseClick(chips[1], LEFT)
    screen.comment_field.setText("Muy caro")
    with qtbot.waitSignal(screen.send) as blocker:
        qtbot.mouseClick(screen.send_button, LEFT)
    assert blocker.args == [["price", "friendliness"], "Muy caro"]
    with qtbot.waitSignal(screen.skip):
        qtbot.mouseClick(screen.skip_button, LEFT)


def test_start_clears_the_previous_guest(qtbot, host, i18n):
    screen = make(host, i18n)
    screen.start(2)
    qtbot.mouseClick(screen.reason_chips[0], LEFT)
    screen.comment_field.setText("x")
    screen.open_keyboard()
    screen.start(9)
    assert screen.chosen_reasons() == [] and screen.comment_text() == ""
    assert not any(chip.isChecked() for chip in screen.reason_chips)
    assert not screen.keyboard.isVisibleTo(screen)


def test_every_touch_is_activity(qtbot, host, i18n):
    screen = make(host, i18n)
    screen.start(5)
    with qtbot.waitSignal(screen.activity):
        qtbot.mouseClick(screen.reason_chips[0], LEFT)
    with qtbot.waitSignal(screen.activity):
        qtbot.mouseClick(screen.comment_field, LEFT)
    with qtbot.waitSignal(screen.activity):
        qtbot.mouseClick(screen.keyboard.keys["a"], LEFT)


def test_tapping_the_comment_opens_the_keyboard_in_place_of_the_chips(qtbot, host, i18n):
    screen = make(host, i18n)
    screen.start(5)
    qtbot.mouseClick(screen.reason_chips[2], LEFT)
    qtbot.mouseClick(screen.comment_field, LEFT)
    assert screen.keyboard.isVisible() and not screen.chips.isVisible()
    qtbot.mouseClick(screen.keyboard.keys["<done>"], LEFT)
    assert not screen.keyboard.isVisible() and screen.chips.isVisible()
    assert screen.reason_chips[2].isChecked()  # still chosen


def test_comment_is_capped_at_the_configured_length(qtbot, host, i18n):
    settings = replace(Settings(), why=WhySection(comment_max_length=5))
    screen = make(host, i18n, settings)
    screen.start(5)
    screen.open_keyboard()
    for key in "abcdefg":
        qtbot.mouseClick(screen.keyboard.keys[key], LEFT)
    assert screen.comment_text() == "abcde"


def test_custom_reasons_use_their_own_labels(qtbot, host, i18n):
    reasons = (Reason("price"), Reason("coffee", {"es": "Café", "en": "Coffee"}))
    screen = make(host, i18n, replace(Settings(), why=WhySection(reasons=reasons)))
    screen.start(10)
    assert screen.reason_chips[1].text() == "Café"
    assert screen.reason_chips[0].text() == QCoreApplication.translate("Reason", "Price")
    i18n.set_language("en")
    assert [c.text() for c in screen.reason_chips] == ["Price", "Coffee"]
    qtbot.mouseClick(screen.reason_chips[1], LEFT)
    assert screen.reason_chips[1].text() == "✓  Coffee"  # not by colour alone
    assert screen.chosen_reasons() == ["coffee"]


def test_comment_can_be_switched_off(qtbot, host, i18n):
    screen = make(host, i18n, replace(Settings(), why=WhySection(comment=False)))
    assert not screen.comment_field.isVisibleTo(screen)
