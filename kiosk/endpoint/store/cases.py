"""Follow-up cases: every detractor alert becomes a case a manager contacts and closes.

A case is opened in the alert's own ingest transaction (``open_for_alert``), once per alert.
Its life: open -> contacted -> resolved (with an outcome) or dismissed (with a reason); a
case may be resolved or dismissed straight from open. Every change (status, assignee, note)
is a ``case_events`` row with its time and author; the case row holds the current state.
The target is ``DEFAULT_TARGET_HOURS`` after the alert arrived unless the site's area has
its own (``case_targets``).
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update

from kiosk.core.answer import iso_utc
from kiosk.endpoint.store import schema
from kiosk.endpoint.store.engine import reading, writing

DEFAULT_TARGET_HOURS = 48.0
STATUSES = ("open", "contacted", "resolved", "dismissed")
FINAL = ("resolved", "dismissed")
PENDING = tuple(status for status in STATUSES if status not in FINAL)  # the inbox's cases
OUTCOMES = ("recovered", "not_recovered", "unreachable", "no_contact")
DISMISSALS = ("spam", "test")
# Outcomes that mean someone spoke to the guest (a first contact if none was recorded).
REACHED = ("recovered", "not_recovered")
MAX_NOTE = 2000


class CaseError(ValueError):
    """A change a case cannot take (a sentence for the page, as a 4xx)."""


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def target_hours(conn: Connection, site_id: int) -> float:
    t, s = schema.case_targets.c, schema.sites.c
    hours = conn.execute(
        select(t.hours).join(schema.sites, s.area_id == t.area_id).where(s.id == site_id)
    ).scalar()
    return float(hours) if hours is not None else DEFAULT_TARGET_HOURS


def open_for_alert(
    conn: Connection, kiosk_id: str, answer_id: str, site_id: int, stamp: str
) -> int:
    """Open the case of a new alert (the caller's transaction); its id."""
    due = _parse(stamp) + timedelta(hours=target_hours(conn, site_id))
    case_id = conn.execute(
        insert(schema.cases)
        .values(
            kiosk_id=kiosk_id,
            answer_id=answer_id,
            site_id=site_id,
            opened_utc=stamp,
            due_utc=iso_utc(due),
            status="open",
        )
        .returning(schema.cases.c.id)
    ).scalar_one()
    conn.execute(
        insert(schema.case_events).values(
            case_id=case_id, at_utc=stamp, actor=f"kiosk:{kiosk_id}", action="open", detail="{}"
        )
    )
    return case_id


@dataclass(frozen=True)
class Event:
    at_utc: str
    actor: str
    action: str
    detail: Mapping[str, Any]


@dataclass(frozen=True)
class Case:
    case_id: int
    kiosk_id: str
    answer_id: str
    site_id: int
    site: str
    opened_utc: str
    due_utc: str
    status: str
    outcome: str
    assignee: str
    first_contact_utc: str | None
    closed_utc: str | None
    answer: Mapping[str, Any] = field(default_factory=dict)

    def time_left(self, now: datetime) -> timedelta:
        return _parse(self.due_utc) - now

    def overdue(self, now: datetime) -> bool:
        """Past the target without a first contact (a closed case is never overdue)."""
        return (
            self.status == "open" and self.first_contact_utc is None and now > _parse(self.due_utc)
        )

    @property
    def closed(self) -> bool:
        return self.status in FINAL


@dataclass(frozen=True)
class Kpis:
    cases: int
    median_hours_to_contact: float | None
    contacted_in_time: float | None  # share 0..1 of the cases whose target came or were met
    resolved: float | None  # share 0..1 of the cases not dismissed
    outcomes: Mapping[str, int]


def _query(site_ids: Collection[int] | None):  # type: ignore[no-untyped-def]
    c, s, a = schema.cases.c, schema.sites.c, schema.alerts.c
    query = (
        select(schema.cases, s.name.label("site"), a.content)
        .join(schema.sites, s.id == c.site_id)
        .outerjoin(schema.alerts, (a.kiosk_id == c.kiosk_id) & (a.answer_id == c.answer_id))
    )
    if site_ids is not None:
        query = query.where(c.site_id.in_(sorted(site_ids)))
    return query


def _case(row: Any) -> Case:
    return Case(
        row.id,
        row.kiosk_id,
        row.answer_id,
        row.site_id,
        row.site,
        row.opened_utc,
        row.due_utc,
        row.status,
        row.outcome,
        row.assignee,
        row.first_contact_utc,
        row.closed_utc,
        json.loads(row.content) if row.content else {},
    )


class CaseBook:
    """The cases on one engine: the inbox, a case, its changes and the loop's figures."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def inbox(
        self,
        site_ids: Collection[int] | None,
        *,
        closed: bool = False,
        most_urgent: int | None = None,
        opened_since: datetime | None = None,
    ) -> list[Case]:
        """Open and contacted cases by time left (least first); or the 50 closed last.

        With ``most_urgent``, only that many of the least time left, and every case opened
        since ``opened_since`` besides (a new case always shows, however long the list).
        """
        c = schema.cases.c
        query = _query(site_ids)
        if closed:
            query = query.where(c.status.in_(FINAL)).order_by(c.closed_utc.desc()).limit(50)
            with reading(self.engine) as conn:
                return [_case(r) for r in conn.execute(query)]
        query = query.where(c.status.in_(PENDING)).order_by(c.due_utc, c.id)
        queries = [query if most_urgent is None else query.limit(most_urgent)]
        if most_urgent is not None and opened_since is not None:
            queries.append(query.where(c.opened_utc >= iso_utc(opened_since)))
        found: dict[int, Case] = {}
        with reading(self.engine) as conn:
            for each in queries:
                found.update((r.id, _case(r)) for r in conn.execute(each))
        return sorted(found.values(), key=lambda case: (case.due_utc, case.case_id))

    def pending(self, site_ids: Collection[int] | None) -> tuple[int, int]:
        """(open or contacted cases, the newest case id) for the live inbox."""
        c = schema.cases.c
        query = select(func.count(), func.max(c.id)).where(c.status.in_(PENDING))
        newest = select(func.max(c.id))
        if site_ids is not None:
            query = query.where(c.site_id.in_(sorted(site_ids)))
            newest = newest.where(c.site_id.in_(sorted(site_ids)))
        with reading(self.engine) as conn:
            count = conn.execute(query).one()[0]
            return int(count), int(conn.execute(newest).scalar() or 0)

    def case(self, case_id: int) -> tuple[Case, list[Event]] | None:
        e = schema.case_events.c
        with reading(self.engine) as conn:
            row = conn.execute(_query(None).where(schema.cases.c.id == case_id)).first()
            if row is None:
                return None
            events = [
                Event(r.at_utc, r.actor, r.action, json.loads(r.detail))
                for r in conn.execute(
                    select(schema.case_events).where(e.case_id == case_id).order_by(e.id)
                )
            ]
        return _case(row), events

    def change(
        self,
        case_id: int,
        actor: str,
        action: str,
        now: datetime,
        *,
        outcome: str = "",
        assignee: str = "",
        note: str = "",
    ) -> None:
        """One change to a case, with its event row, in one transaction (or a CaseError)."""
        c = schema.cases.c
        stamp = iso_utc(now)
        with writing(self.engine) as conn:
            row = conn.execute(select(schema.cases).where(c.id == case_id)).first()
            if row is None:
                raise CaseError("no such case")
            values, detail = _transition(row, action, stamp, outcome, assignee, note)
            if values:
                conn.execute(update(schema.cases).where(c.id == case_id).values(**values))
            conn.execute(
                insert(schema.case_events).values(
                    case_id=case_id,
                    at_utc=stamp,
                    actor=actor,
                    action=action,
                    detail=json.dumps(detail, ensure_ascii=False, sort_keys=True),
                )
            )

    def set_target(self, area_id: int, hours: float) -> None:
        if not 0 < hours <= 24 * 90:
            raise CaseError("a target between a few minutes and 90 days")
        t = schema.case_targets.c
        with writing(self.engine) as conn:
            if conn.execute(select(t.area_id).where(t.area_id == area_id)).first():
                conn.execute(
                    update(schema.case_targets).where(t.area_id == area_id).values(hours=hours)
                )
            else:
                conn.execute(insert(schema.case_targets).values(area_id=area_id, hours=hours))

    def kpis(
        self, site_ids: Collection[int] | None, now: datetime, since: datetime | None = None
    ) -> Kpis:
        return self.kpis_of([site_ids], now, since)[0]

    def kpis_of(
        self,
        groups: Sequence[Collection[int] | None],
        now: datetime,
        since: datetime | None = None,
    ) -> list[Kpis]:
        """The loop's figures of each group of sites (None: every site), in one reading,
        over the cases opened since ``since`` (None: every case).

        The inbox shows the chain, every area and every site: the cases are read and each
        judged once, then summed by group (not one query per site).
        """
        c = schema.cases.c
        query = select(c.site_id, c.status, c.outcome, c.opened_utc, c.due_utc, c.first_contact_utc)
        if since is not None:
            query = query.where(c.opened_utc >= iso_utc(since))
        wanted: set[int] | None = set()
        for ids in groups:
            if ids is None or wanted is None:
                wanted = None
            else:
                wanted.update(ids)
        if wanted is not None:
            query = query.where(c.site_id.in_(sorted(wanted)))
        with reading(self.engine) as conn:
            rows = conn.execute(query).all()
        by_site: dict[int, list[_Judged]] = defaultdict(list)
        stamp = iso_utc(now)
        for row in rows:
            by_site[row.site_id].append(_judged(row, stamp))
        return [
            _summed(
                [j for judged in by_site.values() for j in judged]
                if ids is None
                else [j for site in ids for j in by_site.get(site, ())]
            )
            for ids in groups
        ]


@dataclass(frozen=True, slots=True)
class _Judged:
    """One case as the loop's figures count it (``loop_kpis``)."""

    dismissed: bool
    hours_to_contact: float | None
    judged: bool  # its target came, or it was contacted already
    in_time: bool
    resolved: bool
    outcome: str


def _judged(r: Any, now_stamp: str) -> _Judged:
    contact = r.first_contact_utc
    return _Judged(
        dismissed=r.status == "dismissed",
        hours_to_contact=(_parse(contact) - _parse(r.opened_utc)).total_seconds() / 3600
        if contact
        else None,
        judged=bool(contact) or r.due_utc <= now_stamp,  # iso_utc stamps sort as text
        in_time=bool(contact) and contact <= r.due_utc,
        resolved=r.status == "resolved",
        outcome=r.outcome,
    )


def _summed(cases: list[_Judged]) -> Kpis:
    kept = [j for j in cases if not j.dismissed]
    hours = [j.hours_to_contact for j in kept if j.hours_to_contact is not None]
    judged = [j for j in kept if j.judged]
    in_time = [j for j in judged if j.in_time]
    resolved = [j for j in kept if j.resolved]
    return Kpis(
        cases=len(kept),
        median_hours_to_contact=statistics.median(hours) if hours else None,
        contacted_in_time=len(in_time) / len(judged) if judged else None,
        resolved=len(resolved) / len(kept) if kept else None,
        outcomes=dict(Counter(j.outcome for j in resolved)),
    )


def loop_kpis(rows: list[Any], now: datetime) -> Kpis:
    """The loop's figures over (status, outcome, opened, due, first contact) rows.

    Dismissed cases (spam, tests) count nowhere. "In time" is over the cases whose target
    has come or that were contacted already (a young open case is not yet late).
    """
    return _summed([_judged(r, iso_utc(now)) for r in rows])


def _transition(
    row: Any, action: str, stamp: str, outcome: str, assignee: str, note: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The new column values and the event's detail for ``action`` on ``row``."""
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise CaseError(f"a note of at most {MAX_NOTE} characters")
    detail: dict[str, Any] = {"note": note} if note else {}
    if action == "note":
        if not note:
            raise CaseError("an empty note")
        return {}, detail
    if row.status in FINAL:
        raise CaseError("this case is closed")
    if action == "assign":
        detail["assignee"] = assignee.strip()[:200]
        return {"assignee": detail["assignee"]}, detail
    if action == "contact":
        if row.status != "open":
            raise CaseError("this case was contacted already")
        return {"status": "contacted", "first_contact_utc": stamp}, detail
    if action == "resolve":
        if outcome not in OUTCOMES:
            raise CaseError(f"an outcome: one of {', '.join(OUTCOMES)}")
        values = {"status": "resolved", "outcome": outcome, "closed_utc": stamp}
        if row.first_contact_utc is None and outcome in REACHED:
            values["first_contact_utc"] = stamp
        return values, {**detail, "outcome": outcome}
    if action == "dismiss":
        if outcome not in DISMISSALS:
            raise CaseError(f"a reason: one of {', '.join(DISMISSALS)}")
        return {"status": "dismissed", "outcome": outcome, "closed_utc": stamp}, {
            **detail,
            "outcome": outcome,
        }
    raise CaseError("no such change")
