"""The outbox on a real SQLite file: due items, delivery, attempts, quarantine, counts."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from kiosk.core.answer import Completion
from kiosk.core.sync import ALERT_KINDS
from kiosk.store import outbox, sync_state
from kiosk.store.database import Database

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


def _complete(answer_store, score=9, alert_kinds=()):
    answer = answer_store.record_score(score, "es", now=NOW, alert_kinds=alert_kinds)
    answer_store.complete(answer.id, Completion.SKIPPED, now=NOW)
    return answer


def test_an_answer_is_queued_only_once_complete(answer_store):
    con = answer_store.db.connection()
    answer = answer_store.record_score(8, "es", now=NOW)
    assert outbox.claim_due(con, ["answer"], NOW, 10) == []
    answer_store.complete(answer.id, Completion.SENT, reasons=["speed"], now=NOW)
    items = outbox.claim_due(con, ["answer"], NOW, 10)
    assert [(i.kind, i.answer.id, i.answer.reasons) for i in items] == [
        ("answer", answer.id, ("speed",))
    ]


def test_alerts_are_queued_at_the_tap_and_claimed_apart(answer_store):
    con = answer_store.db.connection()
    answer = answer_store.record_score(2, "es", now=NOW, alert_kinds=("alert", "webhook"))
    alerts = outbox.claim_due(con, ALERT_KINDS, NOW, 10)
    assert sorted(i.kind for i in alerts) == ["alert", "webhook"]
    assert all(i.answer.id == answer.id for i in alerts)
    assert outbox.claim_due(con, ["answer"], NOW, 10) == []
    assert outbox.counts(con) == outbox.Counts(pending_answers=0, pending_alerts=2)


def test_delivered_items_are_never_claimed_again(answer_store):
    a, b = _complete(answer_store), _complete(answer_store)
    db = answer_store.db
    items = outbox.claim_due(db.connection(), ["answer"], NOW, 10)
    with db.transaction() as con:
        outbox.mark_delivered(con, [items[0].id], NOW)
    left = outbox.claim_due(db.connection(), ["answer"], NOW, 10)
    assert [i.answer.id for i in left] == [b.id]
    assert outbox.state_of(db.connection(), "answer", a.id) == ("delivered", 0)


def test_a_failed_attempt_is_counted_and_waits_across_a_restart(answer_store, data_dir):
    answer = _complete(answer_store)
    db = answer_store.db
    [item] = outbox.claim_due(db.connection(), ["answer"], NOW, 10)
    with db.transaction() as con:
        outbox.record_attempt(con, [item.id], "timed out", NOW + timedelta(seconds=30))
        outbox.record_attempt(con, [item.id], "timed out", NOW + timedelta(seconds=60))
    db.close()
    reopened = Database(data_dir / "kiosk.sqlite")
    try:
        con = reopened.connection()
        assert outbox.claim_due(con, ["answer"], NOW + timedelta(seconds=59), 10) == []
        [again] = outbox.claim_due(con, ["answer"], NOW + timedelta(seconds=61), 10)
        assert again.attempts == 2 and again.answer.id == answer.id
        assert outbox.next_due(con, ["answer"]) == NOW + timedelta(seconds=60)
        # "Sync now" ignores the schedule.
        assert len(outbox.claim_due(con, ["answer"], NOW, 10, ignore_schedule=True)) == 1
    finally:
        reopened.close()


def test_a_clock_set_back_does_not_park_an_item_for_hours(answer_store):
    _complete(answer_store)
    db = answer_store.db
    [item] = outbox.claim_due(db.connection(), ["answer"], NOW, 10)
    with db.transaction() as con:
        outbox.record_attempt(con, [item.id], "x", NOW + timedelta(seconds=60))
    earlier = NOW - timedelta(days=2)  # the wall clock jumped back two days
    due = outbox.claim_due(db.connection(), ["answer"], earlier, 10, max_wait=timedelta(hours=1))
    assert [i.id for i in due] == [item.id]


def test_quarantine_keeps_the_item_visible_and_never_due(answer_store):
    answer = _complete(answer_store)
    db = answer_store.db
    [item] = outbox.claim_due(db.connection(), ["answer"], NOW, 10)
    with db.transaction() as con:
        outbox.quarantine(con, item.id, "score must be 0-10")
        outbox.mark_delivered(con, [item.id], NOW)  # a late "stored" cannot undo it
    con = db.connection()
    assert outbox.claim_due(con, ["answer"], NOW, 10, ignore_schedule=True) == []
    assert outbox.counts(con) == outbox.Counts(0, 0, 1)
    [listed] = outbox.quarantined(con)
    assert (listed.answer_id, listed.reason, listed.seq) == (answer.id, "score must be 0-10", 1)
    assert answer_store.get(answer.id) is not None  # kept, never deleted


def test_claims_come_in_order_and_in_batches(answer_store):
    ids = [_complete(answer_store).id for _ in range(5)]
    con = answer_store.db.connection()
    first = outbox.claim_due(con, ["answer"], NOW, 2)
    rest = outbox.claim_due(con, ["answer"], NOW, 10, after_id=first[-1].id)
    assert [i.answer.id for i in first + rest] == ids


def test_sync_state_survives_in_meta(answer_store):
    db = answer_store.db
    with db.transaction() as con:
        sync_state.record_error(con, "the endpoint refused the token (401)", NOW, auth=True)
    state = sync_state.read(db.connection())
    assert state.last_error == "the endpoint refused the token (401)"
    assert state.last_error_at == NOW and state.auth_failing
    with db.transaction() as con:
        sync_state.record_success(con, NOW + timedelta(seconds=1))
    state = sync_state.read(db.connection())
    assert state.last_success == NOW + timedelta(seconds=1)
    assert not state.auth_failing


def test_the_owners_stats_read_the_same_sync_status(answer_store):
    from kiosk.store import stats

    db = answer_store.db
    with db.transaction() as con:
        sync_state.record_success(con, NOW)
        sync_state.record_error(con, "the endpoint answered 500", NOW)
    shown = stats.dashboard_stats(db).sync
    assert shown.last_success == NOW
    assert shown.last_error == "the endpoint answered 500"
