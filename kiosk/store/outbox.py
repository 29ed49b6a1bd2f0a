"""The outbox: what must still reach the endpoint or the webhook.

Rows are added in the same transaction as the answer they carry, so nothing stored can be
forgotten by the sync, and nothing is marked delivered until the other side said so.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from kiosk.core.answer import iso_utc

KINDS = ("answer", "alert", "webhook")


def enqueue(con: sqlite3.Connection, kind: str, answer_id: str, now: datetime) -> None:
    """Queue ``answer_id`` for ``kind``; queuing the same thing twice is a no-op."""
    if kind not in KINDS:
        raise ValueError(f"unknown outbox kind {kind!r}")
    con.execute(
        "INSERT OR IGNORE INTO outbox (kind, answer_id, created_utc) VALUES (?, ?, ?)",
        (kind, answer_id, iso_utc(now)),
    )
