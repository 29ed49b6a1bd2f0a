"""The kinds of value a setting can hold: how each is written in TOML and what it accepts.

A setting's kind sits on its field (see :mod:`kiosk.config.settings`), with its range where
it has one, so the reader, the documentation check and the owner's form all take the rules
from there. A kind refuses a value by raising :class:`~kiosk.config.errors.Refused` with a
:class:`~kiosk.core.messages.Message`; the reader adds the file and the key.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from kiosk.config.errors import Refused
from kiosk.core.languages import SUPPORTED_LANGUAGES
from kiosk.core.messages import QT_TRANSLATE_NOOP
from kiosk.core.qr_link import template_problem
from kiosk.core.reasons import BUILTIN_REASONS, Reason, is_valid_reason_id

MAX_SHOWN = 40  # characters of a refused value quoted back


def shown(value: Any) -> str:
    """The value as the file spells it near enough, cut short."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 3] + "..."


def choices(items: Any) -> str:
    return ", ".join(items)


class Kind:
    """How one setting is read from TOML (``read``) and written back (``to_toml``)."""

    def read(self, value: Any) -> Any:
        raise NotImplementedError

    def to_toml(self, value: Any) -> Any:
        return value


@dataclass(frozen=True)
class Flag(Kind):
    def read(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError", "Expected true or false, got {value}."
                ).with_params(value=shown(value))
            )
        return value


@dataclass(frozen=True)
class Number(Kind):
    """A number from ``low`` to ``high`` (inclusive); ``whole`` for a count."""

    low: float
    high: float
    whole: bool = False

    def read(self, value: Any) -> float | int:
        if self.whole and (isinstance(value, bool) or not isinstance(value, int)):
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError", "Expected a whole number, got {value}."
                ).with_params(value=shown(value))
            )
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise Refused(
                QT_TRANSLATE_NOOP("ConfigError", "Expected a number, got {value}.").with_params(
                    value=shown(value)
                )
            )
        if not self.low <= value <= self.high:  # nan and inf fail here too
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError", "Expected a value from {low} to {high}, got {value}."
                ).with_params(low=self.low, high=self.high, value=value)
            )
        return value if self.whole else float(value)


def WholeNumber(low: int, high: int) -> Number:
    return Number(low, high, whole=True)


@dataclass(frozen=True)
class Text(Kind):
    """Any text (a name, a file path)."""

    def read(self, value: Any) -> str:
        if not isinstance(value, str):
            raise Refused(
                QT_TRANSLATE_NOOP("ConfigError", "Expected text, got {value}.").with_params(
                    value=shown(value)
                )
            )
        return self.check(value)

    def check(self, value: str) -> str:
        return value


@dataclass(frozen=True)
class Secret(Text):
    """A token: never quoted back, and one word (a line break would end up in a header)."""

    def read(self, value: Any) -> str:
        if not isinstance(value, str):
            raise Refused(QT_TRANSLATE_NOOP("ConfigError", "Expected text."))
        if any(c.isspace() or not c.isprintable() for c in value):
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError",
                    "A token must not contain spaces, line breaks or control characters.",
                )
            )
        return value


@dataclass(frozen=True)
class Identifier(Text):
    longest: int = 64

    def check(self, value: str) -> str:
        if (
            not value
            or len(value) > self.longest
            or not all(c.isascii() and (c.isalnum() or c in "-_.") for c in value)
        ):
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError",
                    "Expected 1 to {longest} letters, digits, '-', '_' or '.', got {value}.",
                ).with_params(longest=self.longest, value=value)
            )
        return value


@dataclass(frozen=True)
class Colour(Text):
    def check(self, value: str) -> str:
        if (
            len(value) != 7
            or value[0] != "#"
            or not all(c in "0123456789abcdefABCDEF" for c in value[1:])
        ):
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError", "Expected a colour like #1f5fa8, got {value}."
                ).with_params(value=value)
            )
        return value


# Hosts that answer with a cloud machine's credentials: a webhook or endpoint pointed there
# would hand them to whoever can edit the config (AWS, GCP, Azure, Alibaba, Oracle...).
METADATA_HOSTS = frozenset(
    {
        "metadata",
        "metadata.google.internal",
        "metadata.goog",
        "instance-data",
        "instance-data.ec2.internal",
        "metadata.azure.com",
        "metadata.tencentyun.com",
    }
)
METADATA_NETWORKS = tuple(
    ipaddress.ip_network(n)
    for n in (
        "169.254.0.0/16",  # IPv4 link-local: AWS, GCP, Azure, Oracle metadata
        "100.100.100.200/32",  # Alibaba Cloud metadata
        "fe80::/10",  # IPv6 link-local
        "fd00:ec2::/32",  # AWS metadata over IPv6
    )
)


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """``host`` as an IP address when it is one, in any spelling the resolver accepts."""
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        try:
            # inet_aton reads what the C resolver would: 2852039166, 0xa9fea9fe, 0251.0376...
            address = ipaddress.IPv4Address(socket.inet_aton(host))
        except (OSError, ValueError):
            return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def is_metadata_host(host: str) -> bool:
    host = host.rstrip(".").lower()
    if host in METADATA_HOSTS:
        return True
    address = _address(host)
    return address is not None and any(
        address in network for network in METADATA_NETWORKS if network.version == address.version
    )


@dataclass(frozen=True)
class Url(Text):
    """An ``http(s)://`` address; empty means "none". ``strip_slash`` drops a trailing ``/``."""

    strip_slash: bool = False

    def check(self, value: str) -> str:
        if not value:
            return value
        if any(c.isspace() or not c.isprintable() for c in value):
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError", "An address must not contain spaces or control characters."
                )
            )
        try:
            parts = urlsplit(value)
            host = parts.hostname or ""
            has_credentials = bool(parts.username or parts.password)
        except ValueError:  # an unbalanced [ in the host
            parts, host, has_credentials = None, "", False
        if parts is None or parts.scheme not in ("http", "https") or not host:
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError",
                    "Expected an address starting with http:// or https://, got {value}.",
                ).with_params(value=value)
            )
        if has_credentials:
            # Credentials in an address end up in logs and screens; the token has its own key.
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError",
                    "An address must not contain a user name or password; put the token in its "
                    "own field.",
                )
            )
        if is_metadata_host(host):
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError",
                    "The address {value} is a link-local or cloud metadata address; the kiosk "
                    "does not send anything there.",
                ).with_params(value=host)
            )
        return value.rstrip("/") if self.strip_slash else value


@dataclass(frozen=True)
class OneLanguage(Text):
    def check(self, value: str) -> str:
        if value not in SUPPORTED_LANGUAGES:
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError", "Unsupported language {value}; expected one of {choices}."
                ).with_params(value=value, choices=choices(SUPPORTED_LANGUAGES))
            )
        return value


@dataclass(frozen=True)
class LanguageList(Kind):
    """Languages offered, in the order of the guest's switch."""

    def read(self, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError", "Expected a list of texts, got {value}."
                ).with_params(value=shown(value))
            )
        if not value:
            raise Refused(QT_TRANSLATE_NOOP("ConfigError", "Choose at least one language."))
        if len(set(value)) != len(value):
            raise Refused(QT_TRANSLATE_NOOP("ConfigError", "A language is listed twice."))
        for language in value:
            OneLanguage().check(language)
        return tuple(value)

    def to_toml(self, value: Any) -> Any:
        return list(value)


@dataclass(frozen=True)
class PerLanguageText(Kind):
    """A text per language: ``{ es = "...", en = "..." }``; a plain string serves all.

    Its label on the owner's form has a ``{language}`` placeholder: one field per language.
    """

    def read(self, value: Any) -> dict[str, str]:
        if isinstance(value, str):
            return {language: value for language in SUPPORTED_LANGUAGES}
        if not isinstance(value, Mapping):
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError", "Expected one text, or a text per language, got {value}."
                ).with_params(value=shown(value))
            )
        result: dict[str, str] = {}
        for language, text in value.items():
            if language not in SUPPORTED_LANGUAGES:
                raise Refused(
                    QT_TRANSLATE_NOOP(
                        "ConfigError", "Unknown language {value}; expected one of {choices}."
                    ).with_params(value=language, choices=choices(SUPPORTED_LANGUAGES)),
                    f".{language}",
                )
            if not isinstance(text, str) or not text.strip():
                raise Refused(
                    QT_TRANSLATE_NOOP("ConfigError", "This text must not be empty.").with_params(
                        value=shown(text)
                    ),
                    f".{language}",
                )
            result[language] = text
        return result

    def to_toml(self, value: Any) -> Any:
        return dict(value)


@dataclass(frozen=True)
class UrlTemplates(PerLanguageText):
    """A QR code's address template per language (or one for all): placeholders from
    :data:`kiosk.core.qr_link.PLACEHOLDERS`, checked here; empty: no code."""

    def read(self, value: Any) -> dict[str, str]:
        if value == "":
            return {}
        result = super().read(value)
        for language, template in result.items():
            problem = template_problem(template)
            if problem is not None:
                raise Refused(problem, f".{language}" if not isinstance(value, str) else "")
        return result


@dataclass(frozen=True)
class ReasonList(Kind):
    """Reason chips: built-in ids and/or tables ``{ id = "...", es = "...", en = "..." }``."""

    most: int = 12

    def read(self, value: Any) -> tuple[Reason, ...]:
        if not isinstance(value, list):
            raise Refused(
                QT_TRANSLATE_NOOP("ConfigError", "Expected a list, got {value}.").with_params(
                    value=shown(value)
                )
            )
        reasons: list[Reason] = []
        for index, item in enumerate(value):
            reason = self._item(item, f"[{index}]")
            if any(r.id == reason.id for r in reasons):
                raise Refused(
                    QT_TRANSLATE_NOOP(
                        "ConfigError", "The reason {id} is listed twice."
                    ).with_params(id=reason.id),
                    f"[{index}]",
                )
            reasons.append(reason)
        if len(reasons) > self.most:
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError", "At most {most} reasons fit on the screen."
                ).with_params(most=self.most)
            )
        return tuple(reasons)

    @staticmethod
    def _item(item: Any, where: str) -> Reason:
        if isinstance(item, str):
            if item not in BUILTIN_REASONS:
                raise Refused(
                    QT_TRANSLATE_NOOP(
                        "ConfigError",
                        "Unknown built-in reason {value}; use one of {choices}, or give your own "
                        "reason a label.",
                    ).with_params(value=item, choices=choices(BUILTIN_REASONS)),
                    where,
                )
            return Reason(item)
        if not isinstance(item, Mapping):
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError", "Expected a reason id or a table, got {value}."
                ).with_params(value=shown(item)),
                where,
            )
        keys = ("id", *SUPPORTED_LANGUAGES)
        unknown = sorted(set(item) - set(keys))
        if unknown:
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError", "Unknown key {key} in a reason; expected one of {choices}."
                ).with_params(key=unknown[0], choices=choices(keys)),
                f"{where}.{unknown[0]}",
            )
        reason_id = item.get("id")
        if not isinstance(reason_id, str) or not is_valid_reason_id(reason_id):
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError",
                    "A reason id takes lowercase letters, digits, '_' or '-' only, got {value}.",
                ).with_params(value=shown(reason_id)),
                f"{where}.id",
            )
        labels = {k: v for k, v in item.items() if k != "id"}
        for language, text in labels.items():
            if not isinstance(text, str) or not text.strip():
                raise Refused(
                    QT_TRANSLATE_NOOP(
                        "ConfigError", "The reason {id} has an empty label."
                    ).with_params(id=reason_id),
                    f"{where}.{language}",
                )
        if not labels and reason_id not in BUILTIN_REASONS:
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "ConfigError", "Your own reason {id} needs a label ({choices})."
                ).with_params(id=reason_id, choices=choices(SUPPORTED_LANGUAGES)),
                where,
            )
        return Reason(reason_id, labels)

    def to_toml(self, value: Any) -> Any:
        return [
            reason.id if not reason.labels else {"id": reason.id, **dict(reason.labels)}
            for reason in value
        ]
