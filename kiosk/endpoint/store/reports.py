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
from kiosk.core.nps import NpsSummary, summarize_distribution
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


def _where(table, site_ids, kiosk_ids, since: date, until: date, include_flagged: bool):  # type: ignore[no-untyped-def]
    clauses = [table.c.local_day >= since.isoformat(), table.c.local_day <= until.isoformat()]
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


@dataclass(frozen=True)
class Standing:
    """A line of the overview: a period's NPS, the previous period's, and the trend.

    The same numbers as ``DashboardStats``' ``summary``, ``previous`` and ``trend`` for the
    same selection (tested), without the rest of the dashboard.
    """

    since: date
    until: date
    summary: NpsSummary
    previous: NpsSummary
    trend: tuple[TrendPoint, ...]


EMPTY = NpsSummary(0, 0, 0)


def _add(a: NpsSummary, b: NpsSummary) -> NpsSummary:
    return NpsSummary(
        a.promoters + b.promoters, a.passives + b.passives, a.detractors + b.detractors
    )


def _category_sums(table):  # type: ignore[no-untyped-def]
    """Promoters, passives, detractors of the rows: the score columns by ``Category.of``."""
    sums = []
    for category in (Category.PROMOTER, Category.PASSIVE, Category.DETRACTOR):
        columns = [table.c[f"s{score}"] for score in SCORES if Category.of(score) is category]
        total = columns[0]
        for column in columns[1:]:
            total = total + column
        sums.append(func.sum(total).label(category.value))
    return sums


def _summary(row) -> NpsSummary:  # type: ignore[no-untyped-def]
    return NpsSummary(int(row.promoter or 0), int(row.passive or 0), int(row.detractor or 0))


def _bucket(conn: Connection, table, granularity: str):  # type: ignore[no-untyped-def]
    """The trend bucket of a row's day in SQL: the day, or its week's Monday (bucket_start)."""
    if granularity != "week":
        return table.c.local_day
    if conn.dialect.name == "postgresql":
        return func.to_char(func.date_trunc("week", cast(table.c.local_day, Date)), "YYYY-MM-DD")
    return func.date(table.c.local_day, "-6 days", "weekday 1")


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
    t = schema.site_daily
    bucket = _bucket(conn, t, granularity).label("bucket")
    buckets: dict[int, dict[date, NpsSummary]] = defaultdict(dict)
    for row in conn.execute(
        select(t.c.site_id, bucket, *_category_sums(t))
        .where(_where(t, site_ids, None, since, until, include_flagged))
        .group_by(t.c.site_id, bucket)
    ):
        buckets[row.site_id][date.fromisoformat(row.bucket)] = _summary(row)
    prev_since, prev_until = previous_period(since, until)
    previous = {
        row.site_id: _summary(row)
        for row in conn.execute(
            select(t.c.site_id, *_category_sums(t))
            .where(_where(t, site_ids, None, prev_since, prev_until, include_flagged))
            .group_by(t.c.site_id)
        )
    }
    starts = _starts(since, until, granularity)
    out = {}
    for site_id in buckets.keys() | previous.keys():
        trend = tuple(TrendPoint(s, buckets[site_id].get(s, EMPTY)) for s in starts)
        summary = EMPTY
        for point in trend:
            summary = _add(summary, point.summary)
        out[site_id] = Standing(since, until, summary, previous.get(site_id, EMPTY), trend)
    return out


def combined(
    parts: Iterable[Standing], since: date, until: date, granularity: str | None = None
) -> Standing:
    """The line of several sites together (an area, the chain): their sums."""
    granularity = granularity or trend_granularity(since, until)
    starts = _starts(since, until, granularity)
    summary = previous = EMPTY
    points = [EMPTY] * len(starts)
    for part in parts:
        summary, previous = _add(summary, part.summary), _add(previous, part.previous)
        points = [_add(p, q.summary) for p, q in zip(points, part.trend, strict=True)]
    trend = tuple(TrendPoint(s, p) for s, p in zip(starts, points, strict=True))
    return Standing(since, until, summary, previous, trend)


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
