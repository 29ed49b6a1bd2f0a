"""Fixtures every test folder shares, registered by ``tests/conftest.py`` (``pytest_plugins``).

A real SQLite store in a temp folder, settings, a live reference endpoint on 127.0.0.1, and
the house-keeping checks (napari's ``_dangling_qthreads`` / ``_dangling_qtimers``): a test
that leaves a thread (daemon or not) or a QTimer running fails, with the stack that started it.

Nothing here imports Qt at module level: tests/core, tests/store, tests/sync and tests/export
also run with PySide6 not installed (``tools/test-without-qt.sh``).
"""

from __future__ import annotations

import os
import threading
import time
import traceback
import weakref
from collections.abc import Iterator

import pytest

from kiosk import __version__
from kiosk.config import Settings
from kiosk.store.recovery import OpenedStore, open_store


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def opened_store(data_dir) -> OpenedStore:
    opened = open_store(data_dir / "kiosk.sqlite", "test-kiosk", __version__)
    yield opened
    opened.db.close()


@pytest.fixture
def answer_store(opened_store):
    return opened_store.answers


# --- a live reference endpoint for the sync, on 127.0.0.1 ---------------------------------


@pytest.fixture
def endpoint(tmp_path):
    """(central store, faults middleware, live server) on 127.0.0.1."""
    from endpoint_server import Faults, LiveServer, central

    from helpers.sync import SLOW_REPLY_SECONDS

    store, app = central(tmp_path / "central.sqlite")
    faults = Faults(app, slow_seconds=SLOW_REPLY_SECONDS)
    server = LiveServer(faults)
    yield store, faults, server
    server.stop()
    store.close()


@pytest.fixture
def kiosk_settings(endpoint) -> Settings:
    from helpers.sync import sync_settings

    return sync_settings(endpoint[2].url)


# --- nothing left running -------------------------------------------------------------------

# Threads that may outlive the test that started them, by name prefix, each with its reason.
# Session- and module-scoped fixtures start before this check and are not seen by it.
EXEMPT_THREADS: dict[str, str] = {}

# How long a thread that is already stopping gets to finish before it counts as left running.
JOIN_SECONDS = 5.0


_NOT_OURS = (os.sep + "_pytest" + os.sep, os.sep + "pluggy" + os.sep, os.sep + "pytestqt" + os.sep)


def _stack() -> str:
    """Where we are: the test's and the kiosk's frames, not pytest's nor this module's."""
    frames = [
        f
        for f in traceback.extract_stack()
        if f.filename != __file__ and not any(part in f.filename for part in _NOT_OURS)
    ]
    return "".join(traceback.format_list(frames[-12:]))


def _report(what: str, culprits: list[tuple[str, str]]) -> str:
    parts = [f"{len(culprits)} {what} left running by this test:"]
    for name, stack in culprits:
        parts.append(f"--- {name}, started at:\n{stack}")
    return "\n".join(parts)


@pytest.fixture(autouse=True)
def _dangling_threads(monkeypatch) -> Iterator[None]:
    """Fail a test that leaves any thread running, daemon threads included."""
    started: dict[threading.Thread, str] = {}
    original_start = threading.Thread.start

    def start(thread: threading.Thread) -> None:
        started[thread] = _stack()
        original_start(thread)

    monkeypatch.setattr(threading.Thread, "start", start)
    yield
    deadline = time.monotonic() + JOIN_SECONDS
    culprits = []
    for thread, stack in list(started.items()):
        if thread is threading.current_thread():
            continue
        thread.join(max(0.0, deadline - time.monotonic()))
        if thread.is_alive() and not thread.name.startswith(tuple(EXEMPT_THREADS)):
            culprits.append((f"thread {thread.name!r} (daemon={thread.daemon})", stack))
    if culprits:
        pytest.fail(_report("thread(s)", culprits), pytrace=False)


@pytest.fixture(autouse=True)
def _dangling_qtimers(monkeypatch) -> Iterator[None]:
    """Fail a test that leaves a QTimer running or a QTimer.singleShot pending.

    A closed widget's timers count too: pytest-qt only schedules its deletion, so they would
    still fire during the next test. A single shot whose receiver is already gone does not.
    """
    try:
        import shiboken6
        from PySide6.QtCore import QObject, QTimer
    except ImportError:  # the Qt-free half of the suite: no Qt, no timers
        yield
        return
    timers: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # timer -> last start
    shots: list[tuple[dict, weakref.ref | None, str]] = []  # (state, receiver, stack)
    original_start = QTimer.start
    original_single_shot = QTimer.singleShot

    def start(timer: QTimer, *args) -> None:
        timers[timer] = _stack()
        original_start(timer, *args)

    def single_shot(msec, *args) -> None:
        *head, function = args
        if isinstance(function, str) or not callable(function):
            original_single_shot(msec, *args)  # the receiver/SLOT() form: not followed
            return
        receiver = next((a for a in head if isinstance(a, QObject)), None)
        if receiver is None and isinstance(getattr(function, "__self__", None), QObject):
            # Keep Qt's rule for a bound method: no call once its object is gone.
            receiver = function.__self__
            head.append(receiver)
        state = {"fired": False}
        # Weakly: holding the receiver here would keep it (and its shot) alive.
        shots.append((state, weakref.ref(receiver) if receiver is not None else None, _stack()))

        def fire() -> None:
            state["fired"] = True
            function()

        original_single_shot(msec, *head, fire)

    monkeypatch.setattr(QTimer, "start", start)
    monkeypatch.setattr(QTimer, "singleShot", staticmethod(single_shot))
    yield
    culprits = []
    for timer, stack in list(timers.items()):
        if shiboken6.isValid(timer) and timer.isActive():
            name = timer.objectName() or f"every {timer.interval()} ms"
            parent = timer.parent()
            owner = type(parent).__name__ if parent is not None else "no parent"
            culprits.append((f"QTimer {name} of {owner}", stack))
    for state, receiver_ref, stack in shots:
        receiver = receiver_ref() if receiver_ref is not None else None
        alive = receiver_ref is None or (receiver is not None and shiboken6.isValid(receiver))
        if not state["fired"] and alive:
            culprits.append(("QTimer.singleShot not fired yet", stack))
    for timer in list(timers.keys()):
        if shiboken6.isValid(timer):
            timer.stop()  # one culprit must not fire into the next test
    if culprits:
        pytest.fail(_report("timer(s)", culprits), pytrace=False)


@pytest.fixture
def close_kiosk_log_handlers():
    """A command run in-process sets up the ``kiosk`` logger's file handlers: close them after
    the test, so that no log file stays open into the next one."""
    yield
    import logging

    root = logging.getLogger("kiosk")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
