"""Ingest into the central service over HTTP. Prints figures; not a pass/fail test.

Answers from ``--kiosks`` simulated kiosks (one per site) posting batches of ``--batch`` to
``--processes`` service processes (``kiosk endpoint``, ``--threads`` waitress threads each)
from ``--clients`` concurrent clients, on PostgreSQL and on SQLite (one process): answers/s
and p50/p99 request time, beside floors measured in the same run, and the ratio.

* The floor (the issue's): the same answer rows into a table of the same keys (no foreign
  keys, no other index), by a bare psycopg/sqlite3 executemany ... ON CONFLICT DO NOTHING,
  one transaction per batch, one connection, no HTTP, no validation, no rollups.
* The full floor (``--no-full-floor`` skips it): everything the service writes for those
  batches, by the same bare executemany, into the service's own schema: the kiosk's row,
  the answers (with their foreign keys and indexes) and each rollup row (ON CONFLICT DO
  UPDATE), one transaction per batch.

Fairness: the clients run on the same cores as the service and the database, so their CPU
counts against the service. The request bodies are built before the clock starts (encoding
200 answers per request in the clients' threads was the service's CPU lost); the timed part
is ``requests`` posting them. Each side's CPU seconds in the timed run are printed, and the
whole machine's (more than their sum: someone else's work ran too, and the figures of
that run are low). The defaults, 2 processes x 2 threads, used the least CPU per batch of
the counts tried on 2 cores (more threads per process only contend for its GIL).

The PostgreSQL cluster is the tests' throwaway one (``fsync=off``, ``synchronous_commit=off``)
for the service and both floors alike; the service itself sets neither.

Usage: ``python bench/bench_central_ingest.py [--answers 200000] [--stores postgresql,sqlite]``
(the issue's figure is ``--answers 1000000``; the default runs in a few minutes on 2 cores).
Wrap it in ``flock /tmp/bench.lock`` on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests
from central_common import (
    BenchDatabase,
    answers_for,
    cpu_seconds,
    machine_busy_seconds,
    percentile,
    postmaster_pid,
    start_service,
)
from sqlalchemy import select

from kiosk.endpoint.store import schema
from kiosk.endpoint.store.ingest import COUNTED, ROLLUPS
from kiosk.endpoint.store.rows import Rollups, answer_row
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


def request_bodies(jobs) -> list[tuple[str, bytes]]:
    """Each batch's request body, built before the clock starts: the clients share the
    service's two cores, and encoding 200 answers per request in the clients' threads was
    CPU taken from the service in the timed run (a kiosk encodes its own on its own)."""
    return [
        (
            kiosk,
            json.dumps(
                {
                    "kiosk": {"id": kiosk, "site": f"site-{kiosk[-3:]}", "app_version": "1.0"},
                    "answers": answers,
                    "sent_at": answers[-1]["created_at"],
                }
            ).encode(),
        )
        for kiosk, answers in jobs
    ]


def run_http(
    urls: list[str], tokens: dict[str, str], jobs, bodies, clients: int
) -> tuple[float, list]:
    local = threading.local()
    times: list[float] = []
    lock = threading.Lock()

    def send(index: int) -> None:
        kiosk, body = bodies[index]
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = requests.Session()
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
        if reply.status_code != 200 or len(reply.json()["stored"]) != len(jobs[index][1]):
            raise SystemExit(f"unexpected reply {reply.status_code}: {reply.text[:200]}")
        with lock:
            times.append(elapsed)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(send, range(len(bodies))))
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


def run_full_floor(kind: str, db: str, jobs, kiosks: int) -> float:
    """Everything the service writes for the same batches, by bare executemany, one
    transaction per batch: the kiosk's row (seen, counted), the answers into the service's
    own schema (its indexes and foreign keys) ON CONFLICT DO NOTHING, and each rollup
    row ON CONFLICT DO UPDATE. No HTTP, no validation; rows and rollups computed before
    the clock starts."""
    register(db, kiosks)
    store = CentralStore.open(db)
    with store.engine.connect() as conn:
        sites = {r.code: r.id for r in conn.execute(select(schema.sites.c.id, schema.sites.c.code))}
    store.close()
    stamp = "2026-01-01T00:00:00.000000Z"
    batches = []
    for kiosk, answers in jobs:
        rows = [answer_row(kiosk, sites[f"site-{kiosk[-3:]}"], a, stamp) for a in answers]
        rollups = Rollups.of(rows)
        batches.append(
            (kiosk, rows, [(table, rows_of(rollups), keys) for table, rows_of, keys in ROLLUPS])
        )
    mark = "?" if kind == "sqlite" else "%s"

    def upsert(table, keys) -> str:
        names = [c.name for c in table.c]
        counted = [n for n in names if n in COUNTED]  # not a key, nor site_daily.week
        return (
            f"INSERT INTO {table.name} ({', '.join(names)}) VALUES"
            f" ({', '.join([mark] * len(names))}) ON CONFLICT ({', '.join(keys)}) DO UPDATE SET "
            + ", ".join(f"{n} = {table.name}.{n} + excluded.{n}" for n in counted)
        )

    answer_names = [c.name for c in schema.answers.c]
    insert_answers = (
        f"INSERT INTO answers ({', '.join(answer_names)}) VALUES"
        f" ({', '.join([mark] * len(answer_names))}) ON CONFLICT DO NOTHING"
    )
    statements = {table.name: upsert(table, keys) for table, _, keys in ROLLUPS}
    kiosk_update = (
        f"UPDATE kiosks SET last_seen_utc = {mark}, answers = answers + {mark},"
        f" max_seq = CASE WHEN max_seq > {mark} THEN max_seq ELSE {mark} END"
        f" WHERE kiosk_id = {mark}"
    )

    def one(cursor, kiosk, rows, rollups) -> None:
        top = max(r["seq"] for r in rows)
        cursor.execute(kiosk_update, (stamp, len(rows), top, top, kiosk))
        cursor.executemany(insert_answers, [tuple(r[n] for n in answer_names) for r in rows])
        for table, values, _ in rollups:
            names = [c.name for c in table.c]
            cursor.executemany(statements[table.name], [tuple(v[n] for n in names) for v in values])

    if kind == "sqlite":
        import sqlite3

        con = sqlite3.connect(db, isolation_level=None)
        con.execute("PRAGMA synchronous=FULL")
        con.execute("PRAGMA foreign_keys=ON")
        started = time.perf_counter()
        for kiosk, rows, rollups in batches:
            con.execute("BEGIN IMMEDIATE")
            one(con.cursor(), kiosk, rows, rollups)
            con.execute("COMMIT")
        elapsed = time.perf_counter() - started
        con.close()
        return elapsed
    import psycopg

    with psycopg.connect("postgresql://" + db.split("://", 1)[1]) as con:
        started = time.perf_counter()
        for kiosk, rows, rollups in batches:
            with con.cursor() as cursor:
                one(cursor, kiosk, rows, rollups)
            con.commit()
        return time.perf_counter() - started


def bench(kind: str, args: argparse.Namespace) -> None:
    database = BenchDatabase(kind)
    processes = []
    try:
        tokens = register(database.url, args.kiosks)
        jobs = make_batches(args.answers, args.kiosks, args.batch)
        bodies = request_bodies(jobs)
        total = sum(len(a) for _, a in jobs)
        count = args.processes if kind == "postgresql" else 1
        started = [start_service(database.url, args.threads) for _ in range(count)]
        processes = [p for p, _ in started]
        server = postmaster_pid(database)
        before = [cpu_seconds(p.pid) for p in processes], resource.getrusage(resource.RUSAGE_SELF)
        before_db = cpu_seconds(server, children=True) if server else 0.0
        before_machine = machine_busy_seconds()
        elapsed, times = run_http([u for _, u in started], tokens, jobs, bodies, args.clients)
        service_cpu = sum(cpu_seconds(p.pid) for p in processes) - sum(before[0])
        usage = resource.getrusage(resource.RUSAGE_SELF)
        client_cpu = usage.ru_utime + usage.ru_stime - before[1].ru_utime - before[1].ru_stime
        db_cpu = cpu_seconds(server, children=True) - before_db if server else 0.0
        machine_cpu = machine_busy_seconds() - before_machine
        store = CentralStore.open(database.url)
        held = store.count_answers()
        store.close()
        assert held == total, f"{held} held of {total}"
        floor_db = database.another()
        if kind == "postgresql":
            floor_db = "postgresql://" + floor_db.split("://", 1)[1]
        floor = run_floor(kind, floor_db, jobs, args.batch)
        full = (
            None
            if args.no_full_floor
            else run_full_floor(kind, database.another("full-floor"), jobs, args.kiosks)
        )
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
            f"  CPU seconds in the timed run: service {service_cpu:.1f}, HTTP clients"
            f" {client_cpu:.1f}"
            + (f", PostgreSQL {db_cpu:.1f}" if server else "")
            + f"; the machine was busy {machine_cpu:.1f}"
            + f" of {elapsed * (os.cpu_count() or 1):.1f} on {os.cpu_count()} cores"
        )
        print(
            f"  floor (bare executemany ON CONFLICT DO NOTHING, one connection, no HTTP):"
            f" {floor_rate:,.0f} answers/s ({floor:.1f} s)"
        )
        print(f"  service/floor: {rate / floor_rate:.2f} (target 0.5)")
        if full is not None:
            print(
                f"  full floor (the same by bare executemany plus the kiosk row and the rollup"
                f" rows, into the service's schema): {total / full:,.0f} answers/s ({full:.1f} s);"
                f" service/full floor: {rate / (total / full):.2f}",
                flush=True,
            )
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
    parser.add_argument("--threads", type=int, default=2, help="waitress threads per process")
    parser.add_argument("--stores", default="postgresql,sqlite")
    parser.add_argument("--no-full-floor", action="store_true", help="only the bare answers floor")
    args = parser.parse_args()
    for kind in args.stores.split(","):
        bench(kind, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
