"""Languages at runtime: our ``kiosk_<lang>.qm``, Qt's own ``qtbase_<lang>.qm``, and a switch.

Switching installs new translators; Qt then sends ``QEvent.LanguageChange`` to every widget
and each screen re-runs its ``retranslate()``, so every screen changes at once.

A pseudo-translation mode (Vorta's ``TRANS_SCALE`` idea) stretches every translated string by
a factor (``KIOSK_TRANS_SCALE=1.4``, ``kiosk screenshots --pseudo 1.4`` or the ``scale``
argument), so a layout test (tests/ui/test_every_size.py) can prove that nothing clips even in
a language 40% longer than Spanish.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
)

from kiosk import paths
from kiosk.core.languages import LANGUAGES, SOURCE_LANGUAGE, SUPPORTED_LANGUAGES
from kiosk.core.languages import language as language_entry
from kiosk.core.messages import Message, fill, placeholders

log = logging.getLogger("kiosk.ui")

ENV_TRANS_SCALE = "KIOSK_TRANS_SCALE"

# Each language is offered in its own name, so a guest finds theirs whatever is showing.
# These are deliberately not translated.
LANGUAGE_NAMES = {language.code: language.endonym for language in LANGUAGES}


def shown(value: Any) -> str:
    """A message's value the way the current language writes it (0,5 in Spanish)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value)  # no thousands separator: the owner types these back
    if isinstance(value, float):
        return QLocale().toString(value, "g", 12)
    return str(value)


def translated(message: Message | str) -> str:
    """``message`` in the language installed now: its template through Qt, then its values.

    A translation that lost a placeholder falls back to the English template, so the person
    always reads the whole message. A plain string is shown as it is.
    """
    if isinstance(message, str):
        return message
    template = QCoreApplication.translate(message.context, message.template)
    if not placeholders(template) <= set(message.params):
        template = message.template
    return fill(template, message.params, shown)


# What the filler must not copy: a placeholder, a Qt marker, or half of one.
_MARKERS = re.compile(r"\{[^{}]*\}|%\d+|%n|[{}%]")


def stretch(text: str, scale: float) -> str:
    """``text`` made about ``scale`` times longer, from its own letters (keeps widths real).

    The filler leaves out ``{placeholders}`` and ``%1`` markers: a copied half of one would
    break the formatting of the message it is appended to.
    """
    if scale <= 1 or not text:
        return text
    extra = round(len(text) * (scale - 1))
    letters = _MARKERS.sub("", text).replace("\n", " ") or "x"
    if extra <= 0:
        return text
    filler = (letters * (extra // len(letters) + 2))[:extra]
    return f"{text}{filler}"


class ScalingTranslator(QTranslator):
    """Answers with the wrapped translator's text (or the source), stretched by ``scale``."""

    def __init__(self, scale: float, inner: QTranslator | None, parent: QObject | None = None):
        super().__init__(parent)
        self.scale = scale
        self.inner = inner

    def isEmpty(self) -> bool:
        return False

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        text = ""
        if self.inner is not None:
            text = self.inner.translate(context, source, disambiguation, n)
        return stretch(text or source, self.scale)


def _scale_from_env() -> float:
    raw = os.environ.get(ENV_TRANS_SCALE, "")
    try:
        return float(raw) if raw else 1.0
    except ValueError:
        log.warning("ignoring %s=%r: expected a number like 1.3", ENV_TRANS_SCALE, raw)
        return 1.0


class Translations(QObject):
    """Owns the installed translators and the current language."""

    def __init__(
        self,
        languages: tuple[str, ...] = SUPPORTED_LANGUAGES,
        default: str = SUPPORTED_LANGUAGES[0],
        *,
        scale: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.languages = tuple(languages)
        self.default = default
        self.scale = _scale_from_env() if scale is None else scale
        self.language = ""
        self._installed: list[QTranslator] = []

    def configure(self, languages: tuple[str, ...], default: str) -> None:
        """New enabled languages and default (settings saved); switches to the default."""
        self.languages = tuple(languages)
        self.default = default
        self.set_language(default)

    def available(self, language: str) -> bool:
        """True when our ``.qm`` for ``language`` exists and loads."""
        return QTranslator().load(self._qm_name(language), str(paths.translations_dir()))

    @staticmethod
    def _qm_name(language: str) -> str:
        return f"kiosk_{language}"

    def set_language(self, language: str) -> None:
        """Install ``language``'s translators; every widget gets ``LanguageChange``."""
        if language not in self.languages:
            log.warning("language %r is not enabled; keeping %r", language, self.language)
            return
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before the translations")
        self.language = language  # set first: screens read it in retranslate()
        self._remove()
        # No Qt parent: the list in _install holds them, and _remove frees them (a parented
        # translator lived as long as this object, with its .qm mapped: one pair per switch).
        qt_base = QTranslator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        entry = language_entry(language)
        catalog = entry.qt_catalog if entry is not None else f"qtbase_{language}"
        if language != SOURCE_LANGUAGE and qt_base.load(catalog, qt_dir):
            self._install(qt_base)
        ours: QTranslator | None = QTranslator()
        if not ours.load(self._qm_name(language), str(paths.translations_dir())):
            if language != SOURCE_LANGUAGE:  # the source language needs no file
                log.warning(
                    "no translation file %s.qm in %s",
                    self._qm_name(language),
                    paths.translations_dir(),
                )
            ours = None
        if self.scale and self.scale != 1.0:
            self._install(ScalingTranslator(self.scale, ours))
        elif ours is not None:
            self._install(ours)
        QLocale.setDefault(QLocale(language))
        if not self._installed:
            # Nothing to install (English, no files): the screens must still hear about it.
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
        # QApplication posts LanguageChange to each window; deliver now, so every screen has
        # changed when this returns (a guest never sees half the screen in each language).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        log.info("language is now %s", language)

    def pick(self, overrides: Mapping[str, str], translated: str) -> str:
        """The config's text for the current language if it has one, else ``translated``."""
        return overrides.get(self.language) or translated

    def _install(self, translator: QTranslator) -> None:
        QCoreApplication.installTranslator(translator)
        self._installed.append(translator)

    def _remove(self) -> None:
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()  # the last references: Qt deletes them now

    def close(self) -> None:
        self._remove()
