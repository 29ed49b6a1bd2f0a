"""Triggers and their alerts, a manager's e-mail and reports, and the staff-room poster.

``firing_title`` and ``firing_text`` word an alert once, for the pages, the e-mails and the
chat messages alike (``web/mail/firing.txt`` calls them).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, g, redirect, render_template, request, url_for

from kiosk.core.answer import iso_utc
from kiosk.core.triggers import DEFAULTS, Frequency, Trigger, TriggerError, TriggerKind
from kiosk.endpoint.auth import MANAGERS, store
from kiosk.endpoint.store import alerting, logins
from kiosk.endpoint.store.alerting import AlertingError, Firing, Rule
from kiosk.endpoint.store.engine import reading, writing
from kiosk.endpoint.store.logins import SiteRef
from kiosk.endpoint.store.registry import UserIdentity
from kiosk.endpoint.team_report import ScopeError, may_see, parse_scope, scopes_for, team_report
from kiosk.endpoint.web import i18n
from kiosk.endpoint.web.guard import forbidden, page
from kiosk.endpoint.web.i18n import gettext as _
from kiosk.endpoint.web.overview import period_range
from kiosk.endpoint.web.views import blueprint

RECENT = timedelta(days=7)
POSTER_PERIODS = ("7d", "30d", "quarter")


def _now() -> datetime:
    return current_app.config["CENTRAL_NOW"]()


def kind_labels() -> dict[str, str]:
    return {
        TriggerKind.DETRACTORS: _("Many detractors"),
        TriggerKind.SILENT: _("Silent kiosk"),
        TriggerKind.CASE_DUE: _("Case near its target"),
    }


def frequency_labels() -> dict[str, str]:
    return {
        Frequency.DAILY: _("Daily"),
        Frequency.WEEKLY: _("Weekly"),
        Frequency.MONTHLY: _("Monthly"),
    }


def firing_title(firing: Firing) -> str:
    """One line naming the alert (a page's row, an e-mail's subject)."""
    d = firing.detail
    if firing.kind is TriggerKind.DETRACTORS:
        return _(
            "%(site)s: %(share)s%% detractors in the last %(minutes)s minutes",
            site=firing.site,
            share=i18n.number(d["share"]),
            minutes=i18n.number(d["minutes"]),
        )
    if firing.kind is TriggerKind.SILENT:
        return _(
            "%(site)s: kiosk %(kiosk)s silent for %(hours)s hours",
            site=firing.site,
            kiosk=d["kiosk"],
            hours=i18n.number(d["hours"], 1),
        )
    return _(
        "%(site)s: case #%(case)s misses its target in %(hours)s hours",
        site=firing.site,
        case=d["case"],
        hours=i18n.number(d["hours_left"], 1),
    )


def firing_text(firing: Firing) -> str:
    """What happened, in a sentence or two with the numbers."""
    d = firing.detail
    if firing.kind is TriggerKind.DETRACTORS:
        return _(
            "At %(site)s, %(detractors)s of the %(answers)s answers of the last %(minutes)s"
            " minutes were detractors (%(share)s%%). This trigger fires above %(threshold)s%%"
            " with at least %(least)s answers.",
            site=firing.site,
            detractors=i18n.number(d["detractors"]),
            answers=i18n.number(d["answers"]),
            minutes=i18n.number(d["minutes"]),
            share=i18n.number(d["share"], 1),
            threshold=i18n.number(d["threshold"]),
            least=i18n.number(d.get("min_answers", 0)),
        )
    if firing.kind is TriggerKind.SILENT:
        return _(
            "Kiosk %(kiosk)s at %(site)s has sent nothing since %(last)s (%(hours)s hours)."
            " Check its power and network.",
            kiosk=d["kiosk"],
            site=firing.site,
            last=i18n.stamp(d["last_seen"]),
            hours=i18n.number(d["hours"], 1),
        )
    return _(
        "Case #%(case)s at %(site)s has had no first contact and is due at %(due)s.",
        case=d["case"],
        site=firing.site,
        due=i18n.stamp(d["due"]),
    )


def rule_text(rule: Rule) -> str:
    s = rule.trigger.settings
    if rule.trigger.kind is TriggerKind.DETRACTORS:
        return _(
            "more than %(share)s%% detractors over %(minutes)s minutes, at least %(least)s answers",
            share=i18n.number(s["share"]),
            minutes=i18n.number(s["minutes"]),
            least=i18n.number(s["min_answers"]),
        )
    if rule.trigger.kind is TriggerKind.SILENT:
        return _("no contact for %(hours)s hours", hours=i18n.number(s["hours"], 1))
    return _("no first contact %(hours)s hours before the target", hours=i18n.number(s["hours"], 1))


def _sites() -> list[SiteRef]:
    return logins.sites(store().engine)


def _user() -> UserIdentity:
    return g.principal.user


def _rule_scope_code(rule: Rule) -> str:
    if rule.site_id is not None:
        return f"site:{rule.site_id}"
    return f"area:{rule.area_id}" if rule.area_id is not None else "chain"


def _rule_visible(rule: Rule, sites: list[SiteRef]) -> bool:
    if g.principal.site_ids is None or rule.scope == "chain":
        return True
    covered = {s.site_id for s in sites if rule.site_id in (None, s.site_id)}
    if rule.area_id is not None:
        covered = {s.site_id for s in sites if s.area_id == rule.area_id}
    return bool(covered & g.principal.site_ids)


def _may_edit(rule_scope: str, sites: list[SiteRef]) -> bool:
    try:
        scope = parse_scope(sites, rule_scope)
    except ScopeError:
        return False
    user = _user()
    if user.role == "area" and scope.kind == "site":
        return any(s.site_id == scope.scope_id and s.area_id == user.area_id for s in sites)
    return may_see(user, scope)


@blueprint.route("/alerts", methods=["GET", "POST"])
@page(*MANAGERS)
def alerts_page():  # type: ignore[no-untyped-def]
    sites, error, status = _sites(), "", 200
    if request.method == "POST":
        error = _change_alerts(sites)
        if not error:
            return redirect(url_for("web.alerts_page"))
        status = 400
    with reading(store().engine) as conn:
        rules = [r for r in alerting.rules(conn) if _rule_visible(r, sites)]
        firings = alerting.firings(conn, g.principal.site_ids, _now() - RECENT)
    scopes = [s for s in scopes_for(_user(), sites) if _may_edit(s.code, sites)]
    return render_template(
        "web/alerts.html",
        rules=[(r, _may_edit(_rule_scope_code(r), sites)) for r in rules],
        firings=firings,
        scopes=scopes,
        kinds=kind_labels(),
        defaults=DEFAULTS,
        rule_text=rule_text,
        firing_title=firing_title,
        firing_text=firing_text,
        error=error,
        scope_name=_scope_name,
        sites=sites,
    ), status


def _scope_name(code: str, sites: list[SiteRef]) -> str:
    try:
        scope = parse_scope(sites, code)
    except ScopeError:
        return code
    return scope.name or _("All sites")


def _change_alerts(sites: list[SiteRef]) -> str:
    """Carry out the posted change; a sentence for the page when it cannot be made."""
    action, now = request.form.get("action", ""), _now()
    with writing(store().engine) as conn:
        if action == "seen":
            found = alerting.firing(conn, _int(request.form.get("firing")))
            if found is None or not g.principal.may_see_site(found.site_id):
                return _("This alert is not one of yours.")
            alerting.mark_seen(conn, found.firing_id, iso_utc(now), g.principal.name)
            return ""
        if action == "remove":
            rule = alerting.rule(conn, _int(request.form.get("rule")))
            if rule is None or not _may_edit(_rule_scope_code(rule), sites):
                return _("You may not change this trigger.")
            alerting.remove_rule(conn, iso_utc(now), g.principal.name, rule.rule_id)
            return ""
        if action != "add":
            return _("This change cannot be made now.")
        code = request.form.get("scope", "")
        if not _may_edit(code, sites):
            return _("Choose one of your sites or areas.")
        kind = request.form.get("kind", "")
        names = DEFAULTS.get(kind, {})  # type: ignore[call-overload]
        try:
            trigger = Trigger.checked(
                kind, {n: request.form.get(f"{kind}-{n}", "") or DEFAULTS[kind][n] for n in names}
            )
            scope = parse_scope(sites, code)
            alerting.add_rule(
                conn,
                iso_utc(now),
                g.principal.name,
                trigger,
                area_id=scope.scope_id if scope.kind == "area" else None,
                site_id=scope.scope_id if scope.kind == "site" else None,
                email=request.form.get("email") == "on",
                webhook_url=request.form.get("webhook", ""),
                language=g.language,
            )
        except (TriggerError, AlertingError, ScopeError, KeyError):
            return _(
                "Check the trigger's numbers and the chat address (https://…), then try again."
            )
    return ""


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


@blueprint.route("/notifications", methods=["GET", "POST"])
@page(*MANAGERS)
def notifications():  # type: ignore[no-untyped-def]
    sites, user, message, status = _sites(), _user(), "", 200
    scopes = scopes_for(user, sites)
    if request.method == "POST":
        action, stamp = request.form.get("action", ""), iso_utc(_now())
        try:
            with writing(store().engine) as conn:
                if action == "mail":
                    alerting.set_mail(
                        conn,
                        stamp,
                        user.user_id,
                        request.form.get("address", ""),
                        request.form.get("alerts") == "on",
                    )
                elif action == "subscribe":
                    scope = parse_scope(sites, request.form.get("scope", ""))
                    if not any(s.code == scope.code for s in scopes):
                        raise ScopeError("not yours")
                    alerting.subscribe(
                        conn,
                        stamp,
                        user.user_id,
                        scope.kind,
                        scope.scope_id,
                        request.form.get("frequency", ""),
                    )
                elif action == "unsubscribe":
                    alerting.unsubscribe(conn, user.user_id, _int(request.form.get("subscription")))
            return redirect(url_for("web.notifications"))
        except AlertingError:
            message, status = _("Write an e-mail address such as name@example.com."), 400
        except ScopeError:
            message, status = _("Choose one of your sites or areas."), 400
    with reading(store().engine) as conn:
        address, wants_alerts = alerting.mail_of(conn, user.user_id)
        subscribed = alerting.subscriptions(conn, user.user_id)
    names = {s.code: s.name or _("All sites") for s in scopes}
    return render_template(
        "web/notifications.html",
        address=address,
        wants_alerts=wants_alerts,
        subscribed=[
            (s, names.get("chain" if s.scope == "chain" else f"{s.scope}:{s.scope_id}", "–"))
            for s in subscribed
        ],
        scopes=scopes,
        frequencies=frequency_labels(),
        message=message,
    ), status


@blueprint.get("/poster")
@page(*MANAGERS)
def poster():  # type: ignore[no-untyped-def]
    """A printable page for the staff room: the NPS, what to improve, what guests loved."""
    sites = _sites()
    scopes = scopes_for(_user(), sites)
    code = request.args.get("scope", scopes[0].code if scopes else "")
    try:
        scope = parse_scope(sites, code)
    except ScopeError:
        return forbidden()
    if not any(s.code == scope.code for s in scopes):
        return forbidden()
    period = request.args.get("period", "7d")
    if period not in POSTER_PERIODS:
        period = "7d"
    since, until = period_range(period, _now().date())
    return render_template(
        "web/poster.html",
        report=team_report(store(), scope, since, until),
        scopes=scopes,
        period=period,
        periods=[("7d", _("7 days")), ("30d", _("30 days")), ("quarter", _("Quarter (91 days)"))],
    )
