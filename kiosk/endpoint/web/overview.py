"""The overview page's numbers: the chain, each area and site, and the ranking.

A site's page is ``CentralStore.dashboard``, the function behind ``/v1/api/stats``. The
overview's lines are ``CentralStore.standings``: every site's NPS, previous period and trend
in two queries, areas and the chain summed from their sites (``reports.combined``); the same
numbers as the dashboard of each (tested), without a dashboard per site.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kiosk.core.nps import NpsSummary, change
from kiosk.core.ranking import Ranking, rank
from kiosk.core.stats import DashboardStats
from kiosk.endpoint.auth import Principal
from kiosk.endpoint.store.logins import SiteRef
from kiosk.endpoint.store.reports import Standing, combined
from kiosk.endpoint.store.service import CentralStore

PERIODS = ("today", "7d", "30d", "quarter", "custom")
PERIOD_DAYS = {"today": 1, "7d": 7, "30d": 30, "quarter": 91}
MAX_DAYS = 3660


class PeriodError(ValueError):
    """A custom range the page cannot show (a sentence for the visitor)."""


def period_range(period: str, today: date, since: str = "", until: str = "") -> tuple[date, date]:
    if period in PERIOD_DAYS:
        return today - timedelta(days=PERIOD_DAYS[period] - 1), today
    try:
        first, last = date.fromisoformat(since), date.fromisoformat(until)
    except ValueError as exc:
        raise PeriodError("dates") from exc
    if first > last or (last - first).days > MAX_DAYS:
        raise PeriodError("range")
    return first, last


@dataclass(frozen=True)
class Row:
    """One line of the overview: the chain, an area or a site."""

    name: str
    stats: DashboardStats | Standing
    site: SiteRef | None = None

    @property
    def summary(self) -> NpsSummary:
        return self.stats.summary

    @property
    def change(self) -> float | None:
        return change(self.stats.summary, self.stats.previous)

    def trend_points(self, width: int = 120, height: int = 32) -> str:
        """An SVG polyline's points over the trend's NPS (-100..100); gaps skipped."""
        values = self.stats.trend_nps()
        if len(values) < 2:
            return ""
        step = width / (len(values) - 1)
        return " ".join(
            f"{i * step:.1f},{height * (100 - v) / 200:.1f}"
            for i, v in enumerate(values)
            if v is not None
        )


@dataclass(frozen=True)
class Overview:
    since: date
    until: date
    chain: Row
    areas: tuple[tuple[Row, tuple[Row, ...]], ...]
    ranking: Ranking[SiteRef]


def stats_for(
    central: CentralStore, site_ids: frozenset[int] | None, since: date, until: date, today: date
) -> DashboardStats:
    return central.dashboard(
        site_ids=site_ids,
        kiosk_ids=None,
        since=since,
        until=until,
        include_flagged=False,
        granularity=None,
        today=today,
    )


def overview(
    central: CentralStore,
    sites: list[SiteRef],
    who: Principal,
    since: date,
    until: date,
    today: date,
) -> Overview:
    visible = [s for s in sites if who.may_see_site(s.site_id)]
    lines = central.standings(
        site_ids=who.site_ids, since=since, until=until, include_flagged=False
    )
    nothing = combined((), since, until)
    site_rows = {s.site_id: Row(s.name, lines.get(s.site_id, nothing), s) for s in visible}
    members: dict[str | None, list[Row]] = {}
    for s in visible:
        members.setdefault(s.area, []).append(site_rows[s.site_id])
    areas = [
        (Row(area, combined((r.stats for r in rows), since, until)), tuple(rows))
        for area, rows in members.items()
    ]
    chain = Row("", combined((row.stats for row, _ in areas), since, until))
    ranking = rank([(row.site, row.summary) for row in site_rows.values()])
    return Overview(since, until, chain, tuple(areas), ranking)
