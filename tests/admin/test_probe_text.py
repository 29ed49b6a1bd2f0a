"""The connection test's reasons reach the owner in the owner's language, details kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.admin.probe_text import connection_problem


class Shouting(QTranslator):
    """A real translator that 'translates' the connection test's context into capitals."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return source.upper() if context == "ConnectionTest" else None


@pytest.fixture
def shouting(qapp):
    translator = Shouting()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize(("reason", "shown"), [
    ("no endpoint address", "NO SERVER ADDRESS"),
    ("the endpoint refused the token (HTTP 403)", "THE SERVER REFUSED THE TOKEN (HTTP 403)"),
    ("the endpoint answered HTTP 502", "THE SERVER ANSWERED HTTP 502"),
    ("TLS verification failed for shop.example", "THE CERTIFICATE OF shop.example COULD NOT "
                                                 "BE VERIFIED"),
    ("timed out talking to 10.0.0.5:8080", "10.0.0.5:8080 DID NOT ANSWER IN TIME"),
    ("cannot reach 10.0.0.5:8080: connection refused",
     "CANNOT REACH 10.0.0.5:8080 (connection refused)"),
])
def test_every_reason_of_the_probe_is_translated(shouting, reason, shown):
    assert connection_problem(reason) == shown


def test_an_unknown_reason_is_shown_as_it_came(shouting):
    assert connection_problem("something new") == "something new"


def test_the_settings_screen_shows_the_reason_translated(qtbot, shouting):
    from kiosk.admin.settings_screen import SettingsScreen

    screen = SettingsScreen()
    qtbot.addWidget(screen)
    screen.show_test_result(False, "the endpoint refused the token (HTTP 401)")
    assert "THE SERVER REFUSED THE TOKEN (HTTP 401)" in screen.test_result.text()
