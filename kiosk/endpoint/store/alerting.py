"""Triggers, their firings, managers' e-mail and reports, and the queue of what to deliver.

``evaluate(conn, now)`` looks at every trigger (``kiosk.core.triggers``) and writes one
``alert_firings`` row per trigger and window (``INSERT ... ON CONFLICT DO NOTHING`` on the
window's key: two processes evaluating at once fire once), and, in the same transaction, a
``deliveries`` row per e-mail and chat message that firing must send. ``queue_reports`` does
the same for the reports whose period has ended. The sender (``kiosk.endpoint.notify``)
claims due deliveries (``claim``) and marks each sent or failed; a failed one is tried again
with a growing pause, up to ``MAX_ATTEMPTS``.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, case, func, or_, select, update

from kiosk.core.answer import iso_utc
from kiosk.core.triggers import (
    Frequency,
    Trigger,
    TriggerKind,
    detractors_breached,
    firing_key,
    last_complete_period,
)
from kiosk.endpoint.store import registry, schema
from kiosk.endpoint.store.engine import insert_into

MAX_ATTEMPTS = 10
LEASE = timedelta(minutes=2)  # a claimed delivery another process may take after this
SCOPES = ("chain", "area", "site")


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def retry_pause(attempts: int) -> timedelta:
    """The pause after the ``attempts``-th failure: 1, 2, 4 ... minutes, at most 6 hours."""
    return min(timedelta(minutes=2 ** max(attempts - 1, 0)), timedelta(hours=6))


@dataclass(frozen=True)
class Rule:
    rule_id: int
    trigger: Trigger
    area_id: int | None
    site_id: int | None
    email: bool
    webhook_url: str
    language: str
    actor: str
    created_utc: str

    @property
    def scope(self) -> str:
        return "site" if self.site_id is not None else "area" if self.area_id else "chain"


@dataclass(frozen=True)
class Firing:
    firing_id: int
    rule_id: int
    kind: TriggerKind
    site_id: int
    site: str
    fired_utc: str
    detail: Mapping[str, Any]
    seen_utc: str | None
    seen_by: str


@dataclass(frozen=True)
class Subscription:
    subscription_id: int
    user_id: int
    scope: str
    scope_id: int
    frequency: Frequency


@dataclass(frozen=True)
class Delivery:
    delivery_id: int
    channel: str
    firing_id: int | None
    report_id: int | None
    user_id: int | None
    rule_id: int | None
    attempts: int


class AlertingError(ValueError):
    """A trigger, address or subscription that cannot be taken (a sentence for a 4xx)."""


# --- triggers ---------------------------------------------------------------------------------


def _rule(row: Any) -> Rule:
    return Rule(
        row.id,
        Trigger.checked(row.kind, json.loads(row.settings)),
        row.area_id,
        row.site_id,
        bool(row.email),
        row.webhook_url,
        row.language,
        row.actor,
        row.created_utc,
    )


def check_webhook(url: str) -> str:
    url = url.strip()
    if url and not url.startswith(("https://", "http://")) or len(url) > 500 or " " in url:
        raise AlertingError("a chat webhook is an https:// address of at most 500 characters")
    return url


def add_rule(
    conn: Connection,
    stamp: str,
    actor: str,
    trigger: Trigger,
    *,
    area_id: int | None = None,
    site_id: int | None = None,
    email: bool = True,
    webhook_url: str = "",
    language: str = "es",
) -> int:
    if area_id is not None and site_id is not None:
        raise AlertingError("a trigger is for the chain, one area or one site")
    rule_id = conn.execute(
        schema.alert_rules.insert()
        .values(
            kind=trigger.kind.value,
            area_id=area_id,
            site_id=site_id,
            settings=json.dumps(dict(trigger.settings), sort_keys=True),
            email=email,
            webhook_url=check_webhook(webhook_url),
            language=language,
            created_utc=stamp,
            actor=actor,
        )
        .returning(schema.alert_rules.c.id)
    ).scalar_one()
    registry.audit(
        conn,
        stamp,
        actor,
        "add-trigger",
        f"trigger:{rule_id}",
        {"kind": trigger.kind.value, **trigger.settings, "area_id": area_id, "site_id": site_id},
    )
    return rule_id


def remove_rule(conn: Connection, stamp: str, actor: str, rule_id: int) -> None:
    r = schema.alert_rules.c
    done = conn.execute(
        update(schema.alert_rules)
        .where(r.id == rule_id, r.removed_utc.is_(None))
        .values(removed_utc=stamp)
    ).rowcount
    if not done:
        raise AlertingError(f"no trigger {rule_id}")
    registry.audit(conn, stamp, actor, "remove-trigger", f"trigger:{rule_id}")


def rules(conn: Connection) -> list[Rule]:
    """Every trigger in force, oldest first."""
    r = schema.alert_rules.c
    query = select(schema.alert_rules).where(r.removed_utc.is_(None)).order_by(r.id)
    return [_rule(row) for row in conn.execute(query)]


def rule(conn: Connection, rule_id: int) -> Rule | None:
    row = conn.execute(select(schema.alert_rules).where(schema.alert_rules.c.id == rule_id)).first()
    return None if row is None else _rule(row)


def _sites_of(conn: Connection, rule: Rule) -> list[int]:
    s = schema.sites.c
    if rule.site_id is not None:
        return [rule.site_id]
    query = select(s.id)
    if rule.area_id is not None:
        query = query.where(s.area_id == rule.area_id)
    return list(conn.execute(query).scalars())


# --- evaluation -------------------------------------------------------------------------------


def evaluate(conn: Connection, now: datetime) -> list[int]:
    """Fire every trigger that is broken now (once per window); the new firings' ids."""
    fired: list[int] = []
    for rule in rules(conn):
        sites = _sites_of(conn, rule)
        if not sites:
            continue
        if rule.trigger.kind is TriggerKind.DETRACTORS:
            found = _detractor_breaches(conn, rule, sites, now)
        elif rule.trigger.kind is TriggerKind.SILENT:
            found = _silent_kiosks(conn, rule, sites, now)
        else:
            found = _cases_near_target(conn, rule, sites, now)
        for key, site_id, detail in found:
            firing_id = _fire(conn, rule, key, site_id, detail, now)
            if firing_id is not None:
                fired.append(firing_id)
                _queue_firing(conn, rule, firing_id, site_id, now)
    return fired


def _detractor_breaches(
    conn: Connection, rule: Rule, sites: list[int], now: datetime
) -> list[tuple[str, int, dict[str, Any]]]:
    a = schema.answers.c
    since = now - rule.trigger.window
    rows = conn.execute(
        select(
            a.site_id,
            func.count().label("answers"),
            func.sum(case((a.category == "detractor", 1), else_=0)).label("detractors"),
        )
        .where(
            a.site_id.in_(sites),
            a.created_utc >= iso_utc(since),
            a.created_utc <= iso_utc(now),
            a.flagged.is_(False),
        )
        .group_by(a.site_id)
    ).all()
    found = []
    for row in rows:
        answers, detractors = int(row.answers), int(row.detractors or 0)
        if detractors_breached(rule.trigger, detractors, answers):
            detail = {
                "answers": answers,
                "detractors": detractors,
                "share": round(100 * detractors / answers, 1),
                "threshold": rule.trigger.settings["share"],
                "minutes": rule.trigger.settings["minutes"],
                "min_answers": rule.trigger.settings["min_answers"],
                "since": iso_utc(since),
            }
            found.append(
                (firing_key(rule.trigger, f"site:{row.site_id}", now), row.site_id, detail)
            )
    return found


def _silent_kiosks(
    conn: Connection, rule: Rule, sites: list[int], now: datetime
) -> list[tuple[str, int, dict[str, Any]]]:
    k = schema.kiosks.c
    rows = conn.execute(
        select(k.kiosk_id, k.site_id, k.last_seen_utc).where(
            k.site_id.in_(sites),
            k.revoked_utc.is_(None),
            k.last_seen_utc.is_not(None),
            k.last_seen_utc < iso_utc(now - rule.trigger.window),
        )
    ).all()
    return [
        (
            firing_key(rule.trigger, f"kiosk:{row.kiosk_id}", now, row.last_seen_utc),
            row.site_id,
            {
                "kiosk": row.kiosk_id,
                "last_seen": row.last_seen_utc,
                "hours": round((now - _parse(row.last_seen_utc)).total_seconds() / 3600, 1),
                "threshold": rule.trigger.settings["hours"],
            },
        )
        for row in rows
    ]


def _cases_near_target(
    conn: Connection, rule: Rule, sites: list[int], now: datetime
) -> list[tuple[str, int, dict[str, Any]]]:
    c = schema.cases.c
    rows = conn.execute(
        select(c.id, c.site_id, c.due_utc, c.assignee).where(
            c.site_id.in_(sites),
            c.status == "open",
            c.first_contact_utc.is_(None),
            c.due_utc > iso_utc(now),
            c.due_utc <= iso_utc(now + rule.trigger.window),
        )
    ).all()
    return [
        (
            firing_key(rule.trigger, f"case:{row.id}", now),
            row.site_id,
            {
                "case": row.id,
                "due": row.due_utc,
                "hours_left": round((_parse(row.due_utc) - now).total_seconds() / 3600, 1),
                "assignee": row.assignee,
            },
        )
        for row in rows
    ]


def _fire(
    conn: Connection, rule: Rule, key: str, site_id: int, detail: dict[str, Any], now: datetime
) -> int | None:
    """The new firing's id, or None when this trigger fired in this window already."""
    statement = (
        insert_into(conn, schema.alert_firings)
        .values(
            rule_id=rule.rule_id,
            key=key[:200],
            kind=rule.trigger.kind.value,
            site_id=site_id,
            fired_utc=iso_utc(now),
            detail=json.dumps(detail, sort_keys=True),
        )
        .on_conflict_do_nothing()
        .returning(schema.alert_firings.c.id)
    )
    return conn.execute(statement).scalar()


def readers_of_site(conn: Connection, site_id: int, *, alerts_only: bool) -> list[int]:
    """The managers with an e-mail address who see ``site_id`` (and want alerts)."""
    u, m, s = schema.users.c, schema.manager_mail.c, schema.sites.c
    area = conn.execute(select(s.area_id).where(s.id == site_id)).scalar()
    query = (
        select(u.id)
        .join(schema.manager_mail, m.user_id == u.id)
        .where(
            u.disabled_utc.is_(None),
            or_(
                u.role == "admin",
                and_(u.role == "area", u.area_id == area),
                and_(u.role == "site", u.site_id == site_id),
            ),
        )
        .order_by(u.id)
    )
    if alerts_only:
        query = query.where(m.alerts.is_(True))
    return list(conn.execute(query).scalars())


def _queue(conn: Connection, key: str, channel: str, now: datetime, **refs: int | None) -> None:
    conn.execute(
        insert_into(conn, schema.deliveries)
        .values(key=key, channel=channel, status="pending", next_try_utc=iso_utc(now), **refs)
        .on_conflict_do_nothing()
    )


def _queue_firing(
    conn: Connection, rule: Rule, firing_id: int, site_id: int, now: datetime
) -> None:
    if rule.email:
        for user_id in readers_of_site(conn, site_id, alerts_only=True):
            _queue(
                conn, f"firing:{firing_id}:user:{user_id}", "email", now,
                firing_id=firing_id, user_id=user_id,
            )  # fmt: skip
    if rule.webhook_url:
        _queue(
            conn, f"firing:{firing_id}:webhook", "webhook", now,
            firing_id=firing_id, rule_id=rule.rule_id,
        )  # fmt: skip


def _firing(row: Any) -> Firing:
    return Firing(
        row.id,
        row.rule_id,
        TriggerKind(row.kind),
        row.site_id,
        row.site,
        row.fired_utc,
        json.loads(row.detail),
        row.seen_utc,
        row.seen_by,
    )


def _firings_query():  # type: ignore[no-untyped-def]
    f, s = schema.alert_firings.c, schema.sites.c
    return select(schema.alert_firings, s.name.label("site")).join(schema.sites, s.id == f.site_id)


def firing(conn: Connection, firing_id: int) -> Firing | None:
    row = conn.execute(_firings_query().where(schema.alert_firings.c.id == firing_id)).first()
    return None if row is None else _firing(row)


def firings(
    conn: Connection, site_ids: Collection[int] | None, since: datetime, *, unseen: bool = False
) -> list[Firing]:
    """The firings about these sites since then, newest first (at most 100)."""
    f = schema.alert_firings.c
    query = _firings_query().where(f.fired_utc >= iso_utc(since))
    if site_ids is not None:
        query = query.where(f.site_id.in_(sorted(site_ids)))
    if unseen:
        query = query.where(f.seen_utc.is_(None))
    query = query.order_by(f.fired_utc.desc(), f.id.desc()).limit(100)
    return [_firing(row) for row in conn.execute(query)]


def mark_seen(conn: Connection, firing_id: int, stamp: str, who: str) -> bool:
    f = schema.alert_firings.c
    return bool(
        conn.execute(
            update(schema.alert_firings)
            .where(f.id == firing_id, f.seen_utc.is_(None))
            .values(seen_utc=stamp, seen_by=who[:200])
        ).rowcount
    )


# --- managers' addresses and reports ------------------------------------------------------------


def check_address(address: str) -> str:
    address = address.strip()
    local, at, domain = address.rpartition("@")
    if address and (
        not at
        or not local
        or "." not in domain
        or len(address) > 320
        or any(c.isspace() for c in address)
    ):
        raise AlertingError("an e-mail address such as name@example.com")
    return address


def mail_of(conn: Connection, user_id: int) -> tuple[str, bool]:
    """A manager's (address, wants alerts); ("", False) when none is set."""
    m = schema.manager_mail.c
    row = conn.execute(select(m.address, m.alerts).where(m.user_id == user_id)).first()
    return (row.address, bool(row.alerts)) if row else ("", False)


def set_mail(conn: Connection, stamp: str, user_id: int, address: str, alerts: bool) -> None:
    address = check_address(address)
    m = schema.manager_mail.c
    conn.execute(schema.manager_mail.delete().where(m.user_id == user_id))
    if address:
        conn.execute(
            schema.manager_mail.insert().values(user_id=user_id, address=address, alerts=alerts)
        )


def subscribe(
    conn: Connection, stamp: str, user_id: int, scope: str, scope_id: int, frequency: str
) -> None:
    if scope not in SCOPES:
        raise AlertingError(f"a report for one of {', '.join(SCOPES)}")
    try:
        known = Frequency(frequency)
    except ValueError:
        raise AlertingError("a report daily, weekly or monthly") from None
    conn.execute(
        insert_into(conn, schema.report_subscriptions)
        .values(
            user_id=user_id,
            scope=scope,
            scope_id=scope_id if scope != "chain" else 0,
            frequency=known.value,
            created_utc=stamp,
        )
        .on_conflict_do_nothing()
    )


def unsubscribe(conn: Connection, user_id: int, subscription_id: int) -> bool:
    r = schema.report_subscriptions.c
    kept = conn.execute(select(schema.report_sends.c.id).where(
        schema.report_sends.c.subscription_id == subscription_id
    )).first()  # fmt: skip
    if kept:  # sent reports point at it: keep the row, under no manager's list
        done = conn.execute(
            update(schema.report_subscriptions)
            .where(r.id == subscription_id, r.user_id == user_id)
            .values(frequency="stopped")
        ).rowcount
    else:
        done = conn.execute(
            schema.report_subscriptions.delete().where(
                r.id == subscription_id, r.user_id == user_id
            )
        ).rowcount
    return bool(done)


def subscriptions(conn: Connection, user_id: int | None = None) -> list[Subscription]:
    r = schema.report_subscriptions.c
    query = select(schema.report_subscriptions).where(r.frequency.in_([f.value for f in Frequency]))
    if user_id is not None:
        query = query.where(r.user_id == user_id)
    return [
        Subscription(row.id, row.user_id, row.scope, row.scope_id, Frequency(row.frequency))
        for row in conn.execute(query.order_by(r.id))
    ]


def queue_reports(conn: Connection, now: datetime, report_hour_utc: int = 6) -> list[int]:
    """Queue the report of every subscription whose last period ended and was not sent.

    A period counts as ended at ``report_hour_utc`` the next day (so a shop's late local
    evening is in it); a subscription made today starts with the period that ended just
    before it, never with older ones. The new ``report_sends`` ids.
    """
    today = (now - timedelta(hours=report_hour_utc)).date()
    u, m, r = schema.users.c, schema.manager_mail.c, schema.report_subscriptions.c
    rows = conn.execute(
        select(r.id, r.user_id, r.frequency, r.created_utc)
        .join(schema.users, u.id == r.user_id)
        .join(schema.manager_mail, m.user_id == r.user_id)
        .where(r.frequency.in_([f.value for f in Frequency]), u.disabled_utc.is_(None))
    ).all()
    queued = []
    for row in rows:
        period = last_complete_period(row.frequency, today)
        if period.until < _parse(row.created_utc).date() - timedelta(days=1):
            continue
        report_id = conn.execute(
            insert_into(conn, schema.report_sends)
            .values(
                subscription_id=row.id,
                period_key=period.key,
                since_day=period.since.isoformat(),
                until_day=period.until.isoformat(),
                queued_utc=iso_utc(now),
            )
            .on_conflict_do_nothing()
            .returning(schema.report_sends.c.id)
        ).scalar()
        if report_id is not None:
            _queue(
                conn, f"report:{report_id}", "email", now, report_id=report_id, user_id=row.user_id
            )
            queued.append(report_id)
    return queued


def report_of(conn: Connection, report_id: int) -> tuple[Subscription, str, str] | None:
    """A queued report's subscription and its first and last day."""
    s, r = schema.report_sends.c, schema.report_subscriptions.c
    row = conn.execute(
        select(s.since_day, s.until_day, r.id, r.user_id, r.scope, r.scope_id, r.frequency)
        .join(schema.report_subscriptions, r.id == s.subscription_id)
        .where(s.id == report_id)
    ).first()
    if row is None:
        return None
    frequency = Frequency(row.frequency) if row.frequency in set(Frequency) else Frequency.WEEKLY
    return (
        Subscription(row.id, row.user_id, row.scope, row.scope_id, frequency),
        row.since_day,
        row.until_day,
    )


# --- the delivery queue -------------------------------------------------------------------------


def claim(conn: Connection, now: datetime, limit: int = 20) -> list[Delivery]:
    """Take up to ``limit`` due deliveries for ``LEASE`` (no other process sends them)."""
    d = schema.deliveries.c
    stamp = iso_utc(now)
    candidates = conn.execute(
        select(schema.deliveries)
        .where(
            d.status == "pending",
            d.next_try_utc <= stamp,
            or_(d.claimed_until_utc.is_(None), d.claimed_until_utc < stamp),
        )
        .order_by(d.next_try_utc, d.id)
        .limit(limit)
    ).all()
    taken = []
    for row in candidates:
        won = conn.execute(
            update(schema.deliveries)
            .where(
                d.id == row.id,
                d.status == "pending",
                or_(d.claimed_until_utc.is_(None), d.claimed_until_utc < stamp),
            )
            .values(claimed_until_utc=iso_utc(now + LEASE))
        ).rowcount
        if won:
            taken.append(
                Delivery(
                    row.id, row.channel, row.firing_id, row.report_id, row.user_id,
                    row.rule_id, row.attempts,
                )
            )  # fmt: skip
    return taken


def mark_sent(conn: Connection, delivery_id: int, now: datetime) -> None:
    d = schema.deliveries.c
    conn.execute(
        update(schema.deliveries)
        .where(d.id == delivery_id)
        .values(
            status="sent", sent_utc=iso_utc(now), claimed_until_utc=None, attempts=d.attempts + 1
        )
    )


def mark_failed(
    conn: Connection, delivery_id: int, now: datetime, error: str, *, final: bool = False
) -> None:
    """Count a failed try; pause before the next, or give up (``final``, or after
    ``MAX_ATTEMPTS`` tries)."""
    d = schema.deliveries.c
    attempts = conn.execute(select(d.attempts).where(d.id == delivery_id)).scalar_one() + 1
    conn.execute(
        update(schema.deliveries)
        .where(d.id == delivery_id)
        .values(
            attempts=attempts,
            status="failed" if final or attempts >= MAX_ATTEMPTS else "pending",
            next_try_utc=iso_utc(now + retry_pause(attempts)),
            claimed_until_utc=None,
            last_error=error[:300],
        )
    )


def delivery_counts(conn: Connection) -> dict[str, int]:
    d = schema.deliveries.c
    return {
        status: int(n)
        for status, n in conn.execute(select(d.status, func.count()).group_by(d.status))
    }
