"""Storing what kiosks post: exactly once, by the database's own keys.

Each request is one transaction: the kiosk's row is updated first (on PostgreSQL that row
lock orders two processes posting for the same kiosk), then the answers are inserted with
``ON CONFLICT DO NOTHING`` on ``(kiosk_id, id)`` and ``(kiosk_id, seq)``, and only the rows
really inserted are added to the rollups. An answer not inserted is compared with what is
held: the same content counts as stored, anything else is a conflict with its reason.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Float,
    String,
    Table,
    Text,
    and_,
    bindparam,
    case,
    column,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

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
    conn.execute(
        _seen(),
        {
            "kiosk": kiosk_id,
            "app_version": app_version,
            "stamp": stamp,
            "skew": skew,
            "absolute": None if skew is None else abs(skew),
        },
    )


@functools.cache
def _seen() -> Any:
    k = schema.kiosks.c
    stamp, absolute = bindparam("stamp", type_=String), bindparam("absolute", type_=Float)
    return (
        update(schema.kiosks)
        .where(k.kiosk_id == bindparam("kiosk", type_=String))
        .values(
            app_version=bindparam("app_version", type_=String),
            first_seen_utc=func.coalesce(k.first_seen_utc, stamp),
            last_seen_utc=stamp,
            last_skew_seconds=func.coalesce(bindparam("skew", type_=Float), k.last_skew_seconds),
            max_abs_skew_seconds=case(
                (k.max_abs_skew_seconds.is_(None), absolute),
                (k.max_abs_skew_seconds < func.coalesce(absolute, -1.0), absolute),
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
    sent_ids: dict[str, list[str]] = {}
    reasons: dict[str, list[str]] = {}
    for answer in answers:
        body = {k: v for k, v in answer.items() if k != "sent_id"}
        rows.append(answer_row(kiosk_id, site_id, body, stamp))
        sent_ids.setdefault(body["id"], []).append(answer.get("sent_id", body["id"]))
        reasons.setdefault(body["id"], body.get("reasons", []))
    inserted = _insert_answers(conn, rows) if rows else set()
    new_rows, others = [], []
    taken: set[str] = set()
    for row in rows:  # ids are unique per request (the view refuses repeats)
        if row["id"] in inserted and row["id"] not in taken:
            taken.add(row["id"])
            new_rows.append(row)
        else:
            others.append(row)
    outcome.stored = [sent_ids[row["id"]][0] for row in new_rows]
    listed = set(outcome.stored)
    if others:
        held_by_id, held_by_seq = _held(conn, kiosk_id, others)
        for row in others:
            name = sent_ids[row["id"]][0]
            if row["id"] in held_by_id:
                if held_by_id[row["id"]] == row["content"]:
                    if name not in listed:  # the same answer twice in one call: once
                        listed.add(name)
                        outcome.stored.append(name)
                else:
                    outcome.conflicts[name] = "an answer with this id and other content is held"
            elif row["seq"] in held_by_seq:
                outcome.conflicts[name] = (
                    f"seq {row['seq']} is held by another answer of this kiosk"
                )
            else:  # pragma: no cover - ON CONFLICT fired, so one of the keys is held
                outcome.conflicts[name] = "held with other content"
    if new_rows:
        _add(conn, kiosk_id, new_rows, reasons, stamp)
    return outcome


def _insert_answers(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> set[str]:
    """Insert the rows that no key holds yet, in one statement; the ids really inserted."""
    statement = _answers_insert(conn.dialect.name)
    if conn.dialect.name == "postgresql":
        return set(conn.execute(statement, {"answers": rows}).scalars())
    # SQLite: executemany with RETURNING, which SQLAlchemy sends as multi-row VALUES
    # ("insertmanyvalues"); in process, its placeholders cost nothing to send.
    return set(conn.execute(statement, rows).scalars())


# Each rollup table, the Rollups method giving its rows, and its key.
ROLLUPS = (
    (schema.daily, Rollups.daily_rows, ("site_id", "kiosk_id", "local_day", "flagged")),
    (schema.site_daily, Rollups.site_daily_rows, ("site_id", "local_day", "flagged")),
    (schema.site_weekly, Rollups.site_weekly_rows, ("site_id", "week", "flagged")),
    (
        schema.hourly,
        Rollups.hourly_rows,
        ("site_id", "kiosk_id", "local_day", "local_hour", "flagged"),
    ),
    (
        schema.reason_daily,
        Rollups.reason_rows,
        ("site_id", "kiosk_id", "local_day", "category", "reason", "flagged"),
    ),
)


def _add(
    conn: Connection,
    kiosk_id: str,
    rows: Sequence[Mapping[str, Any]],
    reasons: Mapping[str, list[str]],
    stamp: str,
) -> None:
    """The new rows into the rollups and the kiosk's counters; on PostgreSQL in one
    statement (each rollup's upsert a CTE of the kiosk's UPDATE), one round trip."""
    rollups = Rollups.of(rows, reasons)
    values = {
        "kiosk": kiosk_id,
        "new": len(rows),
        "top": max(row["seq"] for row in rows),
        "stamp": stamp,
    }
    if conn.dialect.name == "postgresql":
        for table, rows_of, _ in ROLLUPS:
            values[table.name] = rows_of(rollups)
        conn.execute(_counted(conn.dialect.name), values)
        return
    for table, rows_of, keys in ROLLUPS:
        added = rows_of(rollups)
        statement = _rollup_upsert(conn.dialect.name, table, keys)
        for start in range(0, len(added), CHUNK):
            conn.execute(statement, added[start : start + CHUNK])
    conn.execute(_counted(conn.dialect.name), values)


@functools.cache
def _counted(dialect: str) -> Any:
    """The kiosk's answers count, highest seq, and since when one below it is missing.

    Every SET expression reads the row as it was before the statement.
    """
    k = schema.kiosks.c
    new, top = bindparam("new", type_=BigInteger), bindparam("top", type_=BigInteger)
    max_seq = case((k.max_seq > top, k.max_seq), else_=top)
    statement = (
        update(schema.kiosks)
        .where(k.kiosk_id == bindparam("kiosk", type_=String))
        .values(
            answers=k.answers + new,
            max_seq=max_seq,
            gap_since_utc=case(
                (
                    max_seq > k.answers + new,
                    func.coalesce(k.gap_since_utc, bindparam("stamp", type_=String)),
                ),
                else_=None,
            ),
        )
    )
    if dialect == "postgresql":
        statement = statement.add_cte(
            *(
                _rollup_upsert(dialect, table, keys).cte(f"added_{table.name}")
                for table, _, keys in ROLLUPS
            )
        )
    return statement


# The statements are built once per dialect (and compiled once per engine, SQLAlchemy's cache).
@functools.cache
def _answers_insert(dialect: str) -> Any:
    statement = (
        _json_insert(schema.answers) if dialect == "postgresql" else sqlite.insert(schema.answers)
    )
    return statement.on_conflict_do_nothing().returning(schema.answers.c.id)


@functools.cache
def _json_insert(table: Table) -> Any:
    """PostgreSQL: ``INSERT INTO table SELECT ... FROM json_to_recordset(:table)``.

    The rows travel as one JSON parameter: a short statement whatever their number, prepared
    once per connection. A multi-row VALUES has a placeholder per value (3,000 for 200
    answers) that psycopg parses again at each execution (its cache is for short
    statements), and arrays per column are escaped item by item in Python: each was a
    larger cost of a batch than the database's own work. ``json_to_recordset`` yields the
    rows in their order. Strings are read as ``text`` so that storing a value too long for
    its column is refused, as a direct insert would.
    """
    rows = func.json_to_recordset(bindparam(table.name, type_=postgresql.JSON)).table_valued(
        *(column(c.name, Text() if isinstance(c.type, String) else c.type) for c in table.c)
    )
    rows = rows.render_derived(with_types=True)
    return postgresql.insert(table).from_select([c.name for c in table.c], select(*rows.c))


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


@functools.cache
def _rollup_upsert(dialect: str, table: Table, keys: tuple[str, ...]) -> Any:
    """``ON CONFLICT (keys) DO UPDATE`` adding each count to the held row's.

    On PostgreSQL the rows go in one statement, which ``DO UPDATE`` allows as their keys
    are unique in it; they are sorted (see ``Rollups``) and kept in that order.
    """
    statement = _json_insert(table) if dialect == "postgresql" else sqlite.insert(table)
    counted = [c.name for c in table.c if c.name in COUNTED]  # not a key, nor site_daily.week
    return statement.on_conflict_do_update(
        index_elements=list(keys),
        set_={name: table.c[name] + statement.excluded[name] for name in counted},
    )


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
