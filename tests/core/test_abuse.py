"""The abuse filter: too-soon taps and bursts of identical scores are flagged, never dropped."""

from __future__ import annotations

from kiosk.core.abuse import AbuseFilter, AbuseRules
from kiosk.core.answer import Flag

TOO_SOON = Flag.TOO_SOON.value
BURST = Flag.BURST.value


def test_first_tap_is_clean():
    assert AbuseFilter().flags_for(9, now=100.0) == ()


def test_tap_within_min_gap_after_thank_you_is_too_soon():
    f = AbuseFilter(AbuseRules(min_gap_seconds=3.0))
    f.flags_for(9, now=0.0)
    f.flow_ended(now=10.0)
    assert f.flags_for(4, now=12.9) == (TOO_SOON,)


def test_tap_after_min_gap_is_clean():
    f = AbuseFilter(AbuseRules(min_gap_seconds=3.0))
    f.flags_for(9, now=0.0)
    f.flow_ended(now=10.0)
    assert f.flags_for(4, now=13.0) == ()


def test_clock_going_backwards_is_not_too_soon():
    f = AbuseFilter(AbuseRules(min_gap_seconds=3.0))
    f.flow_ended(now=10.0)
    assert f.flags_for(5, now=9.0) == ()


def test_burst_flags_the_nth_identical_score_and_every_further_one():
    f = AbuseFilter(AbuseRules(min_gap_seconds=0, burst_count=4, burst_window_seconds=90))
    results = [f.flags_for(0, now=t * 10.0) for t in range(6)]
    assert results[:3] == [(), (), ()]
    assert results[3:] == [(BURST,), (BURST,), (BURST,)]


def test_different_scores_do_not_make_a_burst():
    f = AbuseFilter(AbuseRules(min_gap_seconds=0, burst_count=3))
    flags = [f.flags_for(score, now=float(i)) for i, score in enumerate([10, 9, 10, 9, 8])]
    assert all(flag == () for flag in flags)


def test_identical_scores_outside_the_window_do_not_count():
    f = AbuseFilter(AbuseRules(min_gap_seconds=0, burst_count=3, burst_window_seconds=60))
    assert f.flags_for(10, now=0.0) == ()
    assert f.flags_for(10, now=50.0) == ()
    assert f.flags_for(10, now=61.0) == ()  # the first tap has left the window
    assert f.flags_for(10, now=70.0) == (BURST,)  # 50, 61, 70


def test_both_flags_at_once():
    f = AbuseFilter(AbuseRules(min_gap_seconds=5, burst_count=2, burst_window_seconds=60))
    f.flags_for(0, now=0.0)
    f.flow_ended(now=1.0)
    assert f.flags_for(0, now=2.0) == (TOO_SOON, BURST)


def test_disabled_rules_flag_nothing_but_still_remember_taps():
    f = AbuseFilter(AbuseRules(enabled=False, burst_count=2))
    f.flow_ended(now=0.0)
    assert [f.flags_for(0, now=0.1 * i) for i in range(5)] == [()] * 5
    f.rules = AbuseRules(enabled=True, burst_count=2, min_gap_seconds=0)
    assert f.flags_for(0, now=0.6) == (BURST,)


def test_default_rules_match_the_documented_defaults():
    rules = AbuseRules()
    assert (rules.min_gap_seconds, rules.burst_count, rules.burst_window_seconds) == (3.0, 4, 90.0)
    assert rules.enabled


def test_a_large_configured_burst_count_is_still_seen():
    f = AbuseFilter(AbuseRules(min_gap_seconds=0, burst_count=100, burst_window_seconds=3600))
    flags = [f.flags_for(10, now=float(i)) for i in range(101)]
    assert flags[98] == ()
    assert flags[99] == (BURST,) and flags[100] == (BURST,)
