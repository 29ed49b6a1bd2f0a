"""The owner's PIN on disk: its hash, the failure count and the lock-out, in ``meta``.

Kept in the store, not in memory, so pulling the plug does not reset the count, and in the
same transaction as the check, so two attempts can never both slip in during one delay.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

from kiosk.core.answer import iso_utc, parse_iso
from kiosk.core.pin import LockoutPolicy, PinCheck, hash_pin, validate_pin, verify_pin
from kiosk.store import events, meta
from kiosk.store.database import Database

log = logging.getLogger("kiosk.admin")

PIN_HASH = "pin_hash"
PIN_FAILURES = "pin_failures"
PIN_NOT_BEFORE = "pin_not_before_utc"


class PinStore:
    def __init__(
        self, db: Database, policy: LockoutPolicy | None = None, *, scrypt_n: int | None = None
    ) -> None:
        self.db = db
        self.policy = policy or LockoutPolicy()
        self._scrypt_n = scrypt_n  # tests may lower the cost; None is the default strength

    def has_pin(self) -> bool:
        return meta.get(self.db.connection(), PIN_HASH) is not None

    def set_pin(self, pin: str) -> None:
        """Store a new PIN (4-8 digits) and clear any failures."""
        validate_pin(pin)
        stored = hash_pin(pin, n=self._scrypt_n) if self._scrypt_n else hash_pin(pin)
        with self.db.transaction() as con:
            meta.put(con, PIN_HASH, stored)
            meta.delete(con, PIN_FAILURES)
            meta.delete(con, PIN_NOT_BEFORE)
        log.info("admin PIN set")

    def failures(self) -> int:
        return int(meta.get(self.db.connection(), PIN_FAILURES, "0") or 0)

    def wait_seconds(self, now: datetime | None = None) -> float:
        """Seconds before an attempt will be looked at (0: now)."""
        now = now or datetime.now(timezone.utc)
        value = meta.get(self.db.connection(), PIN_NOT_BEFORE)
        if value is None:
            return 0.0
        return max(0.0, (parse_iso(value) - now).total_seconds())

    def check(self, pin: str, now: datetime | None = None) -> PinCheck:
        """Compare ``pin`` with the stored hash, counting failures; never logs the PIN."""
        now = now or datetime.now(timezone.utc)
        with self.db.transaction() as con:
            stored = meta.get(con, PIN_HASH)
            failures = int(meta.get(con, PIN_FAILURES, "0") or 0)
            not_before = meta.get(con, PIN_NOT_BEFORE)
            if not_before is not None:
                wait = (parse_iso(not_before) - now).total_seconds()
                if wait > 0:
                    locked = self.policy.is_lockout(failures)
                    log.warning("admin PIN attempt refused: still waiting %.0f s", wait)
                    return PinCheck(False, failures, wait, locked, refused_unchecked=True)
            if stored is not None and verify_pin(pin, stored):
                meta.delete(con, PIN_FAILURES)
                meta.delete(con, PIN_NOT_BEFORE)
                log.info("admin PIN accepted")
                return PinCheck(True, 0)
            failures += 1
            wait = self.policy.delay_after(failures)
            locked = self.policy.is_lockout(failures)
            meta.put(con, PIN_FAILURES, str(failures))
            meta.put(con, PIN_NOT_BEFORE, iso_utc(now + timedelta(seconds=wait)))
        if locked:
            log.warning("admin PIN wrong (%d failures in a row): locked for %.0f s", failures, wait)
            events.record(self.db, "pin_lockout", f"{failures} wrong PINs in a row", now)
        else:
            log.warning("admin PIN wrong (%d failures in a row): next try in %.1f s", failures, wait)
        return PinCheck(False, failures, wait, locked)
