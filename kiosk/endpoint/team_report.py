"""What the team hears: a report of one scope (the chain, an area, a site) over a period.

The e-mailed reports and the printable poster page show the same :class:`TeamReport`: the
NPS with its margin, the change from the previous period, the reasons detractors gave most,
and a few promoters' comments to share with the staff. The numbers come from
``CentralStore.dashboard``, as every page's do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.core.answer import Category
from kiosk.core.stats import Comment, DashboardStats
from kiosk.endpoint.store.logins import SiteRef
from kiosk.endpoint.store.registry import UserIdentity
from kiosk.endpoint.store.service import CentralStore

TOP_REASONS = 3
PROMOTER_COMMENTS = 3


class ScopeError(ValueError):
    """A scope that does not exist or that the manager may not see."""


@dataclass(frozen=True)
class Scope:
    kind: str  # chain, area or site
    scope_id: int  # 0 for the chain
    name: str  # "" for the chain (the page says "all sites" in its language)
    site_ids: frozenset[int] | None  # None: every site

    @property
    def code(self) -> str:
        """As in a page's address: ``chain``, ``area:3`` or ``site:7``."""
        return "chain" if self.kind == "chain" else f"{self.kind}:{self.scope_id}"


def scope_of(sites: list[SiteRef], kind: str, scope_id: int) -> Scope:
    if kind == "chain":
        return Scope("chain", 0, "", None)
    if kind == "area":
        members = [s for s in sites if s.area_id == scope_id]
        if members:
            return Scope("area", scope_id, members[0].area, frozenset(s.site_id for s in members))
    if kind == "site":
        found = next((s for s in sites if s.site_id == scope_id), None)
        if found is not None:
            return Scope("site", scope_id, found.name, frozenset({found.site_id}))
    raise ScopeError(f"no {kind} {scope_id}")


def parse_scope(sites: list[SiteRef], code: str) -> Scope:
    kind, _, number = code.partition(":")
    if kind == "chain" and not number:
        return scope_of(sites, "chain", 0)
    if kind not in ("area", "site") or not number.isdigit():
        raise ScopeError(f"no scope {code!r}")
    return scope_of(sites, kind, int(number))


def may_see(user: UserIdentity, scope: Scope) -> bool:
    """Whether a manager's role covers the whole scope."""
    if user.role == "admin":
        return True
    if user.role == "area":
        return scope.kind == "area" and scope.scope_id == user.area_id
    return scope.kind == "site" and scope.scope_id == user.site_id


def scopes_for(user: UserIdentity, sites: list[SiteRef]) -> list[Scope]:
    """The scopes a manager may ask a report or a poster of, widest first."""
    found = [scope_of(sites, "chain", 0)] if user.role == "admin" else []
    for area_id in dict.fromkeys(s.area_id for s in sites if s.area_id is not None):
        scope = scope_of(sites, "area", area_id)
        if may_see(user, scope):
            found.append(scope)
    for site in sites:
        scope = scope_of(sites, "site", site.site_id)
        if may_see(user, scope) or (user.role == "area" and site.area_id == user.area_id):
            found.append(scope)
    return found


@dataclass(frozen=True)
class TeamReport:
    scope: Scope
    stats: DashboardStats
    detractor_reasons: tuple[tuple[str, int], ...]
    promoter_comments: tuple[Comment, ...]

    @property
    def since(self) -> date:
        return self.stats.since

    @property
    def until(self) -> date:
        return self.stats.until


def team_report(central: CentralStore, scope: Scope, since: date, until: date) -> TeamReport:
    stats = central.dashboard(
        site_ids=scope.site_ids,
        kiosk_ids=None,
        since=since,
        until=until,
        include_flagged=False,
        granularity=None,
        today=until,
    )
    reasons = stats.reasons.get(Category.DETRACTOR.value, ())[:TOP_REASONS]
    promoters = tuple(
        c for c in stats.comments if c.category is Category.PROMOTER and not c.flagged
    )[:PROMOTER_COMMENTS]
    return TeamReport(scope, stats, tuple(reasons), promoters)
