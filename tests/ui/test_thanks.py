"""ThanksScreen: the thank-you, from the config per language when given."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from kiosk.config import Settings, ThanksSection
from kiosk.ui.thanks import ThanksScreen


def test_default_and_configured_thanks(qtbot, i18n):
    default = ThanksScreen(Settings(), i18n)
    qtbot.addWidget(default)
    assert default.thanks_label.text() == QCoreApplication.translate("ThanksScreen", "Thank you!")
    settings = replace(Settings(), thanks=ThanksSection(text={"es": "¡Gracias, vuelve pronto!"}))
    custom = ThanksScreen(settings, i18n)
    qtbot.addWidget(custom)
    assert custom.thanks_label.text() == "¡Gracias, vuelve pronto!"
    i18n.set_language("en")
    assert custom.thanks_label.text() == "Thank you!"
    assert default.detail_label.text() == "Your answer helps us get better every day."
