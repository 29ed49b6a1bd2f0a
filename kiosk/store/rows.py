"""The answer row, defined once: which columns an answer is stored in and read back from.

Every insert and select of answers is built from :data:`ROW_COLUMNS` and :data:`READ_COLUMNS`,
and rows are read by column name, never by position, so a new stored field is one entry
here (plus its migration in :mod:`kiosk.store.schema`) and cannot be read into the wrong slot.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from kiosk.core.answer import Answer, Category, Completion, iso_utc, parse_iso

# What an Answer is read back from: its own fields, as stored.
READ_COLUMNS: tuple[str, ...] = (
    "id",
    "seq",
    "kiosk_id",
    "created_utc",
    "utc_offset_minutes",
    "score",
    "reasons",
    "comment",
    "language",
    "app_version",
    "flags",
    "completion",
    "completed_utc",
)
# What an insert writes, in the table's order: the answer's fields and what the dashboard's
# indexes derive from them (local day, hour and weekday, category, flagged) and its origin.
ROW_COLUMNS: tuple[str, ...] = (
    "id",
    "seq",
    "kiosk_id",
    "created_utc",
    "utc_offset_minutes",
    "local_day",
    "local_hour",
    "local_weekday",
    "score",
    "category",
    "reasons",
    "comment",
    "language",
    "app_version",
    "flags",
    "flagged",
    "origin",
    "completion",
    "completed_utc",
)
# The running tallies' key, as a subset of the row.
TALLY_KEY: tuple[str, ...] = ("local_day", "local_hour", "local_weekday", "score", "flagged")

INDEX: Mapping[str, int] = {name: i for i, name in enumerate(ROW_COLUMNS)}
assert set(READ_COLUMNS) <= set(ROW_COLUMNS)

INSERT_ANSWER = (
    f"INSERT INTO answers ({', '.join(ROW_COLUMNS)}) VALUES ({', '.join('?' for _ in ROW_COLUMNS)})"
)
ADD_TALLY = (
    f"INSERT INTO tally ({', '.join(TALLY_KEY)}, n) VALUES ({', '.join('?' for _ in TALLY_KEY)}, ?)"
    " ON CONFLICT (local_day, local_hour, score, flagged) DO UPDATE SET n = n + excluded.n"
)
ADD_ANSWER_REASON = "INSERT OR IGNORE INTO answer_reasons (answer_id, reason) VALUES (?, ?)"
ADD_REASON_TALLY = (
    "INSERT INTO reason_tally (local_day, category, reason, flagged, n)"
    " VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (local_day, category, reason, flagged) DO UPDATE SET n = n + excluded.n"
)


def select_list(table: str = "") -> str:
    """The columns an answer is read from, for a SELECT (``table``: an alias to qualify them)."""
    prefix = f"{table}." if table else ""
    return ", ".join(f"{prefix}{name}" for name in READ_COLUMNS)


def answer_row(answer: Answer, origin: str, seq: int | None = None) -> tuple[Any, ...]:
    """The values of :data:`INSERT_ANSWER` for ``answer`` (``seq`` overrides its own)."""
    local = answer.local_time
    values: dict[str, Any] = {
        "id": answer.id,
        "seq": answer.seq if seq is None else seq,
        "kiosk_id": answer.kiosk_id,
        "created_utc": iso_utc(answer.created_utc),
        "utc_offset_minutes": answer.utc_offset_minutes,
        "local_day": local.date().isoformat(),
        "local_hour": local.hour,
        "local_weekday": local.weekday(),
        "score": answer.score,
        "reasons": json.dumps(list(answer.reasons)),
        "comment": answer.comment,
        "language": answer.language,
        "app_version": answer.app_version,
        "flags": json.dumps(list(answer.flags)),
        "completion": answer.completion.value if answer.completion else None,
        "completed_utc": iso_utc(answer.completed_utc) if answer.completed_utc else None,
        "category": Category.of(answer.score).value,
        "flagged": 1 if answer.flags else 0,
        "origin": origin,
    }
    return tuple(values[name] for name in ROW_COLUMNS)


def row_value(row: Sequence[Any], name: str) -> Any:
    """One named value of an :func:`answer_row`."""
    return row[INDEX[name]]


def tally_key(row: Sequence[Any]) -> tuple[Any, ...]:
    """The tally key of an :func:`answer_row`."""
    return tuple(row[INDEX[name]] for name in TALLY_KEY)


def answer_from(row: Mapping[str, Any]) -> Answer:
    """An :class:`Answer` from a row read by name (a ``sqlite3.Row`` or a dict)."""
    completion = row["completion"]
    completed = row["completed_utc"]
    return Answer(
        id=row["id"],
        seq=row["seq"],
        kiosk_id=row["kiosk_id"],
        created_utc=parse_iso(row["created_utc"]),
        utc_offset_minutes=row["utc_offset_minutes"],
        score=row["score"],
        reasons=tuple(json.loads(row["reasons"])),
        comment=row["comment"],
        language=row["language"],
        app_version=row["app_version"],
        flags=tuple(json.loads(row["flags"])),
        completion=Completion(completion) if completion else None,
        completed_utc=parse_iso(completed) if completed else None,
    )


def named(con: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
    """Run ``sql`` on a cursor whose rows are read by column name."""
    cursor = con.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params)
