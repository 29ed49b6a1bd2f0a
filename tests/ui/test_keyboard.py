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
    type_keys(
        qtbot,
        keyboard,
        ["¿", "a", "ñ", "o", "<space>", "á", "é", "í", "ó", "ú", "ü", "?", "¡", "!"],
    )
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


def test_the_accent_row_follows_the_language(qtbot, host, i18n):
    """Each language's letters are one tap away: Catalan's l·l and ç, Portuguese ã õ, French
    œ è; a switch changes the row at once, and shift capitalises them too."""
    from kiosk.ui.i18n import Translations

    translations = Translations(("es", "ca", "pt", "fr"), "es", scale=1.0)
    keyboard, field = make(host)
    try:
        translations.set_language("ca")
        type_keys(qtbot, keyboard, ["c", "o", "l", "·" if "·" in keyboard.keys else "l·l"])
        type_keys(qtbot, keyboard, ["<shift>", "ç", "à", "ï"])
        assert field.text() == "coll·lÇàï"
        assert "ñ" in keyboard.keys and "¿" not in keyboard.keys
        field.clear()
        translations.set_language("pt")
        type_keys(qtbot, keyboard, ["ã", "õ", "â", "ê", "ô", "ç"])
        translations.set_language("fr")
        type_keys(qtbot, keyboard, ["<space>", "œ", "è", "ù", "û", "ë"])
        assert field.text() == "ãõâêôç œèùûë"
        assert "ã" not in keyboard.keys
        translations.set_language("es")
        assert {"¿", "¡", "á", "@"} <= set(keyboard.keys)
    finally:
        translations.close()


def test_every_language_s_accent_row_fits_beside_the_others(qtbot, host, i18n):
    from kiosk.core.languages import LANGUAGES
    from kiosk.ui.i18n import Translations

    translations = Translations(tuple(one.code for one in LANGUAGES), "es", scale=1.0)
    keyboard, _field = make(host)
    try:
        for language in LANGUAGES:
            translations.set_language(language.code)
            for key in language.accents:
                button = keyboard.keys[key]
                assert button.isVisible() and button.width() >= 40, (language.code, key)
    finally:
        translations.close()
