"""A message for a person, worded once, translated where it is shown.

Code below the screens (config, store, sync) has no Qt, yet what it reports reaches the owner
or the staff. It raises a :class:`Message` instead of an English sentence: a Qt translation
context, a template with ``{name}`` placeholders (the one placeholder style of the project,
no format specs), and the values for them. The English text for the CLI and the logs is
:meth:`Message.english`; a screen shows it in the owner's language with
``kiosk.ui.i18n.translated(message)``, which is
``QCoreApplication.translate(context, template).format(**params)``. There is no second table
that maps codes or English sentences to translations.

Templates are marked with :func:`QT_TRANSLATE_NOOP`, which ``pyside6-lupdate`` recognises by
its name in Python sources, so every template lands in ``translations/*.ts`` under its
context. The call must be spelled out with literal strings where the message is raised::

    raise ConfigError(path, key, QT_TRANSLATE_NOOP(
        "ConfigError", "Expected a value from {low} to {high}, got {value}."
    ).with_params(low=1, high=60, value=0.5))

Any module can use it the same way (the sync's reasons, for example: give each one its
template under the context ``"SyncProblem"``, carry the values as params, and the owner's
screens translate them with the same function). Params are plain values: numbers stay
numbers, so the screen can write them the owner's way (``0,5`` in Spanish).
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Message:
    """``template`` under the translation ``context``, with the values of its placeholders."""

    context: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def with_params(self, **params: Any) -> Message:
        """The same template with (more) values for its placeholders."""
        return Message(self.context, self.template, {**self.params, **params})

    def placeholders(self) -> set[str]:
        return placeholders(self.template)

    def english(self) -> str:
        """The text in the source language, for the CLI and the logs."""
        return fill(self.template, self.params, plain)

    def __str__(self) -> str:
        return self.english()


def QT_TRANSLATE_NOOP(context: str, text: str) -> Message:  # the name lupdate looks for
    """Mark ``text`` for translation under ``context`` (lupdate finds the call by its name).

    Unlike Qt's own, it returns a :class:`Message` (without values yet: see
    :meth:`Message.with_params`), so the context is written once, where lupdate reads it.
    """
    return Message(context, text)


def placeholders(template: str) -> set[str]:
    """The ``{name}`` placeholders of ``template``."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError:  # a lone brace: not a template of ours, nothing to fill
        return set()


def plain(value: Any) -> str:
    """A value the way the English text shows it: ``60`` not ``60.0``, ``true`` not ``True``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def fill(template: str, params: Mapping[str, Any], show: Any = plain) -> str:
    """``template`` with each ``{name}`` replaced by ``show(params[name])``.

    A template whose placeholders the params do not cover (a translator's typo) is shown with
    the placeholders left as they are rather than failing: the person still reads something.
    """
    shown = {name: show(value) for name, value in params.items()}
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError):
        return template
