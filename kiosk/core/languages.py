"""The languages the kiosk speaks: the one list.

A language here needs its ``translations/kiosk_<code>.ts`` (the Makefile builds every one it
finds). Everything else follows from this list: the config's language keys and per-language
texts, the reasons' own labels, the guest's language switch and the owner's settings form.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.messages import QT_TRANSLATE_NOOP, Message


@dataclass(frozen=True)
class Language:
    code: str
    endonym: str  # its own name, on the guest's switch (so a guest finds theirs)
    name: Message  # its name in the owner's language, on the settings form


LANGUAGES: tuple[Language, ...] = (
    Language("es", "Español", QT_TRANSLATE_NOOP("Language", "Spanish")),
    Language("en", "English", QT_TRANSLATE_NOOP("Language", "English")),
)
SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
SOURCE_LANGUAGE = "en"  # the language the code's texts are written in: needs no .qm
