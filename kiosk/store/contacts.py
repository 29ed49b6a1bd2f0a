"""Call-back requests on disk: stored apart from the answers, done by the owner, erased in time.

A contact row is linked to its answer by id and changes nothing in the answer. It is queued
for the endpoint (and a notice for the webhook) in the same transaction it is stored in.
When its time is up (``[callback] retention_days``) the name, the reach and the consent text
are erased and the row stays as a tombstone (``erased_utc``), so the owner's follow-up list
can say that a contact was there and is gone. Nothing here logs a contact.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from datetime import datetime, timedelta

from kiosk.core.answer import iso_utc, parse_iso
from kiosk.core.contact import Contact, FollowUp, ReachKind, Waiting
from kiosk.core.sync import OutboxKind
from kiosk.store import outbox, rows
from kiosk.store.database import Database

log = logging.getLogger("kiosk.store")


def add(con: sqlite3.Connection, contact: Contact, kinds: Iterable[OutboxKind]) -> bool:
    """Store ``contact`` and queue it for ``kinds``; False when one is stored for its answer
    already (a replayed write). Call inside a transaction."""
    cursor = con.execute(
        "INSERT OR IGNORE INTO contacts (answer_id, name, reach, reach_kind, consent_text,"
        " language, consented_utc) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            contact.answer_id,
            contact.name,
            contact.reach,
            contact.reach_kind.value,
            contact.consent_text,
            contact.language,
            iso_utc(contact.consented_utc),
        ),
    )
    if cursor.rowcount == 0:
        return False
    for kind in kinds:
        outbox.enqueue(con, kind, contact.answer_id, contact.consented_utc)
    return True


def waiting(con: sqlite3.Connection) -> Waiting:
    """Open requests (erased ones too: the guest still waits for a call)."""
    count, oldest = con.execute(
        "SELECT count(*), min(consented_utc) FROM contacts WHERE done_utc IS NULL"
    ).fetchone()
    return Waiting(count, parse_iso(oldest) if oldest else None)


def _contact_from(row: sqlite3.Row) -> Contact | None:
    if row["erased_utc"] is not None:
        return None
    return Contact(
        answer_id=row["answer_id"],
        name=row["name"],
        reach=row["reach"],
        reach_kind=ReachKind(row["reach_kind"]),
        consent_text=row["consent_text"],
        language=row["c_language"],
        consented_utc=parse_iso(row["consented_utc"]),
    )


_SELECT = (
    "SELECT c.answer_id, c.name, c.reach, c.reach_kind, c.consent_text,"
    " c.language AS c_language, c.consented_utc, c.done_utc, c.done_by, c.erased_utc,"
    f" {rows.select_list('a')} FROM contacts c JOIN answers a ON a.id = c.answer_id"
)


def _follow_up(row: sqlite3.Row) -> FollowUp:
    done = row["done_utc"]
    erased = row["erased_utc"]
    return FollowUp(
        answer=rows.answer_from(row),
        contact=_contact_from(row),
        consented_utc=parse_iso(row["consented_utc"]),
        done_utc=parse_iso(done) if done else None,
        done_by=row["done_by"],
        erased_utc=parse_iso(erased) if erased else None,
    )


class ContactStore:
    """The call-back requests of one kiosk store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, contact: Contact, kinds: Iterable[OutboxKind]) -> bool:
        """Store ``contact`` and queue it for ``kinds``, in one commit; False when one is
        stored for its answer already (a replayed write)."""
        with self.db.transaction() as con:
            return add(con, contact, kinds)

    def get(self, answer_id: str) -> Contact | None:
        row = rows.named(
            self.db.connection(), f"{_SELECT} WHERE c.answer_id = ?", (answer_id,)
        ).fetchone()
        return None if row is None else _contact_from(row)

    def follow_ups(self, *, include_done: bool = True, limit: int = 200) -> list[FollowUp]:
        """Requests newest first: the open ones, then (``include_done``) the done ones."""
        where = "" if include_done else " WHERE c.done_utc IS NULL"
        found = rows.named(
            self.db.connection(),
            f"{_SELECT}{where} ORDER BY c.done_utc IS NOT NULL, c.consented_utc DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [_follow_up(r) for r in found]

    def waiting(self) -> Waiting:
        return waiting(self.db.connection())

    def mark_done(self, answer_id: str, by: str, now: datetime) -> bool:
        """The owner called back: done, by whom and when. False when already done or unknown."""
        with self.db.transaction() as con:
            cursor = con.execute(
                "UPDATE contacts SET done_utc = ?, done_by = ? WHERE answer_id = ?"
                " AND done_utc IS NULL",
                (iso_utc(now), by, answer_id),
            )
        return cursor.rowcount == 1

    def erase_expired(self, now: datetime, retention_days: int) -> int:
        """Erase every contact left more than ``retention_days`` ago, delivered or not, done
        or not (the consent promised it). Undelivered items for them are quarantined, never
        sent without the contact. Returns how many were erased; logs the count only."""
        cutoff = iso_utc(now - timedelta(days=retention_days))
        expired = "erased_utc IS NULL AND consented_utc < ?"
        with self.db.transaction() as con:
            outbox.quarantine_for_answers(
                con,
                (OutboxKind.CONTACT, OutboxKind.CONTACT_NOTICE),
                f"SELECT answer_id FROM contacts WHERE {expired}",
                (cutoff,),
                "contact erased before it was delivered",
            )
            erased = con.execute(
                "UPDATE contacts SET name = NULL, reach = NULL, consent_text = NULL,"
                f" erased_utc = ? WHERE {expired}",
                (iso_utc(now), cutoff),
            ).rowcount
        if erased:
            log.info("erased %d contact(s) older than %d days", erased, retention_days)
        return erased
