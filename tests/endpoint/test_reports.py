"""The overview's lines (``reports.standings`` / ``combined``) equal the dashboard of the same
sites, for every site, area and the chain, by day and by week, with flagged answers and a
previous period; the inbox's figures of many groups at once equal each group's alone; the
per-site rollup ``site_daily`` is what ``daily`` sums to (both stores)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from endpoint.web_world import NOW, alert, answer, build
from kiosk.endpoint.store import reports, schema
from kiosk.endpoint.store.cases import CaseBook
from kiosk.endpoint.store.engine import reading
from kiosk.endpoint.store.logins import sites as all_sites
from kiosk.endpoint.store.rows import week_of

TODAY = NOW.date()


@pytest.fixture
def chain(migrated_url):
    store = build(migrated_url, {"centro": [10, 9, 3, 7] * 9, "playa": [2, 10, 8] * 7})
    # A second kiosk in centro, flagged answers, and a previous period 40-80 days back.
    store.change("add-kiosk", "t", "k-centro-2", "centro")
    batch = [
        answer(i + 1, (i * 7) % 11, NOW - timedelta(days=40 + i % 40, hours=2)) for i in range(60)
    ]
    batch += [answer(61 + i, 10, NOW - timedelta(days=i % 5), flags=["too_soon"]) for i in range(5)]
    store.store_answers({"id": "k-centro-2", "site": "centro", "app_version": "1.0"}, batch, NOW, 0)
    yield store
    store.close()


@pytest.mark.parametrize("days", [1, 7, 30, 91, 365])
def test_every_line_equals_the_dashboard_of_its_sites(chain, days):
    since = TODAY - timedelta(days=days - 1)
    sites = all_sites(chain.engine)
    lines = chain.standings(site_ids=None, since=since, until=TODAY, include_flagged=False)
    groups = {s.code: frozenset({s.site_id}) for s in sites}
    groups |= {s.area: frozenset(t.site_id for t in sites if t.area == s.area) for s in sites}
    groups["chain"] = frozenset(s.site_id for s in sites)
    for name, ids in groups.items():
        expected = chain.dashboard(
            site_ids=ids,
            kiosk_ids=None,
            since=since,
            until=TODAY,
            include_flagged=False,
            granularity=None,
            today=TODAY,
        )
        line = reports.combined((lines[i] for i in ids if i in lines), since, TODAY)
        assert (line.summary, line.previous, line.trend) == (
            expected.summary,
            expected.previous,
            expected.trend,
        ), name
    assert sum(line.summary.total for line in lines.values()) > 0


def test_site_daily_is_daily_summed_over_kiosks(chain):
    d, s = schema.daily, schema.site_daily
    columns = [func.sum(d.c[name]) for name in schema.SCORE_COLUMNS]
    with reading(chain.engine) as conn:
        summed = conn.execute(
            select(d.c.site_id, d.c.local_day, d.c.flagged, *columns)
            .group_by(d.c.site_id, d.c.local_day, d.c.flagged)
            .order_by(d.c.site_id, d.c.local_day, d.c.flagged)
        ).all()
        held = conn.execute(select(s).order_by(s.c.site_id, s.c.local_day, s.c.flagged)).all()
    assert [tuple(r) for r in summed] == [tuple(r)[:-1] for r in held] and held
    # Each row's week is its day's Monday, as the trend buckets it.
    assert all(r.week == week_of(r.local_day) for r in held)
    assert all(date.fromisoformat(r.week).weekday() == 0 for r in held)


def test_the_inbox_figures_of_many_groups_equal_each_alone(chain):
    for seq, code in enumerate(("centro", "playa", "centro", "monte"), start=900):
        alert(chain, code, seq, received=NOW - timedelta(days=seq - 899))
    book = CaseBook(chain.engine)
    first = book.inbox(None)[0]
    book.change(first.case_id, "admin", "contact", NOW - timedelta(hours=1))
    sites = all_sites(chain.engine)
    groups = [None, *({s.site_id} for s in sites), {s.site_id for s in sites[:2]}, set()]
    together = book.kpis_of(groups, NOW)
    assert together == [book.kpis(ids, NOW) for ids in groups]
    assert together[0].cases == 4 and together[-1].cases == 0
    assert date.fromisoformat(first.opened_utc[:10]) <= TODAY


@pytest.mark.parametrize("days", [91, 365])
def test_the_stored_weeks_bucket_as_the_kiosks_days_do(chain, days):
    """A site's weekly trend from ``site_daily.week`` equals the one its kiosks' ``daily``
    rows give with the week computed in the query."""
    since = TODAY - timedelta(days=days - 1)
    selection = dict(since=since, until=TODAY, include_flagged=False, granularity="week")
    sites = {s.code: s.site_id for s in all_sites(chain.engine)}
    kiosks_of: dict[int, set[str]] = {}
    for report in chain.kiosks():
        kiosks_of.setdefault(sites[report.site], set()).add(report.kiosk_id)
    assert any(len(ids) > 1 for ids in kiosks_of.values())
    totals = []
    for site_id, kiosk_ids in kiosks_of.items():
        by_site = chain.dashboard(site_ids={site_id}, kiosk_ids=None, today=TODAY, **selection)
        by_kiosks = chain.dashboard(
            site_ids={site_id}, kiosk_ids=kiosk_ids, today=TODAY, **selection
        )
        assert [(p.start, p.summary) for p in by_site.trend] == [
            (p.start, p.summary) for p in by_kiosks.trend
        ]
        totals.append(by_site.summary.total)
    assert sum(totals) > 0


def test_whole_weeks_and_the_days_around_them_cover_a_period_exactly():
    start = date(2026, 11, 2)  # a Monday
    for offset in range(21):
        for length in range(1, 30):
            since = start + timedelta(days=offset)
            until = since + timedelta(days=length - 1)
            weeks = reports.whole_weeks(since, until)
            days = {since + timedelta(days=i) for i in range(length)}
            if weeks is None:
                # no Monday-to-Sunday week fits
                assert not any(d.weekday() == 0 and d + timedelta(days=6) in days for d in days)
                continue
            first, last = weeks
            assert first.weekday() == 0 and last.weekday() == 0 and first <= last
            covered = {first + timedelta(days=i) for i in range((last - first).days + 7)}
            assert covered <= days
            # what is left are fewer than 7 days before and fewer than 7 after
            before = {d for d in days - covered if d < first}
            after = {d for d in days - covered if d > last}
            assert before | after == days - covered
            assert len(before) < 7 and len(after) < 7
