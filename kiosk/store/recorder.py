"""Recording a guest's answer without ever failing in front of the guest.

The disk can fill up, turn read-only or get damaged while the kiosk runs. The guest must not
notice: :class:`DurableRecorder` tries each write at once and, when the store refuses it
(:class:`~kiosk.store.database.StoreError`), keeps the write in memory, in order, and says so
in :attr:`DurableRecorder.problem` for the staff banner. :meth:`DurableRecorder.retry` replays
the queue once the disk is back. Ids and timestamps are fixed when the guest taps, so a
replayed answer is exactly the one that would have been stored at the time.

Pure Python: the UI drives the retries with its own timer.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

from kiosk.core.answer import Answer, Completion
from kiosk.core.contact import Contact
from kiosk.core.sync import OutboxKind
from kiosk.store import contacts
from kiosk.store.answers import AnswerStore, local_offset_minutes
from kiosk.store.database import StoreError, describe_storage_error, is_corruption

log = logging.getLogger("kiosk.store")


@dataclass(frozen=True, slots=True)
class _RecordScore:
    answer_id: str
    score: int
    language: str
    flags: tuple[str, ...]
    alert_kinds: tuple[OutboxKind, ...]
    now: datetime
    utc_offset_minutes: int

    def is_done(self, stored: Answer | None) -> bool:
        return stored is not None  # an earlier attempt did commit (its reply was lost)

    def apply(self, store: AnswerStore) -> None:
        store.record_score(
            self.score,
            self.language,
            flags=self.flags,
            now=self.now,
            alert_kinds=self.alert_kinds,
            answer_id=self.answer_id,
            utc_offset_minutes=self.utc_offset_minutes,
        )


@dataclass(frozen=True, slots=True)
class _Complete:
    answer_id: str
    completion: Completion
    reasons: tuple[str, ...]
    comment: str
    now: datetime
    comment_max_length: int

    def is_done(self, stored: Answer | None) -> bool:
        return stored is not None and stored.is_complete

    def apply(self, store: AnswerStore) -> None:
        store.complete(
            self.answer_id,
            self.completion,
            reasons=self.reasons,
            comment=self.comment,
            now=self.now,
            comment_max_length=self.comment_max_length,
        )


@dataclass(frozen=True, slots=True)
class _LeaveContact:
    contact: Contact
    kinds: tuple[OutboxKind, ...]

    @property
    def answer_id(self) -> str:
        return self.contact.answer_id

    def is_done(self, stored: Answer | None) -> bool:
        return False  # storing a contact twice is a no-op (one per answer)

    def apply(self, store: AnswerStore) -> None:
        with store.db.transaction() as con:
            contacts.add(con, self.contact, self.kinds)

    def __repr__(self) -> str:  # the contact never reaches a log line
        return f"_LeaveContact(answer_id={self.answer_id!r})"


_Write = _RecordScore | _Complete | _LeaveContact


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class DurableRecorder:
    """Wraps an :class:`AnswerStore`; ``record_score`` and ``complete`` never raise."""

    def __init__(self, store: AnswerStore, clock: Callable[[], datetime] = _utc_now) -> None:
        self.store = store
        self._clock = clock
        self._ops: deque[_Write] = deque()
        self.problem: str | None = None

    @property
    def pending_count(self) -> int:
        """Writes waiting in memory for the disk to accept them."""
        return len(self._ops)

    def record_score(
        self,
        score: int,
        language: str,
        *,
        flags: Iterable[str] = (),
        alert_kinds: Iterable[OutboxKind] = (),
    ) -> str:
        """Store a tapped score (or keep it until the disk takes it); returns its answer id."""
        now = self._clock()
        op = _RecordScore(
            answer_id=str(uuid.uuid4()),
            score=score,
            language=language,
            flags=tuple(flags),
            alert_kinds=tuple(alert_kinds),
            now=now,
            utc_offset_minutes=local_offset_minutes(now),
        )
        self._ops.append(op)
        self.retry()
        return op.answer_id

    def complete(
        self,
        answer_id: str,
        completion: Completion | str,
        *,
        reasons: Iterable[str] = (),
        comment: str = "",
        comment_max_length: int,
    ) -> None:
        """End the why step of ``answer_id`` (now, or once the disk takes it); the comment is
        cut to ``comment_max_length`` (the configured one) when it is stored."""
        self._ops.append(
            _Complete(
                answer_id=answer_id,
                completion=Completion(completion),
                reasons=tuple(reasons),
                comment=comment,
                now=self._clock(),
                comment_max_length=comment_max_length,
            )
        )
        self.retry()

    def leave_contact(self, contact: Contact, kinds: Iterable[OutboxKind] = ()) -> None:
        """Store a guest's call-back request apart from the answer (now, or once the disk
        takes it), queued for ``kinds``."""
        self._ops.append(_LeaveContact(contact, tuple(kinds)))
        self.retry()

    def retry(self) -> bool:
        """Replay queued writes in order; True when nothing is left waiting."""
        ops = self._ops
        while ops:
            op = ops[0]
            try:
                self._apply(op)
            except StoreError as exc:
                if self.problem != str(exc):
                    log.error(
                        "store refused a write (%s); %d write(s) kept in memory", exc, len(ops)
                    )
                self.problem = str(exc)
                return False
            except (sqlite3.IntegrityError, KeyError, ValueError) as exc:
                # A bug, not weather: retrying would fail forever and block every later answer.
                log.error("dropping a write the store can never accept (%s): %r", exc, op)
            ops.popleft()
        if self.problem is not None:
            log.warning("store accepts writes again; every kept answer is saved")
            self.problem = None
        return True

    def _stored(self, answer_id: str) -> Answer | None:
        try:
            return self.store.get(answer_id)
        except sqlite3.Error as exc:
            raise StoreError(describe_storage_error(exc), corrupt=is_corruption(exc)) from exc

    def _apply(self, op: _Write) -> None:
        """Write ``op``; on a replay, not if the store already holds its effect (a write whose
        confirmation was lost). A first attempt needs no look: nothing was tried before."""
        if self.problem is None or not op.is_done(self._stored(op.answer_id)):
            op.apply(self.store)
