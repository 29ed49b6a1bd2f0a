"""The SQLite file is opened for durability and for several writers at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from kiosk.store.answers import AnswerStore
from kiosk.store.database import (
    BUSY_TIMEOUT_MS,
    Database,
    StoreError,
    describe_storage_error,
)


@pytest.fixture
def db(data_dir):
    database = Database(data_dir / "kiosk.sqlite")
    yield database
    database.close()


def run_in_thread(target, name="kiosk-test"):
    """Run ``target`` in a thread of ours and return what it returned (or raise what it raised)."""
    result: dict[str, object] = {}

    def body():
        try:
            result["value"] = target()
        except BaseException as exc:  # handed back to the test
            result["error"] = exc

    thread = threading.Thread(target=body, name=name)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive()
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result.get("value")


def test_pragmas_for_durability(db):
    con = db.connection()
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert con.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
    assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_every_thread_gets_its_own_connection_with_the_same_pragmas(db):
    main = db.connection()
    assert db.connection() is main

    def in_worker():
        con = db.connection()
        try:
            assert con is db.connection()
            return (
                id(con),
                con.execute("PRAGMA synchronous").fetchone()[0],
                con.execute("PRAGMA busy_timeout").fetchone()[0],
                con.execute("PRAGMA journal_mode").fetchone()[0],
            )
        finally:
            db.close_thread_connection()

    worker_id, synchronous, busy, mode = run_in_thread(in_worker)
    assert worker_id != id(main)
    assert (synchronous, busy, mode) == (2, BUSY_TIMEOUT_MS, "wal")


def test_a_connection_cannot_be_used_from_another_thread(db):
    main = db.connection()
    with pytest.raises(sqlite3.ProgrammingError):
        run_in_thread(lambda: main.execute("SELECT 1").fetchone())


def test_transaction_takes_the_write_lock_at_begin(db):
    other = sqlite3.connect(db.path, timeout=0, isolation_level=None)
    try:
        with db.transaction():
            # BEGIN IMMEDIATE: the lock is held before the first write, so a second writer
            # waits at its BEGIN instead of failing half-way through its transaction.
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            # ... while readers still read (WAL).
            assert other.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_transaction_commits_or_rolls_back(db):
    with db.transaction() as con:
        con.execute("INSERT INTO meta (key, value) VALUES ('a', '1')")
    with pytest.raises(RuntimeError), db.transaction() as con:
        con.execute("INSERT INTO meta (key, value) VALUES ('b', '2')")
        raise RuntimeError("boom")
    keys = [r[0] for r in db.connection().execute("SELECT key FROM meta")]
    assert keys == ["a"]
    assert not db.connection().in_transaction


def test_constraint_violation_stays_an_integrity_error(db):
    with pytest.raises(sqlite3.IntegrityError), db.transaction() as con:
        con.execute("INSERT INTO meta (key, value) VALUES ('a', NULL)")
    assert not db.connection().in_transaction


def test_a_full_disk_raises_a_store_error_for_staff(db):
    con = db.connection()
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.execute(f"PRAGMA max_page_count = {pages}")  # the "disk" is now exactly full
    with pytest.raises(StoreError, match="the disk is full") as info, db.transaction() as tx:
        tx.execute("INSERT INTO meta (key, value) VALUES ('big', ?)", ("x" * 200_000,))
    assert not info.value.corrupt
    assert not con.in_transaction
    assert con.execute("SELECT count(*) FROM meta WHERE key = 'big'").fetchone()[0] == 0


def test_storage_errors_are_described_without_sql_jargon(db):
    con = db.connection()
    con.execute("PRAGMA query_only = ON")
    with pytest.raises(sqlite3.OperationalError) as info:
        con.execute("INSERT INTO meta (key, value) VALUES ('a', '1')")
    con.execute("PRAGMA query_only = OFF")
    assert describe_storage_error(info.value).english() == "the data folder is read-only"


def test_closed_store_refuses_new_connections(data_dir):
    database = Database(data_dir / "kiosk.sqlite")
    database.close()
    with pytest.raises(StoreError, match="closed"):
        database.connection()


def test_a_file_that_is_not_a_database_is_released_when_refused(data_dir):
    path = data_dir / "kiosk.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(sqlite3.DatabaseError):
        Database(path)
    # The handle was closed: the file can be moved aside (Windows refuses to move open files).
    path.rename(data_dir / "moved")


def _write_answers(path: Path, count: int, kiosk: str) -> list[int]:
    database = Database(path)
    try:
        store = AnswerStore(database, "k", "test")
        return [store.record_score(i % 11, "es", flags=(kiosk,)).seq for i in range(count)]
    finally:
        database.close()


def test_two_database_objects_writing_at_once_from_two_threads_lose_nothing(data_dir):
    path = data_dir / "kiosk.sqlite"
    Database(path).close()
    count = 150
    start = threading.Barrier(2)
    results: dict[str, list[int]] = {}
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            start.wait(timeout=10)
            results[name] = _write_answers(path, count, name)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,), name=f"kiosk-{n}") for n in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert not any(t.is_alive() for t in threads)

    every_seq = results["a"] + results["b"]
    assert sorted(every_seq) == list(range(1, 2 * count + 1))  # unique, no gaps
    with Database(path) as check:
        con = check.connection()
        assert con.execute("SELECT count(*) FROM answers").fetchone()[0] == 2 * count
        per_writer = dict(con.execute("SELECT flags, count(*) FROM answers GROUP BY flags"))
        assert per_writer == {'["a"]': count, '["b"]': count}


_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kiosk.store.database import Database
    from kiosk.store.answers import AnswerStore

    path, go, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    db = Database(path)
    store = AnswerStore(db, "k", "test")
    Path(str(go) + ".ready").touch()
    while not go.exists():
        time.sleep(0.001)
    for i in range(count):
        store.record_score(i % 11, "en", flags=("child",))
    db.close()
    """
)


@pytest.mark.slow
def test_a_second_process_writing_at_the_same_time_loses_nothing(data_dir):
    path = data_dir / "kiosk.sqlite"
    go = data_dir / "go"
    Database(path).close()
    count = 200
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path), str(go), str(count)],
        stderr=subprocess.PIPE,
    )
    try:
        ready = Path(f"{go}.ready")
        for _ in range(3000):
            if ready.exists() or child.poll() is not None:
                break
            time.sleep(0.005)
        go.touch()
        mine = _write_answers(path, count, "parent")
        _, stderr = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, stderr.decode()

    with Database(path) as check:
        con = check.connection()
        seqs = [r[0] for r in con.execute("SELECT seq FROM answers ORDER BY seq")]
        per_writer = dict(con.execute("SELECT flags, count(*) FROM answers GROUP BY flags"))
    assert seqs == list(range(1, 2 * count + 1))
    assert per_writer == {'["parent"]': count, '["child"]': count}
    assert len(mine) == count
