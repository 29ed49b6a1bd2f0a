"""The languages the kiosk speaks: the one list.

A language here needs its ``translations/kiosk_<code>.ts`` (the Makefile builds every one it
finds). Everything else follows from this list: the config's language keys and per-language
texts, the reasons' own labels, the guest's language switch, the owner's settings form, Qt's
own ``qtbase_<code>.qm`` and the letters the on-screen keyboard's accent row offers.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.messages import QT_TRANSLATE_NOOP, Message


@dataclass(frozen=True)
class Language:
    code: str
    endonym: str  # its own name, on the guest's switch (so a guest finds theirs)
    name: Message  # its name in the owner's language, on the settings form
    # The keyboard's accent row in this language: the letters (and marks) it needs beyond
    # a-z and ñ, one key each; a key may type more than one character (Catalan's l·l).
    accents: tuple[str, ...]
    # Qt's own catalogue of its texts (dialog buttons ...) when it is not qtbase_<code>:
    # PySide6 ships Brazilian Portuguese only.
    qt_variant: str = ""

    @property
    def qt_catalog(self) -> str:
        """The name of Qt's own ``.qm`` for this language (without ``.qm``)."""
        return f"qtbase_{self.qt_variant or self.code}"


SPANISH_ACCENTS = ("á", "é", "í", "ó", "ú", "ü", "¿", "¡", "@")

LANGUAGES: tuple[Language, ...] = (
    Language("es", "Español", QT_TRANSLATE_NOOP("Language", "Spanish"), SPANISH_ACCENTS),
    Language("en", "English", QT_TRANSLATE_NOOP("Language", "English"), SPANISH_ACCENTS),
    Language(
        "pt",
        "Português",
        QT_TRANSLATE_NOOP("Language", "Portuguese"),
        ("á", "à", "â", "ã", "é", "ê", "í", "ó", "ô", "õ", "ú", "ç", "@"),
        qt_variant="pt_BR",
    ),
    Language(
        "fr",
        "Français",
        QT_TRANSLATE_NOOP("Language", "French"),
        ("é", "è", "ê", "ë", "à", "â", "ç", "î", "ï", "ô", "ù", "û", "œ", "@"),
    ),
    Language(
        "ca",
        "Català",
        QT_TRANSLATE_NOOP("Language", "Catalan"),
        ("à", "è", "é", "í", "ï", "ò", "ó", "ú", "ü", "ç", "l·l", "@"),
    ),
)
SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
# What a new config offers: a shop turns on the others it wants (the switch stays short).
DEFAULT_LANGUAGES: tuple[str, ...] = ("es", "en")
SOURCE_LANGUAGE = "en"  # the language the code's texts are written in: needs no .qm


def language(code: str) -> Language | None:
    """The entry for ``code``, or None for a code not in the list."""
    return next((one for one in LANGUAGES if one.code == code), None)


def accents_of(code: str) -> tuple[str, ...]:
    """The keyboard's accent row for ``code`` (Spanish's for a code not in the list)."""
    found = language(code)
    return found.accents if found is not None else SPANISH_ACCENTS
