"""A demo chain to try the managers' pages: ``kiosk endpoint demo --db FILE``.

Two areas, six sites, twelve kiosks, four months of answers from the kiosk's own demo
generator (``kiosk.core.demo``), detractor alerts of the last days as cases (some open, some
overdue, some closed) and three demo managers. A database that holds answers but is not a
demo is refused, so demo data never mixes with real data; a demo database is reused, and
its managers get new passwords at each start (printed, never stored in clear).
"""

from __future__ import annotations

import dataclasses
import random
import secrets
from datetime import datetime, timedelta, timezone

from sqlalchemy import insert, select

from kiosk.core.demo import DemoPlan, generate_answers
from kiosk.endpoint.store import logins, schema
from kiosk.endpoint.store.cases import CaseBook
from kiosk.endpoint.store.engine import reading, writing
from kiosk.endpoint.store.service import CentralStore
from kiosk.sync.protocol import answer_to_wire

MARKER = "demo_chain"
CHAIN = {
    "Norte": (
        ("norte-plaza", "Plaza Norte"),
        ("norte-estacion", "Estación"),
        ("norte-puerto", "Puerto"),
    ),
    "Sur": (("sur-centro", "Centro Sur"), ("sur-playa", "Playa"), ("sur-mercado", "Mercado")),
}
MANAGERS = (
    ("demo-admin", "admin", None),
    ("demo-sur", "area", "Sur"),
    ("demo-playa", "site", "sur-playa"),
)
DAYS = 120
ANSWERS_PER_KIOSK = (250, 700)  # a range: sites differ in traffic, so margins differ too
OFFSET_MINUTES = -180


class NotADemo(ValueError):
    """The database holds real answers: the demo will not write into it."""


def is_demo(store: CentralStore) -> bool:
    with reading(store.engine) as conn:
        return (
            conn.execute(
                select(schema.service_keys.c.value).where(schema.service_keys.c.name == MARKER)
            ).first()
            is not None
        )


def prepare(store: CentralStore, now: datetime, seed: int = 12) -> dict[str, str]:
    """Fill an empty database with the demo chain (or reuse a demo one); managers' logins."""
    if not is_demo(store):
        listing = store.listing()
        if store.count_answers() or listing["sites"] or listing["users"]:
            raise NotADemo("this database holds real data: give the demo a new file")
        _build(store, now, random.Random(seed))
    passwords = {}
    for name, _, _ in MANAGERS:
        passwords[name] = secrets.token_urlsafe(9)
        logins.reset_password(store.engine, name, passwords[name], now)
    return passwords


def _build(store: CentralStore, now: datetime, rng: random.Random) -> None:
    with writing(store.engine) as conn:
        conn.execute(insert(schema.service_keys).values(name=MARKER, value=now.isoformat()))
    for area, sites in CHAIN.items():
        store.change("add-area", "demo", area)
        for code, name in sites:
            store.change("add-site", "demo", code, area, name)
            for n in (1, 2):
                store.change("add-kiosk", "demo", f"{code}-{n}", code)
    for name, role, scope in MANAGERS:
        store.change("add-user", "demo", name, role, scope, secrets.token_urlsafe(16))
    book = CaseBook(store.engine)
    recent: list[tuple[str, str, dict]] = []
    for sites in CHAIN.values():
        for code, _ in sites:
            for n in (1, 2):
                kiosk_id = f"{code}-{n}"
                plan = DemoPlan(
                    count=rng.randint(*ANSWERS_PER_KIOSK),
                    days=DAYS,
                    end=now,
                    utc_offset_minutes=OFFSET_MINUTES,
                    kiosk_id=kiosk_id,
                    app_version="1.4.2",
                )
                answers = [
                    dataclasses.replace(a, seq=i + 1)
                    for i, a in enumerate(generate_answers(rng, plan))
                ]
                wire = [answer_to_wire(a) for a in answers]
                kiosk = {"id": kiosk_id, "site": code, "app_version": "1.4.2"}
                for start in range(0, len(wire), 500):
                    store.store_answers(kiosk, wire[start : start + 500], now, 0.4)
                recent += [
                    (kiosk_id, code, w)
                    for a, w in zip(answers, wire, strict=True)
                    if a.score <= 6 and now - a.created_utc < timedelta(days=6)
                ]
    for kiosk_id, code, wire in recent:
        sent = datetime.fromisoformat(wire["created_at"]).astimezone(timezone.utc)
        store.store_alert(
            {"id": kiosk_id, "site": code, "app_version": "1.4.2"},
            wire,
            sent + timedelta(seconds=20),
            0.4,
        )
    outcomes = ("recovered", "recovered", "not_recovered", "unreachable", "no_contact")
    for case in book.inbox(None):
        opened = datetime.fromisoformat(case.opened_utc.replace("Z", "+00:00"))
        age = now - opened
        if age < timedelta(days=2) and rng.random() < 0.6:
            continue  # young and open
        if rng.random() < 0.25:
            continue  # left open: overdue
        contact = opened + timedelta(hours=rng.uniform(1, 60))
        if contact >= now:
            continue
        book.change(
            case.case_id, "demo-sur", "assign", contact - timedelta(minutes=30), assignee="demo-sur"
        )
        book.change(case.case_id, "demo-sur", "contact", contact)
        if rng.random() < 0.05:
            book.change(case.case_id, "demo-sur", "dismiss", contact, outcome="test")
        elif contact + timedelta(hours=2) < now:
            book.change(
                case.case_id,
                "demo-sur",
                "resolve",
                contact + timedelta(hours=2),
                outcome=rng.choice(outcomes),
                note="Llamado por teléfono",
            )
    _alerting(store, now)


def _alerting(store: CentralStore, now: datetime) -> None:
    """Triggers, the managers' demo addresses and reports, and the alerts of the last days."""
    from kiosk.core.answer import iso_utc
    from kiosk.core.triggers import Trigger
    from kiosk.endpoint.store import alerting, registry

    stamp = iso_utc(now)
    with writing(store.engine) as conn:
        users = dict(conn.execute(select(schema.users.c.name, schema.users.c.id)).all())
        alerting.add_rule(
            conn, stamp, "demo", Trigger.checked("detractors", {"share": 30, "minutes": 240})
        )
        alerting.add_rule(conn, stamp, "demo", Trigger.checked("silent", {"hours": 4}))
        alerting.add_rule(conn, stamp, "demo", Trigger.checked("case_due", {"hours": 6}))
        for name, user_id in users.items():
            # example.com never receives mail: no SMTP server is set in the demo anyway.
            alerting.set_mail(conn, stamp, user_id, f"{name}@example.com", True)
        sur, playa = registry.area_id(conn, "Sur"), registry.site_id(conn, "sur-playa")
        alerting.subscribe(conn, stamp, users["demo-sur"], "area", sur, "weekly")
        alerting.subscribe(conn, stamp, users["demo-playa"], "site", playa, "weekly")
        # The last day, evaluated hour by hour, as a running service would have.
        for hours in range(24, -1, -1):
            alerting.evaluate(conn, now - timedelta(hours=hours))
        conn.execute(schema.deliveries.delete())  # nothing to send from a demo
