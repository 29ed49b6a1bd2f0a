"""The store's structural check: at start when cheap, in the background every day."""

from __future__ import annotations

import time

from kiosk.core.answer import Completion
from kiosk.store import integrity
from kiosk.store.recovery import open_store


def _store_with_answers(path, n=1500):
    opened = open_store(path, "k", "v")
    for i in range(n):
        answer = opened.answers.record_score(i % 11, "es")
        opened.answers.complete(answer.id, Completion.SKIPPED, comment=f"comentario {i}")
    opened.db.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    opened.db.close()


def _damage_inside(path) -> None:
    """Garbage over a few pages in the middle: the file still opens, the check fails."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xff\x00\xab" * 4096)


def test_a_small_store_is_checked_at_start_a_large_one_later(data_dir):
    path = data_dir / "kiosk.sqlite"
    assert integrity.check_at_start(path)  # no store yet: opening it is the check
    path.write_bytes(b"")
    assert integrity.check_at_start(path)
    with path.open("r+b") as handle:
        handle.truncate(integrity.START_CHECK_LIMIT_BYTES + 1)
    assert not integrity.check_at_start(path)
    integrity.request_check_at_start(path)
    assert integrity.check_at_start(path)  # the background check asked for it
    integrity.checked_at_start(path)
    assert not integrity.check_at_start(path)


def test_quick_check_tells_a_sound_store_from_a_damaged_one(data_dir):
    path = data_dir / "kiosk.sqlite"
    _store_with_answers(path)
    assert integrity.quick_check(path) == []
    _damage_inside(path)
    assert integrity.quick_check(path)


def test_the_background_watch_reports_damage_and_asks_for_a_check_at_start(data_dir):
    path = data_dir / "kiosk.sqlite"
    _store_with_answers(path)
    found: list[list[str]] = []
    watch = integrity.IntegrityWatch(path, found.append, first_seconds=0.01, every_seconds=0.05)
    watch.start()
    try:
        deadline = time.monotonic() + 10
        while watch.checks < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert watch.checks >= 2 and not found  # sound: checked quietly, again and again
        _damage_inside(path)
        while not found and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        watch.stop()
    assert found and found[0]
    assert integrity.check_at_start(path)
    # The next start runs the full check and sets the damaged file aside.
    opened = open_store(path, "k", "v", check=integrity.check_at_start(path))
    try:
        assert opened.recovery is not None
    finally:
        opened.db.close()
