"""GuestScreen: every guest screen has the styled background and follows a language change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.config import Settings
from kiosk.ui.i18n import Translations
from kiosk.ui.question import QuestionScreen
from kiosk.ui.screen import GuestScreen
from kiosk.ui.thanks import ThanksScreen
from kiosk.ui.theme import MIN_WIDTH
from kiosk.ui.why import WhyScreen

# (screen, one of its labels, that label in Spanish, in English): the SPANISH .qm of conftest
SCREENS = [
    (QuestionScreen, "low_anchor", "Nada probable", "Not at all likely"),
    (WhyScreen, "title_label", "¿Qué podríamos hacer mejor?", "What could we do better?"),
    (ThanksScreen, "thanks_label", "¡Gracias!", "Thank you!"),
]


@pytest.mark.parametrize(("cls", "label", "spanish", "english"), SCREENS)
def test_each_screen_is_styled_and_retranslated(
    qtbot, translations_dir, cls, label, spanish, english
):
    translations = Translations(("es", "en"), "es", scale=1.0)
    try:
        translations.set_language("es")
        screen = cls(Settings(), translations)
        qtbot.addWidget(screen)
        if cls is WhyScreen:
            screen.start(2)  # the detractor's title
        assert isinstance(screen, GuestScreen)
        assert screen.property("role") == "screen"
        assert screen.testAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        assert screen.minimumSizeHint().width() == MIN_WIDTH
        assert getattr(screen, label).text() == spanish
        translations.set_language("en")
        assert getattr(screen, label).text() == english
    finally:
        translations.close()


def test_a_screen_must_say_how_it_retranslates(qtbot, i18n):
    class Bare(GuestScreen):
        pass

    bare = Bare(Settings(), i18n)
    qtbot.addWidget(bare)
    with pytest.raises(NotImplementedError):
        bare.retranslate()
