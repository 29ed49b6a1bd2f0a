"""Who is looking at a page: the session cookie, CSRF tokens, and each page's roles.

Sessions are Flask's signed cookies (HttpOnly, SameSite=Lax, Secure on TLS) keyed by the
database's ``session_key``, so every process accepts every other's cookies. The cookie holds
the manager's id and a fingerprint of their password hash: the manager is looked up at each
request (a disabled manager or a changed password ends every session at once).

CSRF: a random token per session (``secrets``), sent back in every form and compared with
``hmac.compare_digest``. Twenty lines of our own rather than Flask-WTF: the pages have no
other use for WTForms, and the rule is easy to see whole here.
"""

from __future__ import annotations

import functools
import hmac
import secrets
from collections.abc import Callable
from typing import Any

from flask import (
    Flask,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.sessions import SecureCookieSessionInterface

from kiosk.endpoint.auth import MANAGERS, Principal, manager_principal, store
from kiosk.endpoint.store.logins import WebStore

CSRF_FIELD = "csrf_token"


class SessionCookies(SecureCookieSessionInterface):
    """Flask's signed cookie, marked Secure whenever the request came over TLS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return (
            request.is_secure
            or app.config.get("PREFERRED_URL_SCHEME") == "https"
            or bool(app.config.get("SESSION_COOKIE_SECURE"))
        )


def web_store() -> WebStore:
    return current_app.extensions["web_store"]


def csrf_token() -> str:
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return token


def csrf_ok() -> bool:
    sent = request.form.get(CSRF_FIELD, "") or request.headers.get("X-CSRF-Token", "")
    held = session.get("csrf", "")
    return bool(sent and held) and hmac.compare_digest(sent.encode(), held.encode())


def signed_in() -> Principal | None:
    """The manager behind this request's session, or None (and the session cleared)."""
    user_id = session.get("uid")
    if user_id is None:
        return None
    found = web_store().user(user_id)
    if found is None or found[0].disabled or found[1] != session.get("fp"):
        session.clear()
        return None
    return manager_principal(found[0], store())


def forbidden() -> Any:
    return render_template("web/forbidden.html"), 403


def page(*roles: str) -> Callable:
    """A page for these roles: anonymous visitors go to the login page, others get a 403."""

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            who = signed_in()
            if who is None:
                wants = request.full_path if request.method == "GET" else None
                return redirect(url_for("web.login", next=wants))
            g.principal = who
            if who.role not in roles:
                return forbidden()
            return view(*args, **kwargs)

        guarded.allowed_roles = roles  # type: ignore[attr-defined]
        return guarded

    return decorate


def any_manager(view: Callable) -> Callable:
    return page(*MANAGERS)(view)
