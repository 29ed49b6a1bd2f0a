"""``kiosk sync`` killed with SIGKILL at random moments, restarted, many times: the endpoint
ends with exactly the N answers, none lost, none twice, and the kiosk has nothing pending."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from endpoint_server import TOKEN, LiveServer, central

from kiosk import __version__
from kiosk.store import outbox
from kiosk.store.recovery import open_store

N = 300
ROUNDS = 25


class Slow:
    """Each request takes a little while, so that kills land mid-request and mid-batch."""

    def __init__(self, app, seconds: float) -> None:
        self.app, self.seconds = app, seconds
        self.requests = 0

    def __call__(self, environ, start_response):
        self.requests += 1
        time.sleep(self.seconds)
        return self.app(environ, start_response)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_sync_loses_nothing_and_doubles_nothing(tmp_path, data_dir):
    from helpers.sync import add_answers

    opened = open_store(data_dir / "kiosk.sqlite", "test-kiosk", __version__)
    ids = add_answers(opened.answers, N)
    opened.db.close()
    store, app = central(tmp_path / "central.sqlite")
    slow = Slow(app, 0.03)
    server = LiveServer(slow, threads=4)
    (data_dir / "kiosk.toml").write_text(
        '[kiosk]\nid = "test-kiosk"\nsite = "shop-1"\n'
        f'[sync]\nendpoint = "{server.url}"\ntoken = "{TOKEN}"\nbatch_size = 5\n'
        "connect_timeout = 1.0\nread_timeout = 2.0\n",
        encoding="utf-8",
    )
    command = [
        sys.executable,
        "-m",
        "kiosk",
        "--data-dir",
        str(data_dir),
        "--log-level",
        "WARNING",
        "sync",
        "--once",
    ]
    env = dict(os.environ, KIOSK_CONFIG=str(data_dir / "kiosk.toml"))
    rng = random.Random(4)
    kills = 0
    progress: list[int] = []
    try:
        for _ in range(ROUNDS):
            before = slow.requests
            process = subprocess.Popen(
                command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            # Kill at a random moment after this child started sending (a loaded machine
            # may take a second just to start Python): mid-request, mid-batch, mid-commit.
            started = time.monotonic()
            while slow.requests == before and process.poll() is None:
                assert time.monotonic() - started < 30, "the sync never sent a request"
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.4))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                kills += 1
            process.wait(10)
            progress.append(store.count_answers())
            if process.returncode == 0:
                break
        final = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=60, check=False
        )
        assert final.returncode == 0, final.stdout + final.stderr
        assert kills >= 3, "the kills never landed during a sync"
        # Kills landed mid-drain: the endpoint held part of the answers at several of them.
        assert len({p for p in progress if 0 < p < N}) >= 3, progress
        held = store.answer_ids()
        assert len(held) == N == len(set(held))
        assert sorted(held) == sorted(ids)
        [kiosk] = store.kiosks()
        assert kiosk.gaps == [] and kiosk.missing == 0 and kiosk.last_seq == N
        reopened = open_store(data_dir / "kiosk.sqlite", "test-kiosk", __version__)
        try:
            assert outbox.counts(reopened.db.connection()) == outbox.Counts(0, 0, 0)
            assert reopened.answers.count() == N
        finally:
            reopened.db.close()
    finally:
        server.stop()
        store.close()
