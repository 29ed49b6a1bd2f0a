"""The numbers of the managers' pages, summed from the rollups with the kiosk's own code.

The result is a :class:`kiosk.core.stats.DashboardStats`, filled the way the kiosk's store
fills it (``kiosk.store.stats``) and turned into JSON by the same ``as_dict``: a one-kiosk
site shows centrally the numbers ``kiosk stats --json`` prints on the kiosk. Only the latest
comments read answers (newest first through ``answers_by_site_time``).

The overview's lines (``standings``: each site's NPS, the previous period's and the trend)
come from ``site_daily`` in two queries for every site at once, summed by site and trend
bucket in the database; an area's or the chain's line adds its sites' (``combined``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, Date, and_, cast, func, select

from kiosk.core.answer import SCORES, Category
from kiosk.core.nps import NpsSummary, nps_points, summarize_distribution
from kiosk.core.stats import (
    Comment,
    DashboardStats,
    TrendPoint,
    bucket_start,
    empty_distribution,
    previous_period,
    rank_reasons,
    summaries_by,
    trend_granularity,
)
from kiosk.endpoint.store import schema
from kiosk.endpoint.store.schema import SCORE_COLUMNS

COMMENTS_PER_GROUP = 6


def _where(  # type: ignore[no-untyped-def]
    table, site_ids, kiosk_ids, since: date, until: date, include_flagged: bool, day="local_day"
):
    clauses = [table.c[day] >= since.isoformat(), table.c[day] <= until.isoformat()]
    if site_ids is not None:
        clauses.append(table.c.site_id.in_(sorted(site_ids)))
    if kiosk_ids is not None:
        clauses.append(table.c.kiosk_id.in_(sorted(kiosk_ids)))
    if not include_flagged:
        clauses.append(table.c.flagged.is_(False))
    return and_(*clauses)


def _sums(table):  # type: ignore[no-untyped-def]
    return [func.sum(table.c[name]).label(name) for name in SCORE_COLUMNS]


def _days(kiosk_ids):  # type: ignore[no-untyped-def]
    """The day rollup to sum: per site unless kiosks are named (fewer rows, same sums)."""
    return schema.daily if kiosk_ids is not None else schema.site_daily


def data_span(conn: Connection, site_ids, kiosk_ids) -> tuple[date, date] | None:  # type: ignore[no-untyped-def]
    d = _days(kiosk_ids)
    query = select(func.min(d.c.local_day), func.max(d.c.local_day))
    if site_ids is not None:
        query = query.where(d.c.site_id.in_(sorted(site_ids)))
    if kiosk_ids is not None:
        query = query.where(d.c.kiosk_id.in_(sorted(kiosk_ids)))
    first, last = conn.execute(query).one()
    if first is None:
        return None
    return date.fromisoformat(first), date.fromisoformat(last)


def dashboard(
    conn: Connection,
    *,
    site_ids: Collection[int] | None,
    kiosk_ids: Collection[str] | None,
    since: date | None,
    until: date | None,
    include_flagged: bool,
    granularity: str | None,
    today: date,
) -> DashboardStats:
    if since is None or until is None:
        span = data_span(conn, site_ids, kiosk_ids) or (today, today)
        since = since or span[0]
        until = until or max(span[1], today)
    if since > until:
        since, until = until, since
    granularity = granularity or trend_granularity(since, until)
    d, h, r = _days(kiosk_ids), schema.hourly, schema.reason_daily

    distribution = empty_distribution()
    buckets: dict[date, dict[int, int]] = defaultdict(dict)
    weekdays: dict[int, dict[int, int]] = defaultdict(dict)
    flagged = 0
    for row in conn.execute(
        select(d.c.local_day, d.c.flagged, *_sums(d))
        .where(_where(d, site_ids, kiosk_ids, since, until, True))
        .group_by(d.c.local_day, d.c.flagged)
    ):
        counts = [int(row._mapping[name] or 0) for name in SCORE_COLUMNS]
        if row.flagged:
            flagged += sum(counts)
            if not include_flagged:
                continue
        day = date.fromisoformat(row.local_day)
        bucket = buckets[bucket_start(day, granularity)]
        weekday = weekdays[day.weekday()]
        for score, n in enumerate(counts):
            if n:
                distribution[score] += n
                bucket[score] = bucket.get(score, 0) + n
                weekday[score] = weekday.get(score, 0) + n

    hours: dict[int, dict[int, int]] = defaultdict(dict)
    for row in conn.execute(
        select(h.c.local_hour, *_sums(h))
        .where(_where(h, site_ids, kiosk_ids, since, until, include_flagged))
        .group_by(h.c.local_hour)
    ):
        for score, name in enumerate(SCORE_COLUMNS):
            n = int(row._mapping[name] or 0)
            if n:
                hours[row.local_hour][score] = n

    prev_since, prev_until = previous_period(since, until)
    previous = empty_distribution()
    row = conn.execute(
        select(*_sums(d)).where(
            _where(d, site_ids, kiosk_ids, prev_since, prev_until, include_flagged)
        )
    ).one()
    for score, name in enumerate(SCORE_COLUMNS):
        previous[score] = int(row._mapping[name] or 0)

    reason_rows = [
        (row.category, row.reason, int(row.n))
        for row in conn.execute(
            select(r.c.category, r.c.reason, func.sum(r.c.n).label("n"))
            .where(_where(r, site_ids, kiosk_ids, since, until, include_flagged))
            .group_by(r.c.category, r.c.reason)
        )
    ]
    starts = _starts(since, until, granularity)
    return DashboardStats(
        since=since,
        until=until,
        include_flagged=include_flagged,
        summary=summarize_distribution(distribution),
        previous=summarize_distribution(previous),
        distribution=tuple(distribution[s] for s in sorted(distribution)),
        granularity=granularity,
        trend=tuple(TrendPoint(s, summarize_distribution(buckets.get(s, {}))) for s in starts),
        reasons=rank_reasons(reason_rows),
        comments=_latest_comments(conn, site_ids, kiosk_ids, since, until, include_flagged),
        by_hour=summaries_by(hours, 24),
        by_weekday=summaries_by(weekdays, 7),
        flagged=flagged,
    )


def _starts(since: date, until: date, granularity: str) -> list[date]:
    """The first days of the trend's buckets."""
    step = timedelta(days=7 if granularity == "week" else 1)
    starts, start = [], bucket_start(since, granularity)
    while start <= until:
        starts.append(start)
        start += step
    return starts


Counts = tuple[int, int, int]  # promoters, passives, detractors
ZERO: Counts = (0, 0, 0)


@dataclass(frozen=True)
class Standing:
    """A line of the overview: a period's NPS, the previous period's, and the trend.

    The same numbers as ``DashboardStats``' ``summary``, ``previous`` and ``trend`` for the
    same selection (tested), without the rest of the dashboard. The trend is kept as plain
    counts per bucket (``starts``): an overview of 500 sites over a year has 26,500 of them,
    and an object for each would cost more than the queries.
    """

    since: date
    until: date
    summary: NpsSummary
    previous: NpsSummary
    starts: tuple[date, ...]
    counts: tuple[Counts, ...]

    @property
    def trend(self) -> tuple[TrendPoint, ...]:
        return tuple(
            TrendPoint(start, NpsSummary(*counts))
            for start, counts in zip(self.starts, self.counts, strict=True)
        )

    def trend_nps(self) -> list[float | None]:
        """The trend's NPS per bucket (None where it had no answers)."""
        return [nps_points(*counts) for counts in self.counts]


EMPTY = NpsSummary(0, 0, 0)


def _sum(counts: Iterable[Counts]) -> Counts:
    promoters = passives = detractors = 0
    for p, a, d in counts:
        promoters += p
        passives += a
        detractors += d
    return promoters, passives, detractors


def _counts(summary: NpsSummary) -> Counts:
    return summary.promoters, summary.passives, summary.detractors


def _category_sums(table, *, summed: bool = True):  # type: ignore[no-untyped-def]
    """Promoters, passives, detractors of the rows: the score columns by ``Category.of``,
    summed over a group (or, ``summed=False``, of each row)."""
    sums = []
    for category in (Category.PROMOTER, Category.PASSIVE, Category.DETRACTOR):
        columns = [table.c[f"s{score}"] for score in SCORES if Category.of(score) is category]
        total = columns[0]
        for column in columns[1:]:
            total = total + column
        sums.append((func.sum(total) if summed else total).label(category.value))
    return sums


def _summary(row) -> NpsSummary:  # type: ignore[no-untyped-def]
    return NpsSummary(int(row.promoter or 0), int(row.passive or 0), int(row.detractor or 0))


def _bucket(conn: Connection, table, granularity: str):  # type: ignore[no-untyped-def]
    """The trend bucket of a row's day in SQL: the day, or its week's Monday (bucket_start),
    which ``site_daily`` holds written out."""
    if granularity != "week":
        return table.c.local_day
    if "week" in table.c:
        return table.c.week
    if conn.dialect.name == "postgresql":
        return func.to_char(func.date_trunc("week", cast(table.c.local_day, Date)), "YYYY-MM-DD")
    return func.date(table.c.local_day, "-6 days", "weekday 1")


def whole_weeks(since: date, until: date) -> tuple[date, date] | None:
    """The first and the last Monday of the whole weeks (Monday to Sunday) in since..until."""
    first = since + timedelta(days=-since.weekday() % 7)
    last = until - timedelta(days=(until.weekday() + 1) % 7 + 6)
    return (first, last) if first <= last else None


def _counts_by(  # type: ignore[no-untyped-def]
    conn: Connection, by: str, *, site_ids, since: date, until: date, include_flagged: bool
) -> dict[tuple, Counts]:
    """(promoters, passives, detractors) over since..until by ``(site_id,)``, or by
    ``(site_id, bucket)`` where ``by`` is a trend granularity ("day", "week").

    Weeks and sites come from ``site_weekly`` for the whole weeks and ``site_daily`` for the
    days before and after them; days from ``site_daily``. A rollup row is already one per
    site, bucket and flagged, so rows by bucket are read as they are, not grouped.
    """
    d, w = schema.site_daily, schema.site_weekly
    weeks = whole_weeks(since, until) if by != "day" else None
    parts = [(d, since, until)]
    if weeks is not None:
        first, last = weeks
        parts = [(w, first, last)]
        if since < first:
            parts.append((d, since, first - timedelta(days=1)))
        if last + timedelta(days=6) < until:
            parts.append((d, last + timedelta(days=7), until))
    out: dict[tuple, Counts] = {}
    for table, start, end in parts:
        day = "week" if table is w else "local_day"
        where = _where(table, site_ids, None, start, end, include_flagged, day=day)
        if by == "site":
            query = select(table.c.site_id, *_category_sums(table)).group_by(table.c.site_id)
        elif table is w or by == "day":
            query = select(table.c.site_id, table.c[day], *_category_sums(table, summed=False))
        else:  # the days around the whole weeks, by week
            keys = (d.c.site_id, d.c.week)
            query = select(*keys, *_category_sums(d)).group_by(*keys)
        # Plain tuples (26,500 rows for a year of 500 sites): the loop is most of the time.
        rows = conn.execute(query.where(where)).all()
        width = 1 if by == "site" else 2
        for row in rows:
            key, counts = row[:width], row[width:]
            held = out.get(key)
            out[key] = counts if held is None else _sum((held, counts))
    return out


def standings(
    conn: Connection,
    *,
    site_ids: Collection[int] | None,
    since: date,
    until: date,
    include_flagged: bool,
    granularity: str | None = None,
) -> dict[int, Standing]:
    """Each site's overview line (sites without answers in either period are left out)."""
    if since > until:
        since, until = until, since
    granularity = granularity or trend_granularity(since, until)
    starts = tuple(_starts(since, until, granularity))
    position = {start.isoformat(): i for i, start in enumerate(starts)}
    selection = dict(site_ids=site_ids, include_flagged=include_flagged)
    trends: dict[int, list[Counts]] = {}
    found = _counts_by(conn, granularity, since=since, until=until, **selection)
    for (site_id, bucket), counts in found.items():
        trend = trends.get(site_id)
        if trend is None:
            trend = trends[site_id] = [ZERO] * len(starts)
        trend[position[bucket]] = counts
    prev_since, prev_until = previous_period(since, until)
    previous = {
        site_id: NpsSummary(*counts)
        for (site_id,), counts in _counts_by(
            conn, "site", since=prev_since, until=prev_until, **selection
        ).items()
    }
    nothing = (ZERO,) * len(starts)
    out = {}
    for site_id in trends.keys() | previous.keys():
        counts = tuple(trends[site_id]) if site_id in trends else nothing
        summary = NpsSummary(*_sum(counts))
        out[site_id] = Standing(since, until, summary, previous.get(site_id, EMPTY), starts, counts)
    return out


def combined(
    parts: Iterable[Standing], since: date, until: date, granularity: str | None = None
) -> Standing:
    """The line of several sites together (an area, the chain): their sums."""
    granularity = granularity or trend_granularity(since, until)
    starts = tuple(_starts(since, until, granularity))
    parts = list(parts)
    if any(part.starts != starts for part in parts):
        raise ValueError("lines of different periods cannot be added")
    counts = tuple(_sum(column) for column in zip(*(part.counts for part in parts), strict=True))
    return Standing(
        since,
        until,
        NpsSummary(*_sum(_counts(part.summary) for part in parts)),
        NpsSummary(*_sum(_counts(part.previous) for part in parts)),
        starts,
        counts or (ZERO,) * len(starts),
    )


def _latest_comments(
    conn: Connection,
    site_ids,
    kiosk_ids,
    since: date,
    until: date,  # type: ignore[no-untyped-def]
    include_flagged: bool,
) -> tuple[Comment, ...]:
    """The newest comments, detractors' first (what a manager must act on)."""
    a = schema.answers
    found: list[Comment] = []
    for detractor in (True, False):
        where = _where(a, site_ids, kiosk_ids, since, until, include_flagged)
        category = a.c.category == "detractor" if detractor else a.c.category != "detractor"
        # A local day lies within 14 hours of its UTC day: bounds for the time index.
        rows = conn.execute(
            select(a.c.content, a.c.flagged)
            .where(
                where,
                category,
                a.c.has_comment.is_(True),
                a.c.created_utc >= (since - timedelta(days=1)).isoformat(),
                a.c.created_utc < (until + timedelta(days=2)).isoformat(),
            )
            .order_by(a.c.created_utc.desc())
            .limit(COMMENTS_PER_GROUP)
        ).all()
        for content, is_flagged in rows:
            answer = json.loads(content)
            local = datetime.fromisoformat(answer["created_at"].replace("Z", "+00:00"))
            found.append(
                Comment(
                    local,
                    answer["score"],
                    answer.get("comment", ""),
                    answer["language"],
                    bool(is_flagged),
                )
            )
    return tuple(found)
