"""A detractor asks for a call-back on the why screen, types a contact on the on-screen
keyboard and ticks the consent line: the contact is stored apart, with the consent as shown."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from kiosk.config import CallbackSection, Settings
from kiosk.core.answer import Completion
from kiosk.core.contact import InvalidContact, check_contact
from kiosk.core.sync import OutboxKind
from kiosk.store import outbox
from kiosk.store.contacts import ContactStore
from kiosk.ui.i18n import translated

LEFT = Qt.MouseButton.LeftButton


def callback_settings(fast_settings: Settings, **callback) -> Settings:
    return replace(fast_settings, callback=CallbackSection(enabled=True, **callback))


def tap(qtbot, widget) -> None:
    qtbot.mouseClick(widget, LEFT)


def type_on_keyboard(qtbot, kiosk, field, text: str) -> None:
    screen = kiosk.contact
    tap(qtbot, field)
    assert screen.keyboard.isVisible() and screen.keyboard.target is field
    for char in text:
        if char == " ":
            key = "<space>"
        elif char.isupper():
            tap(qtbot, screen.keyboard.keys["<shift>"])
            key = char.lower()
        else:
            key = char
        tap(qtbot, screen.keyboard.keys[key])  # a KeyError: the layout lacks the key


def ask_for_callback(qtbot, kiosk, score: int = 3) -> str:
    tap(qtbot, kiosk.question.score_buttons[score])
    tap(qtbot, kiosk.why.reason_chips[0])
    assert kiosk.why.callback_button.isVisible()
    answer_id = kiosk.flow.answer_id
    tap(qtbot, kiosk.why.callback_button)
    assert kiosk.window.current_screen() is kiosk.contact
    return answer_id


def test_a_detractor_leaves_a_contact_with_consent(qtbot, make_kiosk, fast_settings):
    kiosk = make_kiosk(callback_settings(fast_settings))
    store = kiosk.ctx.store()
    answer_id = ask_for_callback(qtbot, kiosk)
    answer = store.answers.get(answer_id)
    assert answer.completion is Completion.SENT and answer.reasons  # complete, anonymous
    screen = kiosk.contact
    type_on_keyboard(qtbot, kiosk, screen.name_field, "José Núñez")
    type_on_keyboard(qtbot, kiosk, screen.reach_field, "jose.n@correo.es")
    tap(qtbot, screen.keyboard.keys["<done>"])
    shown = screen.consent_line.sentence()
    assert shown == (
        "Acepto que Café Demo me contacte sobre mi visita; mis datos de contacto"
        " se borran a los 30 días."
    )  # in the guest's language
    tap(qtbot, screen.consent_line)
    tap(qtbot, screen.send_button)
    assert kiosk.window.current_screen() is kiosk.thanks
    contact = ContactStore(store.db).get(answer_id)
    assert (contact.name, contact.reach) == ("José Núñez", "jose.n@correo.es")
    assert contact.consent_text == shown and contact.language == kiosk.translations.language
    assert contact.consented_utc >= answer.created_utc
    assert store.answers.get(answer_id) == answer  # the answer itself is unchanged
    # offline kiosk: nothing queued to send; the follow-up list holds it
    assert outbox.state_of(store.db.connection(), OutboxKind.CONTACT, answer_id) is None


def test_without_the_tick_nothing_is_stored(qtbot, make_kiosk, fast_settings):
    kiosk = make_kiosk(callback_settings(fast_settings))
    answer_id = ask_for_callback(qtbot, kiosk)
    screen = kiosk.contact
    type_on_keyboard(qtbot, kiosk, screen.name_field, "Ana")
    type_on_keyboard(qtbot, kiosk, screen.reach_field, "+34 612 345 678")
    tap(qtbot, screen.send_button)
    assert kiosk.window.current_screen() is screen
    assert screen.problem_label.text() == screen.tr(
        "Tick the line above to let us contact you, or tap Skip."
    )
    assert screen.problem_label.text().startswith("Marca")  # in the guest's language
    assert ContactStore(kiosk.ctx.store().db).get(answer_id) is None
    tap(qtbot, screen.consent_line)
    tap(qtbot, screen.consent_line)  # ticked and unticked again
    tap(qtbot, screen.send_button)
    assert ContactStore(kiosk.ctx.store().db).get(answer_id) is None


def test_an_implausible_contact_gets_a_clear_message(qtbot, make_kiosk, fast_settings):
    kiosk = make_kiosk(callback_settings(fast_settings))
    answer_id = ask_for_callback(qtbot, kiosk)
    screen = kiosk.contact
    type_on_keyboard(qtbot, kiosk, screen.name_field, "Ana")
    type_on_keyboard(qtbot, kiosk, screen.reach_field, "ana@")
    tap(qtbot, screen.consent_line)
    tap(qtbot, screen.send_button)
    with pytest.raises(InvalidContact) as problem:
        check_contact("Ana", "ana@")
    assert screen.problem_label.text() == translated(problem.value.message)
    assert "incompleta" in screen.problem_label.text()
    assert ContactStore(kiosk.ctx.store().db).get(answer_id) is None


def test_skip_keeps_the_answer_anonymous(qtbot, make_kiosk, fast_settings):
    kiosk = make_kiosk(callback_settings(fast_settings))
    answer_id = ask_for_callback(qtbot, kiosk)
    type_on_keyboard(qtbot, kiosk, kiosk.contact.name_field, "Ana")
    tap(qtbot, kiosk.contact.skip_button)
    assert kiosk.window.current_screen() is kiosk.thanks
    assert ContactStore(kiosk.ctx.store().db).get(answer_id) is None
    assert kiosk.ctx.store().answers.get(answer_id).completion is Completion.SENT
    # the next guest finds an empty contact screen
    qtbot.waitUntil(lambda: kiosk.window.current_screen() is kiosk.question, timeout=3000)
    ask_for_callback(qtbot, kiosk, score=1)
    assert kiosk.contact.name_field.text() == "" and not kiosk.contact.consent_line.isChecked()


def test_a_guest_who_walks_away_leaves_nothing(qtbot, make_kiosk, fast_settings):
    kiosk = make_kiosk(callback_settings(fast_settings))
    answer_id = ask_for_callback(qtbot, kiosk)
    type_on_keyboard(qtbot, kiosk, kiosk.contact.name_field, "Ana")
    qtbot.waitUntil(lambda: kiosk.window.current_screen() is kiosk.question, timeout=3000)
    assert ContactStore(kiosk.ctx.store().db).get(answer_id) is None


def test_the_consent_is_kept_in_the_language_it_was_shown_in(qtbot, make_kiosk, fast_settings):
    kiosk = make_kiosk(callback_settings(fast_settings, retention_days=14))
    answer_id = ask_for_callback(qtbot, kiosk)
    screen = kiosk.contact
    tap(qtbot, screen.language_switch.buttons["en"])
    type_on_keyboard(qtbot, kiosk, screen.name_field, "Ann")
    type_on_keyboard(qtbot, kiosk, screen.reach_field, "+44 20 7946 0958")
    tap(qtbot, screen.consent_line)
    tap(qtbot, screen.send_button)
    contact = ContactStore(kiosk.ctx.store().db).get(answer_id)
    assert contact.language == "en" and contact.reach == "+44 20 7946 0958"
    assert contact.consent_text == (
        "I agree that Café Demo contacts me about my visit; my contact is deleted after 14 days."
    )


def test_the_offer_is_for_detractors_unless_everyone(qtbot, make_kiosk, fast_settings):
    kiosk = make_kiosk(callback_settings(fast_settings))
    tap(qtbot, kiosk.question.score_buttons[9])
    assert not kiosk.why.callback_button.isVisible()
    off = make_kiosk(fast_settings)
    tap(qtbot, off.question.score_buttons[2])
    assert not off.why.callback_button.isVisible()


def test_everyone_may_ask_when_configured(qtbot, make_kiosk, fast_settings):
    kiosk = make_kiosk(callback_settings(fast_settings, everyone=True))
    tap(qtbot, kiosk.question.score_buttons[10])
    assert kiosk.why.callback_button.isVisible()


def test_the_kiosk_erases_expired_contacts_when_it_starts(
    qtbot, make_kiosk, fast_settings, data_dir
):
    from datetime import datetime, timedelta, timezone

    from kiosk import __version__
    from kiosk.core.contact import Contact
    from kiosk.store import contacts
    from kiosk.store.recovery import open_store

    opened = open_store(data_dir / "kiosk.sqlite", "kiosk-1", __version__)
    old = datetime.now(timezone.utc) - timedelta(days=31)
    made = opened.answers.record_score(1, "es", now=old)
    opened.answers.complete(made.id, Completion.SENT, now=old)
    with opened.db.transaction() as con:
        contacts.add(con, Contact.given(made.id, "Ana", "+34 600 111 222", "ok", "es", old), [])
    opened.db.close()
    kiosk = make_kiosk(callback_settings(fast_settings))
    assert kiosk.retention_timer.isActive()
    [follow_up] = ContactStore(kiosk.ctx.store().db).follow_ups()
    assert follow_up.contact is None and follow_up.erased_utc is not None


def test_a_whole_flow_and_sync_never_log_the_contact(
    qtbot, make_kiosk, fast_settings, tmp_path, caplog
):
    """The guest types a contact on the screen, the sync carries it to a real loopback
    endpoint and webhook; no log line anywhere names it, nor does the webhook's body."""
    import json

    from endpoint_server import TOKEN, LiveServer, central

    from kiosk.config import AlertsSection, SyncSection
    from kiosk.endpoint.store import contacts as central_contacts
    from kiosk.sync.worker import SyncWorker

    bodies: list[dict] = []

    def hook(environ, start_response):
        raw = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        bodies.append(json.loads(raw))
        start_response("200 OK", [("Content-Length", "2")])
        return [b"ok"]

    caplog.set_level("DEBUG")
    store, app = central(tmp_path / "central.sqlite")
    server, hook_server = LiveServer(app), LiveServer(hook)
    settings = replace(
        callback_settings(fast_settings),
        sync=SyncSection(endpoint=server.url, token=TOKEN, connect_timeout=1, read_timeout=2),
        alerts=AlertsSection(webhook_url=hook_server.url + "/hook"),
    )
    kiosk = make_kiosk(replace(settings, kiosk=replace(settings.kiosk, id="test-kiosk")))
    worker = SyncWorker(kiosk.ctx.settings, kiosk.ctx.store().db, token=TOKEN)
    try:
        answer_id = ask_for_callback(qtbot, kiosk)
        screen = kiosk.contact
        type_on_keyboard(qtbot, kiosk, screen.name_field, "Zoé Ñandú")
        type_on_keyboard(qtbot, kiosk, screen.reach_field, "zoe@correo.es")
        tap(qtbot, screen.consent_line)
        tap(qtbot, screen.send_button)
        assert ContactStore(kiosk.ctx.store().db).get(answer_id) is not None
        worker.run_once(force=True)
        worker.run_once(force=True)
        [held] = central_contacts.contacts_of(store.engine)
        assert (held.answer_id, held.name, held.reach) == (answer_id, "Zoé Ñandú", "zoe@correo.es")
        assert len(bodies) == 2  # the alert and the notice that a contact was left
    finally:
        worker.client.close()
        server.stop()
        hook_server.stop()
        store.close()
    for text in (caplog.text, json.dumps(bodies, ensure_ascii=False)):
        assert "Zoé" not in text and "Ñandú" not in text and "zoe@" not in text
        assert "correo" not in text
