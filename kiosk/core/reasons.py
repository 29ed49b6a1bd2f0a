"""Reason chips: the one-tap answers to "why?".

A reason has a stable ``id`` (what is stored and synced) and labels per language. The
built-in reasons carry only English source labels here; the UI passes them through Qt's
translation (context ``"Reason"``). Reasons from the config bring their own labels.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

REASON_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")

# id -> English source text. The UI marks the same texts with QT_TRANSLATE_NOOP("Reason", ...).
BUILTIN_REASONS: dict[str, str] = {
    "speed": "Speed of service",
    "friendliness": "Friendliness",
    "quality": "Quality",
    "price": "Price",
    "cleanliness": "Cleanliness",
    "waiting_time": "Waiting time",
    "choice": "Choice of products",
    "atmosphere": "Atmosphere",
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

    @property
    def source_text(self) -> str:
        """The English text to hand to the translator when no label is given."""
        return self.labels.get("en") or BUILTIN_REASONS.get(self.id, self.id)

    def label(self, language: str) -> str | None:
        """The configured label for ``language``, or None to use the translator."""
        return self.labels.get(language)


def is_valid_reason_id(reason_id: str) -> bool:
    return bool(REASON_ID.fullmatch(reason_id))  # not match(): "$" accepts a trailing newline


def default_reasons() -> tuple[Reason, ...]:
    return tuple(Reason(reason_id) for reason_id in DEFAULT_REASON_IDS)
