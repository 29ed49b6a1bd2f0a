"""Links that carry the answer: a QR code's URL template and how it is filled.

A template names what it needs in braces, from :data:`PLACEHOLDERS`::

    https://example.com/review?a={answer_id}&s={score}&c={category}&site={site}&k={kiosk}&l={lang}

Each value is URL-encoded (RFC 3986: all but ``A-Z a-z 0-9 - . _ ~`` as ``%XX`` of UTF-8), so a site called "Café Centro"
becomes ``Caf%C3%A9%20Centro`` and can never break the address. A template is checked once,
when the config is read: an unknown placeholder, a stray brace, a non-http(s) address or one
too long to read from a metre away once filled is refused, naming the key.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from kiosk.core.messages import QT_TRANSLATE_NOOP, Message

_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def quote(value: str) -> str:
    """``value`` percent-encoded as one URL component (what ``urllib.parse.quote(value,
    safe="")`` gives; written out because the domain imports no network modules)."""
    return "".join(chr(b) if b in _UNRESERVED else f"%{b:02X}" for b in value.encode("utf-8"))


PLACEHOLDERS: tuple[str, ...] = ("answer_id", "score", "category", "site", "kiosk", "lang")
# What the longest value of each placeholder takes once encoded: an answer id is a UUID,
# a score two digits, "detractor" the longest category, a language code 8 at most; site and
# kiosk count as configured (the config check passes them).
_WIDEST = {"answer_id": 36, "score": 2, "category": 9, "lang": 8}
# A QR code of at most version 10 at error correction level Q (a glossy screen reflects
# light over part of it; Q survives a quarter of the modules lost) holds 119 bytes: 65
# modules with the quiet zone, 5 px each in the 340 px the thank-you gives it.
URL_MAX_LENGTH = 119


def template_problem(template: str, *, site: str = "", kiosk: str = "") -> Message | None:
    """Why ``template`` cannot be used, or None. ``site``/``kiosk``: the configured ones
    (their real length counts when longer than the budget)."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return QT_TRANSLATE_NOOP(
            "ConfigError", "A brace in this address is not closed; write {{ and }} for a brace."
        ).with_params(value=template)
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conversion:
            return QT_TRANSLATE_NOOP(
                "ConfigError", "Unknown placeholder {name}; use {choices}."
            ).with_params(
                name="{" + (name or "") + "}",
                choices=", ".join("{" + p + "}" for p in PLACEHOLDERS),
            )
    scheme, _, rest = template.partition("://")
    host = rest.split("/", 1)[0].split("?", 1)[0]
    if (
        scheme not in ("http", "https")
        or not host
        or "{" in host
        or any(c.isspace() or not c.isprintable() for c in template)
    ):
        return QT_TRANSLATE_NOOP(
            "ConfigError",
            "Expected an address starting with http:// or https://, got {value}.",
        ).with_params(value=template)
    widest = {**_WIDEST, "site": len(quote(site)), "kiosk": len(quote(kiosk))}
    longest = len(template.format(**{name: "x" * n for name, n in widest.items()}))
    if longest > URL_MAX_LENGTH:
        return QT_TRANSLATE_NOOP(
            "ConfigError",
            "This address can grow to {length} characters once filled; at most {most} fit in"
            " a QR code a phone reads from a metre away.",
        ).with_params(length=longest, most=URL_MAX_LENGTH)
    return None


def fill(template: str, values: Mapping[str, object]) -> str:
    """``template`` with each placeholder replaced by its URL-encoded value."""
    return template.format(**{name: quote(str(values[name])) for name in PLACEHOLDERS})
