"""Migrations: an empty database and a store made by the reference endpoint (the SQLite
schema of ``kiosk/store/central.py`` before the central service) reach the newest schema
with nothing lost; the migrated schema is exactly the declared one; the service refuses
a schema it does not run on, naming the versions."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from kiosk.endpoint.store import migrate
from kiosk.endpoint.store.engine import open_engine
from kiosk.endpoint.store.rows import week_of
from kiosk.endpoint.store.schema import metadata
from kiosk.endpoint.store.service import CentralStore

# The reference endpoint's schema (user_version 1), verbatim.
REFERENCE_SCHEMA = [
    """CREATE TABLE kiosks (
        kiosk_id TEXT PRIMARY KEY, site TEXT NOT NULL, app_version TEXT NOT NULL,
        first_seen_utc TEXT NOT NULL, last_seen_utc TEXT NOT NULL, last_skew_seconds REAL,
        max_abs_skew_seconds REAL
    ) WITHOUT ROWID""",
    """CREATE TABLE answers (
        id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, site TEXT NOT NULL, seq INTEGER NOT NULL,
        created_at TEXT NOT NULL, score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
        category TEXT NOT NULL, language TEXT NOT NULL, content TEXT NOT NULL,
        received_utc TEXT NOT NULL
    )""",
    "CREATE INDEX answers_by_kiosk_seq ON answers (kiosk_id, seq)",
    """CREATE TRIGGER answers_immutable BEFORE UPDATE ON answers
        BEGIN SELECT RAISE(ABORT, 'received answers are immutable'); END""",
    """CREATE TABLE alerts (
        answer_id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, site TEXT NOT NULL,
        content TEXT NOT NULL, received_utc TEXT NOT NULL
    )""",
    "PRAGMA user_version = 1",
]


def _answer(seq: int, score: int, day: int, answer_id: str | None = None, **extra) -> dict:
    category = "detractor" if score <= 6 else "passive" if score <= 8 else "promoter"
    return {
        "id": answer_id or str(uuid.uuid4()),
        "seq": seq,
        "created_at": f"2026-11-{day:02d}T10:15:00.000000-03:00",
        "score": score,
        "category": category,
        "reasons": ["speed"],
        "comment": f"c{seq}",
        "language": "es",
        "flags": [],
        "completion": "sent",
        "app_version": "1.0",
        **extra,
    }


def reference_store(path) -> dict:
    """A store as the reference endpoint made it, with what its keys let through."""
    con = sqlite3.connect(path)
    for statement in REFERENCE_SCHEMA:
        con.execute(statement)
    answers = {
        "k1": [_answer(s, s % 11, 1 + s % 20) for s in range(1, 41)],
        "k2": [_answer(s, 10, 5) for s in (1, 2, 4)],
    }
    upper = _answer(5, 3, 6)
    upper["id"] = upper["id"].upper()
    answers["k2"].append(upper)
    same_seq = _answer(2, 7, 7)  # a second answer with seq 2 from k2: the old store kept both
    answers["k2"].append(same_seq)
    for kiosk, site in (("k1", "Centro"), ("k2", "Norte")):
        con.execute(
            "INSERT INTO kiosks VALUES (?, ?, '1.0', '2026-11-01T00:00:00.000000Z',"
            " '2026-11-30T00:00:00.000000Z', 1.5, 4.0)",
            (kiosk, site),
        )
        for a in answers[kiosk]:
            con.execute(
                "INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    a["id"],
                    kiosk,
                    site,
                    a["seq"],
                    a["created_at"],
                    a["score"],
                    a["category"],
                    a["language"],
                    json.dumps(a, sort_keys=True, separators=(",", ":")),
                    "2026-11-30T00:00:00.000000Z",
                ),
            )
    alert = answers["k1"][2]
    con.execute(
        "INSERT INTO alerts VALUES (?, 'k1', 'Centro', ?, '2026-11-30T00:00:00.000000Z')",
        (alert["id"], json.dumps(alert)),
    )
    con.commit()
    con.close()
    return {
        "answers": answers,
        "alert": alert["id"],
        "same_seq": same_seq["id"],
        "upper": upper["id"],
    }


def _schema_diff(url: str) -> list:
    engine = open_engine(url)
    try:
        with engine.connect() as conn:
            return compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()


def test_an_empty_database_migrates_to_exactly_the_declared_schema(db_url):
    engine = open_engine(db_url)
    try:
        assert migrate.upgrade(engine) == (None, migrate.head())
    finally:
        engine.dispose()
    assert _schema_diff(db_url) == []


def test_a_reference_endpoint_store_upgrades_with_nothing_lost(tmp_path):
    path = tmp_path / "central.sqlite"
    made = reference_store(path)
    with pytest.raises(
        migrate.SchemaMismatch, match=f"version c0001, this service runs on {migrate.head()}"
    ):
        CentralStore.open(path)
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "endpoint", "migrate", "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"c0001 -> {migrate.head()}" in result.stdout
    assert _schema_diff(str(path)) == []
    store = CentralStore.open(path)
    try:
        k1 = sorted(a["id"] for a in made["answers"]["k1"])
        held = store.answer_ids()
        assert sorted(i for i in held if i in k1) == k1
        assert made["upper"].lower() in held
        assert made["same_seq"] not in held  # its seq was taken: kept aside, not dropped
        from sqlalchemy import text

        with store.engine.connect() as conn:
            aside = conn.execute(text("SELECT answer_id, reason FROM set_aside")).all()
        assert [(made["same_seq"], "seq 2 was held first by another answer of this kiosk")] == [
            tuple(r) for r in aside
        ]
        assert len(held) + len(aside) == sum(len(v) for v in made["answers"].values())
        assert store.alert_ids() == [made["alert"]]
        reports = {r.kiosk_id: r for r in store.kiosks()}
        assert reports["k1"].site == "Centro" and reports["k1"].answers == 40
        assert reports["k2"].gaps == [(3, 3)] and reports["k2"].max_abs_skew_seconds == 4.0
        # The rollups were rebuilt from the copied answers.
        stats = store.dashboard(
            site_ids=None,
            kiosk_ids={"k1"},
            since=None,
            until=None,
            include_flagged=False,
            granularity=None,
            today=__import__("datetime").date(2026, 11, 30),
        )
        assert stats.summary.total == 40
        assert list(stats.distribution) == [
            sum(1 for s in range(1, 41) if s % 11 == score) for score in range(11)
        ]
        assert stats.reasons["promoter"] == (("speed", stats.summary.promoters),)
        # site_daily (c0008) and its weeks (c0009) were filled from the rebuilt rollups.
        with store.engine.connect() as conn:
            weeks = conn.execute(text("SELECT local_day, week FROM site_daily")).all()
        assert weeks and all(week == week_of(day) for day, week in weeks)
        week_stats = store.dashboard(
            site_ids=None,
            kiosk_ids=None,
            since=__import__("datetime").date(2026, 8, 1),
            until=__import__("datetime").date(2026, 11, 30),
            include_flagged=False,
            granularity="week",
            today=__import__("datetime").date(2026, 11, 30),
        )
        assert sum(p.summary.total for p in week_stats.trend) == week_stats.summary.total
    finally:
        store.close()
    again = subprocess.run(
        [sys.executable, "-m", "kiosk", "endpoint", "migrate", "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert again.returncode == 0 and f"{migrate.head()} -> {migrate.head()}" in again.stdout


def test_serve_refuses_an_old_schema_and_names_the_versions(tmp_path):
    path = tmp_path / "central.sqlite"
    reference_store(path)
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "endpoint", "--db", str(path), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert f"version c0001, this service runs on {migrate.head()}" in result.stderr
    assert "kiosk endpoint migrate" in result.stderr
