"""The numbers of the managers' pages, summed from the rollups with the kiosk's own code.

The result is a :class:`kiosk.core.stats.DashboardStats`, filled the way the kiosk's store
fills it (``kiosk.store.stats``) and turned into JSON by the same ``as_dict``: a one-kiosk
site shows centrally the numbers ``kiosk stats --json`` prints on the kiosk. Only the latest
comments read answers (newest first through ``answers_by_site_time``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, and_, func, select

from kiosk.core.nps import summarize_distribution
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


def data_span(conn: Connection, site_ids, kiosk_ids) -> tuple[date, date] | None:  # type: ignore[no-untyped-def]
    d = schema.daily
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
    d, h, r = schema.daily, schema.hourly, schema.reason_daily

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
    step = timedelta(days=7 if granularity == "week" else 1)
    starts, start = [], bucket_start(since, granularity)
    while start <= until:
        starts.append(start)
        start += step
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
