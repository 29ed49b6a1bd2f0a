"""An accepted answer as the columns the central store keeps (ingest and migration alike)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from kiosk.core.answer import Category, iso_utc
from kiosk.core.stats import bucket_start
from kiosk.endpoint.store.schema import SCORE_COLUMNS


def canonical(answer: Mapping[str, Any]) -> str:
    """One spelling of an answer's content, so equal content compares equal."""
    return json.dumps(answer, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def answer_row(kiosk_id: str, site_id: int, answer: Mapping[str, Any], received: str) -> dict:
    """The stored columns of one validated answer (its id already in lower case)."""
    local = datetime.fromisoformat(answer["created_at"].replace("Z", "+00:00"))
    comment = answer.get("comment", "") or ""
    return {
        "kiosk_id": kiosk_id,
        "id": answer["id"],
        "seq": answer["seq"],
        "site_id": site_id,
        "created_at": answer["created_at"],
        "created_utc": iso_utc(local),
        "local_day": local.date().isoformat(),
        "local_hour": local.hour,
        "score": answer["score"],
        "category": answer["category"],
        "language": answer["language"],
        "flagged": bool(answer.get("flags")),
        "has_comment": bool(comment),
        "content": canonical(answer),
        "received_utc": received,
    }


@dataclass
class Rollups:
    """What a set of new answers adds to the rollup tables, keyed in a fixed order.

    Sorted keys matter on PostgreSQL: two transactions upserting the same rows in the same
    order wait for each other instead of deadlocking.
    """

    daily: dict[tuple, list[int]]
    hourly: dict[tuple, list[int]]
    reasons: dict[tuple, int]
    site_daily: dict[tuple, list[int]]
    site_weekly: dict[tuple, list[int]]

    @classmethod
    def of(
        cls,
        rows: Iterable[Mapping[str, Any]],
        reasons_of: Mapping[str, Iterable[str]] | None = None,
    ) -> Rollups:
        """The sums of ``rows`` (stored columns); each row's reasons are read from its
        content, or from ``reasons_of`` (by answer id) when the caller has them at hand."""
        daily: dict[tuple, list[int]] = {}
        hourly: dict[tuple, list[int]] = {}
        reasons: dict[tuple, int] = {}
        site_daily: dict[tuple, list[int]] = {}
        site_weekly: dict[tuple, list[int]] = {}
        for row in rows:
            base = (row["site_id"], row["kiosk_id"], row["local_day"])
            flagged = bool(row["flagged"])
            daily.setdefault((*base, flagged), [0] * len(SCORE_COLUMNS))[row["score"]] += 1
            site_daily.setdefault(
                (row["site_id"], row["local_day"], flagged), [0] * len(SCORE_COLUMNS)
            )[row["score"]] += 1
            site_weekly.setdefault(
                (row["site_id"], week_of(row["local_day"]), flagged), [0] * len(SCORE_COLUMNS)
            )[row["score"]] += 1
            hourly.setdefault((*base, row["local_hour"], flagged), [0] * len(SCORE_COLUMNS))[
                row["score"]
            ] += 1
            category = Category.of(row["score"]).value
            given = reasons_of.get(row["id"]) if reasons_of is not None else None
            if given is None:
                given = json.loads(row["content"]).get("reasons", [])
            for reason in given:
                key = (*base, category, reason, flagged)
                reasons[key] = reasons.get(key, 0) + 1
        return cls(daily, hourly, reasons, site_daily, site_weekly)

    def daily_rows(self) -> list[dict]:
        return _keyed(("site_id", "kiosk_id", "local_day", "flagged"), self.daily)

    def site_daily_rows(self) -> list[dict]:
        return [
            dict(row, week=week_of(row["local_day"]))
            for row in _keyed(("site_id", "local_day", "flagged"), self.site_daily)
        ]

    def site_weekly_rows(self) -> list[dict]:
        return _keyed(("site_id", "week", "flagged"), self.site_weekly)

    def hourly_rows(self) -> list[dict]:
        return _keyed(("site_id", "kiosk_id", "local_day", "local_hour", "flagged"), self.hourly)

    def reason_rows(self) -> list[dict]:
        names = ("site_id", "kiosk_id", "local_day", "category", "reason", "flagged", "n")
        return [dict(zip(names, (*key, n), strict=True)) for key, n in sorted(self.reasons.items())]


def _keyed(keys: tuple[str, ...], sums: dict[tuple, list[int]]) -> list[dict]:
    """Rows of a score rollup: its key columns then s0..s10, in the order of their keys."""
    names = keys + SCORE_COLUMNS
    return [dict(zip(names, (*key, *counts), strict=True)) for key, counts in sorted(sums.items())]


@lru_cache(maxsize=4096)
def week_of(local_day: str) -> str:
    """The Monday of ``local_day``'s week, as ``site_daily.week`` and ``site_weekly`` hold it
    (asked once per answer at ingest, of a few distinct days)."""
    return bucket_start(date.fromisoformat(local_day), "week").isoformat()


def now_stamp(moment: datetime) -> str:
    return iso_utc(moment)
