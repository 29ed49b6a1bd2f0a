"""The managers' web logins: wrong-password throttling, password changes, preferences.

Everything lives in the database (``login_attempts``, ``user_prefs``, the ``session_key``
row of ``service_keys``) so several service processes share one count and one key.

Throttling is per login name, known or not (a name nobody has is throttled the same way, so
the replies do not tell which names exist): after ``FREE_FAILURES`` wrong passwords each new
failure doubles the wait before the next attempt is even checked (1 s, 2 s, 4 s ... at most
``MAX_DELAY``); from ``LOCK_AFTER`` failures on the name is locked for ``LOCK_FOR``. A right
password resets the count.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, delete, insert, select, update

from kiosk.core.answer import iso_utc
from kiosk.endpoint.store import registry, schema
from kiosk.endpoint.store.engine import reading, writing
from kiosk.endpoint.store.registry import UserIdentity

FREE_FAILURES = 3
MAX_DELAY = timedelta(seconds=60)
LOCK_AFTER = 10
LOCK_FOR = timedelta(minutes=30)
MIN_PASSWORD = 10


def _parse(stamp: str | None) -> datetime | None:
    return None if stamp is None else datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def delay_after(failures: int) -> timedelta:
    """How long a name must wait after its ``failures``-th wrong password."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    if failures >= LOCK_AFTER:
        return LOCK_FOR
    return min(timedelta(seconds=2 ** (failures - FREE_FAILURES)), MAX_DELAY)


@dataclass(frozen=True)
class LoginResult:
    user: UserIdentity | None
    wait: timedelta = timedelta(0)  # > 0: refused unchecked, try again after this
    locked: bool = False


class WebStore:
    """The web pages' share of the central store, on the same engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        with reading(engine) as conn:
            self.session_key = bytes.fromhex(
                conn.execute(
                    select(schema.service_keys.c.value).where(
                        schema.service_keys.c.name == "session_key"
                    )
                ).scalar_one()
            )

    def log_in(self, name: str, password: str, now: datetime) -> LoginResult:
        """Check a password unless the name must wait; count a failure, reset on success."""
        t = schema.login_attempts.c
        with writing(self.engine) as conn:
            row = conn.execute(select(schema.login_attempts).where(t.name == name)).first()
            next_try = _parse(row.next_try_utc) if row else None
            if next_try is not None and now < next_try:
                return LoginResult(None, next_try - now, row.failures >= LOCK_AFTER)
            user = registry.password_matches(conn, name, password)
            if user is not None and not user.disabled:
                conn.execute(delete(schema.login_attempts).where(t.name == name))
                registry.audit(conn, iso_utc(now), name, "web-login", name)
                return LoginResult(user)
            failures = (row.failures if row else 0) + 1
            wait = delay_after(failures)
            values = {
                "failures": failures,
                "last_failure_utc": iso_utc(now),
                "next_try_utc": iso_utc(now + wait) if wait else None,
            }
            if row is None:
                conn.execute(insert(schema.login_attempts).values(name=name, **values))
            else:
                conn.execute(update(schema.login_attempts).where(t.name == name).values(**values))
            if failures == LOCK_AFTER:
                registry.audit(
                    conn, iso_utc(now), "web", "login-locked", name, {"failures": failures}
                )
            return LoginResult(None, wait, failures >= LOCK_AFTER)

    def user(self, user_id: int) -> tuple[UserIdentity, str] | None:
        """A manager by id with a fingerprint of their password (sessions die with it)."""
        with reading(self.engine) as conn:
            row = conn.execute(select(schema.users).where(schema.users.c.id == user_id)).first()
        if row is None:
            return None
        return (
            UserIdentity(
                row.id, row.name, row.role, row.area_id, row.site_id, row.disabled_utc is not None
            ),
            self.fingerprint(row.password_hash or ""),
        )

    def fingerprint(self, password_hash: str) -> str:
        return hmac.new(self.session_key, password_hash.encode(), hashlib.sha256).hexdigest()[:32]

    def change_password(self, user_id: int, old: str, new: str, now: datetime) -> str | None:
        """Set a new password if ``old`` is right; the new fingerprint, or None if refused."""
        if len(new) < MIN_PASSWORD:
            raise ValueError(f"at least {MIN_PASSWORD} characters")
        u = schema.users.c
        with writing(self.engine) as conn:
            row = conn.execute(select(schema.users).where(u.id == user_id)).first()
            if row is None or not registry.check_password(row.password_hash, old):
                return None
            hashed = registry.hash_password(new)
            conn.execute(update(schema.users).where(u.id == user_id).values(password_hash=hashed))
            registry.audit(conn, iso_utc(now), row.name, "change-password", row.name)
        return self.fingerprint(hashed)

    def language(self, user_id: int) -> str:
        p = schema.user_prefs.c
        with reading(self.engine) as conn:
            return conn.execute(select(p.language).where(p.user_id == user_id)).scalar() or ""

    def set_language(self, user_id: int, language: str) -> None:
        with writing(self.engine) as conn:
            _upsert_language(conn, user_id, language)


def _upsert_language(conn: Connection, user_id: int, language: str) -> None:
    p = schema.user_prefs.c
    if conn.execute(select(p.user_id).where(p.user_id == user_id)).first():
        conn.execute(
            update(schema.user_prefs).where(p.user_id == user_id).values(language=language)
        )
    else:
        conn.execute(insert(schema.user_prefs).values(user_id=user_id, language=language))


@dataclass(frozen=True)
class SiteRef:
    site_id: int
    code: str
    name: str
    area_id: int | None
    area: str

    def __str__(self) -> str:
        return self.name


def sites(engine: Engine) -> list[SiteRef]:
    """Every site with its area's name, by area then site name."""
    s, a = schema.sites.c, schema.areas.c
    with reading(engine) as conn:
        rows = conn.execute(
            select(s.id, s.code, s.name, s.area_id, a.name.label("area"))
            .select_from(schema.sites.outerjoin(schema.areas, a.id == s.area_id))
            .order_by(a.name, s.name)
        ).all()
    return [SiteRef(r.id, r.code, r.name, r.area_id, r.area or "") for r in rows]


def managers(engine: Engine) -> list[UserIdentity]:
    """Every manager that is not disabled, by name (the case assignees to choose from)."""
    u = schema.users.c
    with reading(engine) as conn:
        rows = conn.execute(
            select(schema.users).where(u.disabled_utc.is_(None)).order_by(u.name)
        ).all()
    return [UserIdentity(r.id, r.name, r.role, r.area_id, r.site_id, False) for r in rows]


def reset_password(engine: Engine, name: str, password: str, now: datetime) -> None:
    """Give a manager a new password (the demo's managers at each start); audited."""
    u = schema.users.c
    with writing(engine) as conn:
        conn.execute(
            update(schema.users)
            .where(u.name == name)
            .values(password_hash=registry.hash_password(password))
        )
        registry.audit(conn, iso_utc(now), "demo", "reset-password", name)
