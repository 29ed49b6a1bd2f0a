"""The central configuration's layers: stored per area, site or kiosk; merged for a kiosk.

Each layer is checked when it is set with the kiosk's own rules for a central layer
(:func:`kiosk.config.layers.document_layer`: the same kinds and ranges, and only the keys a
central configuration may set), so a layer the kiosks would refuse never gets in. A kiosk's
configuration is its area's layer, then its site's, then its own, merged key by key; its
version is a hash of the merged document, the ETag of ``GET /v1/config``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from kiosk.endpoint.store import registry, schema

SCOPES = ("area", "site", "kiosk")  # lowest first


@dataclass(frozen=True)
class KioskConfig:
    """What one kiosk is served: the merged document, its version and the layers in it."""

    document: dict[str, dict[str, Any]]
    version: str
    scopes: tuple[str, ...]  # "area:Sur", "site:centro", "kiosk:k1" present, lowest first


def canonical(document: Mapping[str, Any]) -> str:
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def version_of(document: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(document).encode("utf-8")).hexdigest()[:32]


def parse_scope(text: str) -> tuple[str, str]:
    """``area:Sur`` -> ("area", "Sur"); a clear error for anything else."""
    scope, _, name = text.partition(":")
    if scope not in SCOPES or not name.strip():
        raise registry.RegistryError(
            f"scope must be area:NAME, site:CODE or kiosk:ID, got {text!r}"
        )
    return scope, name.strip()


def set_layer(
    conn: Connection, stamp: str, actor: str, scope: str, name: str, document: Mapping[str, Any]
) -> str:
    """Store (or replace; an empty document removes) one checked layer; returns its version."""
    _must_exist(conn, scope, name)
    table = schema.config_layers
    c = table.c
    conn.execute(delete(table).where(c.scope == scope, c.name == name))
    version = version_of(document)
    if document:
        conn.execute(
            insert(table).values(
                scope=scope,
                name=name,
                document=canonical(document),
                version=version,
                updated_utc=stamp,
                actor=actor,
            )
        )
    registry.audit(
        conn,
        stamp,
        actor,
        "set-config",
        f"{scope}:{name}",
        {"version": version, "sections": sorted(document)},
    )
    return version


def _must_exist(conn: Connection, scope: str, name: str) -> None:
    table, column = {
        "area": (schema.areas, schema.areas.c.name),
        "site": (schema.sites, schema.sites.c.code),
        "kiosk": (schema.kiosks, schema.kiosks.c.kiosk_id),
    }[scope]
    if conn.execute(select(column).select_from(table).where(column == name)).first() is None:
        raise registry.RegistryError(f"no {scope} {name!r} is registered")


def for_kiosk(conn: Connection, kiosk_id: str) -> KioskConfig:
    """The kiosk's merged configuration: area < site < kiosk, key by key."""
    k, s, a = schema.kiosks.c, schema.sites.c, schema.areas.c
    row = conn.execute(
        select(s.code, a.name)
        .select_from(
            schema.kiosks.outerjoin(schema.sites, k.site_id == s.id).outerjoin(
                schema.areas, s.area_id == a.id
            )
        )
        .where(k.kiosk_id == kiosk_id)
    ).first()
    wanted = [("kiosk", kiosk_id)]
    if row is not None and row.code is not None:
        wanted.insert(0, ("site", row.code))
    if row is not None and row.name is not None:
        wanted.insert(0, ("area", row.name))
    c = schema.config_layers.c
    found = {
        (r.scope, r.name): json.loads(r.document)
        for r in conn.execute(
            select(c.scope, c.name, c.document).where(c.scope.in_([scope for scope, _ in wanted]))
        )
    }
    merged: dict[str, dict[str, Any]] = {}
    present = []
    for key in wanted:
        layer = found.get(key)
        if layer is None:
            continue
        present.append(f"{key[0]}:{key[1]}")
        for section, table in layer.items():
            merged.setdefault(section, {}).update(table)
    return KioskConfig(merged, version_of(merged), tuple(present))
