"""Reading, checking and writing the one TOML file.

Every key is optional and has a documented default (see ``docs/configuration.md``). A bad
file, key or value stops start-up with a :class:`ConfigError` that names the file, the key
and what was expected; unknown keys are errors too, since a typo would otherwise be silently
ignored for months. :func:`save_settings` writes the file atomically (:mod:`kiosk.files`), so
a power cut mid-save never leaves a half-written config.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from kiosk.config.errors import ConfigError, Refused
from kiosk.config.kinds import choices, shown
from kiosk.config.settings import SECTIONS, Settings, check_together, declared
from kiosk.core.messages import QT_TRANSLATE_NOOP
from kiosk.files import write_text_atomically

ENV_CONFIG = "KIOSK_CONFIG"

TOO_DEEP = QT_TRANSLATE_NOOP("ConfigError", "The settings file is nested too deep.")


# --- reading ------------------------------------------------------------------------------


def load_settings(path: Path | str | None) -> Settings:
    """Load settings from ``path``; None gives the built-in demo defaults."""
    if path is None:
        return Settings()
    path = Path(path)
    return settings_from_dict(read_document(path), path)


def read_document(path: Path) -> dict[str, Any]:
    """The parsed TOML of ``path``, not yet checked against the declarations."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ConfigError(
            path, "(file)", QT_TRANSLATE_NOOP("ConfigError", "The settings file does not exist.")
        ) from exc
    except OSError as exc:
        raise ConfigError(
            path,
            "(file)",
            QT_TRANSLATE_NOOP(
                "ConfigError", "The settings file cannot be read ({reason})."
            ).with_params(reason=exc.strerror),
        ) from exc
    return parse_document(raw, path)


def parse_document(raw: bytes, path: Path | str | None) -> dict[str, Any]:
    """Parse TOML bytes; ``path`` names the source in the errors (a file, or the central
    service's reply)."""
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(
            path, "(file)", QT_TRANSLATE_NOOP("ConfigError", "The settings file is not UTF-8 text.")
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            path,
            "(syntax)",
            QT_TRANSLATE_NOOP(
                "ConfigError", "The settings file is not valid TOML: {detail}"
            ).with_params(detail=str(exc)),
        ) from exc
    except RecursionError:
        # tomllib parses arrays and inline tables recursively: [[[[...]]]] 5,000 deep ends
        # its stack. That is a bad file, not a crash.
        raise ConfigError(path, "(syntax)", TOO_DEEP) from None


def settings_from_dict(data: Mapping[str, Any], path: Path | None = None) -> Settings:
    """Validate a parsed TOML document into :class:`Settings`."""
    try:
        return _settings_from_dict(data, path)
    except RecursionError:
        raise ConfigError(path, "(syntax)", TOO_DEEP) from None


def _settings_from_dict(data: Mapping[str, Any], path: Path | None) -> Settings:
    _reject_unknown(data, SECTIONS, path, "")
    sections: dict[str, Any] = {}
    for name, cls in SECTIONS.items():
        table = data.get(name, {})
        if not isinstance(table, Mapping):
            raise ConfigError(
                path,
                f"[{name}]",
                QT_TRANSLATE_NOOP("ConfigError", "Expected a table, got {value}.").with_params(
                    value=shown(table)
                ),
            )
        sections[name] = cls(**_read_section(name, table, path))
    settings = Settings(**sections, path=path)
    broken = check_together(settings)
    if broken is not None:
        raise ConfigError(path, *broken)
    return settings


def read_sections(data: Mapping[str, Any], path: Path | str | None) -> dict[str, dict[str, Any]]:
    """Check every key and value of one layer (a file, the environment, the flags) on its
    own: section name -> setting name -> value read by its kind. Errors name ``path``."""
    try:
        _reject_unknown(data, SECTIONS, path, "")
        sections: dict[str, dict[str, Any]] = {}
        for name, table in data.items():
            if not isinstance(table, Mapping):
                raise ConfigError(
                    path,
                    f"[{name}]",
                    QT_TRANSLATE_NOOP("ConfigError", "Expected a table, got {value}.").with_params(
                        value=shown(table)
                    ),
                )
            sections[name] = _read_section(name, table, path)
        return sections
    except RecursionError:
        raise ConfigError(path, "(syntax)", TOO_DEEP) from None


def _read_section(name: str, table: Mapping[str, Any], path: Path | str | None) -> dict[str, Any]:
    settings = {d.name: d for d in declared(name)}
    _reject_unknown(table, settings, path, name)
    values: dict[str, Any] = {}
    for key, value in table.items():
        one = settings[key]
        try:
            values[key] = one.kind.read(value)
        except Refused as refused:
            raise ConfigError(path, one.key + refused.below, refused.message) from None
    return values


def _reject_unknown(
    table: Mapping[str, Any], known: Iterable[str], path: Path | str | None, section: str
) -> None:
    known = list(known)
    for key in table:
        if key not in known:
            where = f"[{section}] {key}" if section else f"[{key}]"
            import difflib  # only for a file with a mistake in it

            close = difflib.get_close_matches(key, known, n=1)
            if close:
                raise ConfigError(
                    path,
                    where,
                    QT_TRANSLATE_NOOP(
                        "ConfigError", "Unknown setting {key}; did you mean {suggestion}?"
                    ).with_params(key=key, suggestion=close[0]),
                )
            raise ConfigError(
                path,
                where,
                QT_TRANSLATE_NOOP(
                    "ConfigError", "Unknown setting {key}; expected one of {choices}."
                ).with_params(key=key, choices=choices(known)),
            )


# --- writing ------------------------------------------------------------------------------


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    """The settings as a TOML-ready dict, leaving out values equal to their defaults."""
    defaults = Settings()
    document: dict[str, Any] = {}
    for one in declared():
        value = one.value(settings)
        if value != one.value(defaults):
            document.setdefault(one.section, {})[one.name] = one.kind.to_toml(value)
    return document


def save_settings(settings: Settings, path: Path) -> Settings:
    """Write ``settings`` to ``path`` atomically and return them re-read from disk."""
    save_document(settings_to_dict(settings), path)
    return replace(load_settings(path), path=path)


def save_document(document: Mapping[str, Any], path: Path) -> None:
    """Write a config document to ``path`` atomically (:mod:`kiosk.files`).

    The new text is validated by reading it back before it replaces the old file, so a bug
    here can never leave a config the kiosk refuses at the next start.
    """
    import tomli_w  # only the owner's saves write: not loaded on the kiosk's start

    path = Path(path)
    text = tomli_w.dumps(dict(document))
    settings_from_dict(tomllib.loads(text), path)  # refuse to write what we could not read
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "# Counter kiosk configuration. See docs/configuration.md.\n"
    write_text_atomically(path, header + text, newline="\n")


# --- which file ---------------------------------------------------------------------------


def resolve_config_path(
    cli_value: str | None, data_dir: Path, explicit_data_dir: bool
) -> tuple[Path, bool]:
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
