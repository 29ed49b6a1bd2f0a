"""A central configuration reaches the running kiosk between guests, never in front of one;
a refused one shows a staff banner and the kiosk keeps what it runs on. Real endpoint on
127.0.0.1, real store, real widgets clicked by qtbot."""

from __future__ import annotations

import dataclasses

import pytest
from endpoint_server import LiveServer, central
from helpers.sync import sync_settings
from PySide6.QtCore import Qt

from kiosk.app import guest as app
from kiosk.app.admin import AdminSide
from kiosk.app.central import CENTRAL_NOTICE
from kiosk.app.context import Context
from kiosk.config import AdminSection, ThanksSection, TimeoutsSection
from kiosk.endpoint.store import config_layers
from kiosk.endpoint.store.engine import writing


@pytest.fixture
def endpoint(tmp_path):
    store, wsgi = central(tmp_path / "central.sqlite")
    server = LiveServer(wsgi)
    yield store, server
    server.stop()
    store.close()


@pytest.fixture
def running(qtbot, data_dir, endpoint):
    _store, server = endpoint
    settings = dataclasses.replace(
        sync_settings(server.url),
        admin=AdminSection(idle_seconds=60, hold_seconds=1),
        timeouts=TimeoutsSection(idle_seconds=5),
        thanks=ThanksSection(seconds=1),
    )
    ctx = Context(data_dir, data_dir / "kiosk.toml", False, settings)
    kiosk = app.build_app(ctx)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(1280, 800)
    kiosk.window.show()
    owner = AdminSide(kiosk)
    owner.central.timer.setInterval(50)
    owner.start()
    yield kiosk, owner
    owner.stop()
    kiosk.close()
    ctx.close()


def put(store, document):
    with writing(store.engine) as conn:
        return config_layers.set_layer(
            conn, "2026-12-01T00:00:00.000000Z", "t", "kiosk", "test-kiosk", document
        )


def test_a_valid_change_is_applied_between_guests(qtbot, running, endpoint):
    kiosk, owner = running
    store, _ = endpoint
    version = put(
        store,
        {
            "question": {"text": {"es": "¿Qué tal le atendimos?", "en": "How did we do?"}},
            "thanks": {"seconds": 2},
        },
    )
    # a guest is mid-answer when the new configuration arrives
    qtbot.mouseClick(kiosk.question.score_buttons[8], Qt.MouseButton.LeftButton)
    assert kiosk.window.current_screen() is kiosk.why
    with qtbot.waitSignal(owner.bridge.central_config_ready, timeout=5000):
        owner.bridge.sync_now()
    qtbot.wait(200)
    assert owner.central.pending is not None  # waiting: a guest is in front of the kiosk
    assert kiosk.ctx.settings.thanks.seconds == 1.0
    first_question = kiosk.question
    qtbot.mouseClick(kiosk.why.send_button, Qt.MouseButton.LeftButton)
    assert kiosk.window.current_screen() is kiosk.thanks
    qtbot.wait(150)
    assert owner.central.pending is not None and kiosk.question is first_question
    # the thank-you ends by itself: the next guest's turn, and the change comes in
    qtbot.waitUntil(lambda: owner.central.pending is None, timeout=4000)
    assert kiosk.ctx.settings.thanks.seconds == 2.0
    assert kiosk.question is not first_question
    assert "¿Qué tal le atendimos?" in kiosk.question.question_label.text()
    assert kiosk.window.current_screen() is kiosk.question
    assert owner.worker.kiosk["config_version"] == version
    assert owner.services.settings().thanks.seconds == 2.0  # the owner's screens see it
    assert kiosk.ctx.merged.origin("[thanks] seconds")[0] == "central"


def test_a_refused_change_shows_a_staff_banner_and_changes_nothing(qtbot, running, endpoint):
    kiosk, owner = running
    store, _ = endpoint
    # the first pass at start fetched the (empty) configuration: it runs with that one
    qtbot.waitUntil(lambda: "config_version" in owner.worker.kiosk, timeout=5000)
    running_version = owner.worker.kiosk["config_version"]
    question = kiosk.question
    put(store, {"kiosk": {"languages": ["en"]}})  # the default language (es) is not offered
    with qtbot.waitSignal(owner.bridge.central_config_refused, timeout=5000) as refused:
        owner.bridge.sync_now()
    assert "default language" in refused.args[1]
    qtbot.waitUntil(lambda: CENTRAL_NOTICE in kiosk.window.staff_notices(), timeout=2000)
    assert "[kiosk] default_language" in kiosk.window.staff_notices()[CENTRAL_NOTICE]
    assert kiosk.window.staff_banner.isVisible()
    assert kiosk.ctx.settings.kiosk.languages == ("es", "en")
    assert owner.worker.kiosk["config_version"] == running_version
    assert kiosk.question is question  # the screens were not rebuilt
