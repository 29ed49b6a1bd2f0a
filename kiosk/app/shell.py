"""The kiosk process: ``kiosk`` (or ``kiosk run``) ends up here.

What only the real kiosk needs around :func:`kiosk.app.guest.build_app`: logging, the
single-instance lock, the owner's side built after the first frame, signals, the event loop.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QApplication

import kiosk.app.qt_import_hook  # noqa: F401  (first of the kiosk's modules: see there)
from kiosk import __version__
from kiosk.app.context import Context
from kiosk.app.display import display_problem
from kiosk.app.guest import build_app, qt_app, watch_integrity
from kiosk.app.startup_marker import arm
from kiosk.logs import setup_logging
from kiosk.store.database import StoreError
from kiosk.store.opening import access_problem

log = logging.getLogger("kiosk.ui")

LOCK_FILENAME = "kiosk.lock"
EXIT_ALREADY_RUNNING = 3
EXIT_NO_STORE = 4
EXIT_NO_DISPLAY = 5
EXIT_WINDOW_LOST = 6  # the window could not be shown again: a service manager restarts us
EXIT_ERRORS = 7  # unexpected errors kept coming


def _quit_on_signals(app: QApplication, stop: Callable[[], None]) -> QTimer:
    """Ctrl+C or a service stop (SIGTERM) ends the event loop cleanly."""
    for name in ("SIGINT", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), lambda *_: stop())
    # Python runs signal handlers only between bytecodes: wake it up now and then.
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)
    return ticker


def main(args: argparse.Namespace) -> int:
    ctx = Context.from_args(args)
    setup_logging(ctx.data_dir, getattr(args, "log_level", "INFO"))
    problem = display_problem()
    if problem is not None:
        log.error("the kiosk cannot start: %s", problem)
        return EXIT_NO_DISPLAY
    try:
        ctx.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.error("cannot create the data folder %s: %s", ctx.data_dir, exc.strerror or exc)
        return EXIT_NO_STORE
    app = qt_app()
    # One kiosk per data folder: a second copy must not write beside the first.
    lock = QLockFile(str(ctx.data_dir / LOCK_FILENAME))
    lock.setStaleLockTime(0)  # never stale by age; a dead owner's lock is still taken over
    if not lock.tryLock(500):
        if lock.error() != QLockFile.LockError.LockFailedError:
            # Not another kiosk: the lock file itself cannot be written. Say why.
            problem = access_problem(ctx.store_path) or (
                f"cannot write the lock file in {ctx.data_dir} ({lock.error().name})"
            )
            log.error("cannot start on %s: %s", ctx.data_dir, problem)
            return EXIT_NO_STORE
        from kiosk.app.single_instance import ask_running_kiosk_to_come_forward

        if ask_running_kiosk_to_come_forward(ctx.data_dir):
            log.info("a kiosk already runs on %s: brought it to the front", ctx.data_dir)
        else:
            log.error("another kiosk is already running on %s; this copy exits", ctx.data_dir)
        return EXIT_ALREADY_RUNNING
    kiosk = None
    owner = None
    integrity = None
    front_door = None
    awake = None
    errors = None
    try:
        try:
            kiosk = build_app(ctx)
        except (StoreError, OSError, sqlite3.Error) as exc:
            # No store at all (not even a fresh one): nothing safe to record into.
            log.error("cannot open the store at %s: %s", ctx.store_path, exc)
            return EXIT_NO_STORE

        fullscreen = ctx.settings.kiosk.fullscreen and not getattr(args, "windowed", False)
        kiosk.window.start(fullscreen)
        arm(kiosk.window, kiosk.question)  # bench/bench_startup.py's end mark
        app.processEvents()  # the question is on screen before the owner's side is built

        def stop(code: int = 0) -> None:
            """The one way out: the admin's Exit, a service stop, or a window that is gone."""
            kiosk.lockdown.release()
            app.exit(code)

        if fullscreen:
            kiosk.lockdown.on_lost = lambda: stop(EXIT_WINDOW_LOST)
            kiosk.lockdown.lock()

        # What the first frame does not need comes after it, before the first tap is read:
        # the guest's other screens, the second-start listener (QtNetwork), the sync
        # (requests), the admin area, the rest.
        kiosk.flow.build_screens()
        from kiosk.app.admin import AdminSide
        from kiosk.app.awake import KeepAwake
        from kiosk.app.errors import ErrorRecovery
        from kiosk.app.single_instance import FrontDoor

        front_door = FrontDoor(ctx.data_dir, kiosk.lockdown.bring_to_front, app)

        owner = AdminSide(kiosk)
        owner.exit_requested.connect(lambda: stop(0))
        owner.start()
        errors = ErrorRecovery(owner.back_to_question, lambda: stop(EXIT_ERRORS)).install()
        integrity = watch_integrity(kiosk)
        awake = KeepAwake(app)
        awake.start()
        _quit_on_signals(app, stop)
        log.info("kiosk %s started on %s", __version__, ctx.data_dir)
        code = app.exec()
        log.info("kiosk stopped")
        return code
    finally:
        if errors is not None:
            errors.uninstall()
        if awake is not None:
            awake.stop()
        if front_door is not None:
            front_door.close()
        if integrity is not None:
            integrity.stop()
        if owner is not None:
            owner.stop()
        if kiosk is not None:
            kiosk.close()
        ctx.close()
        lock.unlock()
