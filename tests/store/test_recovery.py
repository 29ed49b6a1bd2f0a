"""A damaged store is set aside whole (with -wal and -shm), and what can be read is recovered."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.core.answer import Answer, Completion
from kiosk.store import events
from kiosk.store.answers import AnswerStore
from kiosk.store.database import Database
from kiosk.store.integrity import quick_check
from kiosk.store.recovery import open_store

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def only_corrupt_folder(data_dir: Path) -> Path:
    folders = list((data_dir / "corrupt").iterdir())
    assert len(folders) == 1
    return folders[0]


def test_a_healthy_store_is_opened_as_it_is(data_dir):
    path = data_dir / "kiosk.sqlite"
    first = open_store(path, "k", "v")
    first.answers.record_score(9, "es")
    first.db.close()
    again = open_store(path, "k", "v")
    try:
        assert again.recovery is None
        assert again.answers.count() == 1
        assert not (data_dir / "corrupt").exists()
        assert events.latest(again.db) == []
    finally:
        again.db.close()


def test_a_garbage_file_is_set_aside_with_its_companions_and_a_new_store_starts(data_dir):
    path = data_dir / "kiosk.sqlite"
    garbage = {
        "kiosk.sqlite": random.Random(1).randbytes(50_000),
        "kiosk.sqlite-wal": random.Random(2).randbytes(9_000),
        "kiosk.sqlite-shm": random.Random(3).randbytes(32_768),
    }
    for name, content in garbage.items():
        (data_dir / name).write_bytes(content)

    opened = open_store(path, "k", "v")
    try:
        report = opened.recovery
        assert report is not None
        assert report.recovered == 0
        aside = only_corrupt_folder(data_dir)
        assert report.set_aside_in == aside
        # All three kept together, byte for byte: nothing deleted, nothing "repaired".
        assert sorted(p.name for p in aside.iterdir()) == sorted(garbage)
        for name, content in garbage.items():
            assert (aside / name).read_bytes() == content
        # A fresh, working store in its place.
        assert quick_check(opened.db.path) == []
        assert opened.answers.record_score(10, "en").seq == 1
        recorded = events.latest(opened.db, ("store_recovered",))
        assert len(recorded) == 1
        assert str(aside) in recorded[0].detail
        assert "0 answer(s) were recovered" in recorded[0].detail
    finally:
        opened.db.close()


def test_an_empty_file_is_set_aside_not_silently_taken_as_new(data_dir):
    """Issue 9: SQLite takes a 0-byte file as an empty database; the answers it held are
    gone, and the kiosk says so (the file is kept in corrupt/ like any damaged store)."""
    path = data_dir / "kiosk.sqlite"
    path.touch()
    opened = open_store(path, "k", "v")
    try:
        assert opened.recovery is not None
        assert "empty (0 bytes)" in opened.recovery.reason
        assert opened.recovery.files == ["kiosk.sqlite"]
        assert events.latest(opened.db, ("store_recovered",))
        assert opened.answers.record_score(5, "es").seq == 1  # no keep file: nothing before
    finally:
        opened.db.close()


def test_a_folder_where_the_store_should_be_is_set_aside(data_dir):
    path = data_dir / "kiosk.sqlite"
    path.mkdir()
    (path / "something").write_text("kept")
    opened = open_store(path, "k", "v")
    try:
        assert opened.recovery is not None
        assert (only_corrupt_folder(data_dir) / "kiosk.sqlite" / "something").read_text() == "kept"
        assert path.is_file()
    finally:
        opened.db.close()


_KILLED_WRITER = textwrap.dedent(
    """
    import os, sys
    from datetime import datetime, timezone
    from kiosk.store.database import Database
    from kiosk.store.answers import AnswerStore

    db = Database(sys.argv[1])
    store = AnswerStore(db, "k", "v")
    for i in range(int(sys.argv[2])):
        answer = store.record_score(10, "en", now=datetime(2026, 3, 20, tzinfo=timezone.utc))
        if i % 2:
            store.complete(answer.id, "sent", reasons=["speed"], comment="last ones")
    os._exit(0)  # like a power cut: no close, no checkpoint; the newest answers are in -wal
    """
)


def _fill(path: Path, count: int) -> dict[str, tuple]:
    """A real store with ``count`` answers; returns what each looks like, by id.

    Most go in as one bulk import (fast); the last hundred the way the kiosk writes them,
    one durable transaction at the tap and one at the end of the why step.
    """
    rng = random.Random(7)

    def made(i: int) -> Answer:
        created = T0 + timedelta(minutes=7 * i)
        answer = Answer(
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            score=rng.randint(0, 10),
            created_utc=created,
            utc_offset_minutes=-300,
            language=rng.choice(["es", "en"]),
            kiosk_id="k",
            app_version="v",
            flags=("burst",) if i % 50 == 0 else (),
        )
        if i % 5 == 0:
            return answer  # left open, as after a power cut mid-flow
        return answer.completed(
            Completion.SENT,
            created + timedelta(seconds=20),
            tuple(rng.sample(["speed", "price", "quality", "cleanliness"], 2)),
            f"comentario número {i}: el café estaba {'rico' if i % 2 else 'frío'}",
        )

    answers = [made(i) for i in range(count)]
    with Database(path) as db:
        store = AnswerStore(db, "k", "v")
        store.import_answers(answers[:-100], origin="guest", enqueue=True)
        for answer in answers[-100:]:
            stored = store.record_score(
                answer.score,
                answer.language,
                now=answer.created_utc,
                utc_offset_minutes=answer.utc_offset_minutes,
                flags=answer.flags,
                answer_id=answer.id,
            )
            if answer.completion is not None:
                store.complete(
                    stored.id,
                    answer.completion,
                    reasons=answer.reasons,
                    comment=answer.comment,
                    now=answer.completed_utc,
                )
    return answers_by_id(path)


def answers_by_id(path: Path) -> dict[str, tuple]:
    con = sqlite3.connect(path)
    try:
        return {
            r[0]: r
            for r in con.execute(
                "SELECT id, seq, score, created_utc, utc_offset_minutes, reasons, comment,"
                " language, flags, completion FROM answers"
            )
        }
    finally:
        con.close()


def _answer_leaf_pages(path: Path) -> list[tuple[int, int]]:
    """(page number, rows on it) of the answers table's leaf pages."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT pageno, ncell FROM dbstat WHERE name = 'answers' AND pagetype = 'leaf'"
            " ORDER BY pageno"
        ).fetchall()
    except sqlite3.OperationalError:
        pytest.skip("this SQLite was built without the dbstat table")
    finally:
        con.close()
    return rows


def _overwrite_pages(path: Path, pages: list[int], page_size: int) -> None:
    rng = random.Random(99)
    with path.open("r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * page_size)
            # A zero first byte is no valid b-tree page type: SQLite cannot mistake it for data.
            handle.write(b"\x00" + rng.randbytes(page_size - 1))


@pytest.mark.slow
def test_a_partly_overwritten_store_gives_back_every_readable_answer(data_dir):
    path = data_dir / "kiosk.sqlite"
    original = _fill(path, 3000)
    leaves = _answer_leaf_pages(path)
    assert len(leaves) > 20
    damaged = [leaves[len(leaves) // 3], leaves[len(leaves) // 2], leaves[2 * len(leaves) // 3]]
    lost_rows = sum(ncell for _, ncell in damaged)
    con = sqlite3.connect(path)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()

    # The app is then killed after a few more answers, leaving them in the -wal file.
    child = subprocess.run(
        [sys.executable, "-c", _KILLED_WRITER, str(path), "6"], capture_output=True, timeout=60
    )
    assert child.returncode == 0, child.stderr.decode()
    assert Path(f"{path}-wal").exists()
    # Read them from a copy: closing a connection on the real file would checkpoint the -wal.
    scratch = data_dir.parent / "scratch"
    scratch.mkdir()
    for suffix in ("", "-wal", "-shm"):
        shutil.copy2(f"{path}{suffix}", scratch / f"kiosk.sqlite{suffix}")
    in_wal = {k: v for k, v in answers_by_id(scratch / "kiosk.sqlite").items() if k not in original}
    assert len(in_wal) == 6
    original.update(in_wal)
    old_max_seq = max(r[1] for r in original.values())

    _overwrite_pages(path, [page for page, _ in damaged], page_size)
    damaged_digest = digest(path)
    wal_digest = digest(Path(f"{path}-wal"))

    opened = open_store(path, "k", "v")
    try:
        report = opened.recovery
        assert report is not None
        aside = only_corrupt_folder(data_dir)
        assert (aside / "kiosk.sqlite").exists()
        # Every companion that existed was moved along with the file, none left behind.
        assert set(report.files) == {p.name for p in aside.iterdir()}
        assert "kiosk.sqlite" in report.files

        recovered = answers_by_id(path)
        assert report.recovered == len(recovered) == len(original) - lost_rows
        for answer_id, values in recovered.items():
            before = original[answer_id]
            if before[-1] is None:  # an answer left open: kept, closed as timed out
                assert values[:-1] == before[:-1] and values[-1] == "timeout"
            else:
                assert values == before  # same id, same seq, same everything
        assert set(in_wal) <= set(recovered)  # what was only in the -wal is there too

        # Numbering goes on above the highest number the old store ever handed out.
        # (above the high-water mark kept beside the store: a gap, never a number twice)
        from kiosk.store.keep import SEQ_MARGIN

        assert (
            old_max_seq < opened.answers.record_score(8, "es").seq <= old_max_seq + SEQ_MARGIN + 1
        )
        assert opened.answers.origin_of(next(iter(recovered))) == "recovered"
        assert quick_check(opened.db.path) == []

        notes = events.latest(opened.db, ("store_recovered",))
        assert len(notes) == 1
        assert f"{report.recovered} answer(s) were recovered" in notes[0].detail
    finally:
        opened.db.close()

    # The -wal held the newest answers: it was set aside with the file, untouched.
    assert {"kiosk.sqlite", "kiosk.sqlite-wal"} <= set(report.files)
    assert digest(aside / "kiosk.sqlite") == damaged_digest
    assert digest(aside / "kiosk.sqlite-wal") == wal_digest


def test_a_hot_rollback_journal_is_rolled_back_and_the_store_kept(data_dir, tmp_path):
    # A read-only check cannot open a file with a hot journal; it is checked read-write.
    path = data_dir / "kiosk.sqlite"
    first = open_store(path, "k", "v")
    for _ in range(3):
        first.answers.record_score(9, "es")
    first.db.close()
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = DELETE")
    con.execute("PRAGMA cache_size = 1")  # spill to the file before the commit
    con.execute("BEGIN IMMEDIATE")
    con.execute("CREATE TABLE half_done (x)")
    con.executemany("INSERT INTO half_done VALUES (?)", [(b"x" * 4000,) for _ in range(100)])
    cut = tmp_path / "power-cut"
    cut.mkdir()
    for name in ("kiosk.sqlite", "kiosk.sqlite-journal"):
        shutil.copy2(data_dir / name, cut / name)  # the files as a power cut leaves them
    con.execute("ROLLBACK")
    con.close()

    opened = open_store(cut / "kiosk.sqlite", "k", "v")
    try:
        assert opened.recovery is None
        assert not (cut / "corrupt").exists()
        assert opened.answers.count() == 3
        tables = (
            opened.db.connection()
            .execute("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'")
            .fetchone()[0]
        )
        assert tables == 0
    finally:
        opened.db.close()


def test_a_smashed_header_does_not_lose_the_answers(data_dir):
    """Garbage over the first bytes makes SQLite call the whole file "not a database"; the
    answers behind the header are still there and are recovered with a rebuilt header."""
    from kiosk.core.answer import Completion as _Completion
    from kiosk.store.recovery import open_store as _open_store

    path = data_dir / "kiosk.sqlite"
    opened = _open_store(path, "k", "v")
    ids = []
    for i in range(120):
        answer = opened.answers.record_score(i % 11, "es")
        opened.answers.complete(answer.id, _Completion.SKIPPED, reasons=["price"])
        ids.append(answer.id)
    opened.db.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    opened.db.close()
    with path.open("r+b") as handle:
        handle.write(b"\xde\xad\xbe\xef" * 25)  # the whole 100-byte header
    again = _open_store(path, "k", "v")
    try:
        assert again.recovery is not None
        assert again.recovery.recovered == len(ids)
        assert {a.id for a in again.answers.iter_answers()} == set(ids)
        from kiosk.store.keep import SEQ_MARGIN

        seq = again.answers.record_score(5, "es").seq
        assert len(ids) < seq <= len(ids) + SEQ_MARGIN + 1  # above the high-water mark
    finally:
        again.db.close()
