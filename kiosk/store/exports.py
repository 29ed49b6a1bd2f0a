"""Rows for the owner's exports: every field of an answer, plus its sync state, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kiosk.core.exports import FORMULA_TRIGGERS
from kiosk.store.database import Database

# Order of the columns in every export. Kept flat (no nested objects) so CSV, Excel and
# JSON carry exactly the same fields.
EXPORT_COLUMNS: tuple[str, ...] = (
    "id", "seq", "kiosk_id", "created_utc", "local_time", "utc_offset_minutes", "local_day",
    "local_hour", "local_weekday", "score", "category", "reasons", "comment", "language",
    "app_version", "flags", "flagged", "origin", "completion", "completed_utc", "sync_state",
)
# Columns holding JSON lists in the store (reasons, flags).
LIST_COLUMNS = frozenset({"reasons", "flags"})
INT_COLUMNS = frozenset(
    {"seq", "utc_offset_minutes", "local_hour", "local_weekday", "score", "flagged"}
)

# The tap on the kiosk's wall clock, to the second. Julian-day arithmetic gives the same
# result as the '+N minutes' modifier (SQLite rounds both to the millisecond) at half the cost.
LOCAL_TIME = "datetime(julianday(a.created_utc) + a.utc_offset_minutes / 1440.0)"

_SELECT = (
    "SELECT a.id, a.seq, a.kiosk_id, a.created_utc,"
    f" {LOCAL_TIME},"
    " a.utc_offset_minutes, a.local_day, a.local_hour, a.local_weekday, a.score, a.category,"
    " a.reasons, a.comment, a.language, a.app_version, a.flags, a.flagged, a.origin,"
    " a.completion, a.completed_utc,"
    " CASE WHEN o.state IS NOT NULL THEN o.state"
    "      WHEN a.completion IS NULL THEN 'open' ELSE 'not_queued' END"
    " FROM answers AS a LEFT JOIN outbox AS o ON o.kind = 'answer' AND o.answer_id = a.id"
)


def _clauses(
    since: date | None, until: date | None, include_flagged: bool
) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if since is not None:
        clauses.append("a.local_day >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("a.local_day <= ?")
        params.append(until.isoformat())
    if not include_flagged:
        clauses.append("a.flagged = 0")
    return (f" WHERE {' AND '.join(clauses)}" if clauses else ""), params


def iter_export_rows(
    db: Database,
    since: date | None = None,
    until: date | None = None,
    *,
    include_flagged: bool = True,
    batch: int = 5000,
) -> Iterator[tuple]:
    """Rows in ``EXPORT_COLUMNS`` order, by ``seq``, fetched ``batch`` at a time.

    Runs inside one read transaction so a long export sees one consistent moment while the
    guest keeps answering.
    """
    where, params = _clauses(since, until, include_flagged)
    with db.snapshot() as con:
        cursor = con.execute(f"{_SELECT}{where} ORDER BY a.seq", params)
        while rows := cursor.fetchmany(batch):
            yield from rows


# --- spreadsheet rows, formatted by SQLite ---------------------------------------------------
#
# A million answers are 21 million cells. Escaping them one by one in Python costs more than
# reading them, so for CSV and Excel SQLite does it while reading: the formula-injection quote
# on text cells and the lists joined with "; ". The rows then go straight to the csv module's
# C writer. ``tests/export`` checks this equals ``kiosk.export.cells.spreadsheet_cells``.

# Text the kiosk writes itself in a fixed shape (timestamps, enums): never a formula.
_SAFE_TEXT = frozenset(
    {"created_utc", "local_time", "local_day", "category", "origin", "completion",
     "completed_utc", "sync_state"}
)


def _sql_escaped(expression: str) -> str:
    triggers = ", ".join(f"char({ord(c)})" for c in FORMULA_TRIGGERS)
    return (
        f"(CASE WHEN {expression} IS NULL THEN ''"
        f" WHEN substr({expression}, 1, 1) IN ({triggers}) THEN char(39) || {expression}"
        f" ELSE {expression} END)"
    )


def _sql_list(column: str) -> str:
    joined = f"(SELECT group_concat(value, '; ') FROM json_each({column}))"
    return f"(CASE WHEN {column} = '[]' THEN '' ELSE {_sql_escaped(joined)} END)"


def _sheet_select() -> str:
    expressions = {
        "id": "a.id", "seq": "a.seq", "kiosk_id": "a.kiosk_id", "created_utc": "a.created_utc",
        "local_time": LOCAL_TIME,
        "utc_offset_minutes": "a.utc_offset_minutes", "local_day": "a.local_day",
        "local_hour": "a.local_hour", "local_weekday": "a.local_weekday", "score": "a.score",
        "category": "a.category", "reasons": "a.reasons", "comment": "a.comment",
        "language": "a.language", "app_version": "a.app_version", "flags": "a.flags",
        "flagged": "a.flagged", "origin": "a.origin", "completion": "a.completion",
        "completed_utc": "a.completed_utc",
        "sync_state": "(CASE WHEN o.state IS NOT NULL THEN o.state"
                      " WHEN a.completion IS NULL THEN 'open' ELSE 'not_queued' END)",
    }
    cells = []
    for name in EXPORT_COLUMNS:
        expression = expressions[name]
        if name in INT_COLUMNS:
            cells.append(expression)
        elif name in LIST_COLUMNS:
            cells.append(_sql_list(expression))
        elif name in _SAFE_TEXT:
            cells.append(f"coalesce({expression}, '')")
        else:
            cells.append(_sql_escaped(expression))
    return (
        f"SELECT {', '.join(cells)}"
        " FROM answers AS a LEFT JOIN outbox AS o ON o.kind = 'answer' AND o.answer_id = a.id"
    )


_SHEET_SELECT = _sheet_select()


def iter_sheet_batches(
    db: Database,
    since: date | None = None,
    until: date | None = None,
    *,
    include_flagged: bool = True,
    batch: int = 10_000,
) -> Iterator[list[tuple]]:
    """Spreadsheet-ready rows (``EXPORT_COLUMNS`` order), ``batch`` at a time, by ``seq``."""
    where, params = _clauses(since, until, include_flagged)
    with db.snapshot() as con:
        cursor = con.execute(f"{_SHEET_SELECT}{where} ORDER BY a.seq", params)
        while rows := cursor.fetchmany(batch):
            yield rows
