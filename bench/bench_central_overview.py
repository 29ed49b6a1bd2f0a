"""The managers' overview at a chain's size. Prints figures; not a pass/fail test.

``--answers`` answers (the issue's figure: ``--answers 10000000``) in ``--sites`` sites over
the last year, stored through the service's own ingest (rollups kept as at the door). Then
the whole chain's numbers (``/v1/api/stats``'s query: NPS, margin, distribution, trend,
reasons, hours, weekdays, comments) for the last 30 days and the last year, p50/p95 over
``--repeat`` runs, beside a plain GROUP BY score over the answers of the same period (what
the overview would cost without rollups), and the ratio.

Usage: ``python bench/bench_central_overview.py [--answers 300000] [--stores postgresql,sqlite]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, datetime, timedelta, timezone

from central_common import BenchDatabase, answers_for, percentile, timed
from sqlalchemy import text

from kiosk.endpoint.store.registry import KioskIdentity
from kiosk.endpoint.store.service import CentralStore


def fill(store: CentralStore, answers: int, sites: int) -> float:
    store.change("add-area", "bench", "Bench")
    per_site = max(1, answers // sites)
    started = time.perf_counter()
    now = datetime.now(timezone.utc)
    for i in range(sites):
        code = f"site-{i:03d}"
        site_id = store.change("add-site", "bench", code, "Bench")
        store.change("add-kiosk", "bench", f"kiosk-{i:03d}", code)
        kiosk = KioskIdentity(f"kiosk-{i:03d}", site_id, code, False)
        rows = answers_for(per_site, seed=i)
        for start in range(0, len(rows), 5000):
            store.ingest_answers(kiosk, code, "1.0", rows[start : start + 5000], now, 0.0)
    return time.perf_counter() - started


def bench(kind: str, args: argparse.Namespace) -> None:
    database = BenchDatabase(kind)
    store = CentralStore.open(database.url)
    try:
        seconds = fill(store, args.answers, args.sites)
        total = store.count_answers()
        with store.engine.connect() as conn:
            rollup_rows = conn.execute(text("SELECT count(*) FROM daily")).scalar()
        print(
            f"{kind}: {total:,} answers in {args.sites} sites over a year, stored in"
            f" {seconds:.0f} s ({total / seconds:,.0f}/s in-process); {rollup_rows:,} daily"
            " rollup rows",
            flush=True,
        )
        today = date.today()
        for label, days in (("last 30 days", 30), ("last year", 365)):
            since = today - timedelta(days=days - 1)

            def overview(since=since) -> None:
                store.dashboard(
                    site_ids=None,
                    kiosk_ids=None,
                    since=since,
                    until=today,
                    include_flagged=False,
                    granularity=None,
                    today=today,
                )

            def plain(since=since) -> None:
                with store.engine.connect() as conn:
                    conn.execute(
                        text(
                            "SELECT score, count(*) FROM answers WHERE local_day >= :a AND"
                            " local_day <= :b AND NOT flagged GROUP BY score"
                        ),
                        {"a": since.isoformat(), "b": today.isoformat()},
                    ).all()

            def rolled(since=since) -> None:
                sums = ", ".join(f"sum(s{i})" for i in range(11))
                with store.engine.connect() as conn:
                    conn.execute(
                        text(
                            f"SELECT {sums} FROM daily WHERE local_day >= :a AND local_day <= :b"
                            " AND NOT flagged"
                        ),
                        {"a": since.isoformat(), "b": today.isoformat()},
                    ).all()

            overview()
            plain()
            rolled()
            fast, slow = timed(overview, args.repeat), timed(plain, args.repeat)
            same = timed(rolled, args.repeat)
            print(
                f"  {label}: the 0-10 distribution from the rollup p95"
                f" {percentile(same, 0.95) * 1000:.1f} ms vs GROUP BY over answers p95"
                f" {percentile(slow, 0.95) * 1000:.1f} ms: ratio"
                f" {percentile(slow, 0.95) / percentile(same, 0.95):.1f}x"
            )
            print(
                f"  {label}: whole overview (every number of the page) p50 {statistics.median(fast) * 1000:.0f} ms,"
                f" p95 {percentile(fast, 0.95) * 1000:.0f} ms; plain GROUP BY over answers"
                f" p50 {statistics.median(slow) * 1000:.0f} ms, p95"
                f" {percentile(slow, 0.95) * 1000:.0f} ms; ratio plain/overview (p95)"
                f" {percentile(slow, 0.95) / percentile(fast, 0.95):.1f}x",
                flush=True,
            )
    finally:
        store.close()
        database.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=300_000)
    parser.add_argument("--sites", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--stores", default="postgresql,sqlite")
    args = parser.parse_args()
    for kind in args.stores.split(","):
        bench(kind, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
