from datetime import date

from helpers.admin import SINCE, UNTIL, fill

from kiosk.store.stats import dashboard_stats


def test_hand_computed_period(answer_store):
    fill(answer_store)
    stats = dashboard_stats(answer_store.db, SINCE, UNTIL)
    s = stats.summary
    assert (s.promoters, s.passives, s.detractors) == (5, 2, 3)
    assert s.nps == 20.0
    assert stats.previous.nps == -50.0
    assert stats.change == 70.0
    assert stats.distribution == (1, 0, 0, 1, 0, 0, 1, 1, 1, 3, 2)
    assert stats.flagged == 1
    assert stats.granularity == "day"
    assert [p.start for p in stats.trend] == [SINCE, UNTIL]
    assert [p.summary.total for p in stats.trend] == [4, 6]
    assert stats.reasons["detractor"] == (("waiting_time", 3), ("cleanliness", 1), ("price", 1))
    assert stats.reasons["promoter"][0] == ("friendliness", 2)
    assert stats.by_hour[18].detractors == 2 and stats.by_hour[9].promoters == 2
    # 2026-11-20 is a Friday (4), the 21st a Saturday (5)
    assert stats.by_weekday[4].total == 4 and stats.by_weekday[5].total == 6


def test_flagged_included_on_request(answer_store):
    fill(answer_store)
    stats = dashboard_stats(answer_store.db, SINCE, UNTIL, include_flagged=True)
    assert stats.summary.total == 11 and stats.summary.detractors == 4
    assert stats.flagged == 1


def test_comments_detractors_first_newest_first(answer_store):
    fill(answer_store)
    comments = dashboard_stats(answer_store.db, SINCE, UNTIL).comments
    assert [c.score for c in comments] == [0, 3, 6, 9, 10]
    assert comments[0].comment == "-dirty tables"
    assert comments[0].local_time.hour == 19


def test_empty_store_and_all_time(answer_store):
    empty = dashboard_stats(answer_store.db, today=date(2026, 11, 25))
    assert empty.summary.total == 0 and empty.summary.nps is None
    assert empty.change is None
    fill(answer_store)
    whole = dashboard_stats(answer_store.db, today=date(2026, 11, 21))
    assert (whole.since, whole.until) == (date(2026, 11, 18), date(2026, 11, 21))
    assert whole.summary.total == 14


def test_long_range_trend_is_weekly(answer_store):
    fill(answer_store)
    stats = dashboard_stats(answer_store.db, date(2026, 9, 1), date(2026, 11, 30))
    assert stats.granularity == "week"
    assert all(p.start.weekday() == 0 for p in stats.trend)
    assert sum(p.summary.total for p in stats.trend) == 14
