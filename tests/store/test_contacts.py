"""Call-back requests in the kiosk's store: apart from the answer, queued, done, erased."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from kiosk.core.answer import Completion
from kiosk.core.contact import Contact, InvalidContact, ReachKind, check_contact
from kiosk.core.sync import OutboxKind
from kiosk.store import contacts, outbox
from kiosk.store.answers import AnswerStore
from kiosk.store.contacts import ContactStore
from kiosk.store.database import Database
from kiosk.store.recorder import DurableRecorder
from kiosk.store.schema import _V1, MIGRATIONS, migrate

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
CONSENT = "I agree that Café Demo contacts me about my visit; my contact is deleted after 30 days."


@pytest.fixture
def db(tmp_path):
    with Database(tmp_path / "kiosk.sqlite") as db:
        yield db


def detractor(db: Database) -> str:
    answers = AnswerStore(db, "kiosk-1", "0.1.0")
    answer = answers.record_score(3, "es", now=T0, alert_kinds=[OutboxKind.ALERT])
    answers.complete(answer.id, Completion.SENT, comment="lento", now=T0)
    return answer.id


def contact(answer_id: str, at: datetime = T0) -> Contact:
    return Contact.given(answer_id, "José Núñez", "jose@example.com", CONSENT, "es", at)


def test_a_contact_is_stored_apart_and_the_answer_is_unchanged(db):
    answer_id = detractor(db)
    before = AnswerStore(db, "kiosk-1", "0.1.0").get(answer_id)
    with db.transaction() as con:
        assert contacts.add(con, contact(answer_id), [OutboxKind.CONTACT])
        assert not contacts.add(con, contact(answer_id), [OutboxKind.CONTACT])  # once
    assert AnswerStore(db, "kiosk-1", "0.1.0").get(answer_id) == before
    got = ContactStore(db).get(answer_id)
    assert (got.name, got.reach, got.reach_kind) == (
        "José Núñez",
        "jose@example.com",
        ReachKind.EMAIL,
    )
    assert got.consent_text == CONSENT and got.language == "es" and got.consented_utc == T0
    assert outbox.state_of(db.connection(), OutboxKind.CONTACT, answer_id) == ("pending", 0)
    assert "jose" not in repr(got) and "Núñez" not in repr(got)


def test_follow_up_list_open_first_newest_first_and_done_with_who_and_when(db):
    store = ContactStore(db)
    ids = []
    for hours in (0, 1, 2):
        answer_id = detractor(db)
        ids.append(answer_id)
        with db.transaction() as con:
            contacts.add(con, contact(answer_id, T0 + timedelta(hours=hours)), [])
    assert [f.answer.id for f in store.follow_ups()] == ids[::-1]
    assert store.waiting().count == 3 and store.waiting().oldest_utc == T0
    assert store.mark_done(ids[2], "owner", T0 + timedelta(hours=5))
    assert not store.mark_done(ids[2], "owner", T0 + timedelta(hours=6))
    listed = store.follow_ups()
    assert [f.answer.id for f in listed] == [ids[1], ids[0], ids[2]]
    assert (listed[2].done_by, listed[2].done_utc) == ("owner", T0 + timedelta(hours=5))
    assert store.waiting().count == 2


def test_expired_contacts_are_erased_delivered_or_not_and_the_owner_sees_it(db, caplog):
    store = ContactStore(db)
    old, new = detractor(db), detractor(db)
    with db.transaction() as con:
        contacts.add(con, contact(old, T0), [OutboxKind.CONTACT])
        contacts.add(con, contact(new, T0 + timedelta(days=20)), [OutboxKind.CONTACT])
    caplog.set_level("INFO")
    assert store.erase_expired(T0 + timedelta(days=31), 30) == 1
    assert store.get(old) is None and store.get(new) is not None
    gone = [f for f in store.follow_ups() if f.answer.id == old][0]
    assert gone.contact is None and gone.erased_utc == T0 + timedelta(days=31)
    assert gone.is_open  # the guest still waits for a call; the owner sees the contact is gone
    # never sent without its contact
    assert outbox.state_of(db.connection(), OutboxKind.CONTACT, old)[0] == "quarantined"
    raw = (
        db.connection()
        .execute("SELECT name, reach, consent_text FROM contacts WHERE answer_id = ?", (old,))
        .fetchone()
    )
    assert raw == (None, None, None)
    assert "erased 1 contact(s)" in caplog.text and "jose" not in caplog.text


def test_erasing_takes_the_same_few_statements_for_one_contact_or_many(db):
    """Every expired contact is erased, its undelivered items quarantined (a contact and
    its notice), delivered ones left as they are, an erased one not erased again."""
    kinds = [OutboxKind.CONTACT, OutboxKind.CONTACT_NOTICE]

    def expire(count: int, erase_at: datetime) -> tuple[list[str], list[str]]:
        ids = [detractor(db) for _ in range(count)]
        for answer_id in ids:
            ContactStore(db).add(contact(answer_id, erase_at - timedelta(days=31)), kinds)
        con = db.connection()
        delivered = [
            r[0]
            for r in con.execute(
                "SELECT id FROM outbox WHERE kind = 'contact' AND answer_id = ?", (ids[0],)
            )
        ]
        with db.transaction() as con:
            outbox.mark_delivered(con, delivered, erase_at)
        seen: list[str] = []
        con.set_trace_callback(seen.append)
        try:
            assert ContactStore(db).erase_expired(erase_at, 30) == count
        finally:
            con.set_trace_callback(None)
        return ids, [s.split()[0].upper() for s in seen]

    one, one_statements = expire(1, T0 + timedelta(days=40))
    many, many_statements = expire(25, T0 + timedelta(days=80))
    assert one_statements == many_statements
    assert many_statements.count("SELECT") == 0 and many_statements.count("UPDATE") == 2
    con = db.connection()
    for answer_id in one + many:
        assert ContactStore(db).get(answer_id) is None
        notice = outbox.state_of(con, OutboxKind.CONTACT_NOTICE, answer_id)
        assert notice == ("quarantined", 1)
    assert outbox.state_of(con, OutboxKind.CONTACT, one[0]) == ("delivered", 0)
    assert outbox.state_of(con, OutboxKind.CONTACT, many[0]) == ("delivered", 0)
    assert outbox.state_of(con, OutboxKind.CONTACT, many[1]) == ("quarantined", 1)
    # the first contact's tombstone keeps the day it was erased
    [gone] = [f for f in ContactStore(db).follow_ups() if f.answer.id == one[0]]
    assert gone.erased_utc == T0 + timedelta(days=40)


def test_the_recorder_keeps_a_contact_in_memory_until_the_answer_is_stored(db):
    recorder = DurableRecorder(AnswerStore(db, "kiosk-1", "0.1.0"), clock=lambda: T0)
    answer_id = recorder.record_score(2, "es")
    recorder.leave_contact(contact(answer_id), [OutboxKind.CONTACT])
    assert ContactStore(db).get(answer_id).reach == "jose@example.com"
    assert "jose" not in repr(recorder._ops)


def test_the_store_adds_a_contact_and_its_deliveries_once(db):
    answer_id = detractor(db)
    store = ContactStore(db)
    kinds = [OutboxKind.CONTACT, OutboxKind.CONTACT_NOTICE]
    assert store.add(contact(answer_id), kinds)
    assert not store.add(contact(answer_id), kinds)  # a replayed write changes nothing
    assert store.get(answer_id).name == "José Núñez"
    queued = db.connection().execute(
        "SELECT kind FROM outbox WHERE answer_id = ? AND kind LIKE 'contact%' ORDER BY kind",
        (answer_id,),
    )
    assert [r[0] for r in queued] == sorted(k.value for k in kinds)


def test_a_contact_kept_through_a_read_only_spell_is_stored_and_queued_once(db, caplog):
    recorder = DurableRecorder(AnswerStore(db, "kiosk-1", "0.1.0"), clock=lambda: T0)
    answer_id = recorder.record_score(2, "es")
    db.connection().execute("PRAGMA query_only = ON")
    recorder.leave_contact(contact(answer_id), [OutboxKind.CONTACT])
    assert recorder.pending_count == 1 and ContactStore(db).get(answer_id) is None
    db.connection().execute("PRAGMA query_only = OFF")
    ContactStore(db).add(contact(answer_id), [OutboxKind.CONTACT])  # its reply was lost
    assert recorder.retry() and recorder.pending_count == 0
    assert "dropping" not in caplog.text
    assert outbox.state_of(db.connection(), OutboxKind.CONTACT, answer_id) == ("pending", 0)
    queued = db.connection().execute("SELECT count(*) FROM outbox WHERE kind = 'contact'")
    assert queued.fetchone()[0] == 1


def test_an_old_store_migrates_and_keeps_its_outbox(tmp_path):
    path = tmp_path / "old.sqlite"
    con = sqlite3.connect(path, isolation_level=None)
    migrate(con, [_V1])
    con.execute(
        "INSERT INTO answers (id, seq, kiosk_id, created_utc, utc_offset_minutes,"
        " local_day, local_hour, local_weekday, score, category, language,"
        " app_version) VALUES ('a', 1, 'k', 'x', 0, 'd', 1, 1, 3, 'detractor', 'es',"
        " '0')"
    )
    con.execute("INSERT INTO outbox (kind, answer_id, created_utc) VALUES ('alert', 'a', 'x')")
    assert migrate(con) == 1
    assert con.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) == 3
    assert con.execute("SELECT kind, answer_id, state FROM outbox").fetchall() == [
        ("alert", "a", "pending")
    ]
    con.execute("INSERT INTO outbox (kind, answer_id, created_utc) VALUES ('contact', 'a', 'x')")
    con.close()


@pytest.mark.parametrize(
    "reach, kind",
    [
        ("+34 612 345 678", ReachKind.PHONE),
        ("(011) 4555-1234", ReachKind.PHONE),
        ("ana.lópez@correo.es", ReachKind.EMAIL),
        ("  jo@x.co  ", ReachKind.EMAIL),
    ],
)
def test_plausible_reaches(reach, kind):
    assert check_contact("Ana", reach)[2] is kind


@pytest.mark.parametrize(
    "name, reach, words",
    [
        ("", "612345678", "your name"),
        ("Ana", "", "phone number or an e-mail"),
        ("Ana", "12345", "6 to 15 digits"),
        ("Ana", "61234+5678", "6 to 15 digits"),
        ("Ana", "jo@", "e-mail address looks incomplete"),
        ("Ana", "jo@x", "incomplete"),
        ("Ana", "a@b@c.com", "incomplete"),
        ("Ana", "call me", "6 to 15 digits"),
        ("A" * 81, "612345678", "under 80"),
    ],
)
def test_implausible_contacts_get_a_clear_message(name, reach, words):
    with pytest.raises(InvalidContact) as caught:
        check_contact(name, reach)
    assert words in caught.value.message.english()
    assert caught.value.message.context == "ContactProblem"
