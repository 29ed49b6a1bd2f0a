"""A guest's request to be called back: who to reach, how, and the consent they gave.

Pure Python. The contact is kept apart from the anonymous answer (its own table, linked by the
answer id); what the guest agreed to is kept word for word as it was shown, with its language
and the time, because that is what the consent is.

A contact is personal data: it never goes into a log line, a ``repr`` or an exception text.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.core.answer import Answer, iso_utc, parse_iso
from kiosk.core.messages import QT_TRANSLATE_NOOP, Message

NAME_MAX_LENGTH = 80
REACH_MAX_LENGTH = 120
CONSENT_MAX_LENGTH = 1000

# A phone number as people type it: an optional +, digits with spaces, dots, dashes or
# brackets between them; 6 to 15 digits (E.164 allows 15).
_PHONE_CHARS = re.compile(r"^\+?[0-9 ().\-]+$")
# An e-mail address of a plausible shape: something@domain.tld, no spaces, one @.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


class ReachKind(enum.StrEnum):
    """How the manager reaches the guest."""

    PHONE = "phone"
    EMAIL = "email"


class InvalidContact(ValueError):
    """What the guest typed cannot be used; :attr:`message` says why, in their words."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.english())
        self.message = message


def clean(text: str) -> str:
    """Spaces trimmed and runs of white space made one (a tap too many on the space key)."""
    return " ".join(text.split())


def reach_kind(reach: str) -> ReachKind:
    """The kind of ``reach`` (cleaned), or :class:`InvalidContact` when it has neither shape."""
    if "@" in reach:
        if len(reach) <= REACH_MAX_LENGTH and _EMAIL.match(reach):
            return ReachKind.EMAIL
        raise InvalidContact(
            QT_TRANSLATE_NOOP(
                "ContactProblem",
                "This e-mail address looks incomplete, for example name@example.com.",
            )
        )
    digits = sum(ch.isdigit() for ch in reach)
    if _PHONE_CHARS.match(reach) and 6 <= digits <= 15 and "+" not in reach[1:]:
        return ReachKind.PHONE
    raise InvalidContact(
        QT_TRANSLATE_NOOP(
            "ContactProblem", "Please give a phone number (6 to 15 digits) or an e-mail address."
        )
    )


def check_contact(name: str, reach: str) -> tuple[str, str, ReachKind]:
    """The cleaned name and reach and the reach's kind; :class:`InvalidContact` otherwise."""
    name, reach = clean(name), clean(reach)
    if not name:
        raise InvalidContact(QT_TRANSLATE_NOOP("ContactProblem", "Please tell us your name."))
    if len(name) > NAME_MAX_LENGTH:
        raise InvalidContact(
            QT_TRANSLATE_NOOP(
                "ContactProblem", "Please keep the name under {limit} characters."
            ).with_params(limit=NAME_MAX_LENGTH)
        )
    if not reach:
        raise InvalidContact(
            QT_TRANSLATE_NOOP("ContactProblem", "Please give a phone number or an e-mail address.")
        )
    return name, reach, reach_kind(reach)


# The consent line, worded once; the screen shows it translated and the store keeps it as shown.
CONSENT = QT_TRANSLATE_NOOP(
    "Consent",
    "I agree that {shop} contacts me about my visit; my contact is deleted after {days} days.",
)


def consent_message(shop: str, days: int) -> Message:
    return CONSENT.with_params(shop=shop, days=days)


@dataclass(frozen=True, slots=True)
class Contact:
    """One call-back request, as the guest left it. ``repr`` never shows the contact."""

    answer_id: str
    name: str = field(repr=False)
    reach: str = field(repr=False)
    reach_kind: ReachKind
    consent_text: str = field(repr=False)
    language: str
    consented_utc: datetime

    @classmethod
    def given(
        cls,
        answer_id: str,
        name: str,
        reach: str,
        consent_text: str,
        language: str,
        now: datetime,
    ) -> Contact:
        """A checked contact (:class:`InvalidContact` when it is not usable)."""
        name, reach, kind = check_contact(name, reach)
        consent_text = consent_text.strip()
        if not consent_text or len(consent_text) > CONSENT_MAX_LENGTH:
            raise ValueError("a contact needs the consent text exactly as shown")
        return cls(answer_id, name, reach, kind, consent_text, language, now)

    def as_record(self) -> dict[str, str]:
        """The contact as plain JSON values, for the kiosk's own files (a spill file)."""
        return {
            "answer_id": self.answer_id,
            "name": self.name,
            "reach": self.reach,
            "reach_kind": self.reach_kind.value,
            "consent_text": self.consent_text,
            "language": self.language,
            "consented_utc": iso_utc(self.consented_utc),
        }

    @classmethod
    def from_record(cls, record: dict[str, object]) -> Contact:
        """The contact :meth:`as_record` wrote (KeyError/ValueError if damaged)."""
        return cls(
            answer_id=str(record["answer_id"]),
            name=str(record["name"]),
            reach=str(record["reach"]),
            reach_kind=ReachKind(record["reach_kind"]),
            consent_text=str(record["consent_text"]),
            language=str(record["language"]),
            consented_utc=parse_iso(str(record["consented_utc"])),
        )


@dataclass(frozen=True, slots=True)
class FollowUp:
    """One request on the owner's follow-up list: the answer, and the contact unless erased."""

    answer: Answer
    contact: Contact | None  # None: erased after the retention time
    consented_utc: datetime
    done_utc: datetime | None = None
    done_by: str | None = None
    erased_utc: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.done_utc is None


@dataclass(frozen=True, slots=True)
class Waiting:
    """What the dashboard says: how many guests wait for a call, and since when the oldest."""

    count: int = 0
    oldest_utc: datetime | None = None

    def oldest_hours(self, now: datetime) -> int:
        """Whole hours the oldest has waited (0 when none waits)."""
        if self.oldest_utc is None:
            return 0
        return max(int((now - self.oldest_utc).total_seconds() // 3600), 0)
