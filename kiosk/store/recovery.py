"""Opening the store, and what to do when the file on disk is damaged.

A damaged or unreadable database is never deleted and never "repaired" in place: the file and
its ``-wal`` and ``-shm`` companions are moved together into ``corrupt/<timestamp>/`` beside
it, a fresh store is created, and every answer that can still be read from a scratch copy of
the damaged one is carried over with its id and sequence number. The staff are told through
an ``events`` row (shown on the kiosk) and the log.

Answers are read twice and merged: through SQLite (row range by row range, stepping over
damaged pages) and straight from the bytes, page by page (:mod:`kiosk.store.salvage`), which
finds the rows SQLite cannot reach when the schema or the b-tree above them is lost. After
any recovery, and when the store is found missing or empty, numbering continues above the
high-water mark kept beside the store (:mod:`kiosk.store.keep`), so the central side sees
lost answers as a gap; the PIN comes back from the damaged file or from beside it.

This is the one code path that sets a damaged store aside; read-only commands use
:func:`open_read_only`, which never changes the file and reports damage as
:class:`DamagedStore`.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from kiosk.core.answer import Answer, Completion, InvalidAnswer
from kiosk.store import events, keep, meta, salvage
from kiosk.store import rows as answer_rows
from kiosk.store.answers import AnswerStore
from kiosk.store.database import Database, is_corruption, primary_code
from kiosk.store.integrity import connect_read_only
from kiosk.store.meta import PIN_HASH, PIN_KEYS
from kiosk.store.opening import (
    ACCESS_CODES,
    DamagedStore,
    OpenedStore,
    StoreUnavailable,
    access_problem,
    has_sqlite_header,
    is_empty,
    open_read_only,
    problem_in,
)

log = logging.getLogger("kiosk.store")

__all__ = [  # opening a store read-only lives beside, in kiosk.store.opening
    "DamagedStore",
    "OpenedStore",
    "StoreUnavailable",
    "access_problem",
    "open_read_only",
    "open_store",
    "set_aside_and_recover",
]

COMPANIONS = ("", "-wal", "-shm", "-journal")
PIN_LOST = (
    "No admin PIN could be recovered: the admin area stays closed until IT sets one with "
    "`kiosk set-pin`"
)
_META_KEYS_TO_KEEP = (*PIN_KEYS, meta.LAST_DEMO_SEQ)


@dataclass
class RecoveryReport:
    """What happened to a damaged store."""

    set_aside_in: Path
    reason: str
    recovered: int = 0
    unreadable_ranges: int = 0
    files: list[str] = field(default_factory=list)
    next_seq: int | None = None  # the number the next guest's answer gets
    pin_restored_from: str = ""  # "" (the PIN was read back), "beside the store", "none"

    def summary(self) -> str:
        text = (
            f"The database was damaged ({self.reason}). It was set aside in {self.set_aside_in}; "
            f"{self.recovered} answer(s) were recovered into a new database."
        )
        if self.next_seq is not None:
            text += f" New answers are numbered from {self.next_seq}."
        if self.pin_restored_from == "beside the store":
            text += " The admin PIN was restored from the copy kept beside it."
        elif self.pin_restored_from == "none":
            text += f" {PIN_LOST}."
        return text


def open_store(path: Path, kiosk_id: str, app_version: str, *, check: bool = True) -> OpenedStore:
    """Open (creating if needed) the store at ``path``, recovering it if it is damaged."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailable(
            access_problem(path) or f"cannot create {path.parent}: {exc}"
        ) from exc
    existed = path.exists()
    if not existed:
        unavailable = access_problem(path)
        if unavailable is not None:
            raise StoreUnavailable(unavailable)
    problem = _probe(path, check)
    report = None
    if problem is not None:
        report = set_aside_and_recover(path, problem)
    db = Database(path)
    store = AnswerStore(db, kiosk_id, app_version)
    if report is not None:
        _recover_into(store, report)
        events.record(db, "store_recovered", report.summary())
    elif not existed:
        _continue_after_a_lost_store(db)
    return OpenedStore(db, store, report)


def _continue_after_a_lost_store(db: Database) -> None:
    """A new store where one was before (the keep file says so): number on above it, and
    keep the owner's PIN."""
    reserved = keep.seq_reserved(db.path)
    pin_hash = keep.pin_hash(db.path)
    if not reserved and not pin_hash:
        return
    with db.transaction() as con:
        meta.raise_seq(con, reserved)
        if pin_hash and meta.get(con, PIN_HASH) is None:
            meta.put(con, PIN_HASH, pin_hash)
    log.warning(
        "store %s was missing; a new one continues the numbering after %d%s",
        db.path,
        reserved,
        " and keeps the admin PIN" if pin_hash else "",
    )
    events.record(
        db,
        "store_missing",
        f"The database was missing; a new one was created. New answers are numbered from "
        f"{reserved + 1}.",
    )


def _probe(path: Path, check: bool) -> str | None:
    """None if the store at ``path`` opens (and checks) fine; else why it does not."""
    if not path.exists():
        return None
    if not path.is_file():
        return "it is not a file"
    if is_empty(path):
        # SQLite would take a 0-byte file as a new, empty store: the answers it held are
        # gone, and that must be said, not papered over.
        return "the database file is empty (0 bytes)"
    if not has_sqlite_header(path):
        # Decided without opening it: SQLite would rewrite a -wal and -shm found beside a
        # file it cannot read, and they are evidence to set aside exactly as they are.
        return "file is not a database"
    unavailable = access_problem(path)
    if unavailable is not None:
        # Healthy or not, a file we may not write is not damaged: say what is wrong.
        raise StoreUnavailable(unavailable)
    try:
        return _probe_read_only(path, check)
    except sqlite3.OperationalError as exc:
        if is_corruption(exc):
            return str(exc)
        # Read-only access refused (a hot rollback journal, no -shm): check it read-write.
    try:
        db = Database(path)
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            return str(exc)
        if primary_code(exc) in ACCESS_CODES:
            raise StoreUnavailable(access_problem(path) or str(exc)) from exc
        raise
    try:
        return problem_in(db.connection(), check)
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
        return problem_in(con, check)
    finally:
        con.close()


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
    through_sqlite: list[Answer] = []
    kept_meta: dict[str, str] = {}
    found = salvage.Salvage()
    if damaged.exists() and damaged.is_file():
        # Straight from the bytes first: read-only, the evidence stays as it was found.
        found = salvage.salvage(damaged, (meta.LAST_SEQ, *_META_KEYS_TO_KEEP))
        with tempfile.TemporaryDirectory(prefix="kiosk-recover-") as scratch:
            # SQLite works on a copy, for the same reason.
            for name in report.files:
                shutil.copy2(report.set_aside_in / name, Path(scratch) / name)
            copy = Path(scratch) / damaged.name
            con = _open_for_reading(copy, Path(scratch))
            if con is not None:
                try:
                    through_sqlite, report.unreadable_ranges = _readable_answers(con)
                    kept_meta = _readable_meta(con)
                finally:
                    con.close()
    answers = _merge(through_sqlite, found)
    for key, value in found.meta.items():
        kept_meta.setdefault(key, value)
    # Demo answers (negative seq) stay demo answers: never sent, never counted.
    demo = [a for a in answers if a.seq is not None and a.seq < 0]
    guests = [a for a in answers if a.seq is None or a.seq > 0]
    recovered = store.import_answers(guests, origin="recovered", enqueue=True)
    recovered += store.import_answers(demo, origin="demo", enqueue=False)
    path = store.db.path
    with store.db.transaction() as target:
        for key, value in kept_meta.items():
            if key == meta.LAST_SEQ:
                meta.raise_seq(target, _int(value))
            else:
                meta.put(target, key, value)
        # Above every number ever given, even those the damage took with it.
        keep.settle(path)
        meta.raise_seq(target, keep.seq_reserved(path))
        report.next_seq = _int(meta.get(target, meta.LAST_SEQ, "0")) + 1
        if meta.get(target, PIN_HASH) is None:
            beside = keep.pin_hash(path)
            if beside is not None:
                meta.put(target, PIN_HASH, beside)
                report.pin_restored_from = "beside the store"
            else:
                report.pin_restored_from = "none"
    report.recovered = recovered
    log.warning(
        "recovered %d answer(s) from the damaged store (%d through SQLite, %d row(s) read "
        "from its pages); new answers are numbered from %d",
        recovered,
        len(through_sqlite),
        len(found.rows),
        report.next_seq,
    )
    if report.pin_restored_from == "beside the store":
        log.warning(
            "the admin PIN was lost with the damaged store; restored from %s", keep.keep_path(path)
        )
    elif report.pin_restored_from == "none":
        log.warning("%s", PIN_LOST)


def _merge(through_sqlite: list[Answer], found: salvage.Salvage) -> list[Answer]:
    """One answer per id and per seq: SQLite's reading first, then rows from the pages
    (a complete version wins over an open one of the same answer)."""
    by_id: dict[str, Answer] = {a.id: a for a in through_sqlite}
    for row, _origin in found.rows:
        answer = _answer_or_none(row, close=False)
        if answer is None:
            continue
        known = by_id.get(answer.id)
        if known is None or (known.completion is None and answer.completion is not None):
            by_id[answer.id] = answer
    taken: set[int] = set()
    merged: list[Answer] = []
    for answer in sorted(by_id.values(), key=lambda a: a.seq or 0):
        if answer.seq is not None and answer.seq in taken:
            log.warning("two recovered answers carry seq %d; keeping the first", answer.seq)
            continue
        if answer.seq is not None:
            taken.add(answer.seq)
        merged.append(_closed(answer))
    return merged


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


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
    """Read answers row-range by row-range, stepping over damaged pages. When the table's
    root cannot be read at all, nothing is read here: the page walk finds the rows."""
    answers: list[Answer] = []
    skipped = 0
    try:
        top = con.execute("SELECT max(rowid) FROM answers").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        return [], 1
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
            rows = list(_rows_one_by_one(con, start, start + step))
        for row in rows:
            answer = _answer_or_none(row, close=False)
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


def _answer_or_none(row: Mapping[str, Any], *, close: bool = True) -> Answer | None:
    try:
        answer = answer_rows.answer_from(row)
    except (InvalidAnswer, ValueError, TypeError, json.JSONDecodeError):
        return None
    return _closed(answer) if close else answer


def _closed(answer: Answer) -> Answer:
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
