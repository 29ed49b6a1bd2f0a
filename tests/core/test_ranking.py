"""The ranking never orders two sites whose 95% intervals overlap."""

from __future__ import annotations

import random

from kiosk.core.nps import NpsSummary
from kiosk.core.ranking import overlap, rank


def test_no_two_sites_in_different_tiers_overlap_and_tiers_go_down():
    rng = random.Random(12)
    for _ in range(300):
        entries = [
            (f"s{i}", NpsSummary(rng.randint(0, 80), rng.randint(0, 40), rng.randint(0, 60)))
            for i in range(rng.randint(1, 12))
        ]
        ranking = rank(entries)
        tiers = ranking.tiers
        assert sum(map(len, tiers)) + len(ranking.too_few) == len(entries)
        assert all(not e.summary.enough_answers for e in ranking.too_few)
        for upper_index, upper in enumerate(tiers):
            for lower in tiers[upper_index + 1 :]:
                for a in upper:
                    for b in lower:
                        assert not overlap(a.summary, b.summary)
                        assert a.low > b.high
        for tier in tiers:  # listed by name inside a tier, never by NPS
            assert [str(e.item) for e in tier] == sorted(str(e.item) for e in tier)


def test_clearly_different_sites_get_their_own_tiers():
    good, bad = NpsSummary(90, 5, 5), NpsSummary(5, 5, 90)
    ranking = rank([("bad", bad), ("good", good), ("few", NpsSummary(3, 0, 0))])
    assert [[e.item for e in t] for t in ranking.tiers] == [["good"], ["bad"]]
    assert [e.item for e in ranking.too_few] == ["few"]
