"""A fast path for loading very many generated answers (benchmarks, large demos).

``AnswerStore.import_answers`` takes ``Answer`` objects; this path takes ready rows (in
``ROW_COLUMNS`` order, the store's own insert) in chunks of 50,000, so a million rows need no
million objects. It uses the store's own statements; a test compares both results.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence

from kiosk.store import meta
from kiosk.store.answers import (
    _ADD_ANSWER_REASON,
    _ADD_REASON_TALLY,
    _ADD_TALLY,
    _INSERT_ANSWER,
    _tally_key,
)
from kiosk.store.database import Database

# The answers table's columns, in the order ``load_rows`` expects them.
ROW_COLUMNS = (
    "id", "seq", "kiosk_id", "created_utc", "utc_offset_minutes", "local_day", "local_hour",
    "local_weekday", "score", "category", "reasons", "comment", "language", "app_version",
    "flags", "flagged", "origin", "completion", "completed_utc",
)


def load_rows(db: Database, rows: Iterable[Sequence], chunk: int = 50_000) -> int:
    """Insert complete answer rows (``ROW_COLUMNS`` order) with their tallies; returns count.

    Rows must carry their own ``seq`` (growing) and a ``completion``; nothing is queued for
    sync (this is for generated data).
    """
    total = 0
    batch: list[Sequence] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= chunk:
            total += _load_chunk(db, batch)
            batch = []
    if batch:
        total += _load_chunk(db, batch)
    return total


def _load_chunk(db: Database, rows: list[Sequence]) -> int:
    tally: Counter = Counter()
    reason_tally: Counter = Counter()
    reason_rows: list[tuple[str, str]] = []
    for row in rows:
        day, category = row[5], row[9]
        flagged = row[15]
        tally[_tally_key(row)] += 1
        if row[10] != "[]":
            for reason in json.loads(row[10]):
                reason_rows.append((row[0], reason))
                reason_tally[(day, category, reason, flagged)] += 1
    with db.transaction() as con:
        con.executemany(_INSERT_ANSWER, rows)
        con.executemany(_ADD_ANSWER_REASON, reason_rows)
        con.executemany(_ADD_TALLY, [(*key, n) for key, n in tally.items()])
        con.executemany(_ADD_REASON_TALLY, [(*key, n) for key, n in reason_tally.items()])
        meta.raise_seq(con, max(row[1] for row in rows))
    return len(rows)
