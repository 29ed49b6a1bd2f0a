"""The central store: dedup by id, conflicts, gaps in seq, clock skew, durability pragmas."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime, timezone

import pytest

from kiosk.store.central import MIGRATIONS, CentralStore
from kiosk.store.schema import SchemaTooNew

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
KIOSK = {"id": "k1", "site": "centro", "app_version": "1.0"}


def wire(seq: int, score: int = 9, comment: str = "", answer_id: str | None = None) -> dict:
    category = "detractor" if score <= 6 else "passive" if score <= 8 else "promoter"
    return {
        "id": answer_id or str(uuid.uuid4()), "seq": seq,
        "created_at": "2026-11-25T09:00:00.000000-03:00", "score": score, "category": category,
        "reasons": [], "comment": comment, "language": "es", "flags": [], "completion": "sent",
        "app_version": "1.0",
    }


def test_wal_and_full_sync(tmp_path):
    store = CentralStore(tmp_path / "c.sqlite")
    try:
        con = store.db.connection()
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        store.close()


def test_the_same_answer_twice_is_held_once(tmp_path):
    store = CentralStore(tmp_path / "c.sqlite")
    try:
        answer = wire(1)
        first = store.store_answers(KIOSK, [answer], NOW, 0.0)
        again = store.store_answers(KIOSK, [dict(answer)], NOW, 0.0)
        assert first.stored == again.stored == [answer["id"]]
        assert store.count_answers() == 1
    finally:
        store.close()


def test_same_id_different_content_is_a_conflict_and_the_first_is_kept(tmp_path):
    path = tmp_path / "c.sqlite"
    store = CentralStore(path)
    answer = wire(1, comment="bien")
    store.store_answers(KIOSK, [answer], NOW, None)
    changed = dict(answer, comment="mal")
    outcome = store.store_answers(KIOSK, [changed, wire(2)], NOW, None)
    assert outcome.conflicts == [answer["id"]]
    assert len(outcome.stored) == 1
    store.close()
    reopened = CentralStore(path)
    try:
        [(_, _, content)] = [r for r in reopened.iter_answers() if answer["id"] in r[2]]
        assert '"comment":"bien"' in content
        assert reopened.count_answers() == 2
    finally:
        reopened.close()


def test_gaps_and_clock_skew_per_kiosk(tmp_path):
    store = CentralStore(tmp_path / "c.sqlite")
    try:
        store.store_answers(KIOSK, [wire(s) for s in (2, 3, 6, 7, 10)], NOW, 95.0)
        store.store_answers(KIOSK, [], NOW, -3.0)
        store.store_answers({**KIOSK, "id": "k2"}, [wire(1), wire(2)], NOW, 0.5)
        reports = {r.kiosk_id: r for r in store.kiosks()}
        k1 = reports["k1"]
        assert (k1.answers, k1.first_seq, k1.last_seq) == (5, 2, 10)
        assert k1.gaps == [(1, 1), (4, 5), (8, 9)]
        assert k1.missing == 5
        assert k1.last_skew_seconds == -3.0 and k1.max_abs_skew_seconds == 95.0
        assert reports["k2"].gaps == [] and reports["k2"].missing == 0
    finally:
        store.close()


def test_an_alert_is_kept_once_per_answer(tmp_path):
    store = CentralStore(tmp_path / "c.sqlite")
    try:
        answer = wire(1, score=2)
        assert store.store_alert(KIOSK, answer, NOW, 0.0) is True
        assert store.store_alert(KIOSK, dict(answer, comment="later"), NOW, 0.0) is False
        assert store.alert_ids() == [answer["id"]]
    finally:
        store.close()


def test_a_central_store_from_a_newer_endpoint_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "c.sqlite"
    newer = len(MIGRATIONS) + 1
    CentralStore(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {newer}")
    con.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNew, match=f"central store has schema version {newer}"):
        CentralStore(path)
    assert path.read_bytes() == before
