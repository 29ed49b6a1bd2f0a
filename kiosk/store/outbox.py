"""The outbox: what must still reach the endpoint or the webhook.

Rows are added in the same transaction as the answer they carry, so nothing stored can be
forgotten by the sync, and nothing is marked delivered until the other side said so.

An item is ``pending`` until delivered, or ``quarantined`` when the other side refused it for
good (rejected, or a conflicting copy): quarantined items are kept and shown to the owner,
never resent by themselves, never deleted. Attempts and the next allowed attempt are stored
on the row, so a restart neither forgets a backoff nor resets the count.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.core.answer import Answer, iso_utc, parse_iso

KINDS = ("answer", "alert", "webhook")
ALERT_KINDS = ("alert", "webhook")
_ERROR_MAX = 500


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One pending delivery and the answer it carries (as stored now)."""

    id: int
    kind: str
    answer: Answer
    attempts: int


@dataclass(frozen=True, slots=True)
class QuarantinedItem:
    id: int
    kind: str
    answer_id: str
    seq: int
    reason: str
    attempts: int
    created_utc: datetime


@dataclass(frozen=True, slots=True)
class Counts:
    pending_answers: int = 0
    pending_alerts: int = 0
    quarantined: int = 0


def enqueue(con: sqlite3.Connection, kind: str, answer_id: str, now: datetime) -> None:
    """Queue ``answer_id`` for ``kind``; queuing the same thing twice is a no-op."""
    if kind not in KINDS:
        raise ValueError(f"unknown outbox kind {kind!r}")
    con.execute(
        "INSERT OR IGNORE INTO outbox (kind, answer_id, created_utc) VALUES (?, ?, ?)",
        (kind, answer_id, iso_utc(now)),
    )


def _due_clause(now: datetime, max_wait: timedelta) -> tuple[str, tuple[str, str]]:
    # A next attempt further away than the longest wait means the wall clock went back:
    # treat it as due rather than stall for hours.
    return (
        "(o.next_attempt_utc IS NULL OR o.next_attempt_utc <= ? OR o.next_attempt_utc > ?)",
        (iso_utc(now), iso_utc(now + max_wait)),
    )


def claim_due(
    con: sqlite3.Connection,
    kinds: Sequence[str],
    now: datetime,
    limit: int,
    *,
    max_wait: timedelta = timedelta(hours=1),
    ignore_schedule: bool = False,
    after_id: int = 0,
) -> list[OutboxItem]:
    """Pending items of ``kinds`` whose next attempt is due, oldest first, with their answers.

    Only one sync worker runs per store, so "claiming" is reading: an item stays pending
    until :func:`mark_delivered` says otherwise, and a crash in between just sends it again
    (the endpoint deduplicates by answer id). ``after_id`` lets one pass walk past items it
    already tried.
    """
    from kiosk.store.answers import ANSWER_COLUMNS, row_to_answer

    marks = ", ".join("?" for _ in kinds)
    params: list[object] = [*kinds, after_id]
    where = f"o.state = 'pending' AND o.kind IN ({marks}) AND o.id > ?"
    if not ignore_schedule:
        clause, due_params = _due_clause(now, max_wait)
        where += f" AND {clause}"
        params.extend(due_params)
    columns = ", ".join(f"a.{c.strip()}" for c in ANSWER_COLUMNS.split(","))
    rows = con.execute(
        f"SELECT o.id, o.kind, o.attempts, {columns} FROM outbox o"
        f" JOIN answers a ON a.id = o.answer_id WHERE {where} ORDER BY o.id LIMIT ?",
        (*params, limit),
    ).fetchall()
    return [OutboxItem(r[0], r[1], row_to_answer(r[3:]), r[2]) for r in rows]


def mark_delivered(con: sqlite3.Connection, item_ids: Iterable[int], now: datetime) -> None:
    """The other side said "stored": never send these again."""
    stamp = iso_utc(now)
    con.executemany(
        "UPDATE outbox SET state = 'delivered', delivered_utc = ?, last_error = NULL,"
        " next_attempt_utc = NULL WHERE id = ? AND state = 'pending'",
        [(stamp, item_id) for item_id in item_ids],
    )


def record_attempt(
    con: sqlite3.Connection,
    item_ids: Iterable[int],
    error: str,
    next_attempt: datetime,
) -> None:
    """A failed try: count it, keep why, and say when the next one may happen."""
    con.executemany(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_utc = ?"
        " WHERE id = ? AND state = 'pending'",
        [(error[:_ERROR_MAX], iso_utc(next_attempt), item_id) for item_id in item_ids],
    )


def quarantine(con: sqlite3.Connection, item_id: int, reason: str) -> None:
    """Refused for good: kept, shown to the owner, never resent by itself."""
    con.execute(
        "UPDATE outbox SET state = 'quarantined', attempts = attempts + 1, last_error = ?,"
        " next_attempt_utc = NULL WHERE id = ? AND state = 'pending'",
        (reason[:_ERROR_MAX] or "rejected", item_id),
    )


def counts(con: sqlite3.Connection) -> Counts:
    rows = con.execute(
        "SELECT state, kind = 'answer', count(*) FROM outbox"
        " WHERE state IN ('pending', 'quarantined') GROUP BY 1, 2"
    ).fetchall()
    answers = alerts = quarantined = 0
    for state, is_answer, n in rows:
        if state == "quarantined":
            quarantined += n
        elif is_answer:
            answers += n
        else:
            alerts += n
    return Counts(answers, alerts, quarantined)


def next_due(con: sqlite3.Connection, kinds: Sequence[str]) -> datetime | None:
    """When the earliest scheduled pending item of ``kinds`` becomes due (None: none waits)."""
    marks = ", ".join("?" for _ in kinds)
    row = con.execute(
        f"SELECT min(next_attempt_utc) FROM outbox WHERE state = 'pending' AND kind IN ({marks})",
        tuple(kinds),
    ).fetchone()
    return parse_iso(row[0]) if row and row[0] else None


def quarantined(con: sqlite3.Connection, limit: int = 100) -> list[QuarantinedItem]:
    """Quarantined items, newest first, for the owner's status and exports."""
    rows = con.execute(
        "SELECT o.id, o.kind, o.answer_id, a.seq, o.last_error, o.attempts, o.created_utc"
        " FROM outbox o JOIN answers a ON a.id = o.answer_id"
        " WHERE o.state = 'quarantined' ORDER BY o.id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [
        QuarantinedItem(r[0], r[1], r[2], r[3], r[4] or "", r[5], parse_iso(r[6])) for r in rows
    ]


def state_of(con: sqlite3.Connection, kind: str, answer_id: str) -> tuple[str, int] | None:
    """(state, attempts) of one item, or None when it was never queued."""
    row = con.execute(
        "SELECT state, attempts FROM outbox WHERE kind = ? AND answer_id = ?", (kind, answer_id)
    ).fetchone()
    return None if row is None else (row[0], row[1])
