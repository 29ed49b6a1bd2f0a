"""Shared fixtures: a real SQLite store in a temp folder, settings, and a thread check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

import pytest

from kiosk import __version__
from kiosk.config import Settings
from kiosk.store.recovery import OpenedStore, open_store


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations():
    """Build missing or stale translations/*.qm from their .ts once per run (issue 8).

    A checkout has only the .ts sources (``make translations`` compiles them); the kiosk
    loads .qm files. Nothing to do when the tests run against an installed wheel.
    """
    from kiosk import paths

    folder = paths.translations_dir()
    stale = [ts for ts in sorted(folder.glob("*.ts")) if not ts.with_suffix(".qm").exists()
             or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime]
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    lrelease = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if stale and lrelease is None:
        pytest.exit(f"{folder}/*.qm missing or older than the .ts: run `make translations`", 2)
    for ts in stale:
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True, timeout=60)


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

    store, app = central(tmp_path / "central.sqlite")
    faults = Faults(app, slow_seconds=0.8)
    server = LiveServer(faults)
    yield store, faults, server
    server.stop()
    store.close()


@pytest.fixture
def kiosk_settings(endpoint) -> Settings:
    from sync_helpers import sync_settings

    return sync_settings(endpoint[2].url)


@pytest.fixture(autouse=True)
def _no_dangling_threads():
    """Fail any test that leaves a thread of ours running (napari's idea)."""
    before = set(threading.enumerate())
    yield
    leftover = [
        t for t in threading.enumerate()
        if t not in before and t.is_alive() and not t.daemon and t.name.startswith("kiosk")
    ]
    for thread in leftover:
        thread.join(timeout=5)
    still = [t.name for t in leftover if t.is_alive()]
    assert not still, f"threads left running: {still}"
