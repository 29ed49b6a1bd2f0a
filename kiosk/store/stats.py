"""The owner's dashboard numbers, read from the running tallies.

The ``tally`` and ``reason_tally`` tables are kept in the same transaction as each answer,
so a period's numbers are sums over at most days x 24 x 11 rows, however many answers there
are. Only the latest comments read the answers table, newest first through its index.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone

from kiosk.core.answer import parse_iso
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
from kiosk.store import contacts, sync_state
from kiosk.store.answers import local_day_filter
from kiosk.store.database import Database

COMMENTS_PER_GROUP = 6


def data_span(db: Database) -> tuple[date, date] | None:
    """The first and last local day holding any answer, or None for an empty store."""
    row = db.connection().execute("SELECT min(local_day), max(local_day) FROM tally").fetchone()
    if row is None or row[0] is None:
        return None
    return date.fromisoformat(row[0]), date.fromisoformat(row[1])


def dashboard_stats(
    db: Database,
    since: date | None = None,
    until: date | None = None,
    *,
    include_flagged: bool = False,
    today: date | None = None,
    offline: bool = True,
) -> DashboardStats:
    """Every number of the dashboard for ``since..until`` (local days, inclusive).

    A missing end is taken from the data (first day held) or from ``today``; flagged answers
    are always counted apart, and are in the NPS only when ``include_flagged``. ``offline``
    says whether the kiosk has no endpoint (it goes into the sync's status, read in the same
    snapshot as the numbers).
    """
    today = today or datetime.now().astimezone().date()
    if since is None or until is None:
        span = data_span(db) or (today, today)
        since = since or span[0]
        until = until or max(span[1], today)
    if since > until:
        since, until = until, since
    with db.snapshot() as con:
        return _read(con, since, until, include_flagged, offline)


def _read(
    con: sqlite3.Connection, since: date, until: date, include_flagged: bool, offline: bool
) -> DashboardStats:
    # One pass over the period's tally rows (at most days x 24 x 11 x 2 of them) feeds the
    # distribution, the trend, the hours, the weekdays and the flagged count at once.
    granularity = trend_granularity(since, until)
    distribution = empty_distribution()
    buckets: dict[date, dict[int, int]] = defaultdict(dict)
    hours: dict[int, dict[int, int]] = defaultdict(dict)
    weekdays: dict[int, dict[int, int]] = defaultdict(dict)
    bucket_of: dict[str, dict[int, int]] = {}
    flagged = 0
    # Flagged rows are read too: they are always counted apart.
    period, period_params = local_day_filter(since, until, include_flagged=True)
    for day, hour, weekday, score, is_flagged, n in con.execute(
        f"SELECT local_day, local_hour, local_weekday, score, flagged, n FROM tally WHERE {period}",
        period_params,
    ):
        if is_flagged:
            flagged += n
            if not include_flagged:
                continue
        distribution[score] += n
        bucket = bucket_of.get(day)
        if bucket is None:
            bucket = bucket_of[day] = buckets[bucket_start(date.fromisoformat(day), granularity)]
        bucket[score] = bucket.get(score, 0) + n
        by_hour = hours[hour]
        by_hour[score] = by_hour.get(score, 0) + n
        by_weekday = weekdays[weekday]
        by_weekday[score] = by_weekday.get(score, 0) + n
    trend = tuple(
        TrendPoint(start, summarize_distribution(buckets.get(start, {})))
        for start in _bucket_starts(since, until, granularity)
    )

    prev_since, prev_until = previous_period(since, until)
    prev_where, prev_params = local_day_filter(prev_since, prev_until, include_flagged)
    previous = empty_distribution()
    for score, n in con.execute(
        f"SELECT score, sum(n) FROM tally WHERE {prev_where} GROUP BY score", prev_params
    ):
        previous[score] = n

    where, params = local_day_filter(since, until, include_flagged)
    reason_rows = con.execute(
        f"SELECT category, reason, sum(n) FROM reason_tally WHERE {where}"
        " GROUP BY category, reason",
        params,
    ).fetchall()

    return DashboardStats(
        since=since,
        until=until,
        include_flagged=include_flagged,
        summary=summarize_distribution(distribution),
        previous=summarize_distribution(previous),
        distribution=tuple(distribution[s] for s in sorted(distribution)),
        granularity=granularity,
        trend=trend,
        reasons=rank_reasons(reason_rows),
        comments=_latest_comments(con, since, until, include_flagged),
        by_hour=summaries_by(hours, 24),
        by_weekday=summaries_by(weekdays, 7),
        flagged=flagged,
        sync=sync_state.read_status(con, offline=offline),
        callbacks=contacts.waiting(con),
    )


def _bucket_starts(since: date, until: date, granularity: str) -> list[date]:
    step = timedelta(days=7 if granularity == "week" else 1)
    start = bucket_start(since, granularity)
    starts = []
    while start <= until:
        starts.append(start)
        start += step
    return starts


def _latest_comments(
    con: sqlite3.Connection, since: date, until: date, include_flagged: bool
) -> tuple[Comment, ...]:
    """The newest comments, detractors' first (they are what the owner must act on)."""
    where, params = local_day_filter(since, until, include_flagged)
    # Bound the newest-first walk of the comment index in UTC too (a local day lies within
    # 14 hours of its UTC day), so an empty period costs nothing however many answers exist.
    where += " AND created_utc >= ? AND created_utc < ?"
    params += [(since - timedelta(days=1)).isoformat(), (until + timedelta(days=2)).isoformat()]
    found: list[Comment] = []
    for detractor in (True, False):
        category = "category = 'detractor'" if detractor else "category != 'detractor'"
        rows = con.execute(
            "SELECT created_utc, utc_offset_minutes, score, comment, language, flagged"
            " FROM answers INDEXED BY answers_with_comment"
            f" WHERE comment != '' AND {category} AND {where}"
            " ORDER BY created_utc DESC LIMIT ?",
            [*params, COMMENTS_PER_GROUP],
        ).fetchall()
        for created, offset, score, text, language, flagged in rows:
            local = parse_iso(created).astimezone(timezone(timedelta(minutes=offset)))
            found.append(Comment(local, score, text, language, bool(flagged)))
    return tuple(found)
