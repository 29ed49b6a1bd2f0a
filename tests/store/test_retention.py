"""Retention: contacts erased in time; synced answers purged (off by default) behind
tombstones; never an unsynced answer; never a hole in the numbers the endpoint checks."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.config import Settings
from kiosk.core.answer import Completion
from kiosk.core.contact import Contact
from kiosk.core.sync import OutboxKind
from kiosk.store import contacts, outbox
from kiosk.store.answers import AnswerStore
from kiosk.store.database import Database
from kiosk.store.retention import apply_retention, purge_answers
from kiosk.store.stats import dashboard_stats

T0 = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)


def deliver(db: Database, answer_id: str, at: datetime) -> None:
    con = db.connection()
    ids = [
        r[0]
        for r in con.execute(
            "SELECT id FROM outbox WHERE answer_id = ? AND state = 'pending'", (answer_id,)
        )
    ]
    with db.transaction() as con:
        outbox.mark_delivered(con, ids, at)


def answer(store: AnswerStore, at: datetime, *, complete: bool = True, score: int = 8) -> str:
    made = store.record_score(
        score, "es", now=at, alert_kinds=[OutboxKind.ALERT] if score <= 6 else []
    )
    if complete:
        store.complete(made.id, Completion.SENT, reasons=["speed"], now=at)
    return made.id


@pytest.fixture
def db(tmp_path):
    with Database(tmp_path / "kiosk.sqlite") as db:
        yield db


def test_purge_is_off_by_default_and_keeps_tombstones_and_tallies(db, caplog):
    store = AnswerStore(db, "k", "1")
    old = [answer(store, T0 + timedelta(minutes=i)) for i in range(3)]
    for answer_id in old[:2]:
        deliver(db, answer_id, T0 + timedelta(hours=1))
    now = T0 + timedelta(days=100)
    defaults = Settings()
    assert (
        apply_retention(
            db,
            now,
            contact_days=defaults.callback.retention_days,
            answers_days=defaults.retention.answers_days,
        ).answers_purged
        == 0
    )  # off by default
    before = dashboard_stats(db, T0.date(), T0.date()).summary
    assert before.total == 3
    caplog.set_level(logging.INFO, "kiosk.store")
    assert purge_answers(db, now, 90) == 2
    assert "purged 2 synced answer(s) older than 90 days" in caplog.text
    assert store.get(old[0]) is None and store.get(old[2]) is not None  # unsynced kept
    tombs = db.connection().execute("SELECT id, seq FROM answer_tombstones ORDER BY seq")
    assert [tuple(r) for r in tombs] == [(old[0], 1), (old[1], 2)]
    assert dashboard_stats(db, T0.date(), T0.date()).summary == before
    assert store.record_score(9, "es", now=now).seq == 4  # numbers never handed out twice


def test_the_database_refuses_to_delete_an_unsynced_answer(db):
    store = AnswerStore(db, "k", "1")
    answer_id = answer(store, T0)
    with pytest.raises(sqlite3.IntegrityError, match="only a delivered answer"):
        with db.transaction() as con:
            con.execute(
                "INSERT INTO answer_tombstones VALUES (?, 1, 'k', 'x', 'x', 'x')", (answer_id,)
            )
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        with db.transaction() as con:
            con.execute("DELETE FROM outbox WHERE answer_id = ?", (answer_id,))
            con.execute("DELETE FROM answer_reasons WHERE answer_id = ?", (answer_id,))
            con.execute("DELETE FROM answers WHERE id = ?", (answer_id,))


def test_a_contact_is_erased_in_time_and_its_answer_waits_for_the_follow_up(db):
    store = AnswerStore(db, "k", "1")
    answer_id = answer(store, T0, score=2)
    deliver(db, answer_id, T0)
    contact = Contact.given(answer_id, "Ana", "+34 600 111 222", "ok", "es", T0)
    with db.transaction() as con:
        contacts.add(con, contact, [OutboxKind.CONTACT])
    deliver(db, answer_id, T0)
    days = {"contact_days": 30, "answers_days": 10}
    report = apply_retention(db, T0 + timedelta(days=20), **days)
    assert report.contacts_erased == 0 and report.answers_purged == 0  # contact still held
    report = apply_retention(db, T0 + timedelta(days=31), **days)
    assert report.contacts_erased == 1 and report.answers_purged == 0  # follow-up still open
    contacts.ContactStore(db).mark_done(answer_id, "owner", T0 + timedelta(days=32))
    assert apply_retention(db, T0 + timedelta(days=33), **days).answers_purged == 1


# --- random histories -------------------------------------------------------------------------

STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("tap"), st.integers(0, 10), st.booleans()),
        st.tuples(st.just("deliver"), st.integers(0, 50), st.booleans()),
        st.tuples(st.just("purge"), st.integers(0, 40), st.booleans()),
        st.tuples(st.just("later"), st.integers(1, 30), st.booleans()),
    ),
    max_size=40,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=STEPS)
def test_random_histories_never_purge_unsynced_and_never_break_the_gap_proof(
    tmp_path_factory, steps
):
    path = tmp_path_factory.mktemp("retention") / "kiosk.sqlite"
    with Database(path) as db:
        store = AnswerStore(db, "k", "1")
        now = T0
        made: list[str] = []
        delivered: set[str] = set()
        for op, n, flag in steps:
            if op == "tap":
                made.append(answer(store, now, complete=flag, score=n))
            elif op == "deliver" and made:
                answer_id = made[n % len(made)]
                if store.get(answer_id) is not None and store.get(answer_id).is_complete:
                    deliver(db, answer_id, now)
                    delivered.add(answer_id)
            elif op == "purge":
                purge_answers(db, now, n)
            else:
                now += timedelta(days=n)
        con = db.connection()
        held = {r[0]: r[1] for r in con.execute("SELECT id, seq FROM answers")}
        tombs = {r[0]: r[1] for r in con.execute("SELECT id, seq FROM answer_tombstones")}
        # never removes an unsynced answer
        assert set(tombs) <= delivered
        assert set(made) == set(held) | set(tombs) and not set(held) & set(tombs)
        # every number from 1 to the last is held or tombstoned, once: the endpoint's proof
        # (it holds every delivered one) never sees a hole the kiosk made
        seqs = sorted([*held.values(), *tombs.values()])
        assert seqs == list(range(1, len(made) + 1))
        # and the next number comes after all of them
        assert store.record_score(5, "es", now=now).seq == len(made) + 1


def test_a_recovery_never_reuses_a_purged_number(tmp_path):
    from kiosk.store import meta
    from kiosk.store.recovery import _readable_meta

    with Database(tmp_path / "kiosk.sqlite") as db:
        store = AnswerStore(db, "k", "1")
        ids = [answer(store, T0 + timedelta(minutes=i)) for i in range(3)]
        for answer_id in ids:
            deliver(db, answer_id, T0)
        assert purge_answers(db, T0 + timedelta(days=5), 1) == 3
        with db.transaction() as con:
            meta.put(con, meta.LAST_SEQ, "0")  # as if the counter were lost
        assert _readable_meta(db.connection())[meta.LAST_SEQ] == "3"
