"""Net Promoter Score and its margin of error.

NPS = % promoters - % detractors, from -100 to +100. Each answer is a draw of +1 (promoter),
0 (passive) or -1 (detractor); the NPS is 100 times the mean of those draws, so its standard
error is 100 * sqrt(variance / n) with variance = p + d - (p - d)^2 for the shares p and d.
The 95% margin of error is 1.96 standard errors. Below ``MIN_ANSWERS_FOR_SCORE`` the
interval is so wide that showing a number would mislead, and callers say "too few answers".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kiosk.core.answer import SCORES, Category

Z_95 = 1.959963984540054
MIN_ANSWERS_FOR_SCORE = 30


def nps_points(promoters: int, passives: int, detractors: int) -> float | None:
    """The NPS in points (-100..100) of these counts; None when there are none.

    For plain counts where building an :class:`NpsSummary` per number would cost more than
    the number (the overview's trend lines: 500 sites by 53 weeks).
    """
    total = promoters + passives + detractors
    if total == 0:
        return None
    return 100.0 * (promoters - detractors) / total


@dataclass(frozen=True, slots=True)
class NpsSummary:
    """The NPS of a set of answers, with counts and a 95% margin of error."""

    promoters: int
    passives: int
    detractors: int

    @property
    def total(self) -> int:
        return self.promoters + self.passives + self.detractors

    @property
    def nps(self) -> float | None:
        """NPS in points (-100..100); None when there are no answers."""
        return nps_points(self.promoters, self.passives, self.detractors)

    @property
    def margin_of_error(self) -> float | None:
        """Half-width of the 95% confidence interval, in NPS points."""
        n = self.total
        if n == 0:
            return None
        p = self.promoters / n
        d = self.detractors / n
        variance = p + d - (p - d) ** 2
        return 100.0 * Z_95 * math.sqrt(max(variance, 0.0) / n)

    @property
    def enough_answers(self) -> bool:
        return self.total >= MIN_ANSWERS_FOR_SCORE

    def share(self, category: Category) -> float:
        """Share of answers in ``category``, 0..100 (0 when there are none)."""
        if self.total == 0:
            return 0.0
        count = {
            Category.PROMOTER: self.promoters,
            Category.PASSIVE: self.passives,
            Category.DETRACTOR: self.detractors,
        }[Category(category)]
        return 100.0 * count / self.total

    def as_dict(self) -> dict[str, object]:
        nps = self.nps
        moe = self.margin_of_error
        return {
            "answers": self.total,
            "promoters": self.promoters,
            "passives": self.passives,
            "detractors": self.detractors,
            "nps": None if nps is None else round(nps, 1),
            "margin_of_error": reported_margin(moe),
            "enough_answers": self.enough_answers,
        }


def summarize_scores(scores: Iterable[int]) -> NpsSummary:
    counts = dict.fromkeys(SCORES, 0)
    for score in scores:
        counts[score] += 1
    return summarize_distribution(counts)


def summarize_distribution(counts: Mapping[int, int]) -> NpsSummary:
    """Summarize a score -> count mapping (the 0-10 distribution)."""
    promoters = passives = detractors = 0
    for score, count in counts.items():
        category = Category.of(score)
        if category is Category.PROMOTER:
            promoters += count
        elif category is Category.PASSIVE:
            passives += count
        else:
            detractors += count
    return NpsSummary(promoters, passives, detractors)


def change(current: NpsSummary, previous: NpsSummary) -> float | None:
    """Change in NPS points from ``previous`` to ``current`` (None if either is empty)."""
    if current.nps is None or previous.nps is None:
        return None
    return current.nps - previous.nps


def shown_margin(moe: float) -> tuple[float, int]:
    """``(value, decimals)`` to show a margin with: whole points from 1 up; below that one
    decimal and at least 0.1, so that a chain's ± 0.2 is not written "± 0" (only a margin
    that is exactly zero is)."""
    if moe >= 0.95 or moe == 0:
        return moe, 0
    return max(moe, 0.1), 1


def reported_margin(moe: float | None) -> float | None:
    """A margin as a number for JSON and spreadsheets: one decimal, and never 0.0 for a
    margin that is not zero (a chain's ± 0.04 reads 0.1, as :func:`shown_margin` shows it)."""
    if moe is None:
        return None
    return round(shown_margin(moe)[0], 1)
