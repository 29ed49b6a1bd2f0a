"""Where one batch's time goes on the ingest path: cProfile of ``POST /v1/answers`` in
process (Flask's test client, no HTTP), and PostgreSQL's own view (pg_stat_statements).

Usage: ``python bench/profile_central_ingest.py [--batches 50] [--batch 200] [--store postgresql]``
Prints the top functions by cumulative and by own time, then (PostgreSQL) each statement's
calls, rows and mean time. Not a pass/fail test.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time

from central_common import BenchDatabase, answers_for
from sqlalchemy import text

from kiosk.endpoint.app import create_app
from kiosk.endpoint.config import EndpointConfig
from kiosk.endpoint.store.service import CentralStore


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=50)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--kiosks", type=int, default=10)
    parser.add_argument("--store", default="postgresql")
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--plain", action="store_true", help="time without the profiler too")
    args = parser.parse_args()
    database = BenchDatabase(args.store)
    try:
        if database.cluster is not None:  # pg_stat_statements needs a restart to load
            admin = database.databases.admin
            with admin.connect() as conn:
                conn.execute(
                    text("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'")
                )
            database.databases.admin.dispose()
            data = str(database.cluster.data)
            log = str(database.cluster.base / "log")
            database.cluster._run("pg_ctl", "-D", data, "-l", log, "-w", "-m", "fast", "restart")
        store = CentralStore.open(database.url)
        store.change("add-area", "bench", "Bench")
        tokens = {}
        for i in range(args.kiosks):
            store.change("add-site", "bench", f"site-{i:03d}", "Bench")
            tokens[i] = store.change("add-kiosk", "bench", f"kiosk-{i:03d}", f"site-{i:03d}")
        per_kiosk = args.batches // args.kiosks * args.batch
        bodies = []
        for i in range(args.kiosks):
            answers = answers_for(per_kiosk, seed=i)
            for start in range(0, per_kiosk, args.batch):
                chunk = answers[start : start + args.batch]
                body = {
                    "kiosk": {"id": f"kiosk-{i:03d}", "site": f"site-{i:03d}", "app_version": "1"},
                    "answers": chunk,
                    "sent_at": chunk[-1]["created_at"],
                }
                bodies.append((tokens[i], json.dumps(body).encode()))
        app = create_app(EndpointConfig(db=database.url), store)
        client = app.test_client()

        def post(token: str, body: bytes) -> None:
            reply = client.post(
                "/v1/answers",
                data=body,
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )
            assert reply.status_code == 200, reply.text

        for token, body in bodies[:2]:  # warm: compiled caches, prepared statements
            post(token, body)
        if database.cluster is not None:
            with store.engine.connect() as conn:
                conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"))
                conn.execute(text("SELECT pg_stat_statements_reset()"))
                conn.commit()
        timed = bodies[2:]
        if args.plain:  # half the batches without the profiler's overhead, half with it
            plain, timed = timed[: len(timed) // 2], timed[len(timed) // 2 :]
            started, cpu = time.perf_counter(), time.process_time()
            for token, body in plain:
                post(token, body)
            wall = (time.perf_counter() - started) / len(plain) * 1000
            cpu = (time.process_time() - cpu) / len(plain) * 1000
            print(f"unprofiled: {wall:.1f} ms per batch, {cpu:.1f} ms of it this process's CPU")
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        for token, body in timed:
            post(token, body)
        profile.disable()
        elapsed = time.perf_counter() - started
        count = len(timed)
        print(
            f"{args.store}: {count} batches of {args.batch}: {elapsed / count * 1000:.1f} ms"
            f" per batch (profiled), {count * args.batch / elapsed:,.0f} answers/s"
        )
        stats = pstats.Stats(profile, stream=sys.stdout)
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)
        if database.cluster is not None:
            with store.engine.connect() as conn:
                rows = conn.execute(
                    text(
                        "SELECT calls, rows, round(total_exec_time::numeric, 1) AS total_ms,"
                        " round(mean_exec_time::numeric, 3) AS mean_ms, left(query, 110) AS q"
                        " FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 20"
                    )
                ).all()
            print(f"{'calls':>6} {'rows':>8} {'total ms':>9} {'mean ms':>8}  statement")
            for row in rows:
                query = " ".join(row.q.split())
                print(f"{row.calls:>6} {row.rows:>8} {row.total_ms:>9} {row.mean_ms:>8}  {query}")
        store.close()
    finally:
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
