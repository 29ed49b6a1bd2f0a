"""What the kiosk stops keeping, and when: contacts after ``[callback] retention_days``, and
(off by default) answers the endpoint confirmed, after ``[retention] answers_days``.

An answer that has not reached the endpoint is never purged: the database refuses a
tombstone for it (a trigger of schema version 3), and only a tombstoned answer can be
deleted. The tombstone keeps the id and the seq, so the kiosk never hands a number out
twice and the endpoint's gap proof (every seq from 1 to the last, held) stays true. The
running tallies are not touched: the dashboard's numbers do not change when rows go.
Every purge is logged with its counts, never with what was purged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.core.answer import iso_utc
from kiosk.store.contacts import ContactStore
from kiosk.store.database import Database

log = logging.getLogger("kiosk.store")

PURGE_BATCH = 2000  # answers per transaction: the guest's writes never wait long


@dataclass(frozen=True, slots=True)
class RetentionReport:
    contacts_erased: int = 0
    answers_purged: int = 0


# Complete answers older than the cutoff whose answer item the endpoint confirmed, with no
# other item still pending or quarantined, and no contact still held or still waiting.
_PURGEABLE = """
    SELECT a.id, a.seq, a.kiosk_id, a.created_utc, o.delivered_utc
    FROM answers a JOIN outbox o ON o.answer_id = a.id AND o.kind = 'answer'
        AND o.state = 'delivered'
    WHERE a.completion IS NOT NULL AND a.created_utc < ? AND a.seq > 0
      AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.answer_id = a.id
                      AND p.state != 'delivered')
      AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.answer_id = a.id
                      AND (c.erased_utc IS NULL OR c.done_utc IS NULL))
    ORDER BY a.seq LIMIT ?
"""


def purge_answers(db: Database, now: datetime, older_than_days: int) -> int:
    """Delete synced answers made more than ``older_than_days`` ago, leaving tombstones.
    Returns how many; ``older_than_days`` 0 purges nothing (the default: off)."""
    if older_than_days <= 0:
        return 0
    cutoff = iso_utc(now - timedelta(days=older_than_days))
    stamp = iso_utc(now)
    total = 0
    while True:
        with db.transaction() as con:
            found = con.execute(_PURGEABLE, (cutoff, PURGE_BATCH)).fetchall()
            for answer_id, seq, kiosk_id, created, delivered in found:
                con.execute(
                    "INSERT INTO answer_tombstones (id, seq, kiosk_id, created_utc,"
                    " delivered_utc, purged_utc) VALUES (?, ?, ?, ?, ?, ?)",
                    (answer_id, seq, kiosk_id, created, delivered, stamp),
                )
                con.execute("DELETE FROM outbox WHERE answer_id = ?", (answer_id,))
                con.execute("DELETE FROM answer_reasons WHERE answer_id = ?", (answer_id,))
                con.execute("DELETE FROM contacts WHERE answer_id = ?", (answer_id,))
                con.execute("DELETE FROM answers WHERE id = ?", (answer_id,))
        total += len(found)
        if len(found) < PURGE_BATCH:
            break
    if total:
        log.info(
            "purged %d synced answer(s) older than %d days (tombstones kept)",
            total,
            older_than_days,
        )
    return total


def apply_retention(
    db: Database, now: datetime, *, contact_days: int, answers_days: int
) -> RetentionReport:
    """Erase contacts older than ``contact_days`` (``[callback] retention_days``), then purge
    synced answers older than ``answers_days`` (``[retention] answers_days``; 0: none)."""
    erased = ContactStore(db).erase_expired(now, contact_days)
    purged = purge_answers(db, now, answers_days)
    return RetentionReport(erased, purged)
