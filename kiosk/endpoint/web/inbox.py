"""The follow-up inbox and the case page (routes on the web blueprint)."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, g, jsonify, redirect, render_template, request, url_for

from kiosk.endpoint.auth import MANAGERS, store
from kiosk.endpoint.store import alerting, contacts, logins
from kiosk.endpoint.store.cases import DISMISSALS, OUTCOMES, CaseBook, CaseError
from kiosk.endpoint.store.engine import reading
from kiosk.endpoint.store.logins import SiteRef
from kiosk.endpoint.store.registry import UserIdentity
from kiosk.endpoint.web.guard import forbidden, page
from kiosk.endpoint.web.i18n import gettext as _
from kiosk.endpoint.web.views import blueprint, links_to

# The follow-up figures cover the cases opened in these last days: this month's work, not
# every case since the chain began (which would also be read on every visit).
FIGURES_DAYS = 30
CASE_MARKER = 9_876_543_210  # a case number for links_to
# The inbox lists this many open cases of the least time left, and every case opened in the
# last day besides (``?all=1`` lists every one): a chain's backlog of 1,500 open cases made
# a 480 KB page that took a second to write and more to draw on a phone.
MOST_URGENT = 200


def book() -> CaseBook:
    return current_app.extensions["case_book"]


def _now() -> datetime:
    return current_app.config["CENTRAL_NOW"]()


def outcome_labels() -> dict[str, str]:
    return {
        "recovered": _("Recovered"),
        "not_recovered": _("Not recovered"),
        "unreachable": _("Could not reach"),
        "no_contact": _("No contact given"),
        "spam": _("Spam"),
        "test": _("Test"),
    }


def status_labels() -> dict[str, str]:
    return {
        "open": _("Open"),
        "contacted": _("Contacted"),
        "resolved": _("Resolved"),
        "dismissed": _("Dismissed"),
    }


def action_labels() -> dict[str, str]:
    return {
        "open": _("opened"),
        "assign": _("assigned"),
        "contact": _("contacted"),
        "resolve": _("resolved"),
        "dismiss": _("dismissed"),
        "note": _("note"),
    }


def _may_handle(user: UserIdentity, site: SiteRef) -> bool:
    return (
        user.role == "admin"
        or (user.role == "area" and user.area_id == site.area_id)
        or (user.role == "site" and user.site_id == site.site_id)
    )


@blueprint.get("/inbox")
@page(*MANAGERS)
def inbox():  # type: ignore[no-untyped-def]
    who, now = g.principal, _now()
    everything = request.args.get("all") == "1"
    open_cases = book().inbox(
        who.site_ids,
        most_urgent=None if everything else MOST_URGENT,
        opened_since=now - timedelta(days=1),
    )
    context = {
        "everything": everything,
        "case_link": links_to("web.case_page", "case_id", marker=CASE_MARKER),
        "cases": open_cases,
        "now": now,
        "outcomes": outcome_labels(),
        "statuses": status_labels(),
    }
    if request.args.get("part") == "rows":  # the live refresh: the rows alone
        return render_template("web/inbox_rows.html", **context)
    pending = len(open_cases) if everything else book().pending(who.site_ids)[0]
    sites = [s for s in logins.sites(store().engine) if who.may_see_site(s.site_id)]
    groups: list[tuple[str, frozenset[int] | None]] = [(_("All my sites"), who.site_ids)]
    for area in dict.fromkeys(s.area for s in sites):
        ids = frozenset(s.site_id for s in sites if s.area == area)
        groups.append((area or _("No area"), ids))
    groups += [(s.name, frozenset({s.site_id})) for s in sites]
    since = now - timedelta(days=FIGURES_DAYS)
    figures = book().kpis_of([ids for _name, ids in groups], now, since)
    kpis = [(name, k) for (name, _ids), k in zip(groups, figures, strict=True)]
    with reading(store().engine) as conn:
        unseen = alerting.firings(conn, who.site_ids, now - timedelta(days=7), unseen=True)
    return render_template(
        "web/inbox.html",
        alerts=unseen,
        closed=book().inbox(who.site_ids, closed=True),
        kpis=kpis,
        figures_days=FIGURES_DAYS,
        pending=pending,
        **context,
    )


@blueprint.get("/inbox/live")
@page(*MANAGERS)
def inbox_live():  # type: ignore[no-untyped-def]
    """What the inbox page polls each second: the count of open cases and the newest id."""
    pending, newest = book().pending(g.principal.site_ids)
    reply = jsonify(pending=pending, newest=newest)
    reply.headers["Cache-Control"] = "no-store"
    return reply


@blueprint.route("/case/<int:case_id>", methods=["GET", "POST"])
@page(*MANAGERS)
def case_page(case_id: int):  # type: ignore[no-untyped-def]
    found = book().case(case_id)
    if found is None or not g.principal.may_see_site(found[0].site_id):
        return forbidden()  # the same reply for "no such case" and "not yours"
    case, _events = found
    site = next(s for s in logins.sites(store().engine) if s.site_id == case.site_id)
    assignees = [u.name for u in logins.managers(store().engine) if _may_handle(u, site)]
    error, status = "", 200
    if request.method == "POST":
        action = request.form.get("action", "")
        assignee = request.form.get("assignee", "")
        if action == "assign" and assignee and assignee not in assignees:
            error, status = _("Choose a manager of this site."), 400
        else:
            try:
                book().change(
                    case_id,
                    g.principal.name,
                    action,
                    _now(),
                    outcome=request.form.get("outcome", ""),
                    assignee=assignee,
                    note=request.form.get("note", ""),
                )
                return redirect(url_for("web.case_page", case_id=case_id))
            except CaseError:
                error, status = _("This change cannot be made to this case now."), 400
        case, _events = book().case(case_id) or found
    contact = contacts.contact_for(store().engine, case.kiosk_id, case.answer_id, _now())
    return render_template(
        "web/case.html",
        case=case,
        contact=contact,
        events=book().case(case_id)[1],
        site=site,
        assignees=assignees,
        now=_now(),
        error=error,
        outcomes=outcome_labels(),
        statuses=status_labels(),
        actions=action_labels(),
        resolutions=OUTCOMES,
        dismissals=DISMISSALS,
    ), status
