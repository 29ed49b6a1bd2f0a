"""Rows for the owner's exports: every field of an answer, plus its sync state, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

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

_SELECT = (
    "SELECT a.id, a.seq, a.kiosk_id, a.created_utc,"
    " strftime('%Y-%m-%d %H:%M:%S', a.created_utc, a.utc_offset_minutes || ' minutes'),"
    " a.utc_offset_minutes, a.local_day, a.local_hour, a.local_weekday, a.score, a.category,"
    " a.reasons, a.comment, a.language, a.app_version, a.flags, a.flagged, a.origin,"
    " a.completion, a.completed_utc,"
    " CASE WHEN o.state IS NOT NULL THEN o.state"
    "      WHEN a.completion IS NULL THEN 'open' ELSE 'not_queued' END"
    " FROM answers AS a LEFT JOIN outbox AS o ON o.kind = 'answer' AND o.answer_id = a.id"
)


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
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    with db.snapshot() as con:
        cursor = con.execute(f"{_SELECT}{where} ORDER BY a.seq", params)
        while rows := cursor.fetchmany(batch):
            yield from rows
