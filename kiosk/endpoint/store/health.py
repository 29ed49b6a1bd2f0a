"""Each kiosk's health as the service sees it: contact, version, answers, gaps, skew, alerts.

Counts come from the kiosk's own row (kept at ingest), so listing a chain's kiosks does not
scan their answers; only the gap ranges of one kiosk read its answers, through the
``(kiosk_id, seq)`` key, and at most ``max_gaps`` of them.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, select, text

from kiosk.core.answer import iso_utc
from kiosk.endpoint.store import config_layers, schema


@dataclass(frozen=True, slots=True)
class KioskReport:
    kiosk_id: str
    site: str
    app_version: str
    answers: int
    first_seq: int | None
    last_seq: int | None
    missing: int
    gaps: list[tuple[int, int]]
    last_seen_utc: str | None
    last_skew_seconds: float | None
    max_abs_skew_seconds: float | None
    pending_alerts: int = 0
    gap_since_utc: str | None = None
    revoked: bool = False
    attention: tuple[str, ...] = ()
    config_version: str = ""  # what the kiosk runs ("" before it fetched one)
    config_current: bool | None = None  # the same as GET /v1/config gives it now (None: no layers)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.kiosk_id,
            "site": self.site,
            "app_version": self.app_version,
            "answers": self.answers,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            "missing": self.missing,
            "gaps": [{"from": a, "to": b} for a, b in self.gaps],
            "last_seen": self.last_seen_utc,
            "clock_skew_seconds": self.last_skew_seconds,
            "max_abs_clock_skew_seconds": self.max_abs_skew_seconds,
            "pending_alerts": self.pending_alerts,
            "gap_since": self.gap_since_utc,
            "revoked": self.revoked,
            "attention": list(self.attention),
            "config_version": self.config_version,
            "config_current": self.config_current,
        }


@dataclass(frozen=True)
class HealthRules:
    """When a kiosk needs attention (both configurable: ``--silent-after``, ``--gap-after``)."""

    silent_after: timedelta = timedelta(hours=2)
    gap_after: timedelta = timedelta(hours=1)


def gaps(conn: Connection, kiosk_id: str, max_gaps: int) -> list[tuple[int, int]]:
    found = []
    first = conn.execute(
        select(func.min(schema.answers.c.seq)).where(schema.answers.c.kiosk_id == kiosk_id)
    ).scalar()
    if first is not None and first > 1:
        found.append((1, first - 1))
    rows = conn.execute(
        text(
            "SELECT prev + 1, seq - 1 FROM (SELECT seq, lag(seq) OVER (ORDER BY seq) AS prev"
            " FROM answers WHERE kiosk_id = :kiosk) AS s WHERE seq - prev > 1 ORDER BY seq LIMIT :n"
        ),
        {"kiosk": kiosk_id, "n": max_gaps},
    ).all()
    found.extend((int(a), int(b)) for a, b in rows)
    return found[:max_gaps]


def reports(
    conn: Connection,
    now: datetime,
    rules: HealthRules,
    site_ids: Collection[int] | None = None,
    *,
    max_gaps: int = 100,
    with_gaps: bool = True,
) -> list[KioskReport]:
    k, s, al = schema.kiosks.c, schema.sites.c, schema.alerts.c
    pending = (
        select(al.kiosk_id, func.count().label("n"))
        .where(al.acknowledged_utc.is_(None))
        .group_by(al.kiosk_id)
        .subquery()
    )
    query = (
        select(k, s.code, pending.c.n)
        .select_from(
            schema.kiosks.outerjoin(schema.sites, k.site_id == s.id).outerjoin(
                pending, pending.c.kiosk_id == k.kiosk_id
            )
        )
        .order_by(k.kiosk_id)
    )
    if site_ids is not None:
        query = query.where(k.site_id.in_(list(site_ids)))
    silent_cut = iso_utc(now - rules.silent_after)
    gap_cut = iso_utc(now - rules.gap_after)
    layered = conn.execute(select(schema.config_layers.c.scope).limit(1)).first() is not None
    found = []
    for row in conn.execute(query).all():
        first = None
        if row.answers:
            first = conn.execute(
                select(func.min(schema.answers.c.seq)).where(
                    schema.answers.c.kiosk_id == row.kiosk_id
                )
            ).scalar()
        missing = row.max_seq - row.answers
        attention = []
        revoked = row.revoked_utc is not None
        if not revoked:
            if (row.last_seen_utc or row.created_utc) < silent_cut:
                attention.append("silent")
            if missing and row.gap_since_utc and row.gap_since_utc < gap_cut:
                attention.append("gap")
        found.append(
            KioskReport(
                row.kiosk_id,
                row.code or "",
                row.app_version,
                row.answers,
                first,
                row.max_seq or None,
                missing,
                gaps(conn, row.kiosk_id, max_gaps) if (with_gaps and missing) else [],
                row.last_seen_utc,
                row.last_skew_seconds,
                row.max_abs_skew_seconds,
                row.n or 0,
                row.gap_since_utc,
                revoked,
                tuple(attention),
                row.config_version,
                _config_current(conn, row.kiosk_id, row.config_version, layered),
            )
        )
    return found


def _config_current(conn: Connection, kiosk_id: str, version: str, layered: bool) -> bool | None:
    if not layered:
        return None
    return config_layers.for_kiosk(conn, kiosk_id).version == version
