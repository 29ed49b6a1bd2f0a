"""The owner's PIN on disk: its hash, the failure count and the lock-out, in ``meta``.

Kept in the store, not in memory, so pulling the plug does not reset the count. An attempt
is counted (and its delay set) in a commit *before* the hash is compared, so neither a
crash during the comparison nor two attempts at once can slip past a delay; a right PIN
then clears the count in a second commit.

Waits are bounded on both sides. Within one boot of the machine the deadline is kept on the
monotonic clock (``time.monotonic``, which no change of the wall clock moves), stored with
the boot's id so a restart of the kiosk keeps it; the wall-clock deadline is only used after
a reboot, and one further away than the policy's ``max_wait`` (a lock taken while the clock
read 2040) is clamped to it. No clock jump, either way, can stretch a wait past
``max_wait`` or shorten it within a boot.

The hash is also kept beside the store (:mod:`kiosk.store.keep`), so a damaged store that
loses it does not hand the admin area to whoever reaches the corner next.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kiosk.core.answer import iso_utc, parse_iso
from kiosk.core.pin import LockoutPolicy, PinCheck, hash_pin, validate_pin, verify_pin
from kiosk.store import events, keep, meta
from kiosk.store.database import Database, StoreError
from kiosk.store.meta import (
    PIN_FAILURES,
    PIN_HASH,
    PIN_KEYS,
    PIN_NOT_BEFORE,
    PIN_NOT_BEFORE_MONOTONIC,
)

log = logging.getLogger("kiosk.admin")

_BOOT_ID_FILE = Path("/proc/sys/kernel/random/boot_id")


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def current_boot_id() -> str:
    """An id of this boot of the machine: monotonic readings compare only within one.

    Where the system does not say (not Linux), an id of this process: the monotonic
    deadline then holds within the process and the clamped wall clock across restarts.
    """
    try:
        return _BOOT_ID_FILE.read_text(encoding="ascii").strip() or _PROCESS_ID
    except OSError:
        return _PROCESS_ID


_PROCESS_ID = f"process-{time.time_ns()}"


class PinStore:
    def __init__(
        self,
        db: Database,
        policy: LockoutPolicy | None = None,
        *,
        scrypt_n: int | None = None,
        clock: Callable[[], datetime] = _utc_now,
        monotonic: Callable[[], float] = time.monotonic,
        boot_id: Callable[[], str] = current_boot_id,
    ) -> None:
        self.db = db
        self.policy = policy or LockoutPolicy()
        self._scrypt_n = scrypt_n  # tests may lower the cost; None is the default strength
        self._clock = clock
        self._monotonic = monotonic
        self._boot_id = boot_id
        # Used only while the store refuses to record attempts (see check()).
        self._memory_failures = 0
        self._memory_deadline = 0.0

    def has_pin(self) -> bool:
        return meta.get(self.db.connection(), PIN_HASH) is not None

    def set_pin(self, pin: str) -> None:
        """Store a new PIN (4-8 digits) and clear any failures."""
        validate_pin(pin)
        stored = hash_pin(pin, n=self._scrypt_n) if self._scrypt_n else hash_pin(pin)
        with self.db.transaction() as con:
            meta.put(con, PIN_HASH, stored)
            for key in PIN_KEYS[1:]:
                meta.delete(con, key)
        keep.remember(self.db.path, pin_hash=stored)
        log.info("admin PIN set")

    def failures(self) -> int:
        return _count(meta.get(self.db.connection(), PIN_FAILURES), self.policy)

    def wait_seconds(self, now: datetime | None = None) -> float:
        """Seconds before an attempt will be looked at (0: now); at most ``max_wait``.

        A read; it writes only to move a wait known by the wall clock alone (after a reboot)
        onto this boot's monotonic clock, so the admin screen asking every second does not
        take the store's write lock each time.
        """
        now = now or self._clock()
        wait, wall_left = self._read_wait(self.db.connection(), now)
        if wall_left is None:
            return wait
        try:
            with self.db.transaction() as con:
                return self._remaining(con, now)  # read again under the write lock
        except StoreError:
            # A full or read-only disk: the same answer, without moving the deadline.
            return self._remaining(self.db.connection(), now, persist=False)

    def check(self, pin: str, now: datetime | None = None) -> PinCheck:
        """Compare ``pin`` with the stored hash, counting failures; never logs the PIN.

        When the store refuses to record the attempt (a full or read-only disk), the count
        and the wait are kept in memory for as long as the process runs: the lock-out holds
        either way.
        """
        now = now or self._clock()
        recorded = True
        try:
            with self.db.transaction() as con:
                attempt = self._count_attempt(con, now, recorded=True)
        except StoreError as exc:
            recorded = False
            attempt = self._count_attempt(self.db.connection(), now, recorded=False)
            if not isinstance(attempt, PinCheck):
                log.error("cannot record the admin PIN attempt (%s): counted in memory", exc)
        if isinstance(attempt, PinCheck):
            return attempt  # refused unchecked: a wait is running
        stored, failures, wait = attempt
        if stored is not None and verify_pin(pin, stored):
            self._clear()
            log.info("admin PIN accepted")
            return PinCheck(True, 0)
        locked = self.policy.is_lockout(failures)
        if locked:
            log.warning("admin PIN wrong (%d failures in a row): locked for %.0f s", failures, wait)
            if recorded:
                self._record_lockout(failures, now)
        else:
            log.warning(
                "admin PIN wrong (%d failures in a row): next try in %.1f s", failures, wait
            )
        return PinCheck(False, failures, wait, locked)

    def _count_attempt(
        self, con: sqlite3.Connection, now: datetime, *, recorded: bool
    ) -> PinCheck | tuple[str | None, int, float]:
        """Count an attempt as wrong until proven right, before the slow comparison.

        ``recorded``: ``con`` is in a write transaction and the count and the wait are
        stored; else the store refuses writes and they are kept in memory (the larger of
        the stored and the remembered count and wait hold). Returns the stored hash, the
        failures and the wait, or the refusal while a wait is still running.
        """
        stored = meta.get(con, PIN_HASH)
        failures = _count(meta.get(con, PIN_FAILURES), self.policy)
        wait = self._remaining(con, now, persist=recorded)
        if not recorded:
            failures = max(self._memory_failures, failures)
            wait = self.policy.bounded(max(wait, self._memory_deadline - self._monotonic()))
        if wait > 0:
            log.warning("admin PIN attempt refused: still waiting %.0f s", wait)
            locked = self.policy.is_lockout(failures)
            return PinCheck(False, failures, wait, locked, refused_unchecked=True)
        failures += 1
        wait = self.policy.bounded(self.policy.delay_after(failures))
        if recorded:
            meta.put(con, PIN_FAILURES, str(failures))
            self._set_deadline(con, now, wait)
        else:
            self._memory_failures = failures
            self._memory_deadline = self._monotonic() + wait
        return stored, failures, wait

    def _record_lockout(self, failures: int, now: datetime) -> None:
        try:
            events.record(self.db, "pin_lockout", f"{failures} wrong PINs in a row", now)
        except StoreError as exc:
            # The attempt is counted already; it must not be counted a second time.
            log.warning("cannot record the PIN lock-out event: %s", exc)

    def _clear(self) -> None:
        self._memory_failures = 0
        self._memory_deadline = 0.0
        try:
            with self.db.transaction() as con:
                for key in PIN_KEYS[1:]:
                    meta.delete(con, key)
        except StoreError as exc:
            log.warning("the right PIN was entered but the failure count stays (%s)", exc)

    # --- deadlines ---------------------------------------------------------------------------

    def _set_deadline(self, con: sqlite3.Connection, now: datetime, wait: float) -> None:
        meta.put(con, PIN_NOT_BEFORE, iso_utc(now + timedelta(seconds=wait)))
        meta.put(con, PIN_NOT_BEFORE_MONOTONIC, f"{self._boot_id()} {self._monotonic() + wait!r}")

    def _remaining(self, con: sqlite3.Connection, now: datetime, *, persist: bool = True) -> float:
        """Seconds left of the current wait, within ``0 .. max_wait``.

        With ``persist`` (inside a write transaction) a wait known only by the wall clock is
        moved onto the monotonic one, and the stored wall deadline is never further than
        ``max_wait`` away from then on.
        """
        wait, wall_left = self._read_wait(con, now)
        if wall_left is None:
            return wait
        if wait != wall_left:
            log.warning(
                "admin PIN wait of %.0f s is longer than any the kiosk sets (the clock was "
                "wrong?); limited to %.0f s",
                wall_left,
                wait,
            )
        if persist:
            self._set_deadline(con, now, wait)
        return wait

    def _read_wait(self, con: sqlite3.Connection, now: datetime) -> tuple[float, float | None]:
        """The wait left, and the wall clock's unbounded reading when only it knows the wait
        (None when the monotonic clock holds it or there is none: nothing to move)."""
        mono = _monotonic_deadline(meta.get(con, PIN_NOT_BEFORE_MONOTONIC), self._boot_id())
        if mono is not None:
            return self.policy.bounded(mono - self._monotonic()), None
        wall = meta.get(con, PIN_NOT_BEFORE)
        if wall is None:
            return 0.0, None
        try:
            left = (parse_iso(wall) - now).total_seconds()
        except (ValueError, TypeError):
            left = self.policy.max_wait  # a damaged deadline: the longest wait, not none
        if left <= 0:
            return 0.0, None
        return self.policy.bounded(left), left


def _count(value: str | None, policy: LockoutPolicy) -> int:
    """The stored failure count; a damaged one counts as a lock-out, never as zero."""
    if value is None:
        return 0
    try:
        return max(0, int(value))
    except ValueError:
        return max(1, policy.lock_after)


def _monotonic_deadline(value: str | None, boot_id: str) -> float | None:
    """The stored monotonic deadline when it was set during this boot, else None."""
    if not value:
        return None
    boot, _, seconds = value.rpartition(" ")
    if boot != boot_id:
        return None
    try:
        return float(seconds)
    except ValueError:
        return None
