"""A fast path for loading very many generated answers (benchmarks, large demos).

``AnswerStore.import_answers`` writes one answer at a time with its tallies; for a million
answers this path instead inserts rows with ``executemany`` and adds the tallies once per
chunk from counts made in Python. The result is the same store: a test compares both.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence

from kiosk.store import meta
from kiosk.store.database import Database

# The answers table's columns, in the order ``load_rows`` expects them.
ROW_COLUMNS = (
    "id", "seq", "kiosk_id", "created_utc", "utc_offset_minutes", "local_day", "local_hour",
    "local_weekday", "score", "category", "reasons", "comment", "language", "app_version",
    "flags", "flagged", "origin", "completion", "completed_utc",
)
_INSERT = (
    f"INSERT INTO answers ({', '.join(ROW_COLUMNS)})"
    f" VALUES ({', '.join('?' for _ in ROW_COLUMNS)})"
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
        day, hour, weekday, score, category = row[5], row[6], row[7], row[8], row[9]
        flagged = row[15]
        tally[(day, hour, weekday, score, flagged)] += 1
        if row[10] != "[]":
            for reason in json.loads(row[10]):
                reason_rows.append((row[0], reason))
                reason_tally[(day, category, reason, flagged)] += 1
    with db.transaction() as con:
        con.executemany(_INSERT, rows)
        con.executemany(
            "INSERT OR IGNORE INTO answer_reasons (answer_id, reason) VALUES (?, ?)", reason_rows
        )
        con.executemany(
            "INSERT INTO tally (local_day, local_hour, local_weekday, score, flagged, n)"
            " VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (local_day, local_hour, score, flagged) DO UPDATE SET n = n + excluded.n",
            [(*key, n) for key, n in tally.items()],
        )
        con.executemany(
            "INSERT INTO reason_tally (local_day, category, reason, flagged, n)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (local_day, category, reason, flagged) DO UPDATE SET n = n + excluded.n",
            [(*key, n) for key, n in reason_tally.items()],
        )
        meta.raise_seq(con, max(row[1] for row in rows))
    return len(rows)
