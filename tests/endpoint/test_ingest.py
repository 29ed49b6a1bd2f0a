"""Ingest by batches on both stores: duplicates inside a batch, known and new answers mixed,
conflicts (a 409 that stores exactly what it lists), rollups equal to a recomputation from the
answers after concurrent posting, and a pooled PostgreSQL connection that broke while idle."""

from __future__ import annotations

import random
import threading
import uuid
from datetime import datetime, timezone

import pytest
import requests
from endpoint_server import LiveServer
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from kiosk.endpoint.app import create_app
from kiosk.endpoint.config import EndpointConfig
from kiosk.endpoint.store import engine, schema
from kiosk.endpoint.store.ingest import ROLLUPS
from kiosk.endpoint.store.rows import Rollups
from kiosk.endpoint.store.service import CentralStore

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
KIOSK = {"id": "k1", "site": "centro", "app_version": "1.0"}
SENT_AT = "2026-11-25T12:00:00Z"


def wire(seq: int, score: int = 9, day: int = 25, hour: int = 9, **extra) -> dict:
    category = "detractor" if score <= 6 else "passive" if score <= 8 else "promoter"
    return {
        "id": str(uuid.uuid4()),
        "seq": seq,
        "created_at": f"2026-11-{day:02d}T{hour:02d}:00:00.000000-03:00",
        "score": score,
        "category": category,
        "reasons": ["speed"] if score <= 6 else [],
        "comment": "",
        "language": "es",
        "flags": [],
        "completion": "sent",
        "app_version": "1.0",
        **extra,
    }


def rollup_rows(store: CentralStore) -> dict[str, set[tuple]]:
    """Every rollup table as held: each row's key and counts."""
    with store.engine.connect() as conn:
        return {
            table.name: {tuple(row) for row in conn.execute(select(table))}
            for table, _, _ in ROLLUPS
        }


def recomputed(store: CentralStore) -> dict[str, set[tuple]]:
    """The rollups recomputed from the answers table alone."""
    with store.engine.connect() as conn:
        answers = [dict(r._mapping) for r in conn.execute(select(schema.answers))]
    rollups = Rollups.of(answers)
    out = {}
    for table, rows_of, _ in ROLLUPS:
        names = [c.name for c in table.c]
        out[table.name] = {tuple(row[n] for n in names) for row in rows_of(rollups)}
    return out


def kiosk_row(store: CentralStore, kiosk_id: str):
    k = schema.kiosks.c
    with store.engine.connect() as conn:
        return conn.execute(
            select(k.answers, k.max_seq, k.gap_since_utc).where(k.kiosk_id == kiosk_id)
        ).one()


@pytest.fixture
def served(migrated_url):
    """The service on real HTTP with two registered kiosks per site (two sites)."""
    store = CentralStore.open(migrated_url)
    store.change("add-area", "t", "Sur")
    tokens = {}
    for site in ("centro", "norte"):
        store.change("add-site", "t", site, "Sur")
        for n in (1, 2):
            kiosk = f"{site}-{n}"
            tokens[kiosk] = (store.change("add-kiosk", "t", kiosk, site), site)
    server = LiveServer(create_app(EndpointConfig(db=migrated_url), store), threads=8)
    yield store, server.url, tokens
    server.stop()
    store.close()


def post(url: str, token: str, kiosk: str, site: str, answers: list[dict]) -> requests.Response:
    body = {
        "kiosk": {"id": kiosk, "site": site, "app_version": "1.0"},
        "answers": answers,
        "sent_at": SENT_AT,
    }
    return requests.post(
        url + "/v1/answers", json=body, headers={"Authorization": f"Bearer {token}"}, timeout=30
    )


def test_one_answer_twice_in_a_batch_is_stored_and_listed_once(central_store):
    answer = wire(1)
    outcome = central_store.store_answers(KIOSK, [answer, dict(answer)], NOW, 0.0)
    assert outcome.stored == [answer["id"]] and outcome.conflicts == {}
    assert central_store.count_answers() == 1
    assert kiosk_row(central_store, "k1").answers == 1
    assert rollup_rows(central_store) == recomputed(central_store)


def test_two_answers_with_one_seq_in_a_batch_keep_the_first(central_store):
    first, second = wire(1), wire(1, score=3)
    outcome = central_store.store_answers(KIOSK, [first, second], NOW, 0.0)
    assert outcome.stored == [first["id"]]
    assert list(outcome.conflicts) == [second["id"]]
    assert "seq 1" in outcome.conflicts[second["id"]]
    assert central_store.answer_ids() == [first["id"]]
    assert rollup_rows(central_store) == recomputed(central_store)


def test_known_and_new_answers_mixed_count_the_new_ones_only(served):
    store, url, tokens = served
    token, site = tokens["centro-1"]
    known = [wire(seq) for seq in range(1, 6)]
    assert post(url, token, "centro-1", site, known).status_code == 200
    new = [wire(seq, score=seq % 11) for seq in range(6, 10)]
    mixed = [known[3], new[0], known[0], new[1], new[2], known[4], new[3]]
    reply = post(url, token, "centro-1", site, mixed)
    assert reply.status_code == 200, reply.text
    assert sorted(reply.json()["stored"]) == sorted(a["id"] for a in mixed)
    assert store.count_answers() == 9
    row = kiosk_row(store, "centro-1")
    assert (row.answers, row.max_seq, row.gap_since_utc) == (9, 9, None)
    assert rollup_rows(store) == recomputed(store)


def test_a_409_stores_exactly_the_answers_it_lists_and_keeps_the_first_content(served):
    store, url, tokens = served
    token, site = tokens["centro-1"]
    held = [wire(1, comment="bien"), wire(2)]
    assert post(url, token, "centro-1", site, held).status_code == 200
    before = rollup_rows(store)
    other_content = dict(held[0], comment="mal")
    held_seq = wire(2)  # a new id on a seq another answer holds
    new = [wire(3, score=2), wire(4, score=10)]
    reply = post(url, token, "centro-1", site, [new[0], other_content, held_seq, new[1]])
    assert reply.status_code == 409
    body = reply.json()
    assert sorted(body["conflicts"]) == sorted([held[0]["id"], held_seq["id"]])
    assert "other content" in body["conflict_reasons"][held[0]["id"]]
    assert "seq 2" in body["conflict_reasons"][held_seq["id"]]
    assert body["stored"] == [new[0]["id"], new[1]["id"]]
    # Nothing else from the batch is held, nothing half: each listed answer with its rollups.
    assert sorted(store.answer_ids()) == sorted(a["id"] for a in [*held, *new])
    assert [c for _, _, c in store.iter_answers() if '"bien"' in c]  # the first content kept
    assert kiosk_row(store, "centro-1").answers == 4
    assert rollup_rows(store) == recomputed(store) != before


def test_rollups_equal_a_recomputation_after_concurrent_overlapping_posts(served):
    """Four kiosks on two sites (so two kiosks share each site's day rows), each batch
    posted twice at the same moment from different threads, batches of one kiosk racing."""
    store, url, tokens = served
    rng = random.Random(5)
    jobs = []
    for kiosk in tokens:
        answers = [
            wire(seq, score=rng.randrange(11), day=rng.randrange(20, 26), hour=rng.randrange(24))
            for seq in range(1, 121)
        ]
        for start in range(0, len(answers), 30):
            chunk = answers[start : start + 30]
            jobs += [(kiosk, chunk), (kiosk, chunk), (kiosk, chunk[10:] + answers[:5])]
    rng.shuffle(jobs)
    failures: list[str] = []
    lock = threading.Lock()

    def worker(mine) -> None:
        for kiosk, chunk in mine:
            token, site = tokens[kiosk]
            reply = post(url, token, kiosk, site, chunk)
            if reply.status_code != 200 or len(reply.json()["stored"]) != len(chunk):
                with lock:
                    failures.append(f"{reply.status_code} {reply.text[:200]}")

    threads = [threading.Thread(target=worker, args=(jobs[i::8],)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not failures, failures[:3]
    assert store.count_answers() == 4 * 120
    for kiosk in tokens:
        assert kiosk_row(store, kiosk).answers == 120
    assert rollup_rows(store) == recomputed(store)


def _terminate_the_pool(url: str) -> None:
    """End every server process of the database but this one (on a connection of its own)."""
    killer = create_engine(engine.database_url(url), poolclass=NullPool)
    with killer.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    killer.dispose()


def test_a_pooled_connection_that_broke_while_idle_is_replaced_unseen(migrated_url, monkeypatch):
    if not migrated_url.startswith("postgresql"):
        pytest.skip("SQLite has no server to lose a connection to")
    store = CentralStore.open(migrated_url, pool_size=2)
    try:
        with store.engine.connect() as first, store.engine.connect() as second:
            first.execute(text("SELECT 1"))
            second.execute(text("SELECT 1"))  # two connections in the pool
        _terminate_the_pool(migrated_url)
        monkeypatch.setattr(engine, "IDLE_PING_SECONDS", 0.0)  # both count as idle
        assert store.count_answers() == 0  # pinged, replaced: the caller never saw it
        assert store.store_answers(KIOSK, [wire(1)], NOW, 0.0).stored

        # In use a moment ago, a broken connection fails its one request (the view's 503)
        # and SQLAlchemy discards the whole pool: the next request runs.
        _terminate_the_pool(migrated_url)
        monkeypatch.setattr(engine, "IDLE_PING_SECONDS", 3600.0)
        with pytest.raises(DBAPIError):
            store.count_answers()
        assert store.count_answers() == 1
    finally:
        store.close()
