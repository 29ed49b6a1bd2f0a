"""Triggers' settings, their windows and keys, and the reports' periods (pure)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from kiosk.core.triggers import (
    Frequency,
    Trigger,
    TriggerError,
    TriggerKind,
    detractors_breached,
    firing_key,
    last_complete_period,
    window_start,
)

NOON = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


def test_defaults_fill_missing_settings_and_whole_numbers_stay_whole():
    trigger = Trigger.checked("detractors", {"share": "35"})
    assert trigger.kind is TriggerKind.DETRACTORS
    assert trigger.settings == {"share": 35.0, "minutes": 60, "min_answers": 5}
    assert isinstance(trigger.settings["minutes"], int)
    assert trigger.window == timedelta(minutes=60)
    assert Trigger.checked("silent", {"hours": 2.5}).window == timedelta(hours=2.5)


@pytest.mark.parametrize(
    ("kind", "settings", "named"),
    [
        ("detractors", {"share": 0}, "share"),
        ("detractors", {"share": "nan"}, "share"),
        ("detractors", {"minutes": 7.5}, "minutes"),
        ("detractors", {"min_answers": "many"}, "min_answers"),
        ("silent", {"hours": 10_000}, "hours"),
        ("silent", {"share": 3}, "share"),
        ("loud", {}, "kind"),
    ],
)
def test_a_bad_setting_is_named(kind, settings, named):
    with pytest.raises(TriggerError, match=f"^{named}"):
        Trigger.checked(kind, settings)


def test_a_breach_needs_enough_answers_and_a_share_above_the_threshold():
    trigger = Trigger.checked("detractors", {"share": 40, "min_answers": 5})
    assert not detractors_breached(trigger, 4, 4)  # too few answers
    assert not detractors_breached(trigger, 2, 5)  # exactly 40 %: not above
    assert detractors_breached(trigger, 3, 5)
    assert not detractors_breached(Trigger.checked("detractors", {"min_answers": 1}), 0, 0)


def test_one_key_per_window_and_subject():
    trigger = Trigger.checked("detractors", {"minutes": 60})
    assert window_start(trigger, NOON + timedelta(minutes=59)) == NOON
    same = {firing_key(trigger, "site:1", NOON + timedelta(minutes=m)) for m in (0, 30, 59)}
    assert len(same) == 1
    assert firing_key(trigger, "site:1", NOON + timedelta(minutes=60)) not in same
    assert firing_key(trigger, "site:2", NOON) not in same
    silent = Trigger.checked("silent", {"hours": 4})
    assert firing_key(silent, "kiosk:a", NOON, "t1") == firing_key(
        silent, "kiosk:a", NOON + timedelta(days=3), "t1"
    )
    assert firing_key(silent, "kiosk:a", NOON, "t1") != firing_key(silent, "kiosk:a", NOON, "t2")
    due = Trigger.checked("case_due", {})
    assert firing_key(due, "case:9", NOON) == firing_key(due, "case:9", NOON + timedelta(days=9))


def test_the_last_complete_period():
    wednesday = date(2026, 12, 2)
    daily = last_complete_period("daily", wednesday)
    assert (daily.since, daily.until) == (date(2026, 12, 1), date(2026, 12, 1))
    weekly = last_complete_period(Frequency.WEEKLY, wednesday)
    assert (weekly.since, weekly.until) == (date(2026, 11, 23), date(2026, 11, 29))
    assert last_complete_period("weekly", date(2026, 11, 30)) == weekly  # on the Monday
    monthly = last_complete_period("monthly", date(2026, 1, 1))
    assert (monthly.since, monthly.until) == (date(2025, 12, 1), date(2025, 12, 31))
    assert len({weekly.key, daily.key, monthly.key}) == 3
