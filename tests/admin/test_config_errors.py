"""Refused settings are explained in the owner's language, from ConfigError's code and params."""

from __future__ import annotations

import ast
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers.admin import PIN, enter
from PySide6.QtCore import QLocale, Qt

from kiosk.admin.config_errors import TEMPLATES, owner_message
from kiosk.config import ConfigError
from kiosk.ui.i18n import Translations

ROOT = Path(__file__).resolve().parents[2]


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
        ("[thanks] promoter_url", "g.page/r/x",
         "Se esperaba una dirección que empiece con http:// o https://; se recibió g.page/r/x."),
        ("[kiosk] accent_colour", "azul", "Se esperaba un color como #1f5fa8; se recibió azul."),
        ("[why] reasons", "speed\nspeed", "El motivo speed está repetido."),
    ],
)
def test_a_bad_value_is_explained_in_spanish(qtbot, area, services, spanish, field, value,
                                             expected):
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


def test_unknown_code_or_bad_params_fall_back_to_the_english_problem(qapp):
    assert owner_message(ConfigError(None, "[x] y", "a new problem", "no_such_code")) == (
        "a new problem")
    assert owner_message(ConfigError(None, "[x] y", "legacy problem")) == "legacy problem"
    missing = ConfigError(None, "[thanks] seconds", "out of range", "range", {"low": 1})
    assert owner_message(missing) == "out of range"


def raised_codes() -> set[str]:
    tree = ast.parse((ROOT / "kiosk" / "config.py").read_text(encoding="utf-8"))
    return {
        node.args[3].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        and node.func.id == "ConfigError" and len(node.args) > 3
    }


def test_every_code_config_raises_has_a_template():
    codes = raised_codes()
    assert len(codes) >= 25
    assert codes <= set(TEMPLATES), sorted(codes - set(TEMPLATES))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_spanish_templates_keep_every_placeholder():
    """A translator who drops or renames {value} would make the owner see English."""
    tree = ET.parse(ROOT / "translations" / "kiosk_es.ts")
    spanish = {}
    for context in tree.getroot().iter("context"):
        if context.findtext("name") == "ConfigError":
            for message in context.iter("message"):
                spanish[message.findtext("source")] = message.findtext("translation") or ""
    for template in TEMPLATES.values():
        assert template in spanish, template
        assert spanish[template] and spanish[template] != template
        assert placeholders(spanish[template]) == placeholders(template), template
        assert not re.search(r"\{[^}]*[^a-z_}][^}]*\}", spanish[template])
