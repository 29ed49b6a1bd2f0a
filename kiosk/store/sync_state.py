"""What the sync last achieved, kept in the ``meta`` table so a restart still shows it, and
the one reader of the sync's state: :func:`read_status` (outbox counts plus this).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from kiosk.core.answer import iso_utc, parse_iso
from kiosk.core.sync import SyncStatus
from kiosk.store import meta, outbox

LAST_SUCCESS = "sync_last_success_utc"
LAST_ERROR = "sync_last_error"
LAST_ERROR_AT = "sync_last_error_utc"
LAST_AUTH_FAILURE = "sync_last_auth_failure_utc"


@dataclass(frozen=True, slots=True)
class SyncState:
    last_success: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    last_auth_failure: datetime | None = None

    @property
    def auth_failing(self) -> bool:
        """The newest news from the endpoint is that our token is refused."""
        if self.last_auth_failure is None:
            return False
        return self.last_success is None or self.last_auth_failure > self.last_success


def _when(con: sqlite3.Connection, key: str) -> datetime | None:
    value = meta.get(con, key)
    return parse_iso(value) if value else None


def read(con: sqlite3.Connection) -> SyncState:
    return SyncState(
        last_success=_when(con, LAST_SUCCESS),
        last_error=meta.get(con, LAST_ERROR),
        last_error_at=_when(con, LAST_ERROR_AT),
        last_auth_failure=_when(con, LAST_AUTH_FAILURE),
    )


def record_success(con: sqlite3.Connection, now: datetime) -> None:
    meta.put(con, LAST_SUCCESS, iso_utc(now))


def record_error(
    con: sqlite3.Connection, message: str, now: datetime, *, auth: bool = False
) -> None:
    """Remember the latest failure (a sentence without secrets) and when it happened."""
    meta.put(con, LAST_ERROR, message[: outbox.ERROR_MAX])
    meta.put(con, LAST_ERROR_AT, iso_utc(now))
    if auth:
        meta.put(con, LAST_AUTH_FAILURE, iso_utc(now))


def read_status(con: sqlite3.Connection, *, offline: bool, running: bool = False) -> SyncStatus:
    """The sync's state as every screen and command shows it (read in one snapshot)."""
    counts = outbox.counts(con)
    state = read(con)
    return SyncStatus(
        offline=offline,
        pending_answers=counts.pending_answers,
        pending_alerts=counts.pending_alerts,
        quarantined_answers=counts.quarantined_answers,
        quarantined_alerts=counts.quarantined_alerts,
        last_success=state.last_success,
        last_error=state.last_error,
        last_error_at=state.last_error_at,
        auth_failing=state.auth_failing,
        running=running,
    )
