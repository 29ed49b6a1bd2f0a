"""Ingest into the central service over HTTP. Prints figures; not a pass/fail test.

Answers from ``--kiosks`` simulated kiosks (one per site) posting batches of ``--batch`` to
``--processes`` service processes (``kiosk endpoint``) from ``--clients`` concurrent clients,
on PostgreSQL and on SQLite: answers/s and p50/p99 request time, beside a floor measured in
the same run (the same rows into an answers table of the same keys by a bare executemany ...
ON CONFLICT DO NOTHING, no HTTP, no validation, no rollups), and the ratio.

Usage: ``python bench/bench_central_ingest.py [--answers 200000] [--stores postgresql,sqlite]``
(the issue's figure is ``--answers 1000000``; the default runs in a few minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests
from central_common import BenchDatabase, answers_for, percentile, start_service

from kiosk.endpoint.store.rows import answer_row
from kiosk.endpoint.store.service import CentralStore


def register(db: str, kiosks: int) -> dict[str, str]:
    store = CentralStore.open(db)
    try:
        store.change("add-area", "bench", "Bench")
        tokens = {}
        for i in range(kiosks):
            store.change("add-site", "bench", f"site-{i:03d}", "Bench")
            tokens[f"kiosk-{i:03d}"] = store.change(
                "add-kiosk", "bench", f"kiosk-{i:03d}", f"site-{i:03d}"
            )
        return tokens
    finally:
        store.close()


def make_batches(total: int, kiosks: int, batch: int) -> list[tuple[str, list[dict]]]:
    per_kiosk = max(1, total // kiosks)
    jobs = []
    for i in range(kiosks):
        answers = answers_for(per_kiosk, seed=i)
        for start in range(0, len(answers), batch):
            jobs.append((f"kiosk-{i:03d}", answers[start : start + batch]))
    # Interleave the kiosks, as a chain's kiosks post at the same time.
    jobs.sort(key=lambda job: (job[1][0]["seq"], job[0]))
    return jobs


def run_http(urls: list[str], tokens: dict[str, str], jobs, clients: int) -> tuple[float, list]:
    local = threading.local()
    times: list[float] = []
    lock = threading.Lock()

    def send(indexed) -> None:
        index, (kiosk, answers) = indexed
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = requests.Session()
        body = json.dumps(
            {
                "kiosk": {"id": kiosk, "site": f"site-{kiosk[-3:]}", "app_version": "1.0"},
                "answers": answers,
                "sent_at": answers[-1]["created_at"],
            }
        )
        started = time.perf_counter()
        reply = session.post(
            urls[index % len(urls)] + "/v1/answers",
            data=body,
            timeout=120,
            headers={
                "Authorization": f"Bearer {tokens[kiosk]}",
                "Content-Type": "application/json",
            },
        )
        elapsed = time.perf_counter() - started
        if reply.status_code != 200 or len(reply.json()["stored"]) != len(answers):
            raise SystemExit(f"unexpected reply {reply.status_code}: {reply.text[:200]}")
        with lock:
            times.append(elapsed)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(send, enumerate(jobs)))
    return time.perf_counter() - started, times


FLOOR_COLUMNS = (
    "kiosk_id",
    "id",
    "seq",
    "site_id",
    "created_at",
    "created_utc",
    "local_day",
    "local_hour",
    "score",
    "category",
    "language",
    "flagged",
    "has_comment",
    "content",
    "received_utc",
)


def run_floor(kind: str, db: str, jobs, batch: int) -> float:
    """The same rows, one transaction per batch, executemany ... ON CONFLICT DO NOTHING."""
    rows = [
        [answer_row(kiosk, 1, a, "2026-01-01T00:00:00.000000Z") for a in answers]
        for kiosk, answers in jobs
    ]
    ddl = (
        "CREATE TABLE answers_floor (kiosk_id VARCHAR(64), id VARCHAR(36), seq BIGINT,"
        " site_id INTEGER, created_at VARCHAR(40), created_utc VARCHAR(32),"
        " local_day VARCHAR(10), local_hour INTEGER, score INTEGER, category VARCHAR(16),"
        " language VARCHAR(20), flagged BOOLEAN, has_comment BOOLEAN, content TEXT,"
        " received_utc VARCHAR(32), PRIMARY KEY (kiosk_id, id), UNIQUE (kiosk_id, seq))"
    )
    names = ", ".join(FLOOR_COLUMNS)
    if kind == "sqlite":
        import sqlite3

        con = sqlite3.connect(db, isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        con.execute(ddl)
        sql = (
            f"INSERT INTO answers_floor ({names}) VALUES ({', '.join('?' * len(FLOOR_COLUMNS))})"
            " ON CONFLICT DO NOTHING"
        )
        started = time.perf_counter()
        for chunk in rows:
            con.execute("BEGIN IMMEDIATE")
            con.executemany(sql, [tuple(r[c] for c in FLOOR_COLUMNS) for r in chunk])
            con.execute("COMMIT")
        elapsed = time.perf_counter() - started
        con.close()
        return elapsed
    import psycopg

    with psycopg.connect(db) as con:
        con.execute(ddl)
        con.commit()
        sql = (
            f"INSERT INTO answers_floor ({names}) VALUES ({', '.join(['%s'] * len(FLOOR_COLUMNS))})"
            " ON CONFLICT DO NOTHING"
        )
        started = time.perf_counter()
        for chunk in rows:
            with con.cursor() as cursor:
                cursor.executemany(sql, [tuple(r[c] for c in FLOOR_COLUMNS) for r in chunk])
            con.commit()
        return time.perf_counter() - started


def bench(kind: str, args: argparse.Namespace) -> None:
    database = BenchDatabase(kind)
    processes = []
    try:
        tokens = register(database.url, args.kiosks)
        jobs = make_batches(args.answers, args.kiosks, args.batch)
        total = sum(len(a) for _, a in jobs)
        count = args.processes if kind == "postgresql" else 1
        started = [start_service(database.url, args.threads) for _ in range(count)]
        processes = [p for p, _ in started]
        elapsed, times = run_http([u for _, u in started], tokens, jobs, args.clients)
        store = CentralStore.open(database.url)
        held = store.count_answers()
        store.close()
        assert held == total, f"{held} held of {total}"
        floor_db = database.another()
        if kind == "postgresql":
            floor_db = "postgresql://" + floor_db.split("://", 1)[1]
        floor = run_floor(kind, floor_db, jobs, args.batch)
        rate, floor_rate = total / elapsed, total / floor
        print(
            f"{kind}: {total} answers from {args.kiosks} kiosks in batches of {args.batch},"
            f" {args.clients} clients, {count} process(es) x {args.threads} threads"
        )
        print(
            f"  service: {rate:,.0f} answers/s ({elapsed:.1f} s); request p50"
            f" {statistics.median(times) * 1000:.0f} ms, p99 {percentile(times, 0.99) * 1000:.0f} ms"
        )
        print(
            f"  floor (bare executemany ON CONFLICT DO NOTHING, one connection, no HTTP):"
            f" {floor_rate:,.0f} answers/s ({floor:.1f} s)"
        )
        print(f"  ratio floor/service: {floor_rate / rate:.1f}x", flush=True)
    finally:
        for process in processes:
            process.terminate()
            process.wait(30)
        database.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=200_000)
    parser.add_argument("--kiosks", type=int, default=500)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--processes", type=int, default=2, help="service processes (PostgreSQL)")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--stores", default="postgresql,sqlite")
    args = parser.parse_args()
    for kind in args.stores.split(","):
        bench(kind, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
