"""A ranking of sites that never claims more than the margins allow.

Two sites whose 95% intervals (NPS ± margin) overlap are not told apart: they share a tier.
Tiers are the connected groups of overlapping intervals (sweeping the intervals by their
lower ends), so every site of a higher tier lies wholly above every site of a lower one.
Sites with too few answers for a score (``NpsSummary.enough_answers``) are left out of the
tiers and listed apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from kiosk.core.nps import NpsSummary

T = TypeVar("T")


@dataclass(frozen=True)
class Ranked(Generic[T]):
    item: T
    summary: NpsSummary

    @property
    def low(self) -> float:
        return (self.summary.nps or 0.0) - (self.summary.margin_of_error or 0.0)

    @property
    def high(self) -> float:
        return (self.summary.nps or 0.0) + (self.summary.margin_of_error or 0.0)


@dataclass(frozen=True)
class Ranking(Generic[T]):
    tiers: tuple[tuple[Ranked[T], ...], ...]  # best tier first; within a tier, a tie
    too_few: tuple[Ranked[T], ...]


def overlap(a: NpsSummary, b: NpsSummary) -> bool:
    ra, rb = Ranked(None, a), Ranked(None, b)
    return ra.low <= rb.high and rb.low <= ra.high


def rank(entries: Sequence[tuple[T, NpsSummary]]) -> Ranking[T]:
    scored = [Ranked(item, s) for item, s in entries if s.enough_answers]
    too_few = tuple(Ranked(item, s) for item, s in entries if not s.enough_answers)
    tiers: list[list[Ranked[T]]] = []
    reach = float("-inf")
    for entry in sorted(scored, key=lambda r: r.low):
        if tiers and entry.low <= reach:
            tiers[-1].append(entry)
            reach = max(reach, entry.high)
        else:
            tiers.append([entry])
            reach = entry.high
    # Within a tier by name, never by NPS: the page must not suggest an order there.
    ordered = [tuple(sorted(t, key=lambda r: str(r.item))) for t in reversed(tiers)]
    return Ranking(tuple(ordered), too_few)
