"""Storing what kiosks post: exactly once, by the database's own keys.

Each request is one transaction: the kiosk's row is updated first (on PostgreSQL that row
lock orders two processes posting for the same kiosk), then the answers are inserted with
``ON CONFLICT DO NOTHING`` on ``(kiosk_id, id)`` and ``(kiosk_id, seq)``, and only the rows
really inserted are added to the rollups. An answer not inserted is compared with what is
held: the same content counts as stored, anything else is a conflict with its reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, case, func, or_, select, update

from kiosk.endpoint.store import schema
from kiosk.endpoint.store.engine import insert_into
from kiosk.endpoint.store.rows import Rollups, answer_row, canonical

CHUNK = 500  # rollup rows per executemany
COUNTED = frozenset((*schema.SCORE_COLUMNS, "n"))  # the rollups' columns a new answer adds to


@dataclass
class Outcome:
    """What happened to each answer of one request (ids as the kiosk spelled them)."""

    stored: list[str] = field(default_factory=list)
    conflicts: dict[str, str] = field(default_factory=dict)  # id -> why


def seen(conn: Connection, kiosk_id: str, app_version: str, stamp: str, skew: float | None) -> None:
    """The kiosk's last contact, version and clock skew."""
    k = schema.kiosks.c
    absolute = None if skew is None else abs(skew)
    conn.execute(
        update(schema.kiosks)
        .where(k.kiosk_id == kiosk_id)
        .values(
            app_version=app_version,
            first_seen_utc=func.coalesce(k.first_seen_utc, stamp),
            last_seen_utc=stamp,
            last_skew_seconds=func.coalesce(skew, k.last_skew_seconds),
            max_abs_skew_seconds=case(
                (k.max_abs_skew_seconds.is_(None), absolute),
                (k.max_abs_skew_seconds < (absolute if absolute is not None else -1.0), absolute),
                else_=k.max_abs_skew_seconds,
            ),
        )
    )


def store_answers(
    conn: Connection,
    kiosk_id: str,
    site_id: int,
    app_version: str,
    answers: Sequence[Mapping[str, Any]],
    stamp: str,
    skew: float | None,
) -> Outcome:
    """Insert new answers (ids already in lower case, each with its ``sent_id``)."""
    seen(conn, kiosk_id, app_version, stamp, skew)
    outcome = Outcome()
    rows = []
    sent_ids = {}
    for answer in answers:
        body = {k: v for k, v in answer.items() if k != "sent_id"}
        rows.append(answer_row(kiosk_id, site_id, body, stamp))
        sent_ids.setdefault(body["id"], []).append(answer.get("sent_id", body["id"]))
    inserted: set[str] = set()
    a = schema.answers.c
    if rows:
        # executemany with RETURNING: SQLAlchemy sends multi-row VALUES batches itself
        # ("insertmanyvalues") from one cached statement.
        statement = insert_into(conn, schema.answers).on_conflict_do_nothing().returning(a.id)
        inserted.update(conn.execute(statement, rows).scalars())
    new_rows, others = [], []
    taken: set[str] = set()
    for row in rows:  # ids are unique per request (the view refuses repeats)
        if row["id"] in inserted and row["id"] not in taken:
            taken.add(row["id"])
            new_rows.append(row)
        else:
            others.append(row)
    if others:
        held_by_id, held_by_seq = _held(conn, kiosk_id, others)
        for row in others:
            name = sent_ids[row["id"]][0]
            if row["id"] in held_by_id:
                if held_by_id[row["id"]] == row["content"]:
                    if name not in outcome.stored:
                        outcome.stored.append(name)
                else:
                    outcome.conflicts[name] = "an answer with this id and other content is held"
            elif row["seq"] in held_by_seq:
                outcome.conflicts[name] = (
                    f"seq {row['seq']} is held by another answer of this kiosk"
                )
            else:  # pragma: no cover - ON CONFLICT fired, so one of the keys is held
                outcome.conflicts[name] = "held with other content"
    outcome.stored[:0] = [sent_ids[row["id"]][0] for row in new_rows]
    if new_rows:
        _roll_up(conn, new_rows)
        k = schema.kiosks.c
        top = max(row["seq"] for row in new_rows)
        conn.execute(
            update(schema.kiosks)
            .where(k.kiosk_id == kiosk_id)
            .values(
                answers=k.answers + len(new_rows),
                max_seq=case((k.max_seq > top, k.max_seq), else_=top),
            )
        )
        conn.execute(
            update(schema.kiosks)
            .where(k.kiosk_id == kiosk_id)
            .values(
                gap_since_utc=case(
                    (k.max_seq > k.answers, func.coalesce(k.gap_since_utc, stamp)), else_=None
                )
            )
        )
    return outcome


def _held(
    conn: Connection, kiosk_id: str, rows: Sequence[Mapping[str, Any]]
) -> tuple[dict[str, str], dict[int, str]]:
    a = schema.answers.c
    found = conn.execute(
        select(a.id, a.seq, a.content).where(
            and_(
                a.kiosk_id == kiosk_id,
                or_(a.id.in_({r["id"] for r in rows}), a.seq.in_({r["seq"] for r in rows})),
            )
        )
    ).all()
    return {r.id: r.content for r in found}, {r.seq: r.id for r in found}


def _roll_up(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    rollups = Rollups.of(rows)
    for table, values, keys in (
        (schema.daily, rollups.daily_rows(), ("site_id", "kiosk_id", "local_day", "flagged")),
        (schema.site_daily, rollups.site_daily_rows(), ("site_id", "local_day", "flagged")),
        (schema.site_weekly, rollups.site_weekly_rows(), ("site_id", "week", "flagged")),
        (
            schema.hourly,
            rollups.hourly_rows(),
            ("site_id", "kiosk_id", "local_day", "local_hour", "flagged"),
        ),
        (
            schema.reason_daily,
            rollups.reason_rows(),
            ("site_id", "kiosk_id", "local_day", "category", "reason", "flagged"),
        ),
    ):
        if not values:
            continue
        counted = [name for name in values[0] if name in COUNTED]
        statement = insert_into(conn, table)
        statement = statement.on_conflict_do_update(
            index_elements=list(keys),
            set_={name: table.c[name] + statement.excluded[name] for name in counted},
        )
        for start in range(0, len(values), CHUNK):
            conn.execute(statement, values[start : start + CHUNK])


def store_alert(
    conn: Connection,
    kiosk_id: str,
    site_id: int,
    app_version: str,
    answer: Mapping[str, Any],
    stamp: str,
    skew: float | None,
) -> bool:
    """Keep an alert once per kiosk and answer id; True when it is new."""
    seen(conn, kiosk_id, app_version, stamp, skew)
    statement = (
        insert_into(conn, schema.alerts)
        .values(
            kiosk_id=kiosk_id,
            answer_id=answer["id"],
            site_id=site_id,
            content=canonical(answer),
            received_utc=stamp,
        )
        .on_conflict_do_nothing()
        .returning(schema.alerts.c.answer_id)
    )
    return conn.execute(statement).first() is not None
