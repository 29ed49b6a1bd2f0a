"""The app shell: build_app on a damaged store, the single-instance lock, a kill after a tap."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QLockFile, Qt

from kiosk import __version__
from kiosk.app import guest as app
from kiosk.app import shell
from kiosk.app.context import Context
from kiosk.config import Settings
from kiosk.logs import setup_logging
from kiosk.store.recovery import open_store


def _args(data_dir) -> argparse.Namespace:
    return argparse.Namespace(
        config=None, data_dir=str(data_dir), windowed=True, log_level="INFO", command="run"
    )


def test_corrupt_store_is_set_aside_and_staff_are_told(qtbot, data_dir):
    (data_dir / "kiosk.sqlite").write_bytes(b"this is not a database" * 500)
    (data_dir / "kiosk.sqlite-wal").write_bytes(b"garbage wal")
    ctx = Context(data_dir, data_dir / "kiosk.toml", False, Settings())
    kiosk = app.build_app(ctx)
    qtbot.addWidget(kiosk.window)
    try:
        kiosk.window.resize(1280, 800)
        kiosk.window.show()
        banner = kiosk.window.staff_banner
        assert banner.isVisible()
        set_aside = list((data_dir / "corrupt").iterdir())
        assert len(set_aside) == 1
        kept = sorted(p.name for p in set_aside[0].iterdir())
        assert kept == ["kiosk.sqlite", "kiosk.sqlite-wal"]  # together, never deleted
        assert str(set_aside[0]) in banner.text()
        # The guest flow works on the fresh store.
        qtbot.mouseClick(kiosk.question.score_buttons[10], Qt.MouseButton.LeftButton)
        assert kiosk.ctx.store().answers.count() == 1
    finally:
        kiosk.close()
        ctx.close()


def test_a_pin_lost_with_the_store_is_on_the_staff_banner(qtbot, data_dir):
    """Both copies of the PIN gone with a damaged store: the banner says so, in the kiosk's
    language, and names `kiosk set-pin`; the corner opens no area (no PIN is set)."""
    from kiosk.store import keep
    from kiosk.store.pin import PinStore

    opened = open_store(data_dir / "kiosk.sqlite", "kiosk-1", __version__)
    PinStore(opened.db, scrypt_n=2**8).set_pin("4711")
    opened.db.close()
    keep.keep_path(data_dir / "kiosk.sqlite").unlink()
    (data_dir / "kiosk.sqlite").write_bytes(b"this is not a database" * 500)
    ctx = Context(data_dir, data_dir / "kiosk.toml", False, Settings())
    kiosk = app.build_app(ctx)
    qtbot.addWidget(kiosk.window)
    try:
        kiosk.window.show()
        text = kiosk.window.staff_banner.text()
        assert "kiosk set-pin" in text and "PIN" in text
        assert not PinStore(ctx.store().db).has_pin()
        kiosk.flow.switch_language("en" if kiosk.translations.language != "en" else "es")
        assert kiosk.window.staff_banner.text() != text  # translated, both ways
        assert "kiosk set-pin" in kiosk.window.staff_banner.text()
    finally:
        kiosk.close()
        ctx.close()


def test_answers_left_open_by_a_crash_are_closed_at_start(qtbot, data_dir):
    opened = open_store(data_dir / "kiosk.sqlite", "kiosk-1", __version__)
    left_open = opened.answers.record_score(4, "es")
    opened.db.close()
    ctx = Context(data_dir, data_dir / "kiosk.toml", False, Settings())
    kiosk = app.build_app(ctx)
    qtbot.addWidget(kiosk.window)
    try:
        assert ctx.store().answers.get(left_open.id).completion.value == "timeout"
        assert not kiosk.window.staff_banner.isVisibleTo(kiosk.window)
    finally:
        kiosk.close()
        ctx.close()


def test_second_copy_exits_without_touching_the_store(qtbot, data_dir):
    lock = QLockFile(str(data_dir / shell.LOCK_FILENAME))
    assert lock.tryLock(0)
    try:
        assert shell.main(_args(data_dir)) == shell.EXIT_ALREADY_RUNNING
    finally:
        lock.unlock()
        setup_logging(None, console=False)  # close the log file main() opened
    assert not (data_dir / "kiosk.sqlite").exists()
    log_text = (data_dir / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "already running" in log_text


CHILD = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from kiosk.app.guest import build_app, qt_app
    from kiosk.app.context import Context

    application = qt_app()
    kiosk = build_app(Context.from_options(None, sys.argv[1]))
    kiosk.window.resize(1280, 800)
    kiosk.window.show()
    application.processEvents()
    QTest.mouseClick(kiosk.question.score_buttons[2], Qt.MouseButton.LeftButton)
    print(kiosk.flow.answer_id, flush=True)
    time.sleep(60)
    """
)


@pytest.mark.slow
def test_answer_survives_sigkill_right_after_the_tap(data_dir):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        answer_id = child.stdout.readline().strip()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    assert answer_id
    opened = open_store(data_dir / "kiosk.sqlite", "kiosk-1", __version__)
    try:
        answer = opened.answers.get(answer_id)
        assert answer is not None and answer.score == 2
        assert opened.recovery is None
    finally:
        opened.db.close()


@pytest.mark.slow
def test_sigterm_stops_the_kiosk_cleanly(data_dir):
    import time

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--windowed", "--data-dir", str(data_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    log_file = data_dir / "logs" / "kiosk.log"
    try:
        deadline = time.monotonic() + 20
        while "started" not in (log_file.read_text() if log_file.exists() else ""):
            assert time.monotonic() < deadline, "the kiosk did not start"
            assert child.poll() is None, "the kiosk exited at start"
            time.sleep(0.05)
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=10) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert "kiosk stopped" in log_file.read_text()
    assert not (data_dir / shell.LOCK_FILENAME).exists()  # the lock is released


def test_no_store_at_all_exits_with_a_clear_log_line(qtbot, data_dir, monkeypatch):
    from kiosk.store.database import StoreError

    def refuse(self, *, check=True):
        raise StoreError("the data folder is read-only")

    monkeypatch.setattr(Context, "store", refuse)
    try:
        assert shell.main(_args(data_dir)) == shell.EXIT_NO_STORE
    finally:
        setup_logging(None, console=False)
    log_text = (data_dir / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "cannot open the store" in log_text and "read-only" in log_text
    assert not (data_dir / shell.LOCK_FILENAME).exists()


def test_background_damage_reaches_the_staff_banner(qtbot, data_dir):
    """The daily check runs on its own thread; its finding shows on the UI thread's banner."""
    import threading

    from kiosk.store import integrity

    integrity.request_check_at_start(data_dir / "kiosk.sqlite")
    ctx = Context(data_dir, data_dir / "kiosk.toml", False, Settings())
    kiosk = app.build_app(ctx)
    qtbot.addWidget(kiosk.window)
    try:
        # A requested check ran at start and the request is spent.
        assert not (data_dir / integrity.CHECK_REQUEST).exists()
        notice = app.DamageNotice(kiosk.window)
        thread = threading.Thread(
            target=notice.damaged.emit, args=(["page 7: btree damaged"],), name="kiosk-test-damage"
        )
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: app.DAMAGE_NOTICE in kiosk.window.staff_notices(), timeout=2000)
        text = kiosk.window.staff_notices()[app.DAMAGE_NOTICE]
        assert "restart" in text or "reinicia" in text  # in the kiosk's language
    finally:
        kiosk.close()
        ctx.close()
