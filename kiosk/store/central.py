"""The reference endpoint's own store: the answers of many kiosks, in one SQLite file.

Opened with the same care as a kiosk's store (:class:`~kiosk.store.database.Database`: WAL,
``synchronous=FULL``, one connection per thread, ``BEGIN IMMEDIATE``), with its own schema
and migrations. An answer is kept exactly as first received (``content``, canonical JSON), so
a later copy with the same id but different content is detected as a conflict (HTTP 409).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.core.answer import iso_utc
from kiosk.store.database import Database
from kiosk.store.schema import migrate

_V1 = [
    """CREATE TABLE kiosks (
        kiosk_id TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        app_version TEXT NOT NULL,
        first_seen_utc TEXT NOT NULL,
        last_seen_utc TEXT NOT NULL,
        last_skew_seconds REAL,
        max_abs_skew_seconds REAL
    ) WITHOUT ROWID""",
    """CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        kiosk_id TEXT NOT NULL,
        site TEXT NOT NULL,
        seq INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
        category TEXT NOT NULL,
        language TEXT NOT NULL,
        content TEXT NOT NULL,
        received_utc TEXT NOT NULL
    )""",
    "CREATE INDEX answers_by_kiosk_seq ON answers (kiosk_id, seq)",
    """CREATE TRIGGER answers_immutable BEFORE UPDATE ON answers
        BEGIN SELECT RAISE(ABORT, 'received answers are immutable'); END""",
    """CREATE TABLE alerts (
        answer_id TEXT PRIMARY KEY,
        kiosk_id TEXT NOT NULL,
        site TEXT NOT NULL,
        content TEXT NOT NULL,
        received_utc TEXT NOT NULL
    )""",
]

MIGRATIONS: list[list[str]] = [_V1]


def canonical(answer: Mapping[str, Any]) -> str:
    """One spelling of an answer's content, so equal content compares equal."""
    return json.dumps(answer, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass
class Outcome:
    """What happened to each answer of one request."""

    stored: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class KioskReport:
    kiosk_id: str
    site: str
    app_version: str
    answers: int
    first_seq: int | None
    last_seq: int | None
    missing: int
    gaps: list[tuple[int, int]]
    last_seen_utc: str
    last_skew_seconds: float | None
    max_abs_skew_seconds: float | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.kiosk_id,
            "site": self.site,
            "app_version": self.app_version,
            "answers": self.answers,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            "missing": self.missing,
            "gaps": [{"from": a, "to": b} for a, b in self.gaps],
            "last_seen": self.last_seen_utc,
            "clock_skew_seconds": self.last_skew_seconds,
            "max_abs_clock_skew_seconds": self.max_abs_skew_seconds,
        }


class CentralStore:
    """Answers and alerts of many kiosks, deduplicated by answer id."""

    def __init__(self, path: Path | str) -> None:
        self.db = Database(path, migrate=False)
        try:
            migrate(self.db.connection(), MIGRATIONS, store_name="central store")
        except BaseException:
            self.db.close()
            raise

    def close(self) -> None:
        self.db.close()

    def store_answers(
        self,
        kiosk: Mapping[str, str],
        answers: Sequence[Mapping[str, Any]],
        now: datetime,
        skew_seconds: float | None,
    ) -> Outcome:
        """Insert new answers; an id already held counts as stored if its content is equal."""
        outcome = Outcome()
        stamp = iso_utc(now)
        with self.db.transaction() as con:
            self._seen(con, kiosk, stamp, skew_seconds)
            for answer in answers:
                content = canonical(answer)
                row = con.execute(
                    "SELECT content FROM answers WHERE id = ?", (answer["id"],)
                ).fetchone()
                if row is not None:
                    (outcome.stored if row[0] == content else outcome.conflicts).append(
                        answer["id"]
                    )
                    continue
                con.execute(
                    "INSERT INTO answers (id, kiosk_id, site, seq, created_at, score, category,"
                    " language, content, received_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (answer["id"], kiosk["id"], kiosk["site"], answer["seq"],
                     answer["created_at"], answer["score"], answer["category"],
                     answer["language"], content, stamp),
                )
                outcome.stored.append(answer["id"])
        return outcome

    def store_alert(
        self, kiosk: Mapping[str, str], answer: Mapping[str, Any], now: datetime,
        skew_seconds: float | None,
    ) -> bool:
        """Keep an alert once per answer id; True when it is new."""
        stamp = iso_utc(now)
        with self.db.transaction() as con:
            self._seen(con, kiosk, stamp, skew_seconds)
            cursor = con.execute(
                "INSERT OR IGNORE INTO alerts (answer_id, kiosk_id, site, content, received_utc)"
                " VALUES (?, ?, ?, ?, ?)",
                (answer["id"], kiosk["id"], kiosk["site"], canonical(answer), stamp),
            )
            return cursor.rowcount == 1

    @staticmethod
    def _seen(
        con: sqlite3.Connection, kiosk: Mapping[str, str], stamp: str, skew: float | None
    ) -> None:
        con.execute(
            "INSERT INTO kiosks (kiosk_id, site, app_version, first_seen_utc, last_seen_utc,"
            " last_skew_seconds, max_abs_skew_seconds) VALUES (?, ?, ?, ?, ?, ?, abs(?))"
            " ON CONFLICT (kiosk_id) DO UPDATE SET site = excluded.site,"
            " app_version = excluded.app_version, last_seen_utc = excluded.last_seen_utc,"
            " last_skew_seconds = coalesce(excluded.last_skew_seconds, last_skew_seconds),"
            " max_abs_skew_seconds = max(coalesce(max_abs_skew_seconds, 0),"
            "   coalesce(excluded.max_abs_skew_seconds, 0))",
            (kiosk["id"], kiosk["site"], kiosk["app_version"], stamp, stamp, skew, skew),
        )

    # --- reading ---------------------------------------------------------------------------

    def count_answers(self, kiosk_id: str | None = None) -> int:
        con = self.db.connection()
        if kiosk_id is None:
            return con.execute("SELECT count(*) FROM answers").fetchone()[0]
        return con.execute(
            "SELECT count(*) FROM answers WHERE kiosk_id = ?", (kiosk_id,)
        ).fetchone()[0]

    def answer_ids(self) -> list[str]:
        return [r[0] for r in self.db.connection().execute("SELECT id FROM answers")]

    def alert_ids(self) -> list[str]:
        return [r[0] for r in self.db.connection().execute("SELECT answer_id FROM alerts")]

    def alert_received(self, answer_id: str) -> str | None:
        row = self.db.connection().execute(
            "SELECT received_utc FROM alerts WHERE answer_id = ?", (answer_id,)
        ).fetchone()
        return None if row is None else row[0]

    def kiosks(self, max_gaps: int = 100) -> list[KioskReport]:
        """Per kiosk: answers held, missing ``seq`` ranges, clock skew seen."""
        con = self.db.connection()
        reports = []
        for kiosk_id, site, version, last_seen, skew, max_skew in con.execute(
            "SELECT kiosk_id, site, app_version, last_seen_utc, last_skew_seconds,"
            " max_abs_skew_seconds FROM kiosks ORDER BY kiosk_id"
        ).fetchall():
            n, first, last, distinct = con.execute(
                "SELECT count(*), min(seq), max(seq), count(DISTINCT seq) FROM answers"
                " WHERE kiosk_id = ?",
                (kiosk_id,),
            ).fetchone()
            # Numbering starts at 1, so anything below the first one held is missing too.
            missing = (last or 0) - distinct
            gaps = []
            if first is not None and first > 1:
                gaps.append((1, first - 1))
            rows = con.execute(
                "SELECT prev + 1, seq - 1 FROM (SELECT seq, lag(seq) OVER (ORDER BY seq) AS prev"
                " FROM answers WHERE kiosk_id = ?) WHERE seq - prev > 1 LIMIT ?",
                (kiosk_id, max_gaps),
            ).fetchall()
            gaps.extend((a, b) for a, b in rows)
            reports.append(KioskReport(
                kiosk_id, site, version, n, first, last, missing, gaps[:max_gaps], last_seen,
                skew, max_skew,
            ))
        return reports

    def iter_answers(self, batch: int = 2000) -> Iterator[tuple[str, str, str]]:
        """(kiosk_id, site, content JSON) of every answer, by kiosk and seq; streamed."""
        cursor = self.db.connection().execute(
            "SELECT kiosk_id, site, content FROM answers ORDER BY kiosk_id, seq"
        )
        while rows := cursor.fetchmany(batch):
            yield from rows
