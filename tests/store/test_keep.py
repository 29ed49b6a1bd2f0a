"""The seq high-water mark kept beside the store (kiosk/store/keep.py)."""

from __future__ import annotations

from kiosk import __version__
from kiosk.store import keep
from kiosk.store.recovery import open_store


def test_a_new_store_numbers_above_the_kept_mark(tmp_path):
    # The mark outlives the store: a store lost and made anew must not reuse its numbers.
    store = tmp_path / "kiosk.sqlite"
    assert keep.remember(store, **{keep.SEQ_RESERVED: 5000})
    opened = open_store(store, "k", __version__)
    try:
        assert opened.answers.record_score(7, "es").seq > 5000
    finally:
        opened.db.close()


def test_a_failed_raise_is_not_retried_on_every_tap(tmp_path, monkeypatch):
    calls = []

    def refuse(path, **facts):
        calls.append(facts)
        return False  # a full or read-only disk

    monkeypatch.setattr(keep, "remember", refuse)
    reserve = keep.SeqReserve(tmp_path / "kiosk.sqlite", margin=10)
    for seq in range(1, 40):
        reserve.cover(seq)
        keep.settle(tmp_path / "kiosk.sqlite")
    assert len(calls) == 1  # then it rests for keep.RETRY_SECONDS
