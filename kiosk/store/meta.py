"""Small named facts kept in the store's ``meta`` table (sequence counter, status, PIN)."""

from __future__ import annotations

import sqlite3

LAST_SEQ = "last_seq"
LAST_DEMO_SEQ = "last_demo_seq"  # demo answers count down from -1, apart from guests
# The owner's PIN (kiosk.store.pin): its hash, the failure count and the lock-out. Named
# here so that the start's recovery keeps them without loading the PIN code.
PIN_HASH = "pin_hash"
PIN_FAILURES = "pin_failures"
PIN_NOT_BEFORE = "pin_not_before_utc"
PIN_NOT_BEFORE_MONOTONIC = "pin_not_before_monotonic"  # "<boot id> <seconds>"
PIN_KEYS = (PIN_HASH, PIN_FAILURES, PIN_NOT_BEFORE, PIN_NOT_BEFORE_MONOTONIC)


def get(con: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return default if row is None else row[0]


def put(con: sqlite3.Connection, key: str, value: str) -> None:
    con.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def delete(con: sqlite3.Connection, key: str) -> None:
    con.execute("DELETE FROM meta WHERE key = ?", (key,))


def next_seq(con: sqlite3.Connection) -> int:
    """The next per-kiosk sequence number. Call inside a write transaction.

    Kept as a counter rather than ``max(seq) + 1`` so that a number is never handed out
    twice, even after a recovery that could not read the newest answers back.
    """
    seq = int(get(con, LAST_SEQ, "0")) + 1
    put(con, LAST_SEQ, str(seq))
    return seq


def raise_seq(con: sqlite3.Connection, seq: int) -> None:
    """Make sure later numbers come after ``seq``."""
    if seq > int(get(con, LAST_SEQ, "0")):
        put(con, LAST_SEQ, str(seq))
