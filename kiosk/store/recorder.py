"""Recording a guest's answer without ever failing in front of the guest.

The disk can fill up, turn read-only or get damaged while the kiosk runs. The guest must not
notice: :class:`DurableRecorder` tries each write at once and, when the store refuses it
(:class:`~kiosk.store.database.StoreError`), keeps the write in memory, in order, and says so
in :attr:`DurableRecorder.problem` for the staff banner. :meth:`DurableRecorder.retry` replays
the queue once the disk is back. Ids and timestamps are fixed when the guest taps, so a
replayed answer is exactly the one that would have been stored at the time.

Nothing the guest tapped is lost on a stop, clean or not. When the disk is full, the
recorder first releases the data folder's ballast (:mod:`kiosk.store.ballast`) and tries
again at once; a write the store still refuses is copied at once to a spill file somewhere
else (:mod:`kiosk.store.spill`), so a power cut while it waits loses nothing either, and the
next start replays it (:meth:`DurableRecorder.replay_spilled`). Each step is logged.

Pure Python: the UI drives the retries with its own timer.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from kiosk.core.answer import Answer, Completion, iso_utc, parse_iso
from kiosk.core.contact import Contact
from kiosk.core.sync import OutboxKind
from kiosk.store import spill
from kiosk.store.answers import AnswerStore, local_offset_minutes
from kiosk.store.ballast import Ballast
from kiosk.store.contacts import ContactStore
from kiosk.store.database import StoreError, storage_error

log = logging.getLogger("kiosk.store")


@dataclass(frozen=True, slots=True)
class _Queued:
    """What every write the recorder keeps until the store takes it carries."""

    # Read back from a spill file: an earlier run may have stored it already (the spill
    # file outlives a replay that was cut short), so the store is asked before it is applied.
    replayed: bool = field(default=False, kw_only=True, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class _RecordScore(_Queued):
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

    def as_record(self) -> dict[str, Any]:
        return {
            "op": "score",
            "answer_id": self.answer_id,
            "score": self.score,
            "language": self.language,
            "flags": list(self.flags),
            "alert_kinds": [str(k) for k in self.alert_kinds],
            "now": iso_utc(self.now),
            "utc_offset_minutes": self.utc_offset_minutes,
        }


@dataclass(frozen=True, slots=True)
class _ChooseReasons(_Queued):
    """The guest tapped a reason chip (or took one back): the choice so far, kept at once."""

    answer_id: str
    reasons: tuple[str, ...]

    def is_done(self, stored: Answer | None) -> bool:
        return stored is not None and (stored.is_complete or stored.reasons == self.reasons)

    def apply(self, store: AnswerStore) -> None:
        store.choose_reasons(self.answer_id, self.reasons)

    def as_record(self) -> dict[str, Any]:
        return {"op": "reasons", "answer_id": self.answer_id, "reasons": list(self.reasons)}


@dataclass(frozen=True, slots=True)
class _Complete(_Queued):
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

    def as_record(self) -> dict[str, Any]:
        return {
            "op": "complete",
            "answer_id": self.answer_id,
            "completion": self.completion.value,
            "reasons": list(self.reasons),
            "comment": self.comment,
            "now": iso_utc(self.now),
            "comment_max_length": self.comment_max_length,
        }


@dataclass(frozen=True, slots=True)
class _LeaveContact(_Queued):
    contact: Contact
    kinds: tuple[OutboxKind, ...]

    @property
    def answer_id(self) -> str:
        return self.contact.answer_id

    def is_done(self, stored: Answer | None) -> bool:
        return False  # storing a contact twice is a no-op (one per answer)

    def apply(self, store: AnswerStore) -> None:
        ContactStore(store.db).add(self.contact, self.kinds)

    def as_record(self) -> dict[str, Any]:
        return {"op": "contact", **self.contact.as_record(), "kinds": [str(k) for k in self.kinds]}

    def __repr__(self) -> str:  # the contact never reaches a log line
        return f"_LeaveContact(answer_id={self.answer_id!r})"


_Write = _RecordScore | _ChooseReasons | _Complete | _LeaveContact


def _from_record(record: dict[str, Any]) -> _Write:
    """The write a spill file line describes (KeyError/ValueError/TypeError if damaged)."""
    kind = record["op"]
    if kind == "score":
        return _RecordScore(
            answer_id=str(record["answer_id"]),
            score=int(record["score"]),
            language=str(record["language"]),
            flags=tuple(record["flags"]),
            alert_kinds=tuple(OutboxKind(k) for k in record["alert_kinds"]),
            now=parse_iso(record["now"]),
            utc_offset_minutes=int(record["utc_offset_minutes"]),
            replayed=True,
        )
    if kind == "reasons":
        return _ChooseReasons(str(record["answer_id"]), tuple(record["reasons"]), replayed=True)
    if kind == "complete":
        return _Complete(
            answer_id=str(record["answer_id"]),
            completion=Completion(record["completion"]),
            reasons=tuple(record["reasons"]),
            comment=str(record["comment"]),
            now=parse_iso(record["now"]),
            comment_max_length=int(record["comment_max_length"]),
            replayed=True,
        )
    if kind == "contact":
        kinds = tuple(OutboxKind(k) for k in record["kinds"])
        return _LeaveContact(Contact.from_record(record), kinds, replayed=True)
    raise ValueError(f"unknown write {kind!r}")


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class DurableRecorder:
    """Wraps an :class:`AnswerStore`; ``record_score`` and ``complete`` never raise."""

    def __init__(
        self,
        store: AnswerStore,
        clock: Callable[[], datetime] = _utc_now,
        *,
        ballast: Ballast | None = None,
        spill_dir: Path | None = None,
    ) -> None:
        self.store = store
        self._clock = clock
        self._ops: deque[_Write] = deque()
        self.problem: str | None = None
        self.ballast = ballast
        # The data folder whose spill files are ours; None: waiting writes stay in memory.
        self._spill = spill.Spill(spill_dir) if spill_dir is not None else None
        self._unkept = 0  # the newest waiting writes not yet in a spill file
        self._kept_in: Path | None = None  # the spill file last named in the log
        self._said_unkept = False

    @property
    def pending_count(self) -> int:
        """Writes waiting in memory for the disk to accept them."""
        return len(self._ops)

    @property
    def all_on_disk(self) -> bool:
        """Every waiting write is in a spill file too: switching off now loses none."""
        return self._spill is not None and self._unkept == 0

    def record_score(
        self,
        score: int,
        language: str,
        *,
        flags: Iterable[str] = (),
        alert_kinds: Iterable[OutboxKind] = (),
    ) -> str:
        """Store a tapped score (or keep it until the disk takes it); returns its answer id."""
        import uuid  # at the first tap, not on the kiosk's start (it loads platform too)

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
        self._queue(op)
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
        self._queue(
            _Complete(
                answer_id=answer_id,
                completion=Completion(completion),
                reasons=tuple(reasons),
                comment=comment,
                now=self._clock(),
                comment_max_length=comment_max_length,
            )
        )

    def leave_contact(self, contact: Contact, kinds: Iterable[OutboxKind] = ()) -> None:
        """Store a guest's call-back request apart from the answer (now, or once the disk
        takes it), queued for ``kinds``."""
        self._queue(_LeaveContact(contact, tuple(kinds)))

    def choose_reasons(self, answer_id: str, reasons: Iterable[str]) -> None:
        """The guest's reason chips so far: kept now (one small commit), so a power cut
        before Send loses nothing they chose."""
        self._queue(_ChooseReasons(answer_id, tuple(dict.fromkeys(reasons))))

    def _queue(self, op: _Write) -> None:
        self._ops.append(op)
        self._unkept += 1
        self.retry()

    def retry(self) -> bool:
        """Replay queued writes in order; True when nothing is left waiting."""
        ops = self._ops
        while ops:
            op = ops[0]
            try:
                self._apply(op)
            except StoreError as exc:
                if exc.disk_full and self.ballast is not None and self.ballast.release():
                    continue  # the ballast's space is the store's now: try again at once
                if self.problem != str(exc):
                    log.error(
                        "store refused a write (%s); %d write(s) kept in memory", exc, len(ops)
                    )
                self.problem = str(exc)
                self._keep_waiting()
                return False
            except (sqlite3.IntegrityError, KeyError, ValueError) as exc:
                # A bug, not weather: retrying would fail forever and block every later answer.
                log.error("dropping a write the store can never accept (%s): %r", exc, op)
            ops.popleft()
            self._unkept = min(self._unkept, len(ops))
        if self.problem is not None:
            log.warning("store accepts writes again; every kept answer is saved")
            self.problem = None
        if self._spill is not None and self._spill.files:
            log.info("every write from %d spill file(s) is in the store", len(self._spill.files))
            self._spill.forget()
            self._kept_in = None
        self._said_unkept = False
        return True

    def _keep_waiting(self) -> bool:
        """Copy the waiting writes not yet in a spill file to one; True when all are."""
        if self._unkept == 0:
            return True
        if self._spill is None:
            return False
        ops = self._ops
        try:
            path = self._spill.keep(
                [op.as_record() for op in list(ops)[-self._unkept :]],
                lambda: [op.as_record() for op in ops],
                self._clock().strftime("%Y%m%dT%H%M%S%fZ"),
            )
        except Exception as exc:  # never in front of the guest; the record is not logged
            log.error("cannot copy the waiting writes to a spill file (%s)", type(exc).__name__)
            path = None
        if path is None:
            if not self._said_unkept:
                self._said_unkept = True
                log.error(
                    "no folder takes a copy of %d write(s) the store refused: they are only "
                    "in memory until it takes them, and a power cut would lose them",
                    len(ops),
                )
            return False
        if path != self._kept_in:
            self._kept_in = path
            log.warning(
                "writes the store refused are copied to %s until it takes them (%d so far)",
                path,
                len(ops),
            )
        self._unkept = 0
        self._said_unkept = False
        return True

    # --- a stop, and the start after it ----------------------------------------------------

    def stop(self) -> int:
        """The kiosk stops: one last try; whatever still waits is (already) in a spill file.

        Returns how many writes wait in spill files. Never raises; every outcome is logged.
        """
        if self.retry():
            return 0
        count = len(self._ops)
        ids = ", ".join(op.answer_id for op in self._ops)
        if self._spill is None:
            log.critical(
                "stopping with %d write(s) the store refused and nowhere to keep them: %s",
                count,
                ids,
            )
            return 0
        if not self._keep_waiting():
            log.critical(
                "stopping with %d write(s) the store refused, and no spill file "
                "could be written: %s",
                count,
                ids,
            )
            return 0
        log.error(
            "stopping with %d write(s) the store refused (%s): kept in %s, saved at the next start",
            count,
            self.problem,
            ", ".join(str(path) for path in self._spill.files),
        )
        self._ops.clear()
        return count

    def replay_spilled(self) -> int:
        """Queue the writes of this data folder's spill files and try them now."""
        if self._spill is None:
            return 0
        files = spill.pending(self._spill.data_dir)
        count = 0
        for path in files:
            try:
                records, damaged = spill.read_counting(path)
            except OSError as exc:  # left where it is, for the next start
                log.error("cannot read the spill file %s: %s", path, exc)
                continue
            for record in records:
                try:
                    op = _from_record(record)
                except (KeyError, ValueError, TypeError) as exc:
                    log.error("skipping a damaged line of %s (%s)", path, exc)
                    damaged += 1
                    continue
                self._ops.append(op)  # already on disk, in its file: not copied again
                count += 1
            self._spill.adopt(path, damaged=damaged > 0)
        if files:
            log.warning(
                "replaying %d write(s) kept in %d spill file(s) by an earlier run",
                count,
                len(files),
            )
            self.retry()
        return count

    def _stored(self, answer_id: str) -> Answer | None:
        try:
            return self.store.get(answer_id)
        except sqlite3.Error as exc:
            raise storage_error(exc) from exc

    def _apply(self, op: _Write) -> None:
        """Write ``op``; on a replay, not if the store already holds its effect (a write whose
        confirmation was lost). A first attempt needs no look: nothing was tried before."""
        first_try = self.problem is None and not op.replayed
        if first_try or not op.is_done(self._stored(op.answer_id)):
            op.apply(self.store)
