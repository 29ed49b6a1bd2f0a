"""The answer model: scores, categories, completion and comment cleaning."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from kiosk.core.answer import (
    COMMENT_MAX_LENGTH,
    SCORES,
    Answer,
    Category,
    Completion,
    InvalidAnswer,
    Why,
    clean_comment,
    iso_utc,
    parse_iso,
    validate_score,
)

TAP = datetime(2026, 3, 14, 12, 30, 5, 123456, tzinfo=timezone.utc)


def make_answer(**overrides) -> Answer:
    values = {
        "id": "a1",
        "score": 9,
        "created_utc": TAP,
        "utc_offset_minutes": -300,
        "language": "es",
        "kiosk_id": "k1",
        "app_version": "0.1.0",
    }
    values.update(overrides)
    return Answer(**values)


@pytest.mark.parametrize(
    ("score", "category"),
    [
        (0, Category.DETRACTOR),
        (6, Category.DETRACTOR),
        (7, Category.PASSIVE),
        (8, Category.PASSIVE),
        (9, Category.PROMOTER),
        (10, Category.PROMOTER),
    ],
)
def test_category_boundaries(score, category):
    assert Category.of(score) is category


def test_scores_are_zero_to_ten():
    assert SCORES == tuple(range(11))


@pytest.mark.parametrize("bad", [-1, 11, 5.0, "5", True, None])
def test_invalid_scores_are_refused(bad):
    with pytest.raises(InvalidAnswer):
        validate_score(bad)
    with pytest.raises(InvalidAnswer):
        make_answer(score=bad)


def test_naive_timestamp_is_refused():
    with pytest.raises(InvalidAnswer, match="timezone-aware"):
        make_answer(created_utc=datetime(2026, 3, 14, 12, 0))


def test_local_time_uses_the_stored_offset():
    answer = make_answer(utc_offset_minutes=-300)
    assert answer.local_time.hour == 7
    assert answer.local_time.utcoffset() == timedelta(hours=-5)
    assert answer.local_time == TAP


def test_completed_dedupes_reasons_keeps_order_and_keeps_the_comment_as_given():
    # The store cleans and cuts the comment once, to the configured length; cutting it again
    # here with another limit was how `comment_max_length = 1000` ended at 500 characters.
    answer = make_answer()
    done_at = TAP + timedelta(seconds=20)
    done = answer.completed(Completion.SENT, done_at, ("speed", "price", "speed"), "x" * 1500)
    assert done.reasons == ("speed", "price")
    assert done.comment == "x" * 1500
    assert done.is_complete and done.completion is Completion.SENT
    assert done.completed_utc == done_at
    assert not answer.is_complete  # frozen: the original is unchanged


def test_completed_accepts_completion_as_text():
    done = make_answer().completed("skipped", TAP)
    assert done.completion is Completion.SKIPPED


def test_flagged_follows_flags():
    assert not make_answer().flagged
    assert make_answer(flags=("burst",)).flagged


def test_clean_comment_keeps_newlines_accents_and_emoji_and_caps_length():
    limit = COMMENT_MAX_LENGTH
    assert clean_comment(None, limit) == ""
    assert (
        clean_comment("  ¡Muy rico, señor! ☕\n¿Volveré? Sí ", limit)
        == "¡Muy rico, señor! ☕\n¿Volveré? Sí"
    )
    assert clean_comment("a\u200bb\x07c", limit) == "abc"  # zero-width space and bell dropped
    assert clean_comment("  great\x00 coffee \x1b ", limit) == "great coffee"
    assert len(clean_comment("x" * 10_000, limit)) == COMMENT_MAX_LENGTH
    assert clean_comment("abcdef", max_length=3) == "abc"


def test_iso_round_trip_keeps_microseconds_and_converts_to_utc():
    local = TAP.astimezone(timezone(timedelta(hours=2)))
    text = iso_utc(local)
    assert text == "2026-03-14T12:30:05.123456Z"
    assert parse_iso(text) == TAP


def test_parse_iso_accepts_offsets_and_takes_naive_as_utc():
    assert parse_iso("2026-03-14T07:30:05.123456-05:00") == TAP
    naive = parse_iso("2026-03-14T12:30:05.123456")
    assert naive.tzinfo is not None and naive == TAP


def test_why_toggle_selects_and_unselects_in_order():
    why = Why()
    assert why.toggle("speed") is True
    assert why.toggle("price") is True
    assert why.toggle("speed") is False
    assert why.reasons == ["price"]
