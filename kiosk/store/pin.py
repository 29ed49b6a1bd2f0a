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

log = logging.getLogger("kiosk.admin")

PIN_HASH = "pin_hash"
PIN_FAILURES = "pin_failures"
PIN_NOT_BEFORE = "pin_not_before_utc"
PIN_NOT_BEFORE_MONOTONIC = "pin_not_before_monotonic"  # "<boot id> <seconds>"
PIN_KEYS = (PIN_HASH, PIN_FAILURES, PIN_NOT_BEFORE, PIN_NOT_BEFORE_MONOTONIC)

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
        """Seconds before an attempt will be looked at (0: now); at most ``max_wait``."""
        now = now or self._clock()
        try:
            with self.db.transaction() as con:
                return self._remaining(con, now)
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
        try:
            return self._check(pin, now)
        except StoreError as exc:
            return self._check_unrecorded(pin, now, str(exc))

    def _check(self, pin: str, now: datetime) -> PinCheck:
        with self.db.transaction() as con:
            stored = meta.get(con, PIN_HASH)
            failures = _count(meta.get(con, PIN_FAILURES), self.policy)
            wait = self._remaining(con, now)
            if wait > 0:
                locked = self.policy.is_lockout(failures)
                log.warning("admin PIN attempt refused: still waiting %.0f s", wait)
                return PinCheck(False, failures, wait, locked, refused_unchecked=True)
            # Counted as wrong until proven right: committed before the slow comparison.
            failures += 1
            wait = self.policy.bounded(self.policy.delay_after(failures))
            meta.put(con, PIN_FAILURES, str(failures))
            self._set_deadline(con, now, wait)
        if stored is not None and verify_pin(pin, stored):
            self._clear()
            log.info("admin PIN accepted")
            return PinCheck(True, 0)
        locked = self.policy.is_lockout(failures)
        if locked:
            log.warning("admin PIN wrong (%d failures in a row): locked for %.0f s", failures, wait)
            events.record(self.db, "pin_lockout", f"{failures} wrong PINs in a row", now)
        else:
            log.warning(
                "admin PIN wrong (%d failures in a row): next try in %.1f s", failures, wait
            )
        return PinCheck(False, failures, wait, locked)

    def _clear(self) -> None:
        self._memory_failures = 0
        self._memory_deadline = 0.0
        try:
            with self.db.transaction() as con:
                for key in PIN_KEYS[1:]:
                    meta.delete(con, key)
        except StoreError as exc:
            log.warning("the right PIN was entered but the failure count stays (%s)", exc)

    def _check_unrecorded(self, pin: str, now: datetime, problem: str) -> PinCheck:
        con = self.db.connection()
        stored = meta.get(con, PIN_HASH)
        failures = max(self._memory_failures, _count(meta.get(con, PIN_FAILURES), self.policy))
        wait = self.policy.bounded(
            max(self._remaining(con, now, persist=False), self._memory_deadline - self._monotonic())
        )
        if wait > 0:
            log.warning("admin PIN attempt refused: still waiting %.0f s", wait)
            return PinCheck(
                False, failures, wait, self.policy.is_lockout(failures), refused_unchecked=True
            )
        failures += 1
        wait = self.policy.bounded(self.policy.delay_after(failures))
        self._memory_failures = failures
        self._memory_deadline = self._monotonic() + wait
        log.error("cannot record the admin PIN attempt (%s): counted in memory", problem)
        if stored is not None and verify_pin(pin, stored):
            self._clear()
            log.info("admin PIN accepted")
            return PinCheck(True, 0)
        log.warning("admin PIN wrong (%d failures in a row): next try in %.1f s", failures, wait)
        return PinCheck(False, failures, wait, self.policy.is_lockout(failures))

    # --- deadlines ---------------------------------------------------------------------------

    def _set_deadline(self, con: sqlite3.Connection, now: datetime, wait: float) -> None:
        meta.put(con, PIN_NOT_BEFORE, iso_utc(now + timedelta(seconds=wait)))
        meta.put(con, PIN_NOT_BEFORE_MONOTONIC, f"{self._boot_id()} {self._monotonic() + wait!r}")

    def _remaining(self, con: sqlite3.Connection, now: datetime, *, persist: bool = True) -> float:
        """Seconds left of the current wait, within ``0 .. max_wait`` (inside a write
        transaction: a wait known only by the wall clock is moved onto the monotonic one)."""
        mono = _monotonic_deadline(meta.get(con, PIN_NOT_BEFORE_MONOTONIC), self._boot_id())
        if mono is not None:
            return self.policy.bounded(mono - self._monotonic())
        wall = meta.get(con, PIN_NOT_BEFORE)
        if wall is None:
            return 0.0
        try:
            left = (parse_iso(wall) - now).total_seconds()
        except (ValueError, TypeError):
            left = self.policy.max_wait  # a damaged deadline: the longest wait, not none
        if left <= 0:
            return 0.0
        wait = self.policy.bounded(left)
        if wait != left:
            log.warning(
                "admin PIN wait of %.0f s is longer than any the kiosk sets (the clock was "
                "wrong?); limited to %.0f s",
                left,
                wait,
            )
        # From now on this boot's monotonic clock holds the deadline, and the stored wall
        # one is never further than max_wait away.
        if persist:
            self._set_deadline(con, now, wait)
        return wait


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
