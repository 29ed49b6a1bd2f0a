"""Answers on disk: stored at the tap, completed once, immutable, never deleted, counted right."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from kiosk.core.answer import Answer, Completion
from kiosk.store import meta
from kiosk.store.answers import AnswerStore
from kiosk.store.database import Database

T0 = datetime(2026, 3, 14, 15, 0, tzinfo=timezone.utc)


def row(store: AnswerStore, answer_id: str) -> sqlite3.Row:
    con = store.db.connection()
    con.row_factory = sqlite3.Row
    try:
        return con.execute("SELECT * FROM answers WHERE id = ?", (answer_id,)).fetchone()
    finally:
        con.row_factory = None


def outbox(store: AnswerStore) -> list[tuple[str, str]]:
    return list(store.db.connection().execute("SELECT kind, answer_id FROM outbox ORDER BY id"))


def test_record_score_is_on_disk_at_once(answer_store, data_dir):
    answer = answer_store.record_score(
        3, "es", flags=("too_soon",), now=T0, utc_offset_minutes=-300
    )
    assert answer.seq == 1
    # Another connection (another process would do the same) sees it: it is committed.
    con = sqlite3.connect(data_dir / "kiosk.sqlite")
    try:
        stored = con.execute(
            "SELECT id, seq, score, category, created_utc, utc_offset_minutes, local_day,"
            " local_hour, local_weekday, language, kiosk_id, app_version, flags, flagged,"
            " origin, completion FROM answers"
        ).fetchall()
    finally:
        con.close()
    assert stored == [
        (
            answer.id,
            1,
            3,
            "detractor",
            "2026-03-14T15:00:00.000000Z",
            -300,
            "2026-03-14",
            10,
            5,
            "es",
            "test-kiosk",
            answer.app_version,
            '["too_soon"]',
            1,
            "guest",
            None,
        )
    ]
    assert answer_store.get(answer.id) == answer
    assert outbox(answer_store) == []  # not sent before the why step ends


def test_detractor_alerts_are_queued_with_the_answer(answer_store):
    answer = answer_store.record_score(2, "es", alert_kinds=("alert", "webhook"))
    assert outbox(answer_store) == [("alert", answer.id), ("webhook", answer.id)]


def test_complete_adds_reasons_and_comment_and_queues_the_answer(answer_store):
    answer = answer_store.record_score(9, "en", now=T0)
    done = answer_store.complete(
        answer.id,
        "sent",
        reasons=["speed", "quality", "speed"],
        comment="  Great café! ",
        now=T0 + timedelta(seconds=12),
    )
    assert done.reasons == ("speed", "quality")
    assert done.comment == "Great café!"
    assert done.completion is Completion.SENT
    assert answer_store.get(answer.id) == done
    stored = row(answer_store, answer.id)
    assert json.loads(stored["reasons"]) == ["speed", "quality"]
    assert stored["completed_utc"] == "2026-03-14T15:00:12.000000Z"
    reasons = (
        answer_store.db.connection()
        .execute(
            "SELECT reason FROM answer_reasons WHERE answer_id = ? ORDER BY reason", (answer.id,)
        )
        .fetchall()
    )
    assert reasons == [("quality",), ("speed",)]
    assert outbox(answer_store) == [("answer", answer.id)]


def test_comment_is_capped_at_the_configured_length(answer_store):
    answer = answer_store.record_score(5, "es")
    done = answer_store.complete(answer.id, "sent", comment="x" * 400, comment_max_length=280)
    assert len(done.comment) == 280


def test_complete_only_once_and_only_known_answers(answer_store):
    answer = answer_store.record_score(8, "es")
    answer_store.complete(answer.id, Completion.SKIPPED)
    with pytest.raises(ValueError, match="already complete"):
        answer_store.complete(answer.id, Completion.SENT, reasons=["price"])
    assert answer_store.get(answer.id).completion is Completion.SKIPPED
    with pytest.raises(KeyError):
        answer_store.complete("no-such-id", Completion.SENT)


def test_the_database_refuses_to_change_a_complete_answer(answer_store):
    answer = answer_store.record_score(10, "es")
    answer_store.complete(answer.id, "sent", reasons=["speed"])
    with (
        pytest.raises(sqlite3.IntegrityError, match="immutable"),
        answer_store.db.transaction() as con,
    ):
        con.execute("UPDATE answers SET score = 0 WHERE id = ?", (answer.id,))
    assert answer_store.get(answer.id).score == 10


def test_the_database_refuses_to_delete_any_answer(answer_store):
    open_answer = answer_store.record_score(1, "es")
    done = answer_store.record_score(2, "es")
    answer_store.complete(done.id, "skipped")
    for answer_id in (open_answer.id, done.id):
        with (
            pytest.raises(sqlite3.IntegrityError, match="never deleted"),
            answer_store.db.transaction() as con,
        ):
            con.execute("DELETE FROM answers WHERE id = ?", (answer_id,))
    assert answer_store.count() == 2


def test_seq_only_grows_across_restarts_and_imports(data_dir):
    path = data_dir / "kiosk.sqlite"
    with Database(path) as db:
        store = AnswerStore(db, "k", "v")
        assert [store.record_score(5, "es").seq for _ in range(3)] == [1, 2, 3]
    with Database(path) as db:
        store = AnswerStore(db, "k", "v")
        assert store.record_score(5, "es").seq == 4
        # A recovered answer keeps its number; later numbers come after it.
        recovered = Answer(
            id="from-old-store",
            score=9,
            created_utc=T0,
            utc_offset_minutes=0,
            language="es",
            kiosk_id="k",
            app_version="v",
            seq=40,
            completion=Completion.SENT,
            completed_utc=T0,
        )
        store.import_answers([recovered], origin="recovered", enqueue=True)
        assert store.get("from-old-store").seq == 40
        assert store.origin_of("from-old-store") == "recovered"
        assert store.record_score(5, "es").seq == 41
        # Demo answers get fresh numbers of their own (below zero), whatever they carry.
        demo = replace(recovered, id="demo-1", seq=2)
        store.import_answers([demo], origin="demo", enqueue=False)
        assert store.get("demo-1").seq == -1
        assert store.record_score(5, "es").seq == 42
        assert ("answer", "demo-1") not in outbox(store)
        assert ("answer", "from-old-store") in outbox(store)


def test_a_number_is_never_reused_even_when_the_newest_answers_are_lost(answer_store):
    for _ in range(5):
        answer_store.record_score(7, "es")
    with answer_store.db.transaction() as con:
        assert meta.get(con, meta.LAST_SEQ) == "5"
        # A number handed out but never used (its answer lost) is not handed out again.
        meta.next_seq(con)
    assert answer_store.record_score(7, "es").seq == 7
    seqs = [r[0] for r in answer_store.db.connection().execute("SELECT seq FROM answers")]
    assert len(seqs) == len(set(seqs))


def test_duplicate_seq_is_refused_by_the_database(answer_store):
    first = answer_store.record_score(7, "es")
    clash = replace(first, id="other", completion=Completion.SENT, completed_utc=T0)
    with pytest.raises(sqlite3.IntegrityError):
        answer_store.import_answers([clash], origin="recovered", enqueue=False)
    assert answer_store.count() == 1


def test_close_abandoned_times_out_open_answers_only(answer_store):
    a = answer_store.record_score(4, "es", now=T0)
    b = answer_store.record_score(9, "en", now=T0)
    answer_store.complete(b.id, "sent")
    c = answer_store.record_score(6, "es", now=T0)
    later = T0 + timedelta(hours=1)
    assert answer_store.close_abandoned(now=later) == 2
    for answer_id in (a.id, c.id):
        closed = answer_store.get(answer_id)
        assert closed.completion is Completion.TIMEOUT
        assert closed.completed_utc == later
    assert answer_store.get(b.id).completion is Completion.SENT
    assert sorted(outbox(answer_store)) == sorted(
        [("answer", a.id), ("answer", b.id), ("answer", c.id)]
    )
    assert answer_store.close_abandoned(now=later) == 0


def test_iter_answers_by_local_day(answer_store):
    # 02:30 UTC on the 15th is still the 14th in Lima (UTC-5) but the 15th in Madrid (UTC+1).
    moment = datetime(2026, 3, 15, 2, 30, tzinfo=timezone.utc)
    lima = answer_store.record_score(9, "es", now=moment, utc_offset_minutes=-300)
    madrid = answer_store.record_score(3, "es", now=moment, utc_offset_minutes=60)
    flagged = answer_store.record_score(
        0, "es", now=moment + timedelta(days=1), utc_offset_minutes=60, flags=("burst",)
    )

    def ids(**kwargs) -> list[str]:
        return [a.id for a in answer_store.iter_answers(**kwargs)]

    assert ids() == [lima.id, madrid.id, flagged.id]
    assert ids(since=date(2026, 3, 14), until=date(2026, 3, 14)) == [lima.id]
    assert ids(since=date(2026, 3, 15)) == [madrid.id, flagged.id]
    assert ids(until=date(2026, 3, 15)) == [lima.id, madrid.id]
    assert ids(include_flagged=False) == [lima.id, madrid.id]
    assert ids(since=date(2026, 3, 17)) == []


def test_iter_answers_streams_in_seq_order_across_batches(answer_store):
    made = [answer_store.record_score(i % 11, "es").id for i in range(25)]
    assert [a.id for a in answer_store.iter_answers(batch=4)] == made


def test_has_real_answers_ignores_demo_data(answer_store):
    demo = Answer(
        id="d1",
        score=9,
        created_utc=T0,
        utc_offset_minutes=0,
        language="es",
        kiosk_id="k",
        app_version="v",
        completion=Completion.SENT,
        completed_utc=T0,
    )
    answer_store.import_answers([demo], origin="demo", enqueue=False)
    assert not answer_store.has_real_answers()
    answer_store.record_score(9, "es")
    assert answer_store.has_real_answers()
    assert answer_store.count(origin="demo") == 1
    assert answer_store.count() == 2


def test_tallies_match_the_rows(answer_store):
    offsets = [-300, 0, 60, 330]
    for i in range(120):
        moment = T0 + timedelta(hours=7 * i, minutes=13 * i)
        flags = ("burst",) if i % 9 == 0 else ()
        answer = answer_store.record_score(
            i % 11, "es", now=moment, utc_offset_minutes=offsets[i % 4], flags=flags
        )
        if i % 3:
            reasons = [("speed", "price", "quality", "cleanliness")[j] for j in range(i % 4)]
            answer_store.complete(answer.id, "sent", reasons=reasons, now=moment)
    con = answer_store.db.connection()
    from_rows = con.execute(
        "SELECT local_day, local_hour, local_weekday, score, flagged, count(*) FROM answers"
        " GROUP BY local_day, local_hour, score, flagged ORDER BY 1, 2, 4, 5"
    ).fetchall()
    from_tally = con.execute(
        "SELECT local_day, local_hour, local_weekday, score, flagged, n FROM tally"
        " ORDER BY 1, 2, 4, 5"
    ).fetchall()
    assert from_tally == from_rows
    reasons_from_rows = con.execute(
        "SELECT a.local_day, a.category, r.reason, a.flagged, count(*)"
        " FROM answer_reasons r JOIN answers a ON a.id = r.answer_id"
        " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
    ).fetchall()
    reasons_from_tally = con.execute(
        "SELECT local_day, category, reason, flagged, n FROM reason_tally ORDER BY 1, 2, 3, 4"
    ).fetchall()
    assert reasons_from_tally == reasons_from_rows
    assert sum(r[-1] for r in from_tally) == 120
    assert sum(r[-1] for r in reasons_from_tally) > 0


def _demo(count: int, seed: int, kiosk_id: str):
    import random
    from datetime import datetime, timezone

    from kiosk.core.demo import DemoPlan, generate_answers

    plan = DemoPlan(
        count=count,
        days=3,
        end=datetime.now(timezone.utc),
        utc_offset_minutes=0,
        kiosk_id=kiosk_id,
        app_version="test",
    )
    return generate_answers(random.Random(seed), plan)


def test_demo_answers_are_numbered_apart_and_never_queued(answer_store):
    """Demo data must not take numbers from the guests' sequence: the endpoint would report
    every demo answer as a lost one (a gap in seq)."""
    demo = _demo(50, 7, answer_store.kiosk_id)
    assert answer_store.import_answers(demo, origin="demo", enqueue=True) == len(demo)
    seqs = sorted(a.seq for a in answer_store.iter_answers())
    assert seqs == list(range(-len(demo), 0))
    guest = answer_store.record_score(9, "es")
    assert guest.seq == 1  # the guests' sequence starts where it would have without demo data
    con = answer_store.db.connection()
    assert con.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    more = _demo(5, 8, answer_store.kiosk_id)
    answer_store.import_answers(more, origin="demo", enqueue=False)
    assert min(a.seq for a in answer_store.iter_answers()) == -(len(demo) + len(more))
