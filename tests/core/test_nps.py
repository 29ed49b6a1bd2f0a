"""NPS worked examples, checked against hand computations."""

import math

import pytest

from kiosk.core.nps import (
    MIN_ANSWERS_FOR_SCORE,
    Z_95,
    change,
    shown_margin,
    summarize_distribution,
    summarize_scores,
)
from kiosk.core.stats import bucket_start, preset_range, previous_period, rank_reasons


def test_all_promoters():
    s = summarize_scores([9, 10] * 20)
    assert s.nps == 100.0
    assert s.margin_of_error == 0.0  # every draw is +1: no spread


def test_all_detractors():
    s = summarize_scores([0, 3, 6] * 20)
    assert s.nps == -100.0 and s.detractors == 60
    assert s.margin_of_error == 0.0


def test_no_answers():
    s = summarize_scores([])
    assert s.total == 0 and s.nps is None and s.margin_of_error is None
    assert not s.enough_answers
    assert s.as_dict()["nps"] is None


def test_a_mix_by_hand():
    # 50 promoters, 30 passives, 20 detractors: NPS = 50 - 20 = 30
    s = summarize_distribution({10: 50, 8: 30, 2: 20})
    assert (s.promoters, s.passives, s.detractors) == (50, 30, 20)
    assert s.nps == pytest.approx(30.0)
    # variance of the +1/0/-1 draws: E[x^2] - E[x]^2 = 0.7 - 0.09 = 0.61
    # standard error = sqrt(0.61 / 100) = 0.0781; 95% margin = 1.96 * 0.0781 * 100 = 15.31
    assert s.margin_of_error == pytest.approx(100 * Z_95 * math.sqrt(0.61 / 100))
    assert s.margin_of_error == pytest.approx(15.31, abs=0.01)
    assert s.share("promoter") == 50.0


def test_too_few_answers_threshold():
    assert not summarize_scores([10] * (MIN_ANSWERS_FOR_SCORE - 1)).enough_answers
    assert summarize_scores([10] * MIN_ANSWERS_FOR_SCORE).enough_answers


def test_change_between_periods():
    now = summarize_distribution({10: 6, 0: 4})  # +20
    before = summarize_distribution({10: 1, 5: 3})  # -50
    assert change(now, before) == 70.0
    assert change(now, summarize_scores([])) is None


def test_periods():
    from datetime import date

    today = date(2026, 11, 25)
    assert preset_range("today", today) == (today, today)
    assert preset_range("7d", today) == (date(2026, 11, 19), today)
    assert previous_period(date(2026, 11, 19), today) == (date(2026, 11, 12), date(2026, 11, 18))
    assert bucket_start(date(2026, 11, 25), "week") == date(2026, 11, 23)


def test_rank_reasons():
    ranked = rank_reasons([("detractor", "price", 2), ("detractor", "speed", 5)])
    assert ranked["detractor"] == (("speed", 5), ("price", 2))
    assert ranked["promoter"] == ()


@pytest.mark.parametrize(
    ("moe", "shown"),
    [(6.4, (6.4, 0)), (0.95, (0.95, 0)), (0.94, (0.94, 1)), (0.17, (0.17, 1)), (0.04, (0.1, 1))],
)
def test_a_margin_below_one_point_keeps_a_decimal_and_is_never_shown_as_zero(moe, shown):
    """A chain's 800,000 answers have a margin of about ± 0.2; it was written "± 0"."""
    assert shown_margin(moe) == shown
    assert shown_margin(0.0) == (0.0, 0)  # only an exact zero is written 0


def test_a_reported_margin_is_never_zero_unless_it_is():
    """JSON and spreadsheets: one decimal, never 0.0 for a chain's small margin."""
    from kiosk.core.nps import reported_margin

    assert reported_margin(None) is None
    assert reported_margin(0.0) == 0.0
    assert reported_margin(0.04) == 0.1
    assert reported_margin(0.26) == 0.3
    assert reported_margin(7.46) == 7.5
