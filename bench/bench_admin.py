"""The owner's side with 1,000,000 answers: dashboard, `kiosk stats`, CSV export.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_admin.py [--count N]

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_admin.py --export-only --runs 5

Targets (issue 5): dashboard opened and drawn < 200 ms; `kiosk stats` < 500 ms; CSV export
< 10 s with flat memory, shown beside the sqlite3 command-line shell's own CSV dump of the
same table (the floor) and beside the straightforward way (csv.writer over Python cells, as
the export was written before SQLite assembled the rows). The export runs ``--runs`` times,
each in a fresh process; the median and the slowest are shown. The store is built once through the bulk loader
(``kiosk.store.bulk``) and cached in ``bench/results/`` (gitignored).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
REASONS = {
    "detractor": ["waiting_time", "price", "speed", "cleanliness", "friendliness", "quality"],
    "passive": ["price", "waiting_time", "quality", "choice", "speed"],
    "promoter": ["friendliness", "quality", "speed", "atmosphere", "cleanliness"],
}
COMMENTS = {
    "detractor": [
        "Esperé casi veinte minutos.",
        "Slow service today.",
        '=HYPERLINK("x")',
        "La mesa estaba sucia.",
    ],
    "passive": ["Bien, pero caro.", "OK, a bit noisy.", "Buen café."],
    "promoter": ["¡Excelente atención! 😀", "Lovely staff, thank you.", "Siempre rico."],
}
SCORE_WEIGHTS = [2, 1, 1, 2, 2, 4, 5, 10, 14, 22, 37]
HOUR_WEIGHTS = {
    h: w for h, w in zip(range(7, 22), [2, 5, 8, 8, 7, 9, 10, 7, 5, 5, 6, 8, 7, 4, 2], strict=True)
}


def category(score: int) -> str:
    return "detractor" if score <= 6 else "passive" if score <= 8 else "promoter"


def generate_rows(count: int, days: int, end: datetime, offset: int, seed: int = 5):
    """Rows for ``kiosk.store.bulk.load_rows``: realistic shape, cheap to make."""
    rng = random.Random(seed)
    tz = timezone(timedelta(minutes=offset))
    start_day = (end.astimezone(tz) - timedelta(days=days - 1)).date()
    hours = list(HOUR_WEIGHTS)
    hour_w = list(HOUR_WEIGHTS.values())
    scores = list(range(11))
    for seq in range(1, count + 1):
        day = start_day + timedelta(days=(seq - 1) * days // count)
        hour = rng.choices(hours, hour_w)[0]
        score = rng.choices(scores, SCORE_WEIGHTS)[0]
        cat = category(score)
        local = datetime(
            day.year,
            day.month,
            day.day,
            hour,
            rng.randrange(60),
            rng.randrange(60),
            rng.randrange(1_000_000),
            tzinfo=tz,
        )
        created = local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        reasons = (
            rng.sample(REASONS[cat], rng.choice((0, 0, 1, 1, 2))) if rng.random() < 0.6 else []
        )
        comment = rng.choice(COMMENTS[cat]) if rng.random() < 0.18 else ""
        flagged = rng.random() < 0.02
        yield (
            str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            seq,
            "mostrador-1",
            created,
            offset,
            day.isoformat(),
            hour,
            day.weekday(),
            score,
            cat,
            json.dumps(reasons),
            comment,
            rng.choice(("es", "es", "en")),
            "1.0.0",
            '["burst"]' if flagged else "[]",
            int(flagged),
            "demo",
            rng.choice(("sent", "skipped", "timeout")),
            created,
        )


def build_store(path: Path, count: int) -> float:
    from kiosk import __version__
    from kiosk.store.bulk import load_rows
    from kiosk.store.recovery import open_store

    started = time.perf_counter()
    tmp = path.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    opened = open_store(tmp, "mostrador-1", __version__)
    now = datetime.now(timezone.utc)
    load_rows(opened.db, generate_rows(count, 365, now, -300))
    opened.db.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    opened.db.close()
    os.replace(tmp, path)
    return time.perf_counter() - started


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def bench_dashboard(data_dir: Path) -> dict:
    from PySide6.QtWidgets import QApplication

    from kiosk import __version__
    from kiosk.admin.area import AdminArea
    from kiosk.app.admin_services import build
    from kiosk.config import Settings
    from kiosk.store.recovery import open_store
    from kiosk.ui import theme

    app = QApplication.instance() or QApplication([])
    theme.apply(app)
    opened = open_store(data_dir / "kiosk.sqlite", "mostrador-1", __version__, check=False)
    services = build(opened.db, Settings(), data_dir / "kiosk.toml")
    area = AdminArea(services, language="en")
    area.setMinimumSize(400, 300)
    area.resize(1280, 800)
    area.show()
    area.authenticated = True
    figures = {}
    for label, period in (("30 days", "30d"), ("7 days", "7d"), ("today", "today")):
        times = []
        for _ in range(7):
            area.dashboard.period = period
            started = time.perf_counter()
            area.show_dashboard()  # reads the numbers and lays them out
            area.grab()  # draws every card and chart
            times.append(time.perf_counter() - started)
        figures[label] = {"first": times[0], "median": statistics.median(times[1:])}
    # the whole year in one custom range
    from datetime import date

    from PySide6.QtCore import QDate

    span = services.stats(None, None, False)
    area.dashboard.period = "custom"
    area.dashboard.since_edit.setDate(QDate(span.since.year, span.since.month, span.since.day))
    area.dashboard.until_edit.setDate(QDate(span.until.year, span.until.month, span.until.day))
    times = []
    for _ in range(5):
        started = time.perf_counter()
        area.show_dashboard()
        area.grab()
        times.append(time.perf_counter() - started)
    figures["whole year"] = {"first": times[0], "median": statistics.median(times[1:])}
    del date
    area.shutdown()
    area.deleteLater()
    opened.db.close()
    return figures


def run_py(code: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=HERE.parent
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


EXPORT_CODE = """
import json, resource, sys, time
from datetime import date
from kiosk.store.recovery import open_store
from kiosk.core.exports import ExportRequest
from kiosk.export.writer import export_to_file
opened = open_store({store!r}, "mostrador-1", "1", check=False)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
since = {since!r}
request = ExportRequest("csv", date.fromisoformat(since) if since else None, None, True)
t = time.perf_counter()
n = export_to_file(opened.db, request, {out!r})
elapsed = time.perf_counter() - t
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"rows": n, "seconds": elapsed, "rss_before_kb": before, "rss_peak_kb": after}}))
"""


PLAIN_EXPORT_CODE = """
import csv, json, resource, sys, time
from kiosk.store.recovery import open_store
from kiosk.store.exports import EXPORT_COLUMNS, iter_sheet_batches
opened = open_store({store!r}, "mostrador-1", "1", check=False)
t = time.perf_counter()
n = 0
with open({out!r}, "w", encoding="utf-8", newline="") as handle:
    handle.write("\\ufeff")
    writer = csv.writer(handle, lineterminator="\\r\\n")
    writer.writerow(EXPORT_COLUMNS)
    for batch in iter_sheet_batches(opened.db):
        writer.writerows(batch)
        n += len(batch)
elapsed = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"rows": n, "seconds": elapsed, "rss_peak_kb": peak}}))
"""


def bench_stats_cli(data_dir: Path) -> dict:
    from kiosk.commands import main as cli

    times = []
    devnull = open(os.devnull, "w")
    real = sys.stdout
    try:
        for _ in range(6):
            sys.stdout = devnull
            started = time.perf_counter()
            cli.main(["--data-dir", str(data_dir), "stats", "--json"])
            times.append(time.perf_counter() - started)
            sys.stdout = real
    finally:
        sys.stdout = real
        devnull.close()
    process = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "kiosk", "--data-dir", str(data_dir), "stats", "--json"],
            check=True,
            capture_output=True,
        )
        process.append(time.perf_counter() - started)
    return {
        "in_process_first": times[0],
        "in_process_median": statistics.median(times[1:]),
        "whole_process_median": statistics.median(process),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3, help="CSV exports to time (median)")
    parser.add_argument("--export-only", action="store_true", help="skip stats and dashboard")
    args = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)
    cached = RESULTS / f"admin-{args.count}.sqlite"
    if not cached.exists():
        print(f"building a store of {args.count:,} answers (cached in {cached}) ...", flush=True)
        print(f"  built in {build_store(cached, args.count):.1f} s", flush=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-admin-") as scratch:
        data_dir = Path(scratch)
        shutil.copyfile(cached, data_dir / "kiosk.sqlite")
        store = str(data_dir / "kiosk.sqlite")

        stats = dashboard = None
        if not args.export_only:
            stats = bench_stats_cli(data_dir)
            print(
                f"kiosk stats --json: in-process {ms(stats['in_process_median'])} median "
                f"(first {ms(stats['in_process_first'])}); whole command incl. Python start "
                f"{ms(stats['whole_process_median'])}  [target < 500 ms]",
                flush=True,
            )

            dashboard = bench_dashboard(data_dir)
            for label, figure in dashboard.items():
                print(
                    f"dashboard opened and drawn, {label}: {ms(figure['median'])} median "
                    f"(first {ms(figure['first'])})  [target < 200 ms]",
                    flush=True,
                )

        out = str(data_dir / "answers.csv")
        small = run_py(
            EXPORT_CODE.format(
                store=store, out=out, since=(datetime.now() - timedelta(days=36)).date().isoformat()
            )
        )
        runs = [
            run_py(EXPORT_CODE.format(store=store, out=out, since=None))
            for _ in range(max(1, args.runs))
        ]
        full = sorted(runs, key=lambda run: run["seconds"])[len(runs) // 2]
        full["runs_seconds"] = [run["seconds"] for run in runs]
        size_mb = os.path.getsize(out) / 1e6
        print(
            f"CSV export: {full['rows']:,} rows, {size_mb:.0f} MB in {full['seconds']:.1f} s "
            f"median of {len(runs)} (slowest {max(full['runs_seconds']):.1f} s) "
            f"[target < 10 s]; peak RSS {full['rss_peak_kb'] / 1024:.0f} MB for all rows vs "
            f"{small['rss_peak_kb'] / 1024:.0f} MB for {small['rows']:,} rows (flat)",
            flush=True,
        )
        plain_out = str(data_dir / "plain.csv")
        plain = run_py(PLAIN_EXPORT_CODE.format(store=store, out=plain_out))
        same = Path(plain_out).read_bytes() == Path(out).read_bytes()
        print(
            f"the straightforward way (csv.writer over Python cells): {plain['seconds']:.1f} s; "
            f"ours is {plain['seconds'] / full['seconds']:.1f}x faster; same bytes: {same}",
            flush=True,
        )

        floor = None
        sqlite_cli = shutil.which("sqlite3")
        if sqlite_cli:
            started = time.perf_counter()
            with open(data_dir / "floor.csv", "wb") as handle:
                subprocess.run(
                    [sqlite_cli, "-header", "-csv", store, "SELECT * FROM answers ORDER BY seq"],
                    stdout=handle,
                    check=True,
                )
            floor = time.perf_counter() - started
            print(
                f"floor: sqlite3 CLI CSV dump of the same table {floor:.1f} s; "
                f"ours / floor = {full['seconds'] / floor:.1f}x",
                flush=True,
            )
        else:
            print("floor: the sqlite3 command-line shell is not installed; skipped")

    summary = {
        "count": args.count,
        "stats": stats,
        "dashboard": dashboard,
        "export": full,
        "export_subset": small,
        "export_straightforward": plain,
        "sqlite3_cli_floor_seconds": floor,
    }
    (RESULTS / "admin.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
