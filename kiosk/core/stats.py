"""What the owner's dashboard shows, as plain data: periods, trend buckets, the summary.

The store fills :class:`DashboardStats` from its tallies; the dashboard draws it and
``kiosk stats`` prints it, so both always show the same numbers.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from kiosk.core.answer import SCORES, Category
from kiosk.core.contact import Waiting
from kiosk.core.nps import NpsSummary, change, summarize_distribution
from kiosk.core.sync import SyncStatus

WEEK_TREND_AFTER_DAYS = 45  # longer ranges are drawn week by week


class Preset(enum.StrEnum):
    TODAY = "today"
    LAST_7 = "7d"
    LAST_30 = "30d"


def preset_range(preset: Preset | str, today: date) -> tuple[date, date]:
    """The inclusive (first, last) local days of a preset period ending today."""
    days = {Preset.TODAY: 1, Preset.LAST_7: 7, Preset.LAST_30: 30}[Preset(preset)]
    return today - timedelta(days=days - 1), today


def previous_period(since: date, until: date) -> tuple[date, date]:
    """The period of the same length just before ``since..until``."""
    length = (until - since).days + 1
    return since - timedelta(days=length), since - timedelta(days=1)


def trend_granularity(since: date, until: date) -> str:
    return "week" if (until - since).days + 1 > WEEK_TREND_AFTER_DAYS else "day"


def bucket_start(day: date, granularity: str) -> date:
    """The first day of the trend bucket holding ``day`` (weeks start on Monday)."""
    if granularity == "week":
        return day - timedelta(days=day.weekday())
    return day


def empty_distribution() -> dict[int, int]:
    return dict.fromkeys(SCORES, 0)


@dataclass(frozen=True, slots=True)
class TrendPoint:
    start: date
    summary: NpsSummary


@dataclass(frozen=True, slots=True)
class Comment:
    local_time: datetime
    score: int
    comment: str
    language: str
    flagged: bool

    @property
    def category(self) -> Category:
        return Category.of(self.score)


@dataclass(frozen=True)
class DashboardStats:
    """Everything the dashboard shows for one period. Days are the kiosk's local days."""

    since: date
    until: date
    include_flagged: bool
    summary: NpsSummary
    previous: NpsSummary
    distribution: tuple[int, ...]
    granularity: str
    trend: tuple[TrendPoint, ...]
    reasons: Mapping[str, tuple[tuple[str, int], ...]]
    comments: tuple[Comment, ...]
    by_hour: tuple[NpsSummary, ...]
    by_weekday: tuple[NpsSummary, ...]
    flagged: int
    sync: SyncStatus = field(default_factory=SyncStatus)
    callbacks: Waiting = field(default_factory=Waiting)  # guests waiting for a call-back

    @property
    def change(self) -> float | None:
        """NPS points gained since the previous period (None when either is empty)."""
        return change(self.summary, self.previous)

    def trend_nps(self) -> list[float | None]:
        """The trend's NPS per bucket (None where it had no answers)."""
        return [point.summary.nps for point in self.trend]

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready dict; ``kiosk stats --json`` prints exactly this."""
        delta = self.change
        return {
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "include_flagged": self.include_flagged,
            **self.summary.as_dict(),
            "change": None if delta is None else round(delta, 1),
            "previous": {
                "since": previous_period(self.since, self.until)[0].isoformat(),
                "until": previous_period(self.since, self.until)[1].isoformat(),
                **self.previous.as_dict(),
            },
            "distribution": {str(score): n for score, n in enumerate(self.distribution)},
            "granularity": self.granularity,
            "trend": [{"start": p.start.isoformat(), **p.summary.as_dict()} for p in self.trend],
            "reasons": {
                category: [{"reason": r, "count": n} for r, n in ranked]
                for category, ranked in self.reasons.items()
            },
            "comments": [
                {
                    "local_time": c.local_time.isoformat(timespec="minutes"),
                    "score": c.score,
                    "category": c.category.value,
                    "comment": c.comment,
                    "language": c.language,
                    "flagged": c.flagged,
                }
                for c in self.comments
            ],
            "by_hour": [s.as_dict() for s in self.by_hour],
            "by_weekday": [s.as_dict() for s in self.by_weekday],
            "flagged": self.flagged,
            "sync": self.sync.as_dict(),
        }


def summaries_by(counts: Mapping[int, Mapping[int, int]], size: int) -> tuple[NpsSummary, ...]:
    """``size`` summaries from ``{index: {score: n}}`` (hours 0-23, weekdays 0-6)."""
    return tuple(summarize_distribution(counts.get(i, {})) for i in range(size))


def rank_reasons(
    rows: Sequence[tuple[str, str, int]],
) -> dict[str, tuple[tuple[str, int], ...]]:
    """``(category, reason, n)`` rows to reasons ranked by count within each category."""
    ranked: dict[str, list[tuple[str, int]]] = {c.value: [] for c in Category}
    for category, reason, n in rows:
        ranked.setdefault(category, []).append((reason, n))
    return {
        category: tuple(sorted(items, key=lambda item: (-item[1], item[0])))
        for category, items in ranked.items()
    }


def empty_stats(since: date, until: date) -> DashboardStats:
    """The stats of a period without answers (what a new kiosk shows)."""
    nothing = summarize_distribution({})
    return DashboardStats(
        since=since,
        until=until,
        include_flagged=False,
        summary=nothing,
        previous=nothing,
        distribution=tuple(0 for _ in SCORES),
        granularity=trend_granularity(since, until),
        trend=(),
        reasons=rank_reasons(()),
        comments=(),
        by_hour=(nothing,) * 24,
        by_weekday=(nothing,) * 7,
        flagged=0,
    )
