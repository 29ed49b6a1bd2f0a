"""Who is asking: one function turns a request into a :class:`Principal`.

A kiosk presents its bearer token; a manager presents a personal API token (bearer) or HTTP
Basic name and password. The managers' web pages will add cookie sessions here, and nowhere
else. Every route declares the roles it allows with :func:`allow`; the principal is looked up
in the database at each request (nothing cached), so a revocation holds at once in every
process.
"""

from __future__ import annotations

import base64
import binascii
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import current_app, g, request

from kiosk.endpoint.errors import HttpError
from kiosk.endpoint.store.registry import KioskIdentity, Throttled, UserIdentity
from kiosk.endpoint.store.service import CentralStore

log = logging.getLogger("kiosk.endpoint")

KIOSK = "kiosk"
ADMIN, AREA, SITE = "admin", "area", "site"
MANAGERS = (ADMIN, AREA, SITE)
CHALLENGE = [("WWW-Authenticate", 'Bearer realm="kiosk", Basic realm="kiosk"')]


@dataclass(frozen=True)
class Principal:
    role: str  # kiosk, admin, area or site
    name: str
    kiosk: KioskIdentity | None = None
    user: UserIdentity | None = None
    # Sites this principal may see; None means every site.
    site_ids: frozenset[int] | None = None

    def may_see_site(self, site_id: int) -> bool:
        return self.site_ids is None or site_id in self.site_ids


def store() -> CentralStore:
    return current_app.extensions["central_store"]


def principal_for(headers: Any, central: CentralStore) -> Principal:
    """The principal behind a request's ``Authorization``, or a 401 :class:`HttpError`."""
    header = headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    value = value.strip()
    if not value or scheme.lower() not in ("bearer", "basic"):
        raise HttpError(401, "missing bearer token", CHALLENGE)
    if len(value) > 1024:
        raise HttpError(401, "unknown token", CHALLENGE)
    if scheme.lower() == "basic":
        try:
            name, _, password = (
                base64.b64decode(value, validate=True).decode("utf-8").partition(":")
            )
        except (binascii.Error, UnicodeDecodeError) as exc:
            raise HttpError(401, "malformed Basic credentials", CHALLENGE) from exc
        try:
            user = central.user_for_password(name, password)
        except Throttled as exc:
            raise HttpError(
                429, "too many wrong passwords: try again later", [("Retry-After", "60")]
            ) from exc
        if user is None or user.disabled:
            raise HttpError(401, "wrong name or password", CHALLENGE)
        return _manager(user, central)
    kiosk = central.kiosk_for_token(value)
    if kiosk is not None:
        if kiosk.revoked:
            raise HttpError(401, "this kiosk's token was revoked", CHALLENGE)
        return Principal(KIOSK, kiosk.kiosk_id, kiosk=kiosk)
    user = central.user_for_token(value)
    if user is None or user.disabled:
        raise HttpError(401, "unknown token", CHALLENGE)
    return _manager(user, central)


def manager_principal(user: UserIdentity, central: CentralStore) -> Principal:
    """A manager signed in on the web pages (their session cookie, kiosk/endpoint/web)."""
    return _manager(user, central)


def _manager(user: UserIdentity, central: CentralStore) -> Principal:
    sites = central.scope_sites(user)
    return Principal(
        user.role, user.name, user=user, site_ids=None if sites is None else frozenset(sites)
    )


def allow(*roles: str) -> Callable:
    """Declare who may call a route; anyone else gets 401 (unknown) or 403 (known)."""

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            principal = principal_for(request.headers, store())
            if principal.role not in roles:
                raise HttpError(403, f"a {principal.role} may not use this route")
            g.principal = principal
            return view(*args, **kwargs)

        guarded.allowed_roles = roles  # type: ignore[attr-defined]
        return guarded

    return decorate


def principal() -> Principal:
    return g.principal
