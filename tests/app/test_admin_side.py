"""The running kiosk with everything attached: guest flow, sync worker and admin area.

A real store in a temp folder, the reference endpoint on 127.0.0.1, real widgets clicked.
"""

from __future__ import annotations

import dataclasses

import pytest
from endpoint_server import LiveServer, central
from helpers.admin import PIN, enter
from helpers.sync import sync_settings
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from kiosk.app import guest as app
from kiosk.app.admin import AdminSide
from kiosk.app.context import Context
from kiosk.config import AdminSection, load_settings
from kiosk.sync.worker import read_status


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
        sync_settings(server.url), admin=AdminSection(idle_seconds=60, hold_seconds=1)
    )
    ctx = Context(data_dir, data_dir / "kiosk.toml", False, settings)
    kiosk = app.build_app(ctx)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(1280, 800)
    kiosk.window.show()
    owner = AdminSide(kiosk)
    owner.start()
    yield kiosk, owner
    owner.stop()
    kiosk.close()
    ctx.close()


def _held_ids(store) -> set[str]:
    return set(store.answer_ids())


def _alert_ids(store) -> set[str]:
    return set(store.alert_ids())


def test_detractor_alert_and_answer_reach_the_endpoint(qtbot, running, endpoint):
    kiosk, _owner = running
    central_store, _server = endpoint
    qtbot.mouseClick(kiosk.question.score_buttons[2], Qt.MouseButton.LeftButton)
    answer_id = kiosk.flow.answer_id
    assert answer_id is not None
    # The alert leaves while the guest is still on the why screen.
    qtbot.waitUntil(lambda: answer_id in _alert_ids(central_store), timeout=5000)
    assert answer_id not in _held_ids(central_store)  # incomplete answers are not sent
    qtbot.mouseClick(kiosk.why.skip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: answer_id in _held_ids(central_store), timeout=5000)
    db = kiosk.ctx.store().db  # the kiosk's own outbox is empty again
    qtbot.waitUntil(lambda: read_status(db, kiosk.ctx.settings).pending == 0, timeout=5000)


def _hold_corner(qtbot, window, seconds: float) -> None:
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.wait(int(seconds * 1000) + 200)
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))


def test_admin_gesture_mid_flow_keeps_the_answer_and_opens_the_pin_pad(qtbot, running):
    kiosk, owner = running
    qtbot.mouseClick(kiosk.question.score_buttons[8], Qt.MouseButton.LeftButton)
    answer_id = kiosk.flow.answer_id
    qtbot.mouseClick(kiosk.why.reason_chips[0], Qt.MouseButton.LeftButton)
    _hold_corner(qtbot, kiosk.window, 1.0)
    assert kiosk.window.current_screen() is owner.area
    assert owner.area.currentWidget() is owner.area.pinpad
    stored = kiosk.ctx.store().answers.get(answer_id)
    assert stored.completion.value == "timeout"
    assert len(stored.reasons) == 1  # what the guest chose before staff took over is kept
    # The guest's idle timer must not pull the screen away from the owner.
    assert not kiosk.flow.idle_timer.isActive()
    owner.area.close_area()
    assert kiosk.window.current_screen() is kiosk.question


def test_saved_settings_apply_without_restart(qtbot, running, data_dir):
    kiosk, owner = running
    owner.open_admin()
    owner.area.authenticated = True  # the PIN itself is tested in tests/admin
    owner.area.show_settings()
    document = {
        "kiosk": {"id": "test-kiosk", "site": "shop-1", "shop_name": "Panadería Sol"},
        "question": {"text": {"es": "¿Nos recomendarías?", "en": "Would you recommend us?"}},
        "thanks": {"seconds": 2.0},
        "sync": {
            "endpoint": kiosk.ctx.settings.sync.endpoint,
            "token": kiosk.ctx.settings.sync.token,
        },
    }
    owner.area.settings_screen.save_requested.emit(document)
    # Saved atomically to the config file, and read back the same at the next start.
    on_disk = load_settings(data_dir / "kiosk.toml")
    assert on_disk.kiosk.shop_name == "Panadería Sol"
    # ... and in use now: the owner stays in the admin area, the guest sees the new text after.
    assert kiosk.window.current_screen() is owner.area
    owner.area.close_area()
    assert kiosk.window.current_screen() is kiosk.question
    shown = [label.text() for label in kiosk.question.findChildren(QLabel)]
    assert "¿Nos recomendarías?" in shown
    assert kiosk.flow.thanks_timer.interval() == 2000
    # The new flow is wired to the sync: a tap still reaches the outbox and is nudged.
    qtbot.mouseClick(kiosk.question.score_buttons[10], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.why.send_button, Qt.MouseButton.LeftButton)
    assert kiosk.ctx.store().answers.count() == 1


def test_export_offers_a_folder_on_the_kiosk_when_no_usb_drive_is_plugged_in(
    qtbot, running, data_dir, monkeypatch
):
    """With no stick the owner saw an empty 'Save to' list and could only hit an error."""
    from kiosk.admin import export_dialog

    monkeypatch.setattr(export_dialog, "removable_volumes", lambda: [])
    _kiosk, owner = running
    owner.services.set_pin(PIN)
    owner.open_admin()
    enter(qtbot, owner.area.pinpad, PIN)
    assert owner.area.authenticated
    owner.area.show_export()
    destinations = owner.area.export_screen.destinations
    assert destinations.count() == 1
    folder = destinations.currentItem().data(Qt.ItemDataRole.UserRole)
    assert folder == str(data_dir / "exports")
    assert (data_dir / "exports").is_dir()


def test_the_admin_area_opens_in_the_language_chosen_on_the_question(qtbot, running):
    """The owner switched to English before the corner hold; the PIN pad came up in Spanish."""
    kiosk, owner = running
    assert kiosk.translations.language == "es"
    qtbot.mouseClick(kiosk.question.language_switch.buttons["en"], Qt.MouseButton.LeftButton)
    _hold_corner(qtbot, kiosk.window, 1.0)
    assert owner.area.currentWidget() is owner.area.pinpad
    assert owner.area.language == "en"
    assert kiosk.translations.language == "en"
    owner.area.close_area()
    assert kiosk.translations.language == "es"  # the next guest starts in the default


def test_exports_a_power_cut_cut_short_are_removed_when_the_kiosk_starts(qtbot, data_dir, endpoint):
    """Months of pulled plugs mid-export must not fill the kiosk's disk with hidden parts."""
    import os
    import time

    exports = data_dir / "exports"
    exports.mkdir(parents=True)
    dead = exports / ".kiosk-export-2026-12-01-0930.csv.k3x9_q2a.part"
    dead.write_text("half an export", encoding="utf-8")
    os.utime(dead, (time.time() - 600, time.time() - 600))
    kept = exports / "kiosk-export-2026-11-30-1800.csv"
    kept.write_text("a finished export", encoding="utf-8")
    _store, server = endpoint
    ctx = Context(data_dir, data_dir / "kiosk.toml", False, sync_settings(server.url))
    kiosk = app.build_app(ctx)
    qtbot.addWidget(kiosk.window)
    owner = AdminSide(kiosk)
    try:
        assert not dead.exists()
        assert sorted(p.name for p in exports.iterdir()) == [kept.name]
    finally:
        owner.stop()
        kiosk.close()
        ctx.close()
