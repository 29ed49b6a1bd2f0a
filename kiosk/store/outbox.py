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
from kiosk.core.sync import OutboxKind
from kiosk.store import rows

ERROR_MAX = 500  # characters of a failure's reason kept on the row


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One pending delivery and the answer it carries (as stored now)."""

    id: int
    kind: OutboxKind
    answer: Answer
    attempts: int


@dataclass(frozen=True, slots=True)
class QuarantinedItem:
    id: int
    kind: OutboxKind
    answer_id: str
    seq: int
    reason: str
    attempts: int
    created_utc: datetime


@dataclass(frozen=True, slots=True)
class Counts:
    pending_answers: int = 0
    pending_alerts: int = 0
    quarantined_answers: int = 0
    quarantined_alerts: int = 0


def enqueue(con: sqlite3.Connection, kind: OutboxKind, answer_id: str, now: datetime) -> None:
    """Queue ``answer_id`` for ``kind``; queuing the same thing twice is a no-op."""
    con.execute(
        "INSERT OR IGNORE INTO outbox (kind, answer_id, created_utc) VALUES (?, ?, ?)",
        (OutboxKind(kind).value, answer_id, iso_utc(now)),
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
    kinds: Sequence[OutboxKind],
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
    marks = ", ".join("?" for _ in kinds)
    params: list[object] = [*(OutboxKind(k).value for k in kinds), after_id]
    where = f"o.state = 'pending' AND o.kind IN ({marks}) AND o.id > ?"
    if not ignore_schedule:
        clause, due_params = _due_clause(now, max_wait)
        where += f" AND {clause}"
        params.extend(due_params)
    found = rows.named(
        con,
        f"SELECT o.id AS outbox_id, o.kind AS outbox_kind, o.attempts AS outbox_attempts,"
        f" {rows.select_list('a')} FROM outbox o"
        f" JOIN answers a ON a.id = o.answer_id WHERE {where} ORDER BY o.id LIMIT ?",
        (*params, limit),
    ).fetchall()
    return [
        OutboxItem(
            r["outbox_id"],
            OutboxKind(r["outbox_kind"]),
            rows.answer_from(r),
            r["outbox_attempts"],
        )
        for r in found
    ]


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
        [(error[:ERROR_MAX], iso_utc(next_attempt), item_id) for item_id in item_ids],
    )


_QUARANTINE = (
    "UPDATE outbox SET state = 'quarantined', attempts = attempts + 1, last_error = ?,"
    " next_attempt_utc = NULL WHERE state = 'pending'"
)


def quarantine(con: sqlite3.Connection, item_id: int, reason: str) -> None:
    """Refused for good: kept, shown to the owner, never resent by itself."""
    con.execute(f"{_QUARANTINE} AND id = ?", (_reason(reason), item_id))


def quarantine_for_answers(
    con: sqlite3.Connection,
    kinds: Sequence[OutboxKind],
    answers: str,
    params: Sequence[object],
    reason: str,
) -> int:
    """:func:`quarantine` the pending items of ``kinds`` for the answers that ``answers``
    (a ``SELECT`` of answer ids, with ``params``) picks, in one statement; returns how many."""
    marks = ", ".join("?" for _ in kinds)
    cursor = con.execute(
        f"{_QUARANTINE} AND kind IN ({marks}) AND answer_id IN ({answers})",
        (_reason(reason), *(OutboxKind(k).value for k in kinds), *params),
    )
    return cursor.rowcount


def _reason(reason: str) -> str:
    return reason[:ERROR_MAX] or "rejected"


def counts(con: sqlite3.Connection) -> Counts:
    """What waits and what was refused, answers apart from alerts (the one outbox reader)."""
    found = con.execute(
        "SELECT state, kind, count(*) FROM outbox"
        " WHERE state IN ('pending', 'quarantined') GROUP BY 1, 2"
    ).fetchall()

    def total(state: str, alert: bool) -> int:
        return sum(n for s, kind, n in found if s == state and OutboxKind(kind).is_alert == alert)

    return Counts(
        pending_answers=total("pending", False),
        pending_alerts=total("pending", True),
        quarantined_answers=total("quarantined", False),
        quarantined_alerts=total("quarantined", True),
    )


def next_due(con: sqlite3.Connection, kinds: Sequence[OutboxKind]) -> datetime | None:
    """When the earliest scheduled pending item of ``kinds`` becomes due (None: none waits)."""
    marks = ", ".join("?" for _ in kinds)
    row = con.execute(
        f"SELECT min(next_attempt_utc) FROM outbox WHERE state = 'pending' AND kind IN ({marks})",
        tuple(OutboxKind(k).value for k in kinds),
    ).fetchone()
    return parse_iso(row[0]) if row and row[0] else None


def quarantined(con: sqlite3.Connection, limit: int = 100) -> list[QuarantinedItem]:
    """Quarantined items, newest first, for the owner's status and exports."""
    found = con.execute(
        "SELECT o.id, o.kind, o.answer_id, a.seq, o.last_error, o.attempts, o.created_utc"
        " FROM outbox o JOIN answers a ON a.id = o.answer_id"
        " WHERE o.state = 'quarantined' ORDER BY o.id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [
        QuarantinedItem(r[0], OutboxKind(r[1]), r[2], r[3], r[4] or "", r[5], parse_iso(r[6]))
        for r in found
    ]


def state_of(con: sqlite3.Connection, kind: OutboxKind, answer_id: str) -> tuple[str, int] | None:
    """(state, attempts) of one item, or None when it was never queued."""
    row = con.execute(
        "SELECT state, attempts FROM outbox WHERE kind = ? AND answer_id = ?",
        (OutboxKind(kind).value, answer_id),
    ).fetchone()
    return None if row is None else (row[0], row[1])
