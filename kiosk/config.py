"""One typed configuration, loaded from one TOML file.

Every key is optional and has a documented default (see ``docs/configuration.md``). A bad
file, key or value stops start-up with a :class:`ConfigError` that names the file, the key
and what was expected; unknown keys are errors too, since a typo would otherwise be silently
ignored for months. :func:`save_settings` writes the file atomically (temp file, fsync,
rename) so a power cut mid-save never leaves a half-written config.
"""

from __future__ import annotations

import difflib
import os
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import tomli_w

from kiosk.core.abuse import AbuseRules
from kiosk.core.reasons import BUILTIN_REASONS, Reason, default_reasons, is_valid_reason_id

SUPPORTED_LANGUAGES = ("es", "en")
ENV_CONFIG = "KIOSK_CONFIG"


class ConfigError(Exception):
    """A configuration problem, worded for the person who edits the file.

    ``problem`` is the English sentence for the CLI and the logs. ``code`` and ``params`` say
    the same thing for a machine, so the owner's settings screen can show it in the owner's
    language (see ``kiosk/admin/config_errors.py``); this module has no Qt to translate with.
    """

    def __init__(
        self,
        path: Path | str | None,
        key: str,
        problem: str,
        code: str = "",
        params: Mapping[str, Any] | None = None,
    ) -> None:
        self.path = str(path) if path else "<built-in defaults>"
        self.key = key
        self.problem = problem
        self.code = code
        self.params: dict[str, Any] = dict(params or {})
        super().__init__(f"{self.path}: {key}: {problem}")


# --- the sections -------------------------------------------------------------------------


@dataclass(frozen=True)
class KioskSection:
    id: str = "kiosk-1"
    site: str = "demo"
    shop_name: str = "Café Demo"
    logo: str = ""
    languages: tuple[str, ...] = SUPPORTED_LANGUAGES
    default_language: str = "es"
    fullscreen: bool = True
    accent_colour: str = "#1f5fa8"


@dataclass(frozen=True)
class QuestionSection:
    # Per-language overrides of the built-in (translated) question text.
    text: Mapping[str, str] = field(default_factory=dict)
    # Colour the 0-6 / 7-8 / 9-10 buttons. Off by default: a neutral scale does not hint.
    colour_scale: bool = False


@dataclass(frozen=True)
class WhySection:
    reasons: tuple[Reason, ...] = field(default_factory=default_reasons)
    comment: bool = True
    comment_max_length: int = 280


@dataclass(frozen=True)
class ThanksSection:
    text: Mapping[str, str] = field(default_factory=dict)
    seconds: float = 4.0
    # QR codes for the phone: a review page for 9-10, a contact form for 0-6 (empty: none).
    promoter_url: str = ""
    detractor_url: str = ""
    seconds_with_qr: float = 12.0


@dataclass(frozen=True)
class TimeoutsSection:
    idle_seconds: float = 20.0


@dataclass(frozen=True)
class AbuseSection:
    enabled: bool = True
    min_gap_seconds: float = 3.0
    burst_count: int = 4
    burst_window_seconds: float = 90.0

    def rules(self) -> AbuseRules:
        return AbuseRules(
            min_gap_seconds=self.min_gap_seconds,
            burst_count=self.burst_count,
            burst_window_seconds=self.burst_window_seconds,
            enabled=self.enabled,
        )


@dataclass(frozen=True)
class SyncSection:
    endpoint: str = ""
    token: str = field(default="", repr=False)
    token_file: str = ""
    ca_bundle: str = ""
    interval_seconds: float = 60.0
    soon_after_answer_seconds: float = 2.0
    batch_size: int = 200
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    max_backoff_seconds: float = 300.0

    @property
    def enabled(self) -> bool:
        return bool(self.endpoint)


@dataclass(frozen=True)
class AlertsSection:
    enabled: bool = True
    webhook_url: str = ""


@dataclass(frozen=True)
class AdminSection:
    idle_seconds: float = 60.0
    hold_seconds: float = 3.0


@dataclass(frozen=True)
class Settings:
    """The whole configuration. ``path`` is where it came from (None: built-in defaults)."""

    kiosk: KioskSection = field(default_factory=KioskSection)
    question: QuestionSection = field(default_factory=QuestionSection)
    why: WhySection = field(default_factory=WhySection)
    thanks: ThanksSection = field(default_factory=ThanksSection)
    timeouts: TimeoutsSection = field(default_factory=TimeoutsSection)
    abuse: AbuseSection = field(default_factory=AbuseSection)
    sync: SyncSection = field(default_factory=SyncSection)
    alerts: AlertsSection = field(default_factory=AlertsSection)
    admin: AdminSection = field(default_factory=AdminSection)
    path: Path | None = field(default=None, compare=False)

    def sync_token(self) -> str:
        """The bearer token, read from ``token_file`` when one is given."""
        if self.sync.token_file:
            token_path = Path(self.sync.token_file)
            if not token_path.is_absolute() and self.path is not None:
                token_path = self.path.parent / token_path
            try:
                return token_path.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise ConfigError(
                    self.path, "[sync] token_file", f"cannot read {token_path}: {exc.strerror}",
                    "token_file_unreadable", {"file": str(token_path), "reason": exc.strerror},
                ) from exc
        return self.sync.token


SECTIONS: dict[str, type] = {f.name: f.type for f in fields(Settings) if f.name != "path"}
URL_KEYS = ("sync.endpoint", "alerts.webhook_url", "thanks.promoter_url", "thanks.detractor_url")
_SECTION_CLASSES = {
    "kiosk": KioskSection,
    "question": QuestionSection,
    "why": WhySection,
    "thanks": ThanksSection,
    "timeouts": TimeoutsSection,
    "abuse": AbuseSection,
    "sync": SyncSection,
    "alerts": AlertsSection,
    "admin": AdminSection,
}

# (minimum, maximum) for numbers; checked after the type.
_RANGES: dict[str, tuple[float, float]] = {
    "thanks.seconds": (1, 60),
    "thanks.seconds_with_qr": (3, 120),
    "timeouts.idle_seconds": (5, 600),
    "why.comment_max_length": (1, 2000),
    "abuse.min_gap_seconds": (0, 60),
    "abuse.burst_count": (2, 1000),
    "abuse.burst_window_seconds": (1, 3600),
    "sync.interval_seconds": (5, 86400),
    "sync.soon_after_answer_seconds": (0, 600),
    "sync.batch_size": (1, 5000),
    "sync.connect_timeout": (0.1, 120),
    "sync.read_timeout": (0.1, 600),
    "sync.max_backoff_seconds": (1, 86400),
    "admin.idle_seconds": (10, 3600),
    "admin.hold_seconds": (1, 30),
}


# --- reading ------------------------------------------------------------------------------


def load_settings(path: Path | str | None) -> Settings:
    """Load settings from ``path``; None gives the built-in demo defaults."""
    if path is None:
        return Settings()
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ConfigError(path, "(file)", "no such file", "file_missing") from exc
    except OSError as exc:
        raise ConfigError(
            path, "(file)", f"cannot read it: {exc.strerror}", "file_unreadable",
            {"reason": exc.strerror},
        ) from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(path, "(file)", "is not UTF-8 text", "file_encoding") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            path, "(syntax)", f"not valid TOML: {exc}", "toml_syntax", {"detail": str(exc)}
        ) from exc
    return settings_from_dict(data, path)


def settings_from_dict(data: Mapping[str, Any], path: Path | None = None) -> Settings:
    """Validate a parsed TOML document into :class:`Settings`."""
    _reject_unknown(data, _SECTION_CLASSES.keys(), path, "")
    sections: dict[str, Any] = {}
    for name, cls in _SECTION_CLASSES.items():
        table = data.get(name, {})
        if not isinstance(table, Mapping):
            raise ConfigError(
                path, f"[{name}]", f"expected a table, got {_describe(table)}", "type_table",
                {"value": _shown(table)},
            )
        sections[name] = _read_section(name, cls, table, path)
    settings = Settings(**sections, path=path)
    _check_cross_field(settings, path)
    return settings


def _read_section(name: str, cls: type, table: Mapping[str, Any], path: Path | None) -> Any:
    defaults = cls()
    _reject_unknown(table, [f.name for f in fields(cls)], path, name)
    values: dict[str, Any] = {}
    for key, value in table.items():
        values[key] = _coerce(name, key, getattr(defaults, key), value, path)
    return cls(**values)


def _coerce(section: str, key: str, default: Any, value: Any, path: Path | None) -> Any:
    where = f"[{section}] {key}"
    dotted = f"{section}.{key}"
    if dotted == "why.reasons":
        return _read_reasons(value, path, where)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(
                path, where, f"expected true or false, got {_describe(value)}", "type_bool",
                {"value": _shown(value)},
            )
        return value
    if isinstance(default, int) and not isinstance(default, bool):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(
                path, where, f"expected a whole number, got {_describe(value)}", "type_int",
                {"value": _shown(value)},
            )
        _check_range(dotted, value, path, where)
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(
                path, where, f"expected a number, got {_describe(value)}", "type_number",
                {"value": _shown(value)},
            )
        _check_range(dotted, value, path, where)
        return float(value)
    if isinstance(default, str):
        if not isinstance(value, str):
            if dotted == "sync.token":  # a secret: never echoed
                raise ConfigError(
                    path, where, "expected a string, got something else", "type_text_secret"
                )
            raise ConfigError(
                path, where, f"expected a string, got {_describe(value)}", "type_text",
                {"value": _shown(value)},
            )
        return _check_string(dotted, value, path, where)
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(
                path, where, f"expected a list of strings, got {_describe(value)}",
                "type_text_list", {"value": _shown(value)},
            )
        return tuple(value)
    if isinstance(default, Mapping):
        return _read_per_language(value, path, where)
    raise AssertionError(f"no reader for {dotted}")  # pragma: no cover - a programming error


def _check_range(dotted: str, value: float, path: Path | None, where: str) -> None:
    if dotted in _RANGES:
        low, high = _RANGES[dotted]
        if not low <= value <= high:
            raise ConfigError(
                path, where, f"expected a value from {low:g} to {high:g}, got {value}", "range",
                {"low": low, "high": high, "value": value},
            )


def _check_string(dotted: str, value: str, path: Path | None, where: str) -> str:
    if dotted in URL_KEYS and value:
        parsed = urlparse(value)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ConfigError(
                path, where, f"expected an http:// or https:// URL, got {value!r}", "url",
                {"value": value},
            )
        if parsed.username or parsed.password:
            # Credentials in an address end up in logs and screens; the token has its own key.
            raise ConfigError(
                path, where, "an address must not carry a user name or password; put the "
                "secret in [sync] token or token_file", "url_credentials", {},
            )
        return value.rstrip("/") if dotted == "sync.endpoint" else value
    if dotted == "kiosk.accent_colour":
        if not (len(value) == 7 and value.startswith("#")) or not _is_hex(value[1:]):
            raise ConfigError(
                path, where, f"expected a colour like '#1f5fa8', got {value!r}", "colour",
                {"value": value},
            )
    if dotted == "kiosk.id":
        if not value or len(value) > 64 or not all(c.isalnum() or c in "-_." for c in value):
            raise ConfigError(
                path, where, f"expected 1-64 letters, digits, '-', '_' or '.', got {value!r}",
                "kiosk_id", {"value": value},
            )
    if dotted == "kiosk.default_language" and value not in SUPPORTED_LANGUAGES:
        raise ConfigError(
            path, where, f"expected one of {', '.join(SUPPORTED_LANGUAGES)}, got {value!r}",
            "language", {"value": value, "choices": ", ".join(SUPPORTED_LANGUAGES)},
        )
    return value


def _is_hex(text: str) -> bool:
    return all(c in "0123456789abcdefABCDEF" for c in text)


def _read_per_language(value: Any, path: Path | None, where: str) -> dict[str, str]:
    """A text per language: ``{ es = "...", en = "..." }``; a plain string serves all."""
    if isinstance(value, str):
        return {language: value for language in SUPPORTED_LANGUAGES}
    if not isinstance(value, Mapping):
        raise ConfigError(
            path, where,
            f"expected a string or a table like {{ es = \"…\", en = \"…\" }}, got {_describe(value)}",
            "type_per_language", {"value": _shown(value)},
        )
    result: dict[str, str] = {}
    for language, text in value.items():
        if language not in SUPPORTED_LANGUAGES:
            raise ConfigError(
                path, f"{where}.{language}",
                f"unknown language; expected one of {', '.join(SUPPORTED_LANGUAGES)}",
                "unknown_language", {"value": language, "choices": ", ".join(SUPPORTED_LANGUAGES)},
            )
        if not isinstance(text, str) or not text.strip():
            raise ConfigError(
                path, f"{where}.{language}", f"expected non-empty text, got {_describe(text)}",
                "empty_text", {"value": _shown(text)},
            )
        result[language] = text
    return result


def _read_reasons(value: Any, path: Path | None, where: str) -> tuple[Reason, ...]:
    """Reasons: a list of built-in ids and/or tables ``{ id = "...", es = "...", en = "..." }``."""
    if not isinstance(value, list):
        raise ConfigError(
            path, where, f"expected a list, got {_describe(value)}", "type_list",
            {"value": _shown(value)},
        )
    reasons: list[Reason] = []
    seen: set[str] = set()
    for index, item in enumerate(value):
        item_where = f"{where}[{index}]"
        if isinstance(item, str):
            if item not in BUILTIN_REASONS:
                raise ConfigError(
                    path,
                    item_where,
                    f"unknown built-in reason {item!r}; expected one of {', '.join(BUILTIN_REASONS)}"
                    " or a table with id and labels",
                    "reason_unknown",
                    {"value": item, "choices": ", ".join(BUILTIN_REASONS)},
                )
            reason = Reason(item)
        elif isinstance(item, Mapping):
            unknown = set(item) - {"id", *SUPPORTED_LANGUAGES}
            if unknown:
                raise ConfigError(
                    path, f"{item_where}.{sorted(unknown)[0]}", "unknown key; expected id, es, en",
                    "reason_key", {"key": sorted(unknown)[0], "choices": "id, es, en"},
                )
            reason_id = item.get("id")
            if not isinstance(reason_id, str) or not is_valid_reason_id(reason_id):
                raise ConfigError(
                    path, f"{item_where}.id",
                    "expected an id of lowercase letters, digits, '_' or '-'",
                    "reason_id", {"value": _shown(reason_id)},
                )
            labels = {k: v for k, v in item.items() if k != "id"}
            for language, text in labels.items():
                if not isinstance(text, str) or not text.strip():
                    raise ConfigError(
                        path, f"{item_where}.{language}", "expected non-empty text",
                        "reason_label", {"id": reason_id},
                    )
            if not labels and reason_id not in BUILTIN_REASONS:
                raise ConfigError(
                    path, item_where, "a custom reason needs a label (es and/or en)",
                    "reason_needs_label", {"id": reason_id},
                )
            reason = Reason(reason_id, labels)
        else:
            raise ConfigError(
                path, item_where, f"expected a reason id or a table, got {_describe(item)}",
                "reason_type", {"value": _shown(item)},
            )
        if reason.id in seen:
            raise ConfigError(
                path, item_where, f"reason {reason.id!r} is listed twice", "reason_twice",
                {"id": reason.id},
            )
        seen.add(reason.id)
        reasons.append(reason)
    if len(reasons) > 12:
        raise ConfigError(
            path, where, "at most 12 reasons fit on the screen", "reasons_max", {"max": 12}
        )
    return tuple(reasons)


def _check_cross_field(settings: Settings, path: Path | None) -> None:
    languages = settings.kiosk.languages
    if not languages:
        raise ConfigError(
            path, "[kiosk] languages", "expected at least one language", "languages_empty"
        )
    if len(set(languages)) != len(languages):
        raise ConfigError(
            path, "[kiosk] languages", "a language is listed twice", "languages_twice"
        )
    for language in languages:
        if language not in SUPPORTED_LANGUAGES:
            raise ConfigError(
                path, "[kiosk] languages",
                f"unsupported language {language!r}; expected {', '.join(SUPPORTED_LANGUAGES)}",
                "language", {"value": language, "choices": ", ".join(SUPPORTED_LANGUAGES)},
            )
    if settings.kiosk.default_language not in languages:
        raise ConfigError(
            path, "[kiosk] default_language",
            f"must be one of languages ({', '.join(languages)})",
            "default_language", {"value": settings.kiosk.default_language,
                                 "choices": ", ".join(languages)},
        )
    if settings.sync.token and settings.sync.token_file:
        raise ConfigError(
            path, "[sync] token_file", "give token or token_file, not both", "token_both"
        )


def _reject_unknown(table: Mapping[str, Any], known: Any, path: Path | None, section: str) -> None:
    known = list(known)
    for key in table:
        if key not in known:
            where = f"[{section}] {key}" if section else f"[{key}]"
            close = difflib.get_close_matches(key, known, n=1)
            if close:
                raise ConfigError(
                    path, where, f"unknown key; did you mean {close[0]!r}?", "unknown_key",
                    {"key": key, "suggestion": close[0]},
                )
            raise ConfigError(
                path, where, f"unknown key; expected one of {', '.join(known)}",
                "unknown_key_choices", {"key": key, "choices": ", ".join(known)},
            )


def _describe(value: Any) -> str:
    kind = type(value).__name__
    names = {"str": "text", "int": "a whole number", "float": "a number", "bool": "true/false",
             "list": "a list", "dict": "a table"}
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"{names.get(kind, kind)} {shown}"


def _shown(value: Any) -> str:
    """The value as the file spells it near enough, cut short (a ConfigError's ``value``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return shown


# --- writing ------------------------------------------------------------------------------


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    """The settings as a TOML-ready dict, leaving out values equal to their defaults."""
    defaults = Settings()
    document: dict[str, Any] = {}
    for name in _SECTION_CLASSES:
        section = getattr(settings, name)
        default_section = getattr(defaults, name)
        table: dict[str, Any] = {}
        for f in fields(section):
            value = getattr(section, f.name)
            if value == getattr(default_section, f.name):
                continue
            table[f.name] = _to_toml_value(value)
        if table:
            document[name] = table
    return document


def _to_toml_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_to_toml_value(v) for v in value]
    if isinstance(value, Reason):
        if not value.labels:
            return value.id
        return {"id": value.id, **dict(value.labels)}
    if isinstance(value, Mapping):
        return dict(value)
    return value


def save_settings(settings: Settings, path: Path) -> Settings:
    """Write ``settings`` to ``path`` atomically and return them re-read from disk.

    The new text is validated by reading it back before it replaces the old file, so a bug
    here can never leave a config the kiosk refuses at the next start.
    """
    path = Path(path)
    text = tomli_w.dumps(settings_to_dict(settings))
    settings_from_dict(tomllib.loads(text), path)  # refuse to write what we could not read
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write("# Counter kiosk configuration. See docs/configuration.md.\n")
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return replace(load_settings(path), path=path)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory; NTFS journals the rename itself.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def resolve_config_path(cli_value: str | None, data_dir: Path, explicit_data_dir: bool) -> tuple[Path, bool]:
    """Which config file to use, and whether it was asked for explicitly.

    ``--config``, then ``$KIOSK_CONFIG``, then ``kiosk.toml`` in the platform's config folder
    (or in the data folder when one was given explicitly, so a development or test folder is
    self-contained). A missing default file means "run on the built-in demo configuration"; a
    missing explicit one is an error. The admin's settings screen saves to this same path.
    """
    chosen = cli_value or os.environ.get(ENV_CONFIG)
    if chosen:
        return Path(chosen), True
    if explicit_data_dir:
        return data_dir / "kiosk.toml", False
    from kiosk import paths

    return paths.user_config_dir() / "kiosk.toml", False


def load_for_path(config_path: Path, explicit: bool) -> Settings:
    """Load ``config_path``; an absent default file gives the demo defaults (remembering the path)."""
    if not explicit and not config_path.exists():
        return Settings(path=None)
    return load_settings(config_path)
