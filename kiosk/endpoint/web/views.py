"""The web pages' routes: log in and out, password, language, overview."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from kiosk.endpoint.auth import MANAGERS, store
from kiosk.endpoint.store import logins
from kiosk.endpoint.web import i18n
from kiosk.endpoint.web.guard import csrf_ok, forbidden, page, signed_in, web_store
from kiosk.endpoint.web.i18n import gettext as _
from kiosk.endpoint.web.overview import (
    PERIODS,
    PeriodError,
    Row,
    overview,
    period_range,
    stats_for,
)

blueprint = Blueprint(
    "web",
    __name__,
    url_prefix="/web",
    template_folder="templates",
    static_folder="static",
    static_url_path="/static",
)


def _now():  # type: ignore[no-untyped-def]
    return current_app.config["CENTRAL_NOW"]()


@blueprint.before_request
def _language_and_csrf():  # type: ignore[no-untyped-def]
    chosen = session.get("lang")
    g.language = (
        chosen
        if chosen in i18n.LANGUAGES
        else (request.accept_languages.best_match(i18n.LANGUAGES) or i18n.DEFAULT_LANGUAGE)
    )
    if request.method == "POST" and not csrf_ok():
        return render_template(
            "web/message.html",
            title=_("Form expired"),
            text=_("This form is out of date. Go back, reload the page and try again."),
        ), 400
    return None


def _safe_next(target: str | None) -> str:
    """Only a path on this site (no scheme, no host): never an open redirect."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("web.overview")


@blueprint.route("/login", methods=["GET", "POST"])
def login():  # type: ignore[no-untyped-def]
    error, status = "", 200
    if request.method == "POST":
        name = request.form.get("name", "").strip()[:200]
        password = request.form.get("password", "")[:1024]
        result = web_store().log_in(name, password, _now())
        if result.user is not None:
            found = web_store().user(result.user.user_id)
            assert found is not None
            chosen = session.get("lang")  # picked on the login page: kept over the new session
            session.clear()
            session.permanent = True
            session["uid"], session["fp"] = result.user.user_id, found[1]
            preferred = web_store().language(result.user.user_id) or chosen
            if preferred in i18n.LANGUAGES:
                session["lang"] = preferred
            return redirect(_safe_next(request.args.get("next")))
        status = 401
        if result.locked:
            status = 429
            error = _(
                "Too many wrong passwords: this name is locked for %(minutes)s minutes.",
                minutes=math.ceil(result.wait.total_seconds() / 60),
            )
        elif result.wait.total_seconds() > 0:
            error = _(
                "Wrong name or password. Wait %(seconds)s seconds before trying again.",
                seconds=math.ceil(result.wait.total_seconds()),
            )
        else:
            error = _("Wrong name or password.")
    return render_template("web/login.html", error=error, next=request.args.get("next", "")), status


login.allowed_roles = ("anyone",)  # type: ignore[attr-defined]


@blueprint.post("/logout")
def logout():  # type: ignore[no-untyped-def]
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    return redirect(url_for("web.login"))


logout.allowed_roles = ("anyone",)  # type: ignore[attr-defined]


@blueprint.post("/language")
def language():  # type: ignore[no-untyped-def]
    chosen = request.form.get("language", "")
    if chosen in i18n.LANGUAGES:
        session["lang"] = chosen
        who = signed_in()
        if who is not None and who.user is not None:
            web_store().set_language(who.user.user_id, chosen)
    return redirect(_safe_next(request.form.get("next")))


language.allowed_roles = ("anyone",)  # type: ignore[attr-defined]


@blueprint.route("/password", methods=["GET", "POST"])
@page(*MANAGERS)
def password():  # type: ignore[no-untyped-def]
    message, status = "", 200
    if request.method == "POST":
        old, new = request.form.get("old", ""), request.form.get("new", "")
        if new != request.form.get("again", ""):
            message, status = _("The two new passwords differ."), 400
        elif len(new) < logins.MIN_PASSWORD:
            message, status = (
                _("The new password needs at least %(n)s characters.", n=logins.MIN_PASSWORD),
                400,
            )
        else:
            fingerprint = web_store().change_password(g.principal.user.user_id, old, new, _now())
            if fingerprint is None:
                message, status = _("The current password is wrong."), 400
            else:
                session["fp"] = fingerprint
                message = _("Password changed.")
    return render_template("web/password.html", message=message, failed=status != 200), status


def _period() -> tuple[str, date, date, str]:
    """The period the visitor chose (``?period=`` and, for a custom one, since/until)."""
    today = _now().date()
    period = request.args.get("period", "30d")
    if period not in PERIODS:
        period = "30d"
    try:
        since, until = period_range(
            period, today, request.args.get("since", ""), request.args.get("until", "")
        )
        return period, since, until, ""
    except PeriodError:
        since, until = period_range("30d", today)
        return (
            "30d",
            since,
            until,
            _("Choose a first day before the last day, at most ten years apart."),
        )


def links_to(
    endpoint: str, name: str, *, marker: str | int = "0v0", **values: object
) -> Callable[[str | int], str]:
    """``url_for(endpoint, **{name: v}, **values)`` for many ``v``: one ``url_for``, then
    each ``v`` quoted by the routing map's default converter (the overview links 500 sites,
    the inbox 1,500 cases, and ``url_for`` costs some 30 µs a call). ``marker`` is a value
    the route accepts (a number for an ``int`` part). Tested equal to ``url_for``."""
    head, _, tail = url_for(endpoint, **{name: marker}, **values).partition(str(marker))
    to_url = current_app.url_map.converters["default"](current_app.url_map).to_url
    return lambda value: head + to_url(value) + tail


@blueprint.get("/", endpoint="overview")
@page(*MANAGERS)
def overview_page():  # type: ignore[no-untyped-def]
    period, since, until, error = _period()
    data = overview(store(), logins.sites(store().engine), g.principal, since, until, _now().date())
    return render_template(
        "web/overview.html",
        site_link=links_to(
            "web.site_page", "code", period=period, since=since.isoformat(), until=until.isoformat()
        ),
        plain_site_link=links_to("web.site_page", "code"),
        data=data,
        period=period,
        error=error,
        since=since.isoformat(),
        until=until.isoformat(),
        periods=_period_labels(),
    )


@blueprint.get("/site/<code>")
@page(*MANAGERS)
def site_page(code: str):  # type: ignore[no-untyped-def]
    site = next((s for s in logins.sites(store().engine) if s.code == code), None)
    if site is None or not g.principal.may_see_site(site.site_id):
        return forbidden()  # the same reply for "no such site" and "not yours"
    period, since, until, error = _period()
    ids = frozenset({site.site_id})
    row = Row(site.name, stats_for(store(), ids, since, until, _now().date()), site)
    kiosks = store().kiosks(site_ids=ids, rules=current_app.config["CENTRAL_HEALTH"], now=_now())
    return render_template(
        "web/site.html",
        site=site,
        row=row,
        stats=row.stats,
        kiosks=kiosks,
        period=period,
        error=error,
        since=since.isoformat(),
        until=until.isoformat(),
        periods=_period_labels(),
        weekdays=_weekday_names(),
    )


def _weekday_names() -> list[str]:
    return [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]


def _period_labels() -> list[tuple[str, str]]:
    return [
        ("today", _("Today")),
        ("7d", _("7 days")),
        ("30d", _("30 days")),
        ("quarter", _("Quarter (91 days)")),
        ("custom", _("Custom range")),
    ]
