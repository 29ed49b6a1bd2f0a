"""Demo data: realistic, reproducible, fast, and never mixed into a real shop's answers."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

from kiosk.commands.main import main
from kiosk.core.answer import Category, Flag
from kiosk.core.demo import DemoPlan, generate_answers
from kiosk.core.nps import summarize_scores
from kiosk.store.recovery import open_store

END = datetime(2026, 11, 20, 21, 30, tzinfo=timezone.utc)  # a Friday evening


def plan(count: int, days: int = 28, **overrides) -> DemoPlan:
    values = dict(
        count=count, days=days, end=END, utc_offset_minutes=-300, kiosk_id="k", app_version="v"
    )
    values.update(overrides)
    return DemoPlan(**values)


@pytest.fixture(scope="module")
def many():
    return generate_answers(random.Random(42), plan(20_000, days=56))


def test_same_seed_same_answers():
    a = generate_answers(random.Random(5), plan(300))
    b = generate_answers(random.Random(5), plan(300))
    c = generate_answers(random.Random(6), plan(300))
    assert a == b
    assert [x.id for x in a] != [x.id for x in c]


def test_exact_count_in_time_order_within_the_days(many):
    assert len(many) == 20_000
    assert len({a.id for a in many}) == 20_000
    times = [a.created_utc for a in many]
    assert times == sorted(times)
    assert times[-1] <= END
    assert times[0] >= END - timedelta(days=56)
    assert all(a.is_complete and a.completed_utc > a.created_utc for a in many)
    assert all(a.seq is None and a.kiosk_id == "k" for a in many)


def test_business_hours_with_a_lunch_peak_and_busy_weekends(many):
    hours = Counter(a.local_time.hour for a in many)
    assert min(hours) >= 8 and max(hours) <= 20
    assert hours[13] > 2 * hours[10]
    weekdays = Counter(a.local_time.weekday() for a in many)
    assert weekdays[5] > weekdays[0] * 1.4  # Saturday vs Monday


def test_realistic_nps_that_varies_by_weekday(many):
    clean = [a for a in many if not a.flags]
    overall = summarize_scores(a.score for a in clean).nps
    assert 30 <= overall <= 50
    by_day = {
        day: summarize_scores(a.score for a in clean if a.local_time.weekday() == day).nps
        for day in range(7)
    }
    assert max(by_day.values()) - min(by_day.values()) >= 8
    assert by_day[0] < by_day[5]  # Mondays are grumpier than Saturdays
    assert set(Counter(a.score for a in clean)) == set(range(11))


def test_reasons_fit_the_category(many):
    top = {}
    for category in Category:
        counts = Counter(r for a in many if a.category is category for r in a.reasons)
        top[category] = counts.most_common(1)[0][0]
    assert top[Category.DETRACTOR] == "waiting_time"
    assert top[Category.PROMOTER] == "friendliness"
    with_reasons = sum(1 for a in many if a.reasons) / len(many)
    assert 0.5 < with_reasons < 0.9
    assert all(len(a.reasons) == len(set(a.reasons)) for a in many)


def test_only_configured_reasons_are_used():
    answers = generate_answers(
        random.Random(1), plan(2000, reason_ids=["price", "parking", "quality"])
    )
    used = Counter(r for a in answers for r in a.reasons)
    assert set(used) == {"price", "parking", "quality"}
    none_at_all = generate_answers(random.Random(1), plan(200, reason_ids=[]))
    assert not any(a.reasons for a in none_at_all)


def test_comments_in_both_languages(many):
    commented = [a for a in many if a.comment]
    assert 0.1 < len(commented) / len(many) < 0.3
    spanish = [a for a in commented if a.language == "es"]
    english = [a for a in commented if a.language == "en"]
    assert spanish and english
    assert any("é" in a.comment or "ñ" in a.comment or "¡" in a.comment for a in spanish)
    assert Counter(a.language for a in many)["es"] > Counter(a.language for a in many)["en"]


def test_one_language_only():
    answers = generate_answers(random.Random(3), plan(300, languages=("en",)))
    assert {a.language for a in answers} == {"en"}


def test_some_flagged_bursts_of_identical_scores(many):
    flagged = [a for a in many if a.flags]
    assert 0 < len(flagged) < 0.05 * len(many)
    bursts = [a for a in flagged if Flag.BURST.value in a.flags]
    assert bursts
    assert all(Flag.TOO_SOON.value in a.flags for a in bursts)
    # A burst is one score repeated seconds apart.
    for answer in bursts[:20]:
        near = [
            b
            for b in many
            if abs((b.created_utc - answer.created_utc).total_seconds()) < 20 and b.flags
        ]
        assert len({b.score for b in near}) == 1


def test_bad_plans_are_refused():
    with pytest.raises(ValueError):
        generate_answers(random.Random(1), plan(10, days=0))


# --- the command ------------------------------------------------------------------------


def run(data_dir, *extra) -> int:
    return main(["--data-dir", str(data_dir), "demo-data", *extra])


def store_rows(data_dir) -> list[tuple]:
    con = sqlite3.connect(data_dir / "kiosk.sqlite")
    try:
        return con.execute("SELECT seq, origin, completion FROM answers ORDER BY seq").fetchall()
    finally:
        con.close()


def test_command_fills_an_empty_store(data_dir, capsys):
    assert run(data_dir, "--count", "500", "--days", "10", "--seed", "3") == 0
    assert "Added 500 demo answers over 10 day(s)" in capsys.readouterr().out
    rows = store_rows(data_dir)
    # Numbered apart from the guests' sequence (see AnswerStore.import_answers).
    assert [r[0] for r in rows] == list(range(-500, 0))
    assert {r[1] for r in rows} == {"demo"}
    assert all(r[2] is not None for r in rows)
    con = sqlite3.connect(data_dir / "kiosk.sqlite")
    try:
        assert con.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0  # never synced
        assert con.execute("SELECT sum(n) FROM tally").fetchone()[0] == 500
        assert (
            con.execute("SELECT sum(n) FROM reason_tally").fetchone()[0]
            == con.execute("SELECT count(*) FROM answer_reasons").fetchone()[0]
        )
    finally:
        con.close()
    # More demo data on top of demo data is fine.
    assert run(data_dir, "--count", "20") == 0
    assert len(store_rows(data_dir)) == 520


def test_command_refuses_a_store_with_real_answers_unless_forced(data_dir, capsys):
    opened = open_store(data_dir / "kiosk.sqlite", "k", "v")
    opened.answers.record_score(9, "es")
    opened.db.close()

    assert run(data_dir, "--count", "50") == 1
    err = capsys.readouterr().err
    assert "already holds real answers" in err and "--force" in err
    assert len(store_rows(data_dir)) == 1

    assert run(data_dir, "--count", "50", "--force") == 0
    assert len(store_rows(data_dir)) == 51


def test_command_uses_the_configured_reasons_and_languages(data_dir):
    (data_dir / "kiosk.toml").write_text(
        "[kiosk]\nlanguages = ['en']\ndefault_language = 'en'\n"
        "[why]\nreasons = ['price', { id = 'parking', en = 'Parking' }]\n",
        encoding="utf-8",
    )
    assert run(data_dir, "--count", "400", "--seed", "1") == 0
    con = sqlite3.connect(data_dir / "kiosk.sqlite")
    try:
        reasons = {r[0] for r in con.execute("SELECT DISTINCT reason FROM answer_reasons")}
        languages = {r[0] for r in con.execute("SELECT DISTINCT language FROM answers")}
    finally:
        con.close()
    assert reasons == {"price", "parking"}
    assert languages == {"en"}


@pytest.mark.parametrize("args", [["--count", "0"], ["--count", "5", "--days", "0"]])
def test_command_refuses_nonsense(data_dir, capsys, args):
    assert run(data_dir, *args) == 2
    assert "must be at least 1" in capsys.readouterr().err
