"""The on-screen keyboard: ñ, accents, ¿ ¡, shift, backspace, done."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from kiosk.ui.keyboard import OnScreenKeyboard

LEFT = Qt.MouseButton.LeftButton


def make(host):
    keyboard = OnScreenKeyboard()
    field = QLineEdit()
    keyboard.attach(field)
    host(keyboard)
    return keyboard, field


def type_keys(qtbot, keyboard, keys):
    for key in keys:
        qtbot.mouseClick(keyboard.keys[key], LEFT)


def test_spanish_letters_and_marks_are_one_tap_away(qtbot, host):
    keyboard, field = make(host)
    type_keys(qtbot, keyboard, ["¿", "a", "ñ", "o", "<space>", "á", "é", "í", "ó", "ú", "ü",
                                "?", "¡", "!"])
    assert field.text() == "¿año áéíóúü?¡!"


def test_shift_capitalises_one_letter_including_accents(qtbot, host):
    keyboard, field = make(host)
    type_keys(qtbot, keyboard, ["<shift>"])
    assert keyboard.keys["ñ"].text() == "Ñ"
    type_keys(qtbot, keyboard, ["ñ", "a", "<shift>", "é"])
    assert field.text() == "ÑaÉ"
    assert keyboard.keys["a"].text() == "a" and not keyboard.keys["<shift>"].isChecked()


def test_backspace_and_done(qtbot, host):
    keyboard, field = make(host)
    type_keys(qtbot, keyboard, ["h", "o", "l", "a", "<backspace>", "<backspace>"])
    assert field.text() == "ho"
    with qtbot.waitSignal(keyboard.done):
        type_keys(qtbot, keyboard, ["<done>"])


def test_keys_never_take_the_focus_and_are_big(qtbot, host):
    keyboard, _field = make(host)
    for button in keyboard.keys.values():
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert button.height() >= 56
