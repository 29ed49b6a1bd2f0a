"""What a guest gives us: a score on the 0-10 scale, maybe reasons and a comment."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone

MIN_SCORE = 0
MAX_SCORE = 10
SCORES = tuple(range(MIN_SCORE, MAX_SCORE + 1))
# The longest comment the sync protocol carries: the ceiling of ``[why] comment_max_length``
# and what the central endpoint accepts. The kiosk cuts a comment once, to the configured
# length, when it is stored (kiosk.store.answers.AnswerStore.complete).
COMMENT_MAX_LENGTH = 2000


class Category(enum.StrEnum):
    """The Net Promoter bands: 0-6 detractors, 7-8 passives, 9-10 promoters."""

    DETRACTOR = "detractor"
    PASSIVE = "passive"
    PROMOTER = "promoter"

    @classmethod
    def of(cls, score: int) -> Category:
        validate_score(score)
        if score <= 6:
            return cls.DETRACTOR
        if score <= 8:
            return cls.PASSIVE
        return cls.PROMOTER


class Completion(enum.StrEnum):
    """How the 'why' step of an answer ended."""

    SENT = "sent"  # the guest pressed Send
    SKIPPED = "skipped"  # the guest pressed Skip
    TIMEOUT = "timeout"  # the guest walked away; what they had chosen is kept


class Flag(enum.StrEnum):
    """Why an answer is kept but left out of the NPS by default."""

    TOO_SOON = "too_soon"  # a new score seconds after the previous guest's
    BURST = "burst"  # one of a run of identical scores, faster than guests come
    TEST = "test"  # entered by staff while trying the kiosk


class InvalidAnswer(ValueError):
    """An answer that cannot be stored as given."""


def validate_score(score: object) -> int:
    if isinstance(score, bool) or not isinstance(score, int):
        raise InvalidAnswer(f"score must be an integer 0-10, got {score!r}")
    if not MIN_SCORE <= score <= MAX_SCORE:
        raise InvalidAnswer(f"score must be 0-10, got {score}")
    return score


def clean_comment(comment: str | None, max_length: int) -> str:
    """Trim a comment, drop control characters, cap its length."""
    if not comment:
        return ""
    kept = "".join(ch for ch in comment if ch in "\n\t" or ch.isprintable())
    return kept.strip()[:max_length]


def iso_utc(moment: datetime) -> str:
    """An aware datetime as ISO 8601 UTC with a trailing Z, microseconds kept."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso(text: str) -> datetime:
    """Parse ISO 8601 (``Z`` or an offset); a naive value is taken as UTC."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment


@dataclass(frozen=True, slots=True)
class Answer:
    """One guest's answer.

    ``created_utc`` is the moment of the tap; ``utc_offset_minutes`` the kiosk's local offset
    then, so the shop's own day and hour can be recovered exactly. ``seq`` is given by the
    store: it only grows, so the central side can tell that none is missing.
    """

    id: str
    score: int
    created_utc: datetime
    utc_offset_minutes: int
    language: str
    kiosk_id: str
    app_version: str
    seq: int | None = None
    reasons: tuple[str, ...] = ()
    comment: str = ""
    flags: tuple[str, ...] = ()
    completion: Completion | None = None
    completed_utc: datetime | None = None

    def __post_init__(self) -> None:
        validate_score(self.score)
        if self.created_utc.tzinfo is None:
            raise InvalidAnswer("created_utc must be timezone-aware")

    @property
    def category(self) -> Category:
        return Category.of(self.score)

    @property
    def is_complete(self) -> bool:
        return self.completion is not None

    @property
    def flagged(self) -> bool:
        return bool(self.flags)

    @property
    def local_time(self) -> datetime:
        """The moment of the tap on the kiosk's wall clock, with its offset."""
        tz = timezone(timedelta(minutes=self.utc_offset_minutes))
        return self.created_utc.astimezone(tz)

    def completed(
        self,
        completion: Completion,
        at: datetime,
        reasons: tuple[str, ...] = (),
        comment: str = "",
    ) -> Answer:
        """This answer with its why step ended; ``comment`` is kept as given (the store has
        already cleaned and cut it to the configured length)."""
        return replace(
            self,
            completion=Completion(completion),
            completed_utc=at,
            reasons=tuple(dict.fromkeys(reasons)),
            comment=comment,
        )


@dataclass(slots=True)
class Why:
    """What a guest adds on the 'why' screen; grows as they tap."""

    reasons: list[str] = field(default_factory=list)
    comment: str = ""

    def toggle(self, reason_id: str) -> bool:
        """Select or unselect a reason; returns whether it is now selected."""
        if reason_id in self.reasons:
            self.reasons.remove(reason_id)
            return False
        self.reasons.append(reason_id)
        return True
