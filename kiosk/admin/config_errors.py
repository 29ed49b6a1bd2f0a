"""A :class:`~kiosk.config.ConfigError` in the owner's language.

``kiosk/config.py`` has no Qt, so it words its problems in English for the CLI and the logs
and adds a ``code`` with ``params``. Here each code has a template that goes through Qt's
translation (context ``ConfigError``); a code without a template, or params the template does
not expect, fall back to the English sentence, so an owner always sees something true.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from kiosk.config import ConfigError

CONTEXT = "ConfigError"

TEMPLATES: dict[str, str] = {
    "file_missing": QT_TRANSLATE_NOOP("ConfigError", "The settings file does not exist."),
    "file_unreadable": QT_TRANSLATE_NOOP(
        "ConfigError", "The settings file cannot be read ({reason})."),
    "file_encoding": QT_TRANSLATE_NOOP("ConfigError", "The settings file is not UTF-8 text."),
    "toml_syntax": QT_TRANSLATE_NOOP(
        "ConfigError", "The settings file is not valid TOML: {detail}"),
    "token_file_unreadable": QT_TRANSLATE_NOOP(
        "ConfigError", "Cannot read the token file {file} ({reason})."),
    "type_table": QT_TRANSLATE_NOOP("ConfigError", "Expected a table, got {value}."),
    "type_bool": QT_TRANSLATE_NOOP("ConfigError", "Expected true or false, got {value}."),
    "type_int": QT_TRANSLATE_NOOP("ConfigError", "Expected a whole number, got {value}."),
    "type_number": QT_TRANSLATE_NOOP("ConfigError", "Expected a number, got {value}."),
    "type_text": QT_TRANSLATE_NOOP("ConfigError", "Expected text, got {value}."),
    "type_text_secret": QT_TRANSLATE_NOOP("ConfigError", "Expected text."),
    "type_text_list": QT_TRANSLATE_NOOP("ConfigError", "Expected a list of texts, got {value}."),
    "range": QT_TRANSLATE_NOOP(
        "ConfigError", "Expected a value from {low} to {high}, got {value}."),
    "url": QT_TRANSLATE_NOOP(
        "ConfigError", "Expected an address starting with http:// or https://, got {value}."),
    "url_credentials": QT_TRANSLATE_NOOP(
        "ConfigError",
        "An address must not contain a user name or password; put the token in its own field."),
    "colour": QT_TRANSLATE_NOOP("ConfigError", "Expected a colour like #1f5fa8, got {value}."),
    "kiosk_id": QT_TRANSLATE_NOOP(
        "ConfigError", "Expected 1 to 64 letters, digits, '-', '_' or '.', got {value}."),
    "language": QT_TRANSLATE_NOOP(
        "ConfigError", "Unsupported language {value}; expected one of {choices}."),
    "languages_empty": QT_TRANSLATE_NOOP("ConfigError", "Choose at least one language."),
    "languages_twice": QT_TRANSLATE_NOOP("ConfigError", "A language is listed twice."),
    "default_language": QT_TRANSLATE_NOOP(
        "ConfigError", "The default language must be one of the languages offered ({choices})."),
    "type_per_language": QT_TRANSLATE_NOOP(
        "ConfigError", "Expected one text, or a text per language, got {value}."),
    "unknown_language": QT_TRANSLATE_NOOP(
        "ConfigError", "Unknown language {value}; expected one of {choices}."),
    "empty_text": QT_TRANSLATE_NOOP("ConfigError", "This text must not be empty."),
    "type_list": QT_TRANSLATE_NOOP("ConfigError", "Expected a list, got {value}."),
    "reason_unknown": QT_TRANSLATE_NOOP(
        "ConfigError",
        "Unknown built-in reason {value}; use one of {choices}, "
        "or your own as id | Spanish label | English label."),
    "reason_key": QT_TRANSLATE_NOOP(
        "ConfigError", "Unknown key {key} in a reason; expected one of {choices}."),
    "reason_id": QT_TRANSLATE_NOOP(
        "ConfigError",
        "A reason id takes lowercase letters, digits, '_' or '-' only, got {value}."),
    "reason_label": QT_TRANSLATE_NOOP("ConfigError", "The reason {id} has an empty label."),
    "reason_needs_label": QT_TRANSLATE_NOOP(
        "ConfigError", "Your own reason {id} needs a label (Spanish and/or English)."),
    "reason_type": QT_TRANSLATE_NOOP(
        "ConfigError", "Expected a reason id or a table, got {value}."),
    "reason_twice": QT_TRANSLATE_NOOP("ConfigError", "The reason {id} is listed twice."),
    "reasons_max": QT_TRANSLATE_NOOP("ConfigError", "At most {max} reasons fit on the screen."),
    "token_both": QT_TRANSLATE_NOOP("ConfigError", "Give the token or a token file, not both."),
    "unknown_key": QT_TRANSLATE_NOOP(
        "ConfigError", "Unknown setting {key}; did you mean {suggestion}?"),
    "unknown_key_choices": QT_TRANSLATE_NOOP(
        "ConfigError", "Unknown setting {key}; expected one of {choices}."),
}


def _shown(value: Any) -> str:
    """Numbers the way the owner's language writes them (0,5 in Spanish); the rest as is."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value)  # no thousands separator: the owner types these back
    if isinstance(value, float):
        return QLocale().toString(value, "g", 12)
    return str(value)


def owner_message(error: ConfigError) -> str:
    """``error`` worded for the owner, in the language installed now."""
    template = TEMPLATES.get(error.code)
    if template is None:
        return error.problem
    translated = QCoreApplication.translate(CONTEXT, template)
    try:
        return translated.format(**{k: _shown(v) for k, v in error.params.items()})
    except (KeyError, IndexError, ValueError):
        return error.problem
