"""Sync problems reach the owner short and in the owner's language (connection test, dashboard)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.admin.sync_text import LONGEST, sync_problem

REQUESTS_ERROR = (
    "cannot reach 127.0.0.1:8765: ConnectionError: HTTPConnectionPool(host='127.0.0.1', "
    "port=8765): Max retries exceeded with url: /v1/answers (Caused by NewConnectionError("
    "\"HTTPConnection(host='127.0.0.1', port=8765): Failed to establish a new connec"
)


class Shouting(QTranslator):
    """A real translator that 'translates' the sync problems' context into capitals."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return source.upper() if context == "SyncProblem" else None


@pytest.fixture
def shouting(qapp):
    translator = Shouting()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize(
    ("reason", "shown"),
    [
        # the connection test (kiosk.app.admin_services.probe_endpoint)
        ("no endpoint address", "NO SERVER ADDRESS"),
        ("the endpoint refused the token (403)", "THE SERVER REFUSED THE TOKEN (HTTP 403)"),
        ("the endpoint answered 502", "THE SERVER ANSWERED HTTP 502"),
        # the sync worker (kiosk.sync.worker)
        ("the endpoint refused the token (401)", "THE SERVER REFUSED THE TOKEN (HTTP 401)"),
        ("the endpoint answered 500", "THE SERVER ANSWERED HTTP 500"),
        ("the endpoint is busy (503)", "THE SERVER IS BUSY (HTTP 503)"),
        (
            "the endpoint redirected (302); redirects are not followed",
            "THE SERVER REDIRECTED (HTTP 302); CHECK THE ADDRESS",
        ),
        (
            "unexpected reply from the endpoint (200): bad shape",
            "UNEXPECTED REPLY FROM THE SERVER (HTTP 200)",
        ),
        ("the endpoint did not confirm the alert", "THE SERVER DID NOT CONFIRM THE ALERT"),
        ("webhook: the endpoint answered 500", "THE ALERT WEBHOOK FAILED"),
        # the HTTP client (kiosk.sync.client)
        (
            "TLS verification failed for shop.example",
            "THE CERTIFICATE OF shop.example COULD NOT BE VERIFIED",
        ),
        ("timed out talking to 10.0.0.5:8080", "10.0.0.5:8080 DID NOT ANSWER IN TIME"),
        (REQUESTS_ERROR, "CANNOT REACH 127.0.0.1:8765"),
        ("request to a.example failed: InvalidURL: x", "THE REQUEST TO a.example FAILED"),
        ("reply of 9999999 bytes is larger than allowed", "THE SERVER'S REPLY WAS TOO LARGE"),
        ("reply took too long to arrive", "THE SERVER'S REPLY TOOK TOO LONG"),
    ],
)
def test_every_reason_of_the_sync_is_translated(shouting, reason, shown):
    assert sync_problem(reason) == shown


def test_an_unknown_reason_is_shown_as_it_came_but_never_at_length(shouting):
    assert sync_problem("something new") == "something new"
    shown = sync_problem("x" * 500 + "\nsecond line")
    assert len(shown) == LONGEST and shown.endswith("…")


def test_the_settings_screen_shows_the_reason_translated(qtbot, shouting):
    from kiosk.admin.settings_screen import SettingsScreen

    screen = SettingsScreen()
    qtbot.addWidget(screen)
    screen.show_test_result(False, "the endpoint refused the token (401)")
    assert "THE SERVER REFUSED THE TOKEN (HTTP 401)" in screen.test_result.text()
