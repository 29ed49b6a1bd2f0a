"""The year-at-the-counter bench, short: 600 answers (three simulated days), 12 pulled plugs
of every kind, 4 outages, the clock jumping and the disk filling twice (with the plug pulled
while it is full); a few minutes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_short_year_of_guests_kills_and_outages_loses_nothing():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "bench_year.py"),
            *("--answers", "600", "--power-cuts", "12", "--outages", "4"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=400,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "RESULT: PASS" in done.stdout
    assert "SIGKILLs" in done.stdout and " 0 missing" in done.stdout
    assert "FAIL" not in done.stdout
    # Each kind of cut struck at its moment at least once: in a transaction before its
    # COMMIT, mid-export, during start-up.
    cuts = next(line for line in done.stdout.splitlines() if line.startswith("plug pulled"))
    for kind in ("'commit'", "'export'", "'start-up'"):
        assert kind in cuts, cuts
    if os.environ.get("CI", "").lower() == "true":  # CI has libfaketime and root: all of it
        assert "clock jumps on" in done.stdout
        assert "PASS: the kiosk's clock really jumped" in done.stdout
        assert "disk fill on" in done.stdout and "'full-disk': 4" in cuts, cuts
