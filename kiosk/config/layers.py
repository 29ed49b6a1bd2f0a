"""The configuration of a fleet: layers merged key by key, each checked by the declarations.

From lowest to highest::

    default  <  system file  <  device file  <  central  <  environment  <  --set flags

* the **system file** (``/etc/kiosk/config.toml``, ``%PROGRAMDATA%\\kiosk\\config.toml``, or
  ``$KIOSK_SYSTEM_CONFIG``) is what IT rolls out to every kiosk of a fleet;
* the **device file** is the kiosk's own ``kiosk.toml``; the owner's settings screen saves
  there and only there;
* **central** is the last good configuration the central service sent (``GET /v1/config``),
  limited to :data:`CENTRAL_KEYS`: the texts, reasons, languages, branding and timings, never
  the endpoint, the token or the kiosk's identity;
* **environment** variables ``KIOSK__SECTION__KEY=value`` and **flags**
  ``--set section.key=value`` win over everything, for IT on the machine.

Every layer is checked on its own with the same declarations as the file (so an error names
the file, variable or flag that holds the bad value, and the key), then merged; the rules
between settings are checked on the merged result. :class:`Merged` remembers where each
value came from, for ``kiosk config show``.
"""

from __future__ import annotations

import os
import sys
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.config.errors import ConfigError, Refused
from kiosk.config.files import read_document, read_sections
from kiosk.config.kinds import Text, choices
from kiosk.config.settings import SECTIONS, Declared, Settings, check_together, declared
from kiosk.core.messages import QT_TRANSLATE_NOOP

ENV_SYSTEM_CONFIG = "KIOSK_SYSTEM_CONFIG"
ENV_PREFIX = "KIOSK__"  # KIOSK__SYNC__ENDPOINT: two underscores between the parts

DEFAULT, SYSTEM, DEVICE, CENTRAL, ENV, FLAG = (
    "default",
    "system",
    "device",
    "central",
    "env",
    "flag",
)
ORIGINS = (DEFAULT, SYSTEM, DEVICE, CENTRAL, ENV, FLAG)  # lowest first

# What the central service may set: what a guest sees and how long. Never where the kiosk
# sends its answers, with which token, under which name, nor the owner's PIN screens.
CENTRAL_KEYS: dict[str, frozenset[str] | None] = {  # None: the whole section
    "kiosk": frozenset({"shop_name", "logo", "accent_colour", "languages", "default_language"}),
    "question": None,
    "why": None,
    "thanks": None,
    "timeouts": None,
}

MASK = "********"


def system_config_path(
    environ: Mapping[str, str] | None = None, platform: str = sys.platform
) -> Path | None:
    """Where the fleet's system-wide file is (it need not exist); None when
    ``$KIOSK_SYSTEM_CONFIG`` is set empty (no system file: the test suite's choice)."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(ENV_SYSTEM_CONFIG)
    if chosen is not None:
        return Path(chosen) if chosen else None
    if platform == "win32":
        return Path(environ.get("PROGRAMDATA", r"C:\ProgramData")) / "kiosk" / "config.toml"
    return Path("/etc/kiosk/config.toml")


@dataclass(frozen=True)
class Layer:
    """One layer's checked values (section -> name -> value) and where each was written."""

    origin: str
    source: str  # the file, or "environment", or "--set"
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # "[sync] endpoint" -> variable

    def source_of(self, key: str) -> str:
        return self.sources.get(key, self.source)

    def document(self) -> dict[str, dict[str, Any]]:
        """The layer as TOML would hold it."""
        kinds = {(d.section, d.name): d.kind for d in declared()}
        return {
            section: {name: kinds[section, name].to_toml(value) for name, value in table.items()}
            for section, table in self.values.items()
            if table
        }


def file_layer(origin: str, path: Path, *, required: bool) -> Layer:
    """A TOML file's layer; an absent file that was not asked for is an empty layer."""
    if not required and not path.exists():
        return Layer(origin, str(path))
    return document_layer(origin, read_document(path), str(path))


def document_layer(origin: str, document: Mapping[str, Any], source: str) -> Layer:
    if origin == CENTRAL:
        check_central_keys(document, source)
    return Layer(origin, source, read_sections(document, source))


def check_central_keys(document: Mapping[str, Any], source: str) -> None:
    """Refuse a central key outside :data:`CENTRAL_KEYS` (the endpoint, the token…)."""
    for section, table in document.items():
        allowed = CENTRAL_KEYS.get(section, frozenset())
        names = table if isinstance(table, Mapping) else {}
        if section not in CENTRAL_KEYS or not isinstance(table, Mapping):
            raise ConfigError(
                source, f"[{section}]", _NOT_CENTRAL.with_params(choices=choices(CENTRAL_KEYS))
            )
        for name in names:
            if allowed is not None and name not in allowed and name in _names(section):
                raise ConfigError(
                    source,
                    f"[{section}] {name}",
                    _NOT_CENTRAL.with_params(
                        choices=choices(f"[{section}] {n}" for n in sorted(allowed))
                    ),
                )


_NOT_CENTRAL = QT_TRANSLATE_NOOP(
    "ConfigError",
    "The central configuration may not set this (it stays on the kiosk); it may set {choices}.",
)


def _names(section: str) -> set[str]:
    return {d.name for d in declared(section)}


def env_layer(environ: Mapping[str, str] | None = None) -> Layer:
    """``KIOSK__SECTION__KEY=value`` variables (case does not matter in the names)."""
    environ = os.environ if environ is None else environ
    items = []
    for variable, raw in sorted(environ.items()):
        if variable.upper().startswith(ENV_PREFIX):
            section, _, name = variable[len(ENV_PREFIX) :].lower().partition("__")
            items.append((variable, section, name, raw))
    return _override_layer(ENV, "environment", items)


def flag_layer(assignments: Iterable[str]) -> Layer:
    """``--set section.key=value`` flags, later ones winning."""
    items = []
    for assignment in assignments:
        key, equals, raw = assignment.partition("=")
        section, _, name = key.strip().partition(".")
        source = f"--set {key.strip()}"
        if not equals or not section or not name:
            raise ConfigError(
                "--set",
                assignment,
                QT_TRANSLATE_NOOP(
                    "ConfigError", "Expected section.key=value, like sync.endpoint=https://…"
                ),
            )
        items.append((source, section, name, raw))
    return _override_layer(FLAG, "--set", items)


def _override_layer(origin: str, source: str, items: list[tuple[str, str, str, str]]) -> Layer:
    values: dict[str, dict[str, Any]] = {}
    sources: dict[str, str] = {}
    for where, section, name, raw in items:
        one = _declared_or_refuse(where, section, name)
        try:
            value = one.kind.read(_typed(one, raw))
        except Refused as refused:
            raise ConfigError(where, one.key + refused.below, refused.message) from None
        values.setdefault(section, {})[name] = value
        sources[one.key] = where
    return Layer(origin, source, values, sources)


def _declared_or_refuse(where: str, section: str, name: str) -> Declared:
    for one in declared(section if section in SECTIONS else None):
        if one.section == section and one.name == name:
            return one
    # the same wording and suggestions as an unknown key in a file
    read_sections({section: {name: None}} if section in SECTIONS else {section: {}}, where)
    raise AssertionError("unreachable: read_sections refuses an unknown key")


def _typed(one: Declared, raw: str) -> Any:
    """A variable or flag is text; a number, flag or list is read as a TOML value."""
    if isinstance(one.kind, Text):
        return raw
    try:
        return tomllib.loads(f"value = {raw}")["value"]
    except tomllib.TOMLDecodeError:
        return raw  # the kind refuses it with its own wording ("Expected a number, got…")


@dataclass(frozen=True)
class Merged:
    """The merged settings, the layers they came from, and each value's origin."""

    settings: Settings
    layers: tuple[Layer, ...]

    def origin(self, key: str) -> tuple[str, str]:
        """(origin, source) of ``key`` ("[sync] endpoint"): the highest layer that sets it."""
        section, name = key[1:].split("] ")
        for layer in reversed(self.layers):
            if name in layer.values.get(section, {}):
                return layer.origin, layer.source_of(key)
        return DEFAULT, "built-in"

    def layer(self, origin: str) -> Layer | None:
        return next((layer for layer in self.layers if layer.origin == origin), None)

    def replacing(self, layer: Layer) -> Merged:
        """The same layers with ``layer`` in its origin's place (a new device file or central
        configuration), merged and checked again."""
        kept = [one for one in self.layers if one.origin != layer.origin]
        path = Path(layer.source) if layer.origin == DEVICE else self.settings.path
        return merge([*kept, layer], path)

    def shown(self) -> list[dict[str, Any]]:
        """Every setting with its value (secrets masked) and where it came from."""
        rows = []
        for one in declared():
            value = one.kind.to_toml(one.value(self.settings))
            if one.setting.secret and value:
                value = MASK
            origin, source = self.origin(one.key)
            rows.append(
                {
                    "section": one.section,
                    "name": one.name,
                    "value": value,
                    "origin": origin,
                    "source": source,
                }
            )
        return rows


def settled(settings: Settings) -> Merged:
    """Settings made in code (tests, tools) as one device layer holding every value."""
    values: dict[str, dict[str, Any]] = {}
    for one in declared():
        values.setdefault(one.section, {})[one.name] = one.value(settings)
    source = str(settings.path) if settings.path else "settings"
    return Merged(settings, (Layer(DEVICE, source, values),))


def merge(layers: Iterable[Layer], device_path: Path | None) -> Merged:
    """Merge ``layers`` (any order; sorted by :data:`ORIGINS`) key by key into settings."""
    ordered = tuple(sorted(layers, key=lambda layer: ORIGINS.index(layer.origin)))
    values: dict[str, dict[str, Any]] = {name: {} for name in SECTIONS}
    for layer in ordered:
        for section, table in layer.values.items():
            values[section].update(table)
    sections = {name: cls(**values[name]) for name, cls in SECTIONS.items()}
    settings = Settings(**sections, path=device_path)
    merged = Merged(settings, ordered)
    broken = check_together(settings)
    if broken is not None:
        key, message = broken
        raise ConfigError(merged.origin(key)[1], key, message)
    return merged


def load_layers(
    device_path: Path,
    device_explicit: bool,
    *,
    environ: Mapping[str, str] | None = None,
    assignments: Iterable[str] = (),
    central: Layer | None = None,
) -> Merged:
    """Every layer for a kiosk: system file, device file, central, environment, flags."""
    environ = os.environ if environ is None else environ
    system_path = system_config_path(environ)
    layers = [
        file_layer(DEVICE, device_path, required=device_explicit),
        env_layer(environ),
        flag_layer(assignments),
    ]
    if system_path is not None:
        layers.append(file_layer(SYSTEM, system_path, required=ENV_SYSTEM_CONFIG in environ))
    if central is not None:
        layers.append(central)
    device = device_path if device_explicit or device_path.exists() else None
    return merge(layers, device)


def device_document(form: Settings, merged: Merged) -> dict[str, dict[str, Any]]:
    """What the owner's settings screen writes to the device file: the device file's own
    keys, plus each value the owner changed from what the merged configuration said.

    So a value that came from the system file or the central service is not frozen into the
    device file merely because the form showed it.
    """
    device = merged.layer(DEVICE)
    document = device.document() if device is not None else {}
    for one in declared():
        value = one.value(form)
        if value != one.value(merged.settings):
            document.setdefault(one.section, {})[one.name] = one.kind.to_toml(value)
    return {section: table for section, table in document.items() if table}
