"""Opening the store, and what to do when the file on disk is damaged.

A damaged or unreadable database is never deleted and never "repaired" in place: the file and
its ``-wal`` and ``-shm`` companions are moved together into ``corrupt/<timestamp>/`` beside
it, a fresh store is created, and every answer that can still be read from a scratch copy of
the damaged one is carried over with its id and sequence number. The staff are told through
an ``events`` row (shown on the kiosk) and the log.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from kiosk.core.answer import Answer, Completion, InvalidAnswer, iso_utc
from kiosk.store import events, meta
from kiosk.store import rows as answer_rows
from kiosk.store.answers import AnswerStore
from kiosk.store.database import Database, is_corruption, primary_code
from kiosk.store.integrity import connect_read_only, structural_problems
from kiosk.store.pin import PIN_FAILURES, PIN_HASH, PIN_NOT_BEFORE

log = logging.getLogger("kiosk.store")

_BLIND_PROBE_LIMIT = 200_000
COMPANIONS = ("", "-wal", "-shm", "-journal")
_META_KEYS_TO_KEEP = (PIN_HASH, PIN_FAILURES, PIN_NOT_BEFORE, meta.LAST_DEMO_SEQ)
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class RecoveryReport:
    """What happened to a damaged store."""

    set_aside_in: Path
    reason: str
    recovered: int = 0
    unreadable_ranges: int = 0
    files: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"The database was damaged ({self.reason}). It was set aside in {self.set_aside_in}; "
            f"{self.recovered} answer(s) were recovered into a new database."
        )


@dataclass
class OpenedStore:
    db: Database
    answers: AnswerStore
    recovery: RecoveryReport | None = None


def open_store(path: Path, kiosk_id: str, app_version: str, *, check: bool = True) -> OpenedStore:
    """Open (creating if needed) the store at ``path``, recovering it if it is damaged."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    problem = _probe(path, check)
    report = None
    if problem is not None:
        report = set_aside_and_recover(path, problem)
    db = Database(path)
    store = AnswerStore(db, kiosk_id, app_version)
    if report is not None:
        _recover_into(store, report)
        events.record(db, "store_recovered", report.summary())
    return OpenedStore(db, store, report)


def _probe(path: Path, check: bool) -> str | None:
    """None if the store at ``path`` opens (and checks) fine; else why it does not."""
    if not path.exists():
        return None
    if not path.is_file():
        return "it is not a file"
    if not _has_sqlite_header(path):
        # Decided without opening it: SQLite would rewrite a -wal and -shm found beside a
        # file it cannot read, and they are evidence to set aside exactly as they are.
        return "file is not a database"
    try:
        return _probe_read_only(path, check)
    except sqlite3.OperationalError as exc:
        if is_corruption(exc):
            return str(exc)
        # Read-only access refused (a hot rollback journal, no -shm): check it read-write.
    try:
        db = Database(path)
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc) or primary_code(exc) == 14:
            return str(exc)
        raise
    try:
        return _problem_in(db.connection(), check)
    finally:
        db.close()


def _probe_read_only(path: Path, check: bool) -> str | None:
    """Check the file through a read-only connection.

    Closing the last read-write connection checkpoints the ``-wal`` into the file and deletes
    it. On a damaged file that would destroy evidence (and maybe the newest answers), so the
    check must not be able to write.
    """
    con = connect_read_only(path)
    try:
        return _problem_in(con, check)
    finally:
        con.close()


def _problem_in(con: sqlite3.Connection, check: bool) -> str | None:
    """None if the file behind ``con`` reads, and with ``check`` passes SQLite's quick check;
    else what is wrong with it. Errors other than corruption are raised."""
    try:
        con.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        if check:
            problems = structural_problems(con)
            if problems:
                return "; ".join(problems[:3])
        return None
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            return str(exc)
        raise


def _has_sqlite_header(path: Path) -> bool:
    """False when ``path`` has bytes but does not start as every SQLite 3 file does."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError:
        return True  # let SQLite itself report what is wrong
    return not head or head == _SQLITE_MAGIC


def set_aside_and_recover(path: Path, reason: str) -> RecoveryReport:
    """Move the damaged file and its companions into ``corrupt/<UTC timestamp>/``."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    folder = path.parent / "corrupt" / stamp
    folder.mkdir(parents=True, exist_ok=False)
    report = RecoveryReport(set_aside_in=folder, reason=reason)
    for suffix in COMPANIONS:
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.replace(source, folder / source.name)
            report.files.append(source.name)
    log.error("store %s is damaged (%s); set aside in %s", path, reason, folder)
    return report


def _recover_into(store: AnswerStore, report: RecoveryReport) -> None:
    """Copy every readable answer from the set-aside file into ``store``."""
    damaged = report.set_aside_in / store.db.path.name
    if not damaged.exists() or not damaged.is_file():
        return
    with tempfile.TemporaryDirectory(prefix="kiosk-recover-") as scratch:
        # Work on a copy so the evidence in corrupt/ stays exactly as it was found.
        for name in report.files:
            shutil.copy2(report.set_aside_in / name, Path(scratch) / name)
        copy = Path(scratch) / damaged.name
        con = _open_for_reading(copy, Path(scratch))
        if con is None:
            return
        try:
            answers, skipped = _readable_answers(con)
            kept_meta = _readable_meta(con)
            # Demo answers (negative seq) stay demo answers: never sent, never counted.
            demo = [a for a in answers if a.seq is not None and a.seq < 0]
            guests = [a for a in answers if a.seq is None or a.seq > 0]
            recovered = store.import_answers(guests, origin="recovered", enqueue=True)
            recovered += store.import_answers(demo, origin="demo", enqueue=False)
            with store.db.transaction() as target:
                for key, value in kept_meta.items():
                    if key == meta.LAST_SEQ:
                        meta.raise_seq(target, int(value))
                    else:
                        meta.put(target, key, value)
            report.recovered = recovered
            report.unreadable_ranges = skipped
        finally:
            con.close()
    log.warning("recovered %d answer(s) from the damaged store", report.recovered)


def _open_for_reading(copy: Path, scratch: Path) -> sqlite3.Connection | None:
    """A connection to the scratch copy; if its 100-byte header is smashed (SQLite then calls
    the whole file "not a database"), try again with a rebuilt header."""
    try:
        con = sqlite3.connect(copy, isolation_level=None)
    except sqlite3.Error:
        return None
    if _looks_like_a_database(con):
        return con
    con.close()
    if not _rebuild_header(copy, scratch):
        return None
    try:
        con = sqlite3.connect(copy, isolation_level=None)
    except sqlite3.Error:
        return None
    if _looks_like_a_database(con):
        log.warning("the damaged store's header was unreadable; read it with a rebuilt one")
        return con
    con.close()
    return None


def _looks_like_a_database(con: sqlite3.Connection) -> bool:
    try:
        con.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.DatabaseError as exc:
        return primary_code(exc) != 26  # other damage: worth reading range by range
    return True


_HEADER_BYTES = 100
_PAGE_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)


def _rebuild_header(copy: Path, scratch: Path) -> bool:
    """Replace the copy's header with one from a fresh store of the same page size.

    The header holds no answers: page size, format numbers, the page count and the free
    list. The page count is taken from the file's size and the free list left empty (free
    pages hold nothing we need), so SQLite can walk the tables that follow the header.
    """
    size = copy.stat().st_size
    with copy.open("rb") as handle:
        old = handle.read(_HEADER_BYTES)
    stated = int.from_bytes(old[16:18], "big") if len(old) >= 18 else 0
    stated = 65536 if stated == 1 else stated
    candidates = ((stated,) if stated in _PAGE_SIZES else ()) + _PAGE_SIZES
    page_size = next((p for p in candidates if size >= 2 * p and size % p == 0), None)
    if page_size is None:
        return False
    template = scratch / "header-template.sqlite"
    con = sqlite3.connect(template, isolation_level=None)
    try:
        con.execute(f"PRAGMA page_size = {page_size}")
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("CREATE TABLE t (x)")
    finally:
        con.close()
    header = bytearray(template.read_bytes()[:_HEADER_BYTES])
    header[28:32] = (size // page_size).to_bytes(4, "big")  # pages in the file
    header[32:40] = bytes(8)  # no free list
    with copy.open("r+b") as handle:
        handle.write(header)
    return True


def _readable_answers(con: sqlite3.Connection) -> tuple[list[Answer], int]:
    """Read answers row-range by row-range, stepping over damaged pages."""
    answers: list[Answer] = []
    skipped = 0
    try:
        top = con.execute("SELECT max(rowid) FROM answers").fetchone()[0] or 0
    except sqlite3.DatabaseError as exc:
        if primary_code(exc) == 26:  # not a database at all: nothing to read
            return [], 0
        top = _BLIND_PROBE_LIMIT  # the b-tree root is unreadable: probe range by range
    start = 0
    step = 256
    seen: set[str] = set()
    while start <= top:
        try:
            rows = answer_rows.named(
                con,
                f"SELECT {answer_rows.select_list()} FROM answers WHERE rowid > ? AND rowid <= ?",
                (start, start + step),
            ).fetchall()
        except sqlite3.DatabaseError:
            skipped += 1
            rows = _rows_one_by_one(con, start, start + step)
        for row in rows:
            answer = _answer_or_none(row)
            if answer is not None and answer.id not in seen:
                seen.add(answer.id)
                answers.append(answer)
        start += step
    return answers, skipped


def _rows_one_by_one(con: sqlite3.Connection, low: int, high: int) -> Iterator[sqlite3.Row]:
    for rowid in range(low + 1, high + 1):
        try:
            row = answer_rows.named(
                con, f"SELECT {answer_rows.select_list()} FROM answers WHERE rowid = ?", (rowid,)
            ).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row is not None:
            yield row


def _answer_or_none(row: sqlite3.Row) -> Answer | None:
    try:
        answer = answer_rows.answer_from(row)
    except (InvalidAnswer, ValueError, TypeError, json.JSONDecodeError):
        return None
    if answer.completion is None:
        # The flow was cut short with the store; keep what there is, as timed out.
        answer = answer.completed(
            Completion.TIMEOUT, answer.created_utc, answer.reasons, answer.comment
        )
    return answer


def _readable_meta(con: sqlite3.Connection) -> dict[str, str]:
    kept: dict[str, str] = {}
    for key in (meta.LAST_SEQ, *_META_KEYS_TO_KEEP):
        try:
            value = meta.get(con, key)
        except sqlite3.DatabaseError:
            continue
        if value is not None:
            kept[key] = value
    try:  # purged answers' numbers (tombstones) are never handed out again either
        row = con.execute("SELECT max(seq) FROM answer_tombstones").fetchone()
    except sqlite3.DatabaseError:
        row = None
    if row and row[0] is not None:
        kept[meta.LAST_SEQ] = str(max(int(kept.get(meta.LAST_SEQ) or 0), int(row[0])))
    return kept


def now_iso() -> str:
    return iso_utc(datetime.now(timezone.utc))
