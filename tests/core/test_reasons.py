"""Reason chips: ids, built-in defaults and configured labels."""

from __future__ import annotations

import pytest

from kiosk.core.reasons import (
    BUILTIN_REASONS,
    DEFAULT_REASON_IDS,
    Reason,
    default_reasons,
    is_valid_reason_id,
)


def test_defaults_are_builtin_and_cover_the_issue_list():
    reasons = default_reasons()
    assert [r.id for r in reasons] == list(DEFAULT_REASON_IDS)
    assert all(r.builtin for r in reasons)
    for wanted in ("speed", "friendliness", "quality", "price", "cleanliness", "waiting_time"):
        assert wanted in DEFAULT_REASON_IDS


def test_every_builtin_id_is_valid():
    assert all(is_valid_reason_id(reason_id) for reason_id in BUILTIN_REASONS)


@pytest.mark.parametrize("good", ["speed", "a", "wifi-2", "x_y", "0abc", "a" * 40])
def test_valid_ids(good):
    assert is_valid_reason_id(good)


@pytest.mark.parametrize("bad", ["", "Speed", "_x", "-x", "with space", "ñandú", "a" * 41, "a\n"])
def test_invalid_ids(bad):
    assert not is_valid_reason_id(bad)


def test_builtin_reason_falls_back_to_its_translatable_message():
    reason = Reason("price")
    assert reason.builtin
    assert reason.fallback() == BUILTIN_REASONS["price"]
    assert (reason.fallback().context, reason.fallback().english()) == ("Reason", "Price")
    assert reason.label("es") is None


def test_custom_reason_brings_its_own_labels():
    reason = Reason("parking", {"es": "Estacionamiento", "en": "Parking"})
    assert not reason.builtin
    assert reason.label("es") == "Estacionamiento"
    assert reason.fallback() == "Parking"
    assert reason.label("fr") is None


def test_relabelled_builtin_is_not_builtin_and_custom_without_english_falls_back_to_id():
    assert not Reason("price", {"es": "Precios justos"}).builtin
    assert Reason("wifi", {"es": "Wifi gratis"}).fallback() == "wifi"
    assert Reason("price", {"es": "Precios justos"}).fallback() == BUILTIN_REASONS["price"]
