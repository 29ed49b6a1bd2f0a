"""A refused configuration: which file, which key, and the :class:`Message` that says why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.core.messages import Message

DEFAULTS_NAME = "<built-in defaults>"


class ConfigError(Exception):
    """A configuration problem, worded for the person who edits the file.

    ``message`` is the one wording (translation context ``"ConfigError"``): the CLI and the
    logs show its English text, the owner's settings screen translates it where it shows it.
    """

    def __init__(self, path: Path | str | None, key: str, message: Message) -> None:
        self.path = str(path) if path else DEFAULTS_NAME
        self.key = key
        self.message = message
        super().__init__(f"{self.path}: {key}: {message.english()}")

    @property
    def problem(self) -> str:
        """The English sentence (for the CLI and the logs)."""
        return self.message.english()

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.message.params)


class Refused(Exception):
    """A value a :class:`~kiosk.config.kinds.Kind` refuses; the reader adds file and key.

    ``below`` says where inside the value: ``".fr"`` in a per-language table, ``"[2].id"`` in
    the reasons list.
    """

    def __init__(self, message: Message, below: str = "") -> None:
        super().__init__(message.english())
        self.message = message
        self.below = below
