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
from kiosk.store.database import Database
from kiosk.store.rows import (
    ADD_ANSWER_REASON,
    ADD_REASON_TALLY,
    ADD_TALLY,
    INDEX,
    INSERT_ANSWER,
    ROW_COLUMNS,
    tally_key,
)

__all__ = ["ROW_COLUMNS", "load_rows"]


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
    day_at, category_at, flagged_at = INDEX["local_day"], INDEX["category"], INDEX["flagged"]
    reasons_at, id_at, seq_at = INDEX["reasons"], INDEX["id"], INDEX["seq"]
    for row in rows:
        day, category = row[day_at], row[category_at]
        flagged = row[flagged_at]
        tally[tally_key(row)] += 1
        if row[reasons_at] != "[]":
            for reason in json.loads(row[reasons_at]):
                reason_rows.append((row[id_at], reason))
                reason_tally[(day, category, reason, flagged)] += 1
    with db.transaction() as con:
        con.executemany(INSERT_ANSWER, rows)
        con.executemany(ADD_ANSWER_REASON, reason_rows)
        con.executemany(ADD_TALLY, [(*key, n) for key, n in tally.items()])
        con.executemany(ADD_REASON_TALLY, [(*key, n) for key, n in reason_tally.items()])
        meta.raise_seq(con, max(row[seq_at] for row in rows))
    return len(rows)
