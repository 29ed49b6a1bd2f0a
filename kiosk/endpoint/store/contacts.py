"""Guests' call-back requests at the central service: kept beside the answers, per kiosk.

A contact is personal data: its table is declared here (with the migration ``c0006``),
read only through these functions, never part of ``/v1/export`` and never written to a log.
It is kept once per kiosk and answer id, as first received (a repeat is "stored" again).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Column, Connection, ForeignKey, Integer, String, Table, Text, select

from kiosk.endpoint.store import schema
from kiosk.endpoint.store.engine import insert_into, reading, writing
from kiosk.endpoint.store.ingest import seen
from kiosk.endpoint.store.registry import KioskIdentity, bind_site

contacts = Table(
    "contacts",
    schema.metadata,
    Column("kiosk_id", String(64), ForeignKey("kiosks.kiosk_id"), primary_key=True),
    Column("answer_id", String(36), primary_key=True),
    Column("site_id", Integer, ForeignKey("sites.id"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("reach", String(200), nullable=False),
    Column("reach_kind", String(10), nullable=False),
    Column("consent_text", Text, nullable=False),
    Column("language", String(10), nullable=False),
    Column("consented_utc", schema.STAMP, nullable=False),
    Column("retention_days", Integer, nullable=False),
    Column("received_utc", schema.STAMP, nullable=False),
)


@dataclass(frozen=True)
class StoredContact:
    """One request as the service holds it; ``repr`` never shows the contact."""

    kiosk_id: str
    answer_id: str
    name: str
    reach: str
    reach_kind: str
    consent_text: str
    language: str
    consented_utc: str
    retention_days: int
    received_utc: str

    def __repr__(self) -> str:
        return f"StoredContact(kiosk_id={self.kiosk_id!r}, answer_id={self.answer_id!r})"


def store_contact(
    conn: Connection,
    kiosk_id: str,
    site_id: int,
    app_version: str,
    contact: Mapping[str, Any],
    stamp: str,
    skew: float | None,
) -> bool:
    """Keep a contact once per kiosk and answer id; True when it is new."""
    seen(conn, kiosk_id, app_version, stamp, skew)
    statement = (
        insert_into(conn, contacts)
        .values(
            kiosk_id=kiosk_id,
            answer_id=contact["answer_id"],
            site_id=site_id,
            name=contact["name"],
            reach=contact["reach"],
            reach_kind=contact["reach_kind"],
            consent_text=contact["consent_text"],
            language=contact["language"],
            consented_utc=contact["consented_utc"],
            retention_days=contact["retention_days"],
            received_utc=stamp,
        )
        .on_conflict_do_nothing()
        .returning(contacts.c.answer_id)
    )
    return conn.execute(statement).first() is not None


def ingest_contact(
    engine: Any,
    kiosk: KioskIdentity,
    site_code: str,
    app_version: str,
    contact: Mapping[str, Any],
    stamp: str,
    skew: float | None,
) -> bool:
    """One kiosk's contact, in one write transaction (the site bound on first contact)."""
    with writing(engine) as conn:
        site_id = kiosk.site_id or bind_site(conn, stamp, kiosk.kiosk_id, site_code)
        return store_contact(conn, kiosk.kiosk_id, site_id, app_version, contact, stamp, skew)


def contacts_of(engine: Any, kiosk_id: str | None = None) -> list[StoredContact]:
    """The held contacts (of one kiosk), oldest first: for the managers' follow-up."""
    c = contacts.c
    query = select(contacts).order_by(c.received_utc, c.answer_id)
    if kiosk_id is not None:
        query = query.where(c.kiosk_id == kiosk_id)
    with reading(engine) as conn:
        return [
            StoredContact(**{k: getattr(row, k) for k in StoredContact.__dataclass_fields__})
            for row in conn.execute(query)
        ]


def contact_for(engine: Any, kiosk_id: str, answer_id: str, now: datetime) -> StoredContact | None:
    """The guest's call-back contact for one answer, while its retention lasts."""
    c = contacts.c
    with reading(engine) as conn:
        row = conn.execute(
            select(contacts).where(c.kiosk_id == kiosk_id, c.answer_id == answer_id)
        ).first()
    if row is None:
        return None
    consented = datetime.fromisoformat(row.consented_utc.replace("Z", "+00:00"))
    if now > consented + timedelta(days=row.retention_days):
        return None  # kept no longer than the guest was told
    return StoredContact(**{k: getattr(row, k) for k in StoredContact.__dataclass_fields__})
