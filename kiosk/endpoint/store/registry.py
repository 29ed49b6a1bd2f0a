"""Areas, sites, kiosks and managers, with an audit row for every change.

Kiosk tokens are 256 random bits, so the stored lookup value is a keyed SHA-256 (HMAC with a
per-database key made at migration): nobody can guess a token from its hash, a fast hash lets
each request find its kiosk through a unique index (a slow scrypt per request would cost tens
of milliseconds each and need the token's row first), and no process keeps tokens in memory,
so a revocation is seen by every process at the next request. Managers' passwords are
people's choices: those get salted scrypt (``kiosk.core.pin``-style parameters).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select, update

from kiosk.core.answer import iso_utc
from kiosk.endpoint.store import schema

ROLES = ("admin", "area", "site")
TOKEN_BYTES = 32
SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


class RegistryError(ValueError):
    """A registry change that cannot be made as asked (a clear sentence for the command line)."""


@dataclass(frozen=True)
class KioskIdentity:
    kiosk_id: str
    site_id: int | None
    site_code: str | None
    revoked: bool


@dataclass(frozen=True)
class UserIdentity:
    user_id: int
    name: str
    role: str
    area_id: int | None
    site_id: int | None
    disabled: bool


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_key(conn: Connection) -> bytes:
    value = conn.execute(
        select(schema.service_keys.c.value).where(schema.service_keys.c.name == "token_hash_key")
    ).scalar_one()
    return bytes.fromhex(value)


def token_hash(key: bytes, token: str) -> str:
    return hmac.new(key, token.encode("utf-8"), hashlib.sha256).hexdigest()


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **SCRYPT)
    return f"scrypt${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def check_password(stored: str | None, password: str) -> bool:
    if not stored or not stored.startswith("scrypt$"):
        # Same work either way: a missing user costs what a wrong password costs.
        hashlib.scrypt(password.encode("utf-8"), salt=b"0" * 16, **SCRYPT)
        return False
    _, salt, digest = stored.split("$")
    found = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), **SCRYPT)
    return hmac.compare_digest(found, base64.b64decode(digest))


def audit(
    conn: Connection,
    stamp: str,
    actor: str,
    action: str,
    subject: str,
    detail: Mapping[str, Any] | None = None,
) -> None:
    conn.execute(
        insert(schema.audit).values(
            at_utc=stamp,
            actor=actor,
            action=action,
            subject=subject,
            detail=json.dumps(dict(detail or {}), sort_keys=True, ensure_ascii=False),
        )
    )


def _one(conn: Connection, table: Any, column: str, value: Any, what: str) -> Any:
    row = conn.execute(select(table).where(table.c[column] == value)).first()
    if row is None:
        raise RegistryError(f"no {what} {value!r}")
    return row


def area_id(conn: Connection, name: str) -> int:
    return _one(conn, schema.areas, "name", name, "area").id


def site_id(conn: Connection, code: str) -> int:
    return _one(conn, schema.sites, "code", code, "site").id


def add_area(
    conn: Connection, stamp: str, actor: str, name: str, region: str = "", brand: str = ""
) -> int:
    if conn.execute(select(schema.areas.c.id).where(schema.areas.c.name == name)).first():
        raise RegistryError(f"area {name!r} exists already")
    new = conn.execute(
        insert(schema.areas)
        .values(name=name, region=region, brand=brand, created_utc=stamp)
        .returning(schema.areas.c.id)
    ).scalar_one()
    audit(conn, stamp, actor, "add-area", name, {"region": region, "brand": brand})
    return new


def add_site(
    conn: Connection, stamp: str, actor: str, code: str, area: str | None, name: str = ""
) -> int:
    if conn.execute(select(schema.sites.c.id).where(schema.sites.c.code == code)).first():
        raise RegistryError(f"site {code!r} exists already")
    area_ref = area_id(conn, area) if area else None
    new = conn.execute(
        insert(schema.sites)
        .values(code=code, name=name or code, area_id=area_ref, created_utc=stamp)
        .returning(schema.sites.c.id)
    ).scalar_one()
    audit(conn, stamp, actor, "add-site", code, {"area": area, "name": name or code})
    return new


def add_kiosk(
    conn: Connection,
    stamp: str,
    actor: str,
    kiosk_id: str,
    site: str | None,
    token: str | None = None,
    action: str = "add-kiosk",
) -> str:
    """Register a kiosk (or give a known one a new token); the token, to be shown once."""
    token = token or new_token()
    hashed = token_hash(token_key(conn), token)
    k = schema.kiosks.c
    if conn.execute(select(k.kiosk_id).where(k.token_hash == hashed)).first():
        raise RegistryError("that token is in use already")
    site_ref = site_id(conn, site) if site else None
    existing = conn.execute(select(schema.kiosks).where(k.kiosk_id == kiosk_id)).first()
    if existing is not None and existing.token_hash is not None and existing.revoked_utc is None:
        raise RegistryError(f"kiosk {kiosk_id!r} exists already (revoke it first)")
    if existing is None:
        conn.execute(
            insert(schema.kiosks).values(
                kiosk_id=kiosk_id, site_id=site_ref, token_hash=hashed, created_utc=stamp
            )
        )
    else:
        values: dict[str, Any] = {"token_hash": hashed, "revoked_utc": None}
        if site_ref is not None:
            values["site_id"] = site_ref
        conn.execute(update(schema.kiosks).where(k.kiosk_id == kiosk_id).values(**values))
    audit(conn, stamp, actor, action, kiosk_id, {"site": site})
    return token


def revoke_kiosk(conn: Connection, stamp: str, actor: str, kiosk_id: str) -> None:
    _one(conn, schema.kiosks, "kiosk_id", kiosk_id, "kiosk")
    k = schema.kiosks.c
    conn.execute(update(schema.kiosks).where(k.kiosk_id == kiosk_id).values(revoked_utc=stamp))
    audit(conn, stamp, actor, "revoke-kiosk", kiosk_id)


def add_user(
    conn: Connection,
    stamp: str,
    actor: str,
    name: str,
    role: str,
    scope: str | None,
    password: str | None,
    api_token: str | None = None,
    action: str = "add-user",
) -> None:
    if role not in ROLES:
        raise RegistryError(f"role must be one of {', '.join(ROLES)}")
    if conn.execute(select(schema.users.c.id).where(schema.users.c.name == name)).first():
        raise RegistryError(f"user {name!r} exists already")
    area_ref = site_ref = None
    if role == "area":
        if not scope:
            raise RegistryError("an area manager needs --scope AREA")
        area_ref = area_id(conn, scope)
    elif role == "site":
        if not scope:
            raise RegistryError("a site manager needs --scope SITE")
        site_ref = site_id(conn, scope)
    elif scope:
        raise RegistryError("an admin sees everything: no --scope")
    hashed = token_hash(token_key(conn), api_token) if api_token else None
    conn.execute(
        insert(schema.users).values(
            name=name,
            role=role,
            area_id=area_ref,
            site_id=site_ref,
            password_hash=hash_password(password) if password else None,
            api_token_hash=hashed,
            created_utc=stamp,
        )
    )
    audit(
        conn,
        stamp,
        actor,
        action,
        name,
        {"role": role, "scope": scope, "api_token": bool(api_token)},
    )


def kiosk_for_token(conn: Connection, key: bytes, token: str) -> KioskIdentity | None:
    k, s = schema.kiosks.c, schema.sites.c
    row = conn.execute(
        select(k.kiosk_id, k.site_id, s.code, k.revoked_utc)
        .select_from(schema.kiosks.outerjoin(schema.sites, k.site_id == s.id))
        .where(k.token_hash == token_hash(key, token))
    ).first()
    if row is None:
        return None
    return KioskIdentity(row.kiosk_id, row.site_id, row.code, row.revoked_utc is not None)


def _user(row: Any) -> UserIdentity:
    return UserIdentity(
        row.id, row.name, row.role, row.area_id, row.site_id, row.disabled_utc is not None
    )


def user_for_token(conn: Connection, key: bytes, token: str) -> UserIdentity | None:
    u = schema.users.c
    row = conn.execute(
        select(schema.users).where(u.api_token_hash == token_hash(key, token))
    ).first()
    return None if row is None else _user(row)


class Throttled(Exception):
    """Too many wrong passwords in a row for this name: no try before ``until``."""

    def __init__(self, until: str) -> None:
        super().__init__(until)
        self.until = until


FREE_TRIES = 5  # then 1, 2, 4 ... minutes between tries, at most an hour


def password_matches(conn: Connection, name: str, password: str) -> UserIdentity | None:
    """The user when ``password`` is theirs, with no counting (the caller throttles: the web
    pages' login keeps its own count per name, kiosk.endpoint.store.logins)."""
    row = conn.execute(select(schema.users).where(schema.users.c.name == name)).first()
    if not check_password(None if row is None else row.password_hash, password):
        return None
    return _user(row)


def user_for_password(
    conn: Connection, name: str, password: str, now: datetime
) -> UserIdentity | None:
    """The user, if the password is right; failures lock the name out for a while.

    The count lives in the database, so every process throttles the same name alike.
    """
    u = schema.users.c
    row = conn.execute(select(schema.users).where(u.name == name)).first()
    stamp = iso_utc(now)
    if row is not None and row.locked_until_utc and row.locked_until_utc > stamp:
        raise Throttled(row.locked_until_utc)
    if not check_password(None if row is None else row.password_hash, password):
        if row is not None:
            failures = row.failed_logins + 1
            locked = None
            if failures >= FREE_TRIES:
                wait = min(timedelta(minutes=2 ** (failures - FREE_TRIES)), timedelta(hours=1))
                locked = iso_utc(now + wait)
            conn.execute(
                update(schema.users)
                .where(u.id == row.id)
                .values(failed_logins=failures, locked_until_utc=locked)
            )
        return None
    if row.failed_logins:
        conn.execute(
            update(schema.users)
            .where(u.id == row.id)
            .values(failed_logins=0, locked_until_utc=None)
        )
    return _user(row)


def bind_site(conn: Connection, stamp: str, kiosk_id: str, code: str) -> int:
    """An imported kiosk's first contact names its site: bound from now on."""
    s = schema.sites.c
    found = conn.execute(select(s.id).where(s.code == code)).scalar()
    if found is None:
        found = add_site(conn, stamp, f"kiosk:{kiosk_id}", code, None)
    conn.execute(
        update(schema.kiosks)
        .where(schema.kiosks.c.kiosk_id == kiosk_id, schema.kiosks.c.site_id.is_(None))
        .values(site_id=found)
    )
    audit(conn, stamp, f"kiosk:{kiosk_id}", "bind-site", kiosk_id, {"site": code})
    return conn.execute(
        select(schema.kiosks.c.site_id).where(schema.kiosks.c.kiosk_id == kiosk_id)
    ).scalar_one()


def import_tokens(
    conn: Connection, stamp: str, actor: str, entries: list[tuple[str, str | None]]
) -> dict[str, int]:
    """A reference endpoint's tokens file: bound tokens become kiosks, the others admins.

    Idempotent: a token already registered is left alone, so running it twice (or at every
    start with ``--token-file``) changes nothing the second time.
    """
    key = token_key(conn)
    counts = {"kiosks": 0, "owners": 0, "known": 0}
    owners = 0
    for token, kiosk_id in entries:
        hashed = token_hash(key, token)
        if (
            conn.execute(
                select(schema.kiosks.c.kiosk_id).where(schema.kiosks.c.token_hash == hashed)
            ).first()
            or conn.execute(
                select(schema.users.c.id).where(schema.users.c.api_token_hash == hashed)
            ).first()
        ):
            counts["known"] += 1
            continue
        if kiosk_id is not None:
            add_kiosk(conn, stamp, actor, kiosk_id, None, token=token, action="import-token")
            counts["kiosks"] += 1
        else:
            owners += 1
            name = f"owner-{owners}"
            while conn.execute(
                select(schema.users.c.id).where(schema.users.c.name == name)
            ).first():
                owners += 1
                name = f"owner-{owners}"
            add_user(
                conn,
                stamp,
                actor,
                name,
                "admin",
                None,
                None,
                api_token=token,
                action="import-token",
            )
            counts["owners"] += 1
    return counts


def listing(conn: Connection) -> dict[str, list[dict[str, Any]]]:
    """The registry for ``kiosk endpoint list`` (never a token or a hash)."""
    a, s, k, u = schema.areas.c, schema.sites.c, schema.kiosks.c, schema.users.c
    areas = {r.id: r.name for r in conn.execute(select(a.id, a.name))}
    sites = {r.id: r.code for r in conn.execute(select(s.id, s.code))}
    return {
        "areas": [
            dict(name=r.name, region=r.region, brand=r.brand)
            for r in conn.execute(select(schema.areas).order_by(a.name))
        ],
        "sites": [
            dict(code=r.code, name=r.name, area=areas.get(r.area_id))
            for r in conn.execute(select(schema.sites).order_by(s.code))
        ],
        "kiosks": [
            dict(id=r.kiosk_id, site=sites.get(r.site_id), revoked=r.revoked_utc is not None)
            for r in conn.execute(select(schema.kiosks).order_by(k.kiosk_id))
        ],
        "users": [
            dict(name=r.name, role=r.role, scope=areas.get(r.area_id) or sites.get(r.site_id))
            for r in conn.execute(select(schema.users).order_by(u.name))
        ],
    }
