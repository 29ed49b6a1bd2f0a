"""``kiosk demo-data --count 100000``: the whole command, beside a floor (ratio).

The floor, measured in the same run on the same disk: the same number of made-up rows of
the answers table's width inserted with one ``executemany`` per 5,000 rows into a bare SQLite
table, with nothing else (no generation, no reasons, no indexes, no tallies). The command's
figure includes generating the answers, storing them with their reasons and tallies, and
opening the store. This used to be a timed test (tests/commands/test_demo_data.py); a
figure beside its floor says more than a pass under a fixed number of seconds.
Usage: python bench/bench_demo_data.py [--count 100000] [--days 90]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

from kiosk.commands.main import main as kiosk_main

CHUNK = 5000


def command_seconds(data_dir: Path, count: int, days: int) -> float:
    args = [
        "--data-dir",
        str(data_dir),
        "demo-data",
        "--count",
        str(count),
        "--days",
        str(days),
        "--seed",
        "9",
    ]
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        status = kiosk_main(args)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise RuntimeError(f"kiosk demo-data failed (exit {status})")
    return elapsed


def stored_rows(data_dir: Path) -> int:
    con = sqlite3.connect(f"file:{data_dir / 'kiosk.sqlite'}?mode=ro", uri=True)
    try:
        return con.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    finally:
        con.close()


def floor_seconds(folder: Path, count: int) -> float:
    con = sqlite3.connect(folder / "floor.sqlite")
    try:
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA synchronous = FULL")
        con.execute(
            "CREATE TABLE answers (id TEXT PRIMARY KEY, score INTEGER, created_utc TEXT, "
            "utc_offset INTEGER, language TEXT, comment TEXT)"
        )
        started = time.perf_counter()
        for first in range(0, count, CHUNK):
            rows = [
                (str(uuid.UUID(int=i + 1)), i % 11, "2026-11-20T12:00:00Z", -300, "es", "")
                for i in range(first, min(first + CHUNK, count))
            ]
            with con:
                con.executemany("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?)", rows)
        return time.perf_counter() - started
    finally:
        con.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=90)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-demo-") as scratch:
        folder = Path(scratch)
        data_dir = folder / "data"
        data_dir.mkdir()
        ours = command_seconds(data_dir, args.count, args.days)
        rows = stored_rows(data_dir)
        if rows != args.count:
            raise RuntimeError(f"the store holds {rows} answers, not {args.count}")
        floor = floor_seconds(folder, args.count)
    print(f"answers: {args.count:,} over {args.days} days (stored and counted)")
    print(f"kiosk demo-data:                 {ours:7.2f} s  ({args.count / ours:,.0f} answers/s)")
    print(f"floor, bare executemany inserts: {floor:7.2f} s")
    print(f"ratio ours / floor:              {ours / floor:7.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
