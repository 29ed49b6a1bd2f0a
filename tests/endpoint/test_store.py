"""The central store on both databases: dedup per kiosk, conflicts, seq keys, gaps, skew."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pytest

from kiosk.endpoint.store.migrate import SchemaMismatch
from kiosk.endpoint.store.service import CentralStore

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
KIOSK = {"id": "k1", "site": "centro", "app_version": "1.0"}


def wire(seq: int, score: int = 9, comment: str = "", answer_id: str | None = None) -> dict:
    category = "detractor" if score <= 6 else "passive" if score <= 8 else "promoter"
    return {
        "id": answer_id or str(uuid.uuid4()),
        "seq": seq,
        "created_at": "2026-11-25T09:00:00.000000-03:00",
        "score": score,
        "category": category,
        "reasons": [],
        "comment": comment,
        "language": "es",
        "flags": [],
        "completion": "sent",
        "app_version": "1.0",
    }


def test_sqlite_is_wal_and_full_sync(tmp_path):
    store = CentralStore.open(tmp_path / "c.sqlite")
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        store.close()


def test_the_same_answer_twice_is_held_once(central_store):
    answer = wire(1)
    first = central_store.store_answers(KIOSK, [answer], NOW, 0.0)
    again = central_store.store_answers(KIOSK, [dict(answer)], NOW, 0.0)
    assert first.stored == again.stored == [answer["id"]]
    assert central_store.count_answers() == 1


def test_same_id_different_content_is_a_conflict_and_the_first_is_kept(migrated_url):
    store = CentralStore.open(migrated_url)
    answer = wire(1, comment="bien")
    store.store_answers(KIOSK, [answer], NOW, None)
    outcome = store.store_answers(KIOSK, [dict(answer, comment="mal"), wire(2)], NOW, None)
    assert list(outcome.conflicts) == [answer["id"]]
    assert len(outcome.stored) == 1
    store.close()
    reopened = CentralStore.open(migrated_url)
    try:
        [(_, _, content)] = [r for r in reopened.iter_answers() if answer["id"] in r[2]]
        assert '"comment":"bien"' in content
        assert reopened.count_answers() == 2
    finally:
        reopened.close()


def test_another_answer_with_a_held_seq_is_a_conflict(central_store):
    central_store.store_answers(KIOSK, [wire(1)], NOW, None)
    other = wire(1)
    outcome = central_store.store_answers(KIOSK, [other], NOW, None)
    assert outcome.stored == []
    assert outcome.conflicts == {other["id"]: "seq 1 is held by another answer of this kiosk"}
    assert central_store.count_answers() == 1


def test_ids_are_per_kiosk(central_store):
    """One kiosk cannot claim another kiosk's answer id: each kiosk's ids are its own."""
    shared = str(uuid.uuid4())
    central_store.store_answers({**KIOSK, "id": "k2"}, [wire(1, answer_id=shared)], NOW, None)
    outcome = central_store.store_answers(KIOSK, [wire(1, answer_id=shared)], NOW, None)
    assert outcome.stored == [shared] and not outcome.conflicts
    assert central_store.count_answers("k1") == central_store.count_answers("k2") == 1


def test_gaps_and_clock_skew_per_kiosk(central_store):
    central_store.store_answers(KIOSK, [wire(s) for s in (2, 3, 6, 7, 10)], NOW, 95.0)
    central_store.store_answers(KIOSK, [], NOW, -3.0)
    central_store.store_answers({**KIOSK, "id": "k2"}, [wire(1), wire(2)], NOW, 0.5)
    reports = {r.kiosk_id: r for r in central_store.kiosks(now=NOW)}
    k1 = reports["k1"]
    assert (k1.answers, k1.first_seq, k1.last_seq) == (5, 2, 10)
    assert k1.gaps == [(1, 1), (4, 5), (8, 9)]
    assert k1.missing == 5
    assert k1.last_skew_seconds == -3.0 and k1.max_abs_skew_seconds == 95.0
    assert reports["k2"].gaps == [] and reports["k2"].missing == 0


def test_an_alert_is_kept_once_per_answer(central_store):
    answer = wire(1, score=2)
    assert central_store.store_alert(KIOSK, answer, NOW, 0.0) is True
    assert central_store.store_alert(KIOSK, dict(answer, comment="later"), NOW, 0.0) is False
    assert central_store.alert_ids() == [answer["id"]]


def test_a_database_from_a_newer_service_is_refused_and_left_alone(migrated_url):
    from sqlalchemy import text

    store = CentralStore.open(migrated_url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'c9999'"))
    store.close()
    with pytest.raises(SchemaMismatch, match="version c9999, which this service does not know"):
        CentralStore.open(migrated_url)
    store = None
    from kiosk.endpoint.store.engine import open_engine

    engine = open_engine(migrated_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "c9999"
    engine.dispose()
