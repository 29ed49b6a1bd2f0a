"""Messages raised below the screens are shown in the staff's or owner's language."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QLocale

from kiosk.core.messages import QT_TRANSLATE_NOOP, Message
from kiosk.store.database import StoreError, describe_storage_error
from kiosk.ui.i18n import Translations, translated
from kiosk.ui.window import translate_problem


@pytest.fixture
def spanish(qapp):
    before = QLocale()
    translations = Translations(("es", "en"), "es", scale=1.0)
    translations.set_language("es")
    yield
    translations.close()
    QLocale.setDefault(before)


def full_disk() -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = 13  # SQLITE_FULL
    return error


def test_a_store_error_carries_its_message_and_the_staff_read_it_in_spanish(spanish):
    error = StoreError(describe_storage_error(full_disk()))
    assert str(error) == "the disk is full"  # the log and the CLI
    assert isinstance(error.message, Message)
    assert translate_problem(error.message) == "el disco está lleno"
    assert translate_problem(str(error)) == "el disco está lleno"  # where only the text survived


def test_an_unknown_storage_problem_is_shown_as_sqlite_said_it(spanish):
    odd = sqlite3.OperationalError("something {odd} happened")
    message = describe_storage_error(odd)
    assert translate_problem(message) == "something {odd} happened"
    assert translate_problem("a { lone brace") == "a { lone brace"


def test_numbers_are_written_the_way_the_language_writes_them(spanish):
    message = QT_TRANSLATE_NOOP(
        "ConfigError", "Expected a value from {low} to {high}, got {value}."
    ).with_params(low=0.1, high=120, value=0.05)
    assert translated(message) == "Se esperaba un valor de 0,1 a 120; se recibió 0,05."
    assert message.english() == "Expected a value from 0.1 to 120, got 0.05."
