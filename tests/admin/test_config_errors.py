"""Refused settings are explained in the owner's language, from the ConfigError's Message."""

from __future__ import annotations

import pytest
from helpers.admin import PIN, enter
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

from kiosk.config import ConfigError, settings_from_dict
from kiosk.core.messages import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import Translations, translated


@pytest.fixture
def spanish(qapp):
    """The project's real translations (translations/kiosk_es.qm), in Spanish."""
    before = QLocale()
    translations = Translations(("es", "en"), "es", scale=1.0)
    translations.set_language("es")
    yield translations
    translations.close()
    QLocale.setDefault(before)


def open_settings(qtbot, area, services):
    services.set_pin(PIN)
    area.open()
    enter(qtbot, area.pinpad, PIN)
    qtbot.mouseClick(area.dashboard.settings_button, Qt.MouseButton.LeftButton)
    return area.settings_screen


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("[thanks] seconds", "0.5", "Se esperaba un valor de 1 a 60; se recibió 0,5."),
        ("[thanks] seconds", "abc", "Se esperaba un número; se recibió 'abc'."),
        (
            "[thanks] promoter_url",
            "g.page/r/x",
            "Se esperaba una dirección que empiece con http:// o https://; se recibió g.page/r/x.",
        ),
        (
            "[thanks] promoter_url",
            "http://169.254.169.254/x",
            "La dirección 169.254.169.254 es de enlace local o de metadatos de la nube; el quiosco "
            "no envía nada allí.",
        ),
        ("[kiosk] accent_colour", "azul", "Se esperaba un color como #1f5fa8; se recibió azul."),
        ("[why] reasons", "speed\nspeed", "El motivo speed está repetido."),
        (
            "[sync] token",
            "abc def",
            "Un token no debe contener espacios, saltos de línea ni caracteres de control.",
        ),
    ],
)
def test_a_bad_value_is_explained_in_spanish(
    qtbot, area, services, spanish, field, value, expected
):
    screen = open_settings(qtbot, area, services)
    assert screen.save_button.text() == "Guardar"  # the real .qm is loaded
    widget = screen.fields[field]
    if hasattr(widget, "setPlainText"):
        widget.setPlainText(value)
    else:
        widget.setText(value)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.visible_errors() == {field: expected}
    assert screen.status.text() == "No se guardó: corrige el campo marcado abajo."


def test_the_same_error_in_english(qtbot, area, services):
    screen = open_settings(qtbot, area, services)
    screen.fields["[thanks] seconds_with_qr"].setText("200")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.visible_errors() == {
        "[thanks] seconds_with_qr": "Expected a value from 3 to 120, got 200."
    }


def test_the_owner_reads_what_the_cli_prints(qapp):
    """One wording: with no translation installed, the screen shows the CLI's sentence."""
    with pytest.raises(ConfigError) as refused:
        settings_from_dict({"kiosk": {"languages": ["es", "zz"]}})
    assert translated(refused.value.message) == refused.value.problem
    assert str(refused.value).endswith("[kiosk] languages: " + refused.value.problem)


class LosesAPlaceholder(QTranslator):
    """A translator whose Spanish dropped {value} and invented {valor}."""

    def translate(self, context, source, disambiguation=None, n=-1):
        if source == "Expected a number, got {value}.":
            return "Se esperaba un número; se recibió {valor}."
        return ""

    def isEmpty(self):
        return False


def test_a_translation_that_lost_a_placeholder_falls_back_to_english(qapp):
    translator = LosesAPlaceholder()
    QCoreApplication.installTranslator(translator)
    try:
        message = QT_TRANSLATE_NOOP("ConfigError", "Expected a number, got {value}.")
        assert translated(message.with_params(value="'x'")) == "Expected a number, got 'x'."
    finally:
        QCoreApplication.removeTranslator(translator)
