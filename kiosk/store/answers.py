"""Answers on disk: recorded at the tap, completed after the why, never changed after."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone

from kiosk.core.answer import COMMENT_MAX_LENGTH, Answer, Completion, clean_comment, iso_utc
from kiosk.core.sync import OutboxKind
from kiosk.store import keep, meta, outbox, rows
from kiosk.store.database import Database

log = logging.getLogger("kiosk.store")


def local_offset_minutes(moment: datetime) -> int:
    """The machine's UTC offset at ``moment``, in minutes (DST-aware)."""
    offset = moment.astimezone().utcoffset() or timedelta(0)
    return int(offset.total_seconds() // 60)


class AnswerStore:
    """Records and reads answers. Every write is one durable transaction."""

    def __init__(self, db: Database, kiosk_id: str, app_version: str) -> None:
        self.db = db
        self.kiosk_id = kiosk_id
        self.app_version = app_version
        self._seq_reserve = keep.SeqReserve(db.path)  # seq high-water mark beside the file

    # --- the guest's writes -------------------------------------------------------------

    def record_score(
        self,
        score: int,
        language: str,
        *,
        flags: Iterable[str] = (),
        now: datetime | None = None,
        alert_kinds: Iterable[OutboxKind] = (),
        answer_id: str | None = None,
        utc_offset_minutes: int | None = None,
    ) -> Answer:
        """Store a tapped score at once; returns the answer with its ``seq``.

        ``alert_kinds`` (from :func:`kiosk.core.sync.alert_kinds_for`) puts detractor alerts in the outbox in the same
        transaction, so the alert exists exactly when the answer does.
        """
        import uuid  # at the first tap, not on the kiosk's start (it loads platform too)

        now = now or datetime.now(timezone.utc)
        offset = local_offset_minutes(now) if utc_offset_minutes is None else utc_offset_minutes
        answer = Answer(
            id=answer_id or str(uuid.uuid4()),
            score=score,
            created_utc=now.astimezone(timezone.utc),
            utc_offset_minutes=offset,
            language=language,
            kiosk_id=self.kiosk_id,
            app_version=self.app_version,
            flags=tuple(flags),
        )
        with self.db.transaction() as con:
            seq = meta.next_seq(con)
            self._seq_reserve.cover(seq)
            answer = replace(answer, seq=seq)
            _insert(con, answer, origin="guest")
            for kind in alert_kinds:
                outbox.enqueue(con, kind, answer.id, now)
        return answer

    def complete(
        self,
        answer_id: str,
        completion: Completion | str,
        *,
        reasons: Iterable[str] = (),
        comment: str = "",
        now: datetime | None = None,
        comment_max_length: int = COMMENT_MAX_LENGTH,
    ) -> Answer:
        """End the why step of an answer and queue it for sync. Only once per answer.

        The comment is cleaned and cut here, once: the app passes the configured
        ``[why] comment_max_length``; the default is the longest the protocol carries.
        """
        now = now or datetime.now(timezone.utc)
        reasons = tuple(dict.fromkeys(reasons))
        comment = clean_comment(comment, comment_max_length)
        with self.db.transaction() as con:
            answer = _answer_by_id(con, answer_id)
            if answer is None:
                raise KeyError(answer_id)
            if answer.is_complete:
                raise ValueError(f"answer {answer_id} is already complete")
            done = answer.completed(Completion(completion), now, reasons, comment)
            con.execute(
                "UPDATE answers SET reasons = ?, comment = ?, completion = ?, completed_utc = ?"
                " WHERE id = ?",
                (
                    json.dumps(list(done.reasons)),
                    done.comment,
                    done.completion.value,
                    iso_utc(now),
                    answer_id,
                ),
            )
            _add_reasons(con, done)
            outbox.enqueue(con, OutboxKind.ANSWER, answer_id, now)
        return done

    def choose_reasons(self, answer_id: str, reasons: Iterable[str]) -> None:
        """Keep the reasons a guest has tapped so far on their open answer (one commit per
        tap); the why step's end completes it. No effect on a complete answer."""
        with self.db.transaction() as con:
            con.execute(
                "UPDATE answers SET reasons = ? WHERE id = ? AND completion IS NULL",
                (json.dumps(list(dict.fromkeys(reasons))), answer_id),
            )

    def close_abandoned(self, now: datetime | None = None) -> int:
        """Complete, as timed out, answers left open by a crash or power cut, keeping the
        reasons already chosen (see :meth:`choose_reasons`)."""
        now = now or datetime.now(timezone.utc)
        with self.db.transaction() as con:
            ids = [r[0] for r in con.execute("SELECT id FROM answers WHERE completion IS NULL")]
            for answer_id in ids:
                con.execute(
                    "UPDATE answers SET completion = 'timeout', completed_utc = ? WHERE id = ?",
                    (iso_utc(now), answer_id),
                )
                closed = _answer_by_id(con, answer_id)
                if closed is not None:
                    _add_reasons(con, closed)
                outbox.enqueue(con, OutboxKind.ANSWER, answer_id, now)
        if ids:
            log.info("closed %d answer(s) left open by an interrupted flow", len(ids))
        return len(ids)

    def import_answers(self, answers: Iterable[Answer], *, origin: str, enqueue: bool) -> int:
        """Insert complete answers as given (demo data, recovery). Returns how many.

        Recovered answers keep their ``seq``, so the endpoint sees the same ids and numbers
        it may already hold. Demo answers are numbered apart, downwards from -1: they never
        leave the kiosk, and taking numbers from the guests' sequence would show the
        endpoint a gap, a "lost" answer, for every one of them.
        """
        with self.db.transaction() as con:
            batch = list(answers)
            seqs: list[int] = []
            last_seq = int(meta.get(con, meta.LAST_SEQ, "0") or 0)
            last_demo = int(meta.get(con, meta.LAST_DEMO_SEQ, "0") or 0)
            for answer in batch:
                if answer.seq is None or (origin == "demo" and answer.seq > 0):
                    if origin == "demo":
                        last_demo -= 1
                        seqs.append(last_demo)
                    else:
                        last_seq += 1
                        seqs.append(last_seq)
                else:
                    seqs.append(answer.seq)
                    if answer.seq > 0:
                        last_seq = max(last_seq, answer.seq)
                    else:
                        last_demo = min(last_demo, answer.seq)
            meta.raise_seq(con, last_seq)
            self._seq_reserve.cover(last_seq)
            meta.put(con, meta.LAST_DEMO_SEQ, str(last_demo))
            # One executemany per table and one tally update per distinct key, not per
            # answer: 100,000 demo answers go in within seconds.
            _insert_many(con, batch, seqs, origin=origin)
            if enqueue:
                for answer, seq in zip(batch, seqs, strict=True):
                    if answer.is_complete and seq > 0:
                        outbox.enqueue(
                            con,
                            OutboxKind.ANSWER,
                            answer.id,
                            answer.completed_utc or answer.created_utc,
                        )
        return len(batch)

    # --- reading -----------------------------------------------------------------------

    def get(self, answer_id: str) -> Answer | None:
        return _answer_by_id(self.db.connection(), answer_id)

    def origin_of(self, answer_id: str) -> str | None:
        row = (
            self.db.connection()
            .execute("SELECT origin FROM answers WHERE id = ?", (answer_id,))
            .fetchone()
        )
        return None if row is None else row[0]

    def count(self, *, origin: str | None = None) -> int:
        con = self.db.connection()
        if origin is None:
            return con.execute("SELECT count(*) FROM answers").fetchone()[0]
        return con.execute("SELECT count(*) FROM answers WHERE origin = ?", (origin,)).fetchone()[0]

    def has_real_answers(self) -> bool:
        """True when any answer came from a guest (not generated demo data)."""
        row = (
            self.db.connection()
            .execute("SELECT 1 FROM answers WHERE origin != 'demo' LIMIT 1")
            .fetchone()
        )
        return row is not None

    def iter_answers(
        self,
        since: date | None = None,
        until: date | None = None,
        *,
        include_flagged: bool = True,
        batch: int = 2000,
    ) -> Iterator[Answer]:
        """Answers in order of ``seq``, optionally by local day (inclusive); streamed."""
        condition, params = local_day_filter(since, until, include_flagged)
        where = f"WHERE {condition}" if condition else ""
        cursor = rows.named(
            self.db.connection(),
            f"SELECT {rows.select_list()} FROM answers {where} ORDER BY seq",
            params,
        )
        while found := cursor.fetchmany(batch):
            yield from (rows.answer_from(row) for row in found)


def local_day_filter(
    since: date | None, until: date | None, include_flagged: bool
) -> tuple[str, list[object]]:
    """A condition on ``local_day`` (inclusive ends, None for open) and ``flagged``, with its
    parameters; the answers table and the tallies share both columns. "" when it keeps all."""
    clauses: list[str] = []
    params: list[object] = []
    if since is not None:
        clauses.append("local_day >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("local_day <= ?")
        params.append(until.isoformat())
    if not include_flagged:
        clauses.append("flagged = 0")
    return " AND ".join(clauses), params


def _answer_by_id(con: sqlite3.Connection, answer_id: str) -> Answer | None:
    row = rows.named(
        con, f"SELECT {rows.select_list()} FROM answers WHERE id = ?", (answer_id,)
    ).fetchone()
    return None if row is None else rows.answer_from(row)


def _insert(con: sqlite3.Connection, answer: Answer, *, origin: str) -> None:
    row = rows.answer_row(answer, origin)
    con.execute(rows.INSERT_ANSWER, row)
    con.execute(rows.ADD_TALLY, (*rows.tally_key(row), 1))


def _insert_many(
    con: sqlite3.Connection, answers: list[Answer], seqs: list[int], *, origin: str
) -> None:
    """:func:`_insert` plus :func:`_add_reasons` for many answers, numbered ``seqs``."""
    values = [rows.answer_row(a, origin, seq) for a, seq in zip(answers, seqs, strict=True)]
    con.executemany(rows.INSERT_ANSWER, values)
    tally: Counter[tuple] = Counter(rows.tally_key(row) for row in values)
    con.executemany(rows.ADD_TALLY, [(*key, n) for key, n in tally.items()])
    pairs = [(answer.id, reason) for answer in answers for reason in dict.fromkeys(answer.reasons)]
    con.executemany(rows.ADD_ANSWER_REASON, pairs)
    reason_tally: Counter[tuple] = Counter(
        (
            rows.row_value(row, "local_day"),
            rows.row_value(row, "category"),
            reason,
            rows.row_value(row, "flagged"),
        )
        for answer, row in zip(answers, values, strict=True)
        for reason in dict.fromkeys(answer.reasons)
    )
    con.executemany(rows.ADD_REASON_TALLY, [(*key, n) for key, n in reason_tally.items()])


def _add_reasons(con: sqlite3.Connection, answer: Answer) -> None:
    if not answer.reasons:
        return
    local_day = answer.local_time.date().isoformat()
    flagged = 1 if answer.flags else 0
    category = answer.category.value
    for reason in answer.reasons:
        con.execute(rows.ADD_ANSWER_REASON, (answer.id, reason))
        con.execute(rows.ADD_REASON_TALLY, (local_day, category, reason, flagged, 1))


@dataclass(frozen=True, slots=True)
class StoreSummary:
    """What IT asks first about a kiosk's store (``kiosk status``)."""

    guest_answers: int
    demo_answers: int
    open_answers: int
    last_answer_utc: str | None


def store_summary(db: Database) -> StoreSummary:
    with db.snapshot() as con:
        by_origin = dict(
            con.execute("SELECT origin = 'demo', count(*) FROM answers GROUP BY 1").fetchall()
        )
        open_count = con.execute(
            "SELECT count(*) FROM answers WHERE completion IS NULL"
        ).fetchone()[0]
        last = con.execute(
            "SELECT max(created_utc) FROM answers WHERE origin != 'demo'"
        ).fetchone()[0]
    return StoreSummary(by_origin.get(0, 0), by_origin.get(1, 0), open_count, last)
