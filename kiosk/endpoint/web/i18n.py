"""The web pages' languages: gettext catalogs (Babel) under ``translations/web``.

Sources are ``translations/web/<lang>/LC_MESSAGES/messages.po``; the ``.mo`` beside them are
built (``tools/web_catalogs.py``, the test session, the demo), never committed. A missing
``.mo`` falls back to the English source strings, never to an error.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import NumberPattern, parse_pattern
from babel.support import NullTranslations, Translations
from flask import g

from kiosk.core.nps import shown_margin
from kiosk.core.reasons import BUILTIN_REASONS

LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"
# A checkout's sources; a wheel carries the compiled catalogs in the package (setup.py).
CATALOGS = Path(__file__).resolve().parents[3] / "translations" / "web"
PACKAGED = Path(__file__).resolve().parent / "catalogs"
LANGUAGE_NAMES = {"es": "Español", "en": "English"}


@cache
def translations(language: str) -> NullTranslations:
    root = PACKAGED if PACKAGED.is_dir() else CATALOGS
    return Translations.load(str(root), [language], domain="messages")


def language() -> str:
    return getattr(g, "language", DEFAULT_LANGUAGE)


def gettext(message: str, **values: object) -> str:
    text = translations(language()).gettext(message)
    return text % values if values else text


def reason_label(reason_id: str) -> str:
    """A reason chip's words: a built-in reason's own text (``kiosk.core.reasons``, in this
    catalog through ``babel.cfg``), else its id as the kiosk's config spelled it."""
    builtin = BUILTIN_REASONS.get(reason_id)
    return gettext(builtin.template) if builtin is not None else reason_id


def ngettext(singular: str, plural: str, n: int, **values: object) -> str:
    """The plural form for ``n``, with ``%(num)s`` written as a number in the language."""
    text = translations(language()).ngettext(singular, plural, n)
    return text % {**values, "num": number(n)}


def number(value: float | int | None, digits: int = 0) -> str:
    """``value`` with ``digits`` decimals in the visitor's language, as Babel's
    ``format_decimal`` writes it (rounded half to even from ``str(value)``, as Babel does).

    Babel parses its pattern and locale on each call (some 30 µs); an overview of 500 sites
    writes 3,000 numbers. The rounded value's text is the cache key, so -0 and 0 stay apart.
    """
    if value is None:
        return "–"
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_EVEN)
    return _formatted(str(exact), digits, language())


@cache
def _pattern(digits: int) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "0" * digits if digits else ""))


@lru_cache(maxsize=8192)
def _formatted(exact: str, digits: int, language: str) -> str:
    return _pattern(digits).apply(Decimal(exact), Locale.parse(language))


def margin(value: float | None) -> str:
    """A margin of error, with the decimals :func:`kiosk.core.nps.shown_margin` gives it."""
    if value is None:
        return "–"
    return number(*shown_margin(value))


def signed(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    shown = round(value, digits)
    text = number(abs(shown), digits)
    return ("+" if shown > 0 else "−" if shown < 0 else "±") + text  # never "−0"


def day(value: date) -> str:
    return format_date(value, format="medium", locale=language())


def moment(value: datetime) -> str:
    return format_datetime(value, format="medium", locale=language())


def stamp(value: str | None) -> str:
    """A stored UTC stamp (``iso_utc``) as a date and time in the visitor's language."""
    if not value:
        return "–"
    return (
        format_datetime(
            datetime.fromisoformat(value.replace("Z", "+00:00")),
            format="medium",
            tzinfo=None,
            locale=language(),
        )
        + " UTC"
    )


def local_time(value: str | None) -> str:
    """An answer's ``created_at`` (the kiosk's local time with its offset), as shown there."""
    if not value:
        return "–"
    return format_datetime(
        datetime.fromisoformat(value), format="medium", tzinfo=None, locale=language()
    )


def compile_catalogs(root: Path = CATALOGS) -> list[Path]:
    """Build each ``messages.po`` into its ``.mo`` (when older); the files written."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(root.glob("*/LC_MESSAGES/messages.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as source:
            catalog = read_po(source, locale=po.parent.parent.name)
        with mo.open("wb") as target:
            write_mo(target, catalog)
        written.append(mo)
    translations.cache_clear()
    return written
