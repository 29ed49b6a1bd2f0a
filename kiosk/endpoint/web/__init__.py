"""The managers' web pages: server-rendered Jinja templates, a CSS file, no outside assets.

``register(app, store)`` is the one call ``create_app`` makes; everything else (the session
cookies, the CSRF check, the languages) is set up here.
"""

from __future__ import annotations

from datetime import timedelta

from flask import Flask, redirect, url_for

from kiosk.endpoint.store.cases import CaseBook
from kiosk.endpoint.store.logins import WebStore
from kiosk.endpoint.store.service import CentralStore
from kiosk.endpoint.web import (  # noqa: F401 - inbox, exports and alerts add their routes
    alerts,
    exports,
    i18n,
    inbox,
)
from kiosk.endpoint.web.guard import SessionCookies, csrf_token
from kiosk.endpoint.web.views import blueprint

SESSION_HOURS = 12


def register(app: Flask, store: CentralStore) -> None:
    web = WebStore(store.engine)
    app.extensions["web_store"] = web
    app.extensions["case_book"] = CaseBook(store.engine)
    app.secret_key = web.session_key
    app.session_interface = SessionCookies()
    app.config.update(
        SESSION_COOKIE_NAME="kiosk_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=SESSION_HOURS),
    )
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
    app.jinja_env.globals.update(
        csrf_token=csrf_token,
        number=i18n.number,
        margin=i18n.margin,
        signed=i18n.signed,
        day=i18n.day,
        moment=i18n.moment,
        stamp=i18n.stamp,
        local_time=i18n.local_time,
        languages=i18n.LANGUAGE_NAMES,
        reason_label=i18n.reason_label,
        firing_title=alerts.firing_title,
        firing_text=alerts.firing_text,
    )
    app.register_blueprint(blueprint)

    @app.get("/")
    def _root():  # type: ignore[no-untyped-def]
        return redirect(url_for("web.overview"))

    _root.allowed_roles = ("anyone",)  # type: ignore[attr-defined]
