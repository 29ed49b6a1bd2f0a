"""A SQLite file opened the way a kiosk that must never lose an answer needs it.

* WAL journal and ``synchronous=FULL``: a commit that returned is on disk, even through a
  power cut, and readers (the sync worker, the owner's CLI) never block the guest's write.
* One connection per thread (SQLite connections must not be shared across threads); each
  thread gets its own lazily, all with the same pragmas.
* Writes use ``BEGIN IMMEDIATE`` so that two writers queue on the busy timeout instead of
  failing half-way with "database is locked".
* ``-wal`` and ``-shm`` files are SQLite's own: never deleted or moved while in use.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.core.messages import QT_TRANSLATE_NOOP, Message
from kiosk.store import schema

log = logging.getLogger("kiosk.store")

BUSY_TIMEOUT_MS = 5000

# SQLite's primary result codes that mean "this file is damaged or not a database".
CORRUPTION_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
# ... and those that mean "the disk refuses the write" (full, read-only, I/O error).
STORAGE_REFUSED_CODES = {8, 10, 13, 14}  # READONLY, IOERR, FULL, CANTOPEN


def primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_corruption(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.DatabaseError) and primary_code(exc) in CORRUPTION_CODES


class StoreError(Exception):
    """Storage failed in a way the staff must hear about (disk full, read-only, damaged)."""

    def __init__(
        self, message: Message | str, *, corrupt: bool = False, code: int | None = None
    ) -> None:
        self.message = message if isinstance(message, Message) else Message("StoreProblem", message)
        super().__init__(self.message.english())
        self.corrupt = corrupt
        self.code = code  # SQLite's primary result code, when SQLite refused

    @property
    def disk_full(self) -> bool:
        return self.code == SQLITE_FULL


SQLITE_FULL = 13


def storage_error(exc: sqlite3.Error) -> StoreError:
    """The :class:`StoreError` (a sentence for staff) for what SQLite refused."""
    return StoreError(
        describe_storage_error(exc), corrupt=is_corruption(exc), code=primary_code(exc)
    )


def describe_storage_error(exc: sqlite3.Error) -> Message:
    """A sentence for staff: what went wrong with the disk, without SQL jargon."""
    code = primary_code(exc)
    if code == 13:
        return QT_TRANSLATE_NOOP("StoreProblem", "the disk is full")
    if code == 8:
        return QT_TRANSLATE_NOOP("StoreProblem", "the data folder is read-only")
    if code in (11, 26):
        return QT_TRANSLATE_NOOP("StoreProblem", "the database file is damaged")
    if code == 10:
        return QT_TRANSLATE_NOOP("StoreProblem", "the disk reported an input/output error")
    if code == 14:
        return QT_TRANSLATE_NOOP("StoreProblem", "the database file cannot be opened")
    if code == 5:
        return QT_TRANSLATE_NOOP("StoreProblem", "the database is locked by another program")
    return QT_TRANSLATE_NOOP("StoreProblem", "{detail}").with_params(detail=str(exc))


def _rollback(con: sqlite3.Connection) -> None:
    if con.in_transaction:
        try:
            con.execute("ROLLBACK")
        except sqlite3.Error:
            log.exception("rollback failed")


class Database:
    """A SQLite file with one connection per thread and a write transaction helper."""

    def __init__(
        self,
        path: Path | str,
        *,
        migrate: bool = True,
        read_only: bool = False,
        immutable: bool = False,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only or immutable
        # immutable: not even the -shm is used (a read-only disk, and no -wal to read).
        self._uri_options = "mode=ro&immutable=1" if immutable else "mode=ro"
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False
        con = self.connection()
        if read_only:
            # mode=ro: SQLite cannot write the file, so closing never checkpoints the -wal
            # into it nor deletes the -wal and -shm (the owner's read-only commands).
            return
        try:
            # WAL is a property of the file: set once, remembered by every later connection.
            mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("store %s: journal mode is %s, not WAL", self.path, mode)
            if migrate:
                schema.migrate(con)
        except BaseException:
            # A damaged or too-new file: let go of it, or Windows cannot move it aside.
            self.close()
            raise

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        con = getattr(self._local, "con", None)
        if con is None:
            if self._closed:
                raise StoreError(QT_TRANSLATE_NOOP("StoreProblem", "the store is closed"))
            target = (
                f"{self.path.resolve().as_uri()}?{self._uri_options}"
                if self.read_only
                else self.path
            )
            con = sqlite3.connect(
                target,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,  # we say BEGIN ourselves
                check_same_thread=True,
                uri=self.read_only,
            )
            con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            con.execute("PRAGMA synchronous = FULL")
            con.execute("PRAGMA foreign_keys = ON")
            con.execute("PRAGMA trusted_schema = OFF")
            self._local.con = con
            with self._lock:
                self._connections.append(con)
        return con

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: ``BEGIN IMMEDIATE`` ... ``COMMIT`` (durable on return).

        A disk that refuses the write (full, read-only, damaged, locked for too long) raises
        :class:`StoreError` with a sentence for the staff, so callers outside this package
        never need to know sqlite3. Constraint violations stay ``sqlite3.IntegrityError``:
        they are bugs, not weather.
        """
        if self.read_only:
            raise StoreError(
                QT_TRANSLATE_NOOP("StoreProblem", "the data folder is read-only"), code=8
            )
        try:
            con = self.connection()
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.IntegrityError:
            raise
        except sqlite3.Error as exc:
            raise storage_error(exc) from exc
        try:
            yield con
            con.execute("COMMIT")
        except sqlite3.IntegrityError:
            _rollback(con)
            raise
        except sqlite3.Error as exc:
            _rollback(con)
            raise storage_error(exc) from exc
        except BaseException:
            _rollback(con)
            raise

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every query inside sees the same moment."""
        con = self.connection()
        con.execute("BEGIN")
        try:
            yield con
        finally:
            if con.in_transaction:
                con.execute("COMMIT")

    def close_thread_connection(self) -> None:
        """Close the calling thread's connection (a worker thread calls this when it ends)."""
        con = getattr(self._local, "con", None)
        if con is not None:
            self._local.con = None
            with self._lock:
                if con in self._connections:
                    self._connections.remove(con)
            con.close()

    def close(self) -> None:
        """Close this thread's connection and forget the others' (their threads close them)."""
        self._closed = True
        self.close_thread_connection()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
