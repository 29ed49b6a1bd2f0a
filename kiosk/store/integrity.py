"""SQLite's structural check, at start when it is cheap and in the background every day.

A disk can damage a file at any time, not only before a start. Running ``PRAGMA
quick_check`` once a day on a thread of its own (a read-only connection, so the guest's
writes never wait) finds damage while the staff can still act. At start the check runs
when the store is small enough to check in well under a second, or when the last
background check asked for it; a large store starts at once and is checked a minute later.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from kiosk.store.database import is_corruption

log = logging.getLogger("kiosk.store")

# About 0.15 s of quick_check on this class of machine (0.5 s per 100,000 answers).
START_CHECK_LIMIT_BYTES = 32 * 2**20
CHECK_REQUEST = "check-store-at-start"
FIRST_CHECK_SECONDS = 60.0
EVERY_SECONDS = 24 * 3600.0


def check_at_start(store_path: Path) -> bool:
    """Whether start-up should run the full check (small store, or a check was requested)."""
    if (store_path.parent / CHECK_REQUEST).exists():
        return True
    try:
        return store_path.stat().st_size <= START_CHECK_LIMIT_BYTES
    except OSError:
        return True


def checked_at_start(store_path: Path) -> None:
    """The full check ran at start: forget any request for one."""
    (store_path.parent / CHECK_REQUEST).unlink(missing_ok=True)


def request_check_at_start(store_path: Path) -> None:
    """Make the next start check (and, if damaged, set aside and recover) the store."""
    (store_path.parent / CHECK_REQUEST).touch()


def connect_read_only(store_path: Path) -> sqlite3.Connection:
    """A connection that cannot write: closing it never checkpoints or deletes a ``-wal``."""
    uri = f"{Path(store_path).resolve().as_uri()}?mode=ro"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def structural_problems(con: sqlite3.Connection) -> list[str]:
    """SQLite's quick check on ``con``; an empty list means the file is sound."""
    problems = [row[0] for row in con.execute("PRAGMA quick_check(20)").fetchall()]
    return [] if problems == ["ok"] else problems


def quick_check(store_path: Path) -> list[str]:
    """:func:`structural_problems` through a read-only connection to ``store_path``."""
    try:
        con = connect_read_only(store_path)
        try:
            return structural_problems(con)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            return [str(exc)]
        raise


class IntegrityWatch:
    """Runs :func:`quick_check` on a thread ("kiosk-integrity"): first after
    ``first_seconds``, then every ``every_seconds``. ``on_damage`` gets the problems (on that
    thread); the next start is asked to check the store and recover it."""

    def __init__(
        self,
        store_path: Path,
        on_damage: Callable[[list[str]], None],
        *,
        first_seconds: float = FIRST_CHECK_SECONDS,
        every_seconds: float = EVERY_SECONDS,
    ) -> None:
        self.store_path = Path(store_path)
        self.on_damage = on_damage
        self.first_seconds = first_seconds
        self.every_seconds = every_seconds
        self.checks = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="kiosk-integrity", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        wait = self.first_seconds
        while not self._stop.wait(wait):
            wait = self.every_seconds
            try:
                problems = quick_check(self.store_path)
            except sqlite3.Error as exc:  # locked, I/O: try again at the next round
                log.warning("background store check could not run: %s", exc)
                continue
            self.checks += 1
            if not problems:
                log.info("background store check: ok")
                continue
            log.error("background store check found damage: %s", "; ".join(problems[:3]))
            request_check_at_start(self.store_path)
            try:
                self.on_damage(problems)
            except Exception:  # the watch must outlive a failing notice
                log.exception("could not report the damaged store")
