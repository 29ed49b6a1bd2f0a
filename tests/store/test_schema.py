"""Schema versions: a fresh store is current, a newer one is refused, migrations are atomic."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from kiosk.store import schema
from kiosk.store.database import Database
from kiosk.store.recovery import open_store
from kiosk.store.schema import MIGRATIONS, SCHEMA_VERSION, SchemaTooNew, migrate


def user_version(path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()


def tables(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}


def test_fresh_store_is_at_the_current_version(data_dir):
    path = data_dir / "kiosk.sqlite"
    with Database(path) as db:
        assert {
            "meta",
            "answers",
            "answer_reasons",
            "tally",
            "reason_tally",
            "outbox",
            "events",
        } <= (tables(db.connection()))
    assert user_version(path) == SCHEMA_VERSION == len(MIGRATIONS)


def test_migrating_twice_changes_nothing(data_dir):
    path = data_dir / "kiosk.sqlite"
    with Database(path) as db:
        assert migrate(db.connection()) == SCHEMA_VERSION
    assert user_version(path) == SCHEMA_VERSION


def test_shipped_v1_is_never_edited():
    # Kiosks in shops hold stores made by v1. Change the schema with a new migration instead.
    digest = hashlib.sha256("\n".join(MIGRATIONS[0]).encode()).hexdigest()
    assert digest == V1_DIGEST


V1_DIGEST = "f83f6e521678b5b0f82c569c1a5d2a06a53537192be4f3b8e9983ec1a7b41190"


def test_a_store_from_a_newer_kiosk_is_refused_and_left_alone(data_dir):
    path = data_dir / "kiosk.sqlite"
    Database(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    before = path.read_bytes()

    with pytest.raises(SchemaTooNew, match=f"schema version {SCHEMA_VERSION + 1}"):
        Database(path)
    # open_store must not mistake it for a damaged store and set it aside.
    with pytest.raises(SchemaTooNew):
        open_store(path, "k", "test")
    assert not (data_dir / "corrupt").exists()
    assert path.read_bytes() == before
    assert user_version(path) == SCHEMA_VERSION + 1


def test_a_failing_migration_leaves_the_old_version_intact(data_dir, monkeypatch):
    path = data_dir / "kiosk.sqlite"
    with Database(path) as db:
        with db.transaction() as con:
            con.execute("INSERT INTO meta (key, value) VALUES ('kept', 'yes')")
    broken_v2 = [
        "CREATE TABLE new_things (id INTEGER PRIMARY KEY)",
        "ALTER TABLE answers ADD COLUMN mood TEXT",
        "THIS IS NOT SQL",
    ]
    monkeypatch.setattr(schema, "MIGRATIONS", [*MIGRATIONS, broken_v2])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)

    with pytest.raises(sqlite3.OperationalError):
        Database(path)

    assert user_version(path) == SCHEMA_VERSION
    con = sqlite3.connect(path)
    try:
        assert "new_things" not in tables(con)
        columns = [r[1] for r in con.execute("PRAGMA table_info(answers)")]
        assert "mood" not in columns
        assert con.execute("SELECT value FROM meta WHERE key = 'kept'").fetchone() == ("yes",)
    finally:
        con.close()


def test_a_failing_first_migration_leaves_an_empty_file(data_dir, monkeypatch):
    path = data_dir / "kiosk.sqlite"
    monkeypatch.setattr(schema, "MIGRATIONS", [[*MIGRATIONS[0], "NOT SQL"]])
    with pytest.raises(sqlite3.OperationalError):
        Database(path)
    con = sqlite3.connect(path)
    try:
        assert tables(con) == set()
        assert con.execute("PRAGMA user_version").fetchone()[0] == 0
    finally:
        con.close()


def test_a_new_migration_runs_at_start_and_keeps_the_data(data_dir, monkeypatch, answer_store):
    answer = answer_store.record_score(7, "es")
    answer_store.db.close()
    v2 = ["ALTER TABLE answers ADD COLUMN mood TEXT NOT NULL DEFAULT 'ok'"]
    monkeypatch.setattr(schema, "MIGRATIONS", [*MIGRATIONS, v2])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)

    with Database(data_dir / "kiosk.sqlite") as db:
        row = db.connection().execute("SELECT id, seq, score, mood FROM answers").fetchone()
    assert row == (answer.id, 1, 7, "ok")
    assert user_version(data_dir / "kiosk.sqlite") == SCHEMA_VERSION + 1


def test_migrate_runs_the_list_it_is_given(tmp_path):
    # The reference endpoint's store passes its own migrations to the same runner.
    con = sqlite3.connect(tmp_path / "other.sqlite", isolation_level=None)
    try:
        own = [["CREATE TABLE a (x)"], ["CREATE TABLE b (y)"]]
        assert migrate(con, own[:1], store_name="other store") == 0
        assert migrate(con, own, store_name="other store") == 1
        assert tables(con) == {"a", "b"}
        assert con.execute("PRAGMA user_version").fetchone()[0] == 2
        with pytest.raises(SchemaTooNew, match="other store has schema version 2"):
            migrate(con, own[:1], store_name="other store")
    finally:
        con.close()
