"""Reason chips: the one-tap answers to "why?".

A reason has a stable ``id`` (what is stored and synced) and labels per language. A built-in
reason's label is its :class:`~kiosk.core.messages.Message` below (context ``"Reason"``),
which the screens translate; reasons from the config bring their own labels. A new built-in
reason is one line here and its translation in ``translations/*.ts``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from kiosk.core.languages import SOURCE_LANGUAGE
from kiosk.core.messages import QT_TRANSLATE_NOOP, Message

REASON_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")

BUILTIN_REASONS: dict[str, Message] = {
    "speed": QT_TRANSLATE_NOOP("Reason", "Speed of service"),
    "friendliness": QT_TRANSLATE_NOOP("Reason", "Friendliness"),
    "quality": QT_TRANSLATE_NOOP("Reason", "Quality"),
    "price": QT_TRANSLATE_NOOP("Reason", "Price"),
    "cleanliness": QT_TRANSLATE_NOOP("Reason", "Cleanliness"),
    "waiting_time": QT_TRANSLATE_NOOP("Reason", "Waiting time"),
    "choice": QT_TRANSLATE_NOOP("Reason", "Choice of products"),
    "atmosphere": QT_TRANSLATE_NOOP("Reason", "Atmosphere"),
}
DEFAULT_REASON_IDS: tuple[str, ...] = (
    "speed",
    "friendliness",
    "quality",
    "price",
    "cleanliness",
    "waiting_time",
)


@dataclass(frozen=True, slots=True)
class Reason:
    """One chip. ``labels`` maps a language code to the text shown in it."""

    id: str
    labels: Mapping[str, str] = field(default_factory=dict)

    @property
    def builtin(self) -> bool:
        return self.id in BUILTIN_REASONS and not self.labels

    def label(self, language: str) -> str | None:
        """The configured label for ``language``, or None to use :meth:`fallback`."""
        return self.labels.get(language)

    def fallback(self) -> Message | str:
        """For a language without its own label: the built-in text to translate, else the
        source-language label, else the id."""
        if self.id in BUILTIN_REASONS:
            return BUILTIN_REASONS[self.id]
        return self.labels.get(SOURCE_LANGUAGE) or self.id


def is_valid_reason_id(reason_id: str) -> bool:
    return bool(REASON_ID.fullmatch(reason_id))  # not match(): "$" accepts a trailing newline


def default_reasons() -> tuple[Reason, ...]:
    return tuple(Reason(reason_id) for reason_id in DEFAULT_REASON_IDS)
