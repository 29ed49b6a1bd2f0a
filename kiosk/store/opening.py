"""Opening a store file: whether it can be opened at all, whether it looks like a database,
and opening it read-only for the owner's commands.

"Cannot open" (no folder, no permission, a read-only disk) is told from "damaged": the first
is :class:`StoreUnavailable` with what is wrong in words, never a reason to move the file;
the second is :class:`DamagedStore` from :func:`open_read_only` (which never changes the
file), or a set-aside and recovery by :func:`kiosk.store.recovery.open_store`, the one path
that ever moves a store.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.store.answers import AnswerStore
from kiosk.store.database import Database, StoreError, is_corruption, primary_code
from kiosk.store.integrity import structural_problems

if TYPE_CHECKING:
    from kiosk.store.recovery import RecoveryReport

_SQLITE_MAGIC = b"SQLite format 3\x00"


class DamagedStore(StoreError):
    """A read-only command found the store damaged; it was left exactly as it is."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"the store {path} is damaged ({reason}). It was left exactly as it is; start the "
            "kiosk to set it aside in corrupt/ and recover what can be read",
            corrupt=True,
        )
        self.reason = reason


class StoreUnavailable(StoreError):
    """The store cannot be opened (permissions, a read-only disk, no folder): not damage,
    and never a reason to move it aside."""


# SQLite's answers for "cannot get at the file", as opposed to "the file is damaged".
ACCESS_CODES = {3, 8, 10, 14, 23}  # PERM, READONLY, IOERR, CANTOPEN, AUTH


def access_problem(path: Path, *, write: bool = True) -> str | None:
    """Why the store at ``path`` cannot be opened (for reading, and ``write``), in words for
    the owner; None when nothing stops it."""
    path = Path(path)
    folder = path.parent
    if not folder.exists():
        return f"the data folder {folder} does not exist"
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if not os.access(folder, os.R_OK | os.X_OK):
        return f"no permission to open the data folder {folder}"
    if path.exists() and not os.access(path, os.R_OK):
        return f"no permission to read {path}"
    if write:
        if _read_only_mount(folder):
            return f"the disk holding {folder} is mounted read-only"
        if not os.access(folder, os.W_OK):
            return f"the data folder {folder} is read-only for this user"
        for suffix in ("", "-wal", "-shm"):
            companion = Path(f"{path}{suffix}")
            if companion.exists() and not os.access(companion, os.W_OK):
                return f"{companion} is read-only for this user"
    return None


def _read_only_mount(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False


def open_read_only(
    path: Path, kiosk_id: str, app_version: str, *, check: bool = True
) -> OpenedStore:
    """Open the store for reading only: the file, its -wal and -shm are never changed (no
    checkpoint, no migration, no recovery). Damage raises :class:`DamagedStore`, a store
    that cannot be opened :class:`StoreUnavailable`."""
    path = Path(path)
    if not path.exists():
        raise StoreUnavailable(access_problem(path, write=False) or f"there is no store at {path}")
    problem = access_problem(path, write=False)
    if problem is not None:
        raise StoreUnavailable(problem)
    if not path.is_file():
        raise DamagedStore(path, "it is not a file")
    if is_empty(path):
        raise DamagedStore(path, "the database file is empty (0 bytes)")
    if not has_sqlite_header(path):
        raise DamagedStore(path, "file is not a database")
    try:
        db, found = _checked_read_only(path, check, immutable=False)
    except sqlite3.OperationalError as exc:
        wal = Path(f"{path}-wal")
        if primary_code(exc) != 14 or (wal.exists() and wal.stat().st_size):
            raise StoreUnavailable(
                f"cannot open {path} for reading: {access_problem(path) or exc}"
            ) from exc
        # A read-only disk where SQLite cannot make the -shm, and no -wal to read: the file
        # alone is the whole store.
        db, found = _checked_read_only(path, check, immutable=True)
    if found is not None:
        db.close()
        raise DamagedStore(path, found)
    return OpenedStore(db, AnswerStore(db, kiosk_id, app_version))


def _checked_read_only(path: Path, check: bool, *, immutable: bool) -> tuple[Database, str | None]:
    db = None
    try:
        db = Database(path, read_only=True, immutable=immutable)
        return db, problem_in(db.connection(), check)
    except BaseException:
        if db is not None:
            db.close()
        raise


@dataclass
class OpenedStore:
    db: Database
    answers: AnswerStore
    recovery: RecoveryReport | None = None


def problem_in(con: sqlite3.Connection, check: bool) -> str | None:
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


def is_empty(path: Path) -> bool:
    try:
        if path.stat().st_size:
            return False
        wal = Path(f"{path}-wal")
        return not wal.exists() or wal.stat().st_size == 0
    except OSError:
        return False


def has_sqlite_header(path: Path) -> bool:
    """False when ``path`` has bytes but does not start as every SQLite 3 file does."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError:
        return True  # let SQLite itself report what is wrong
    return not head or head == _SQLITE_MAGIC


def store_size(path: Path) -> int:
    """Bytes the store takes on disk: the file and its companions (``-wal``, ``-shm``)."""
    from kiosk.store.recovery import COMPANIONS

    return sum(
        Path(f"{path}{suffix}").stat().st_size
        for suffix in COMPANIONS
        if Path(f"{path}{suffix}").exists()
    )
