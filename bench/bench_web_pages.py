"""The managers' overview and inbox pages at a chain's size (issue 12). Prints figures.

``--answers`` answers (default 10,000,000) and ``--cases`` cases over ``--sites`` sites on a
PostgreSQL cluster of its own, loaded in SQL with the rollups as ingest keeps them
(``central_load``; a small chain is loaded both ways and compared first). Then the real
service (``kiosk endpoint`` under waitress) is started on it and, logged in as an admin:

* server time: each page fetched over HTTP ``--repeat`` times (overview for 30 days, the
  quarter and a custom year; the inbox), p50/p95, beside a floor measured in the same run
  (the login page through the same service, and a ``SELECT 1`` round trip), and the ratio;
* the overview query in-process (issue 10): every site's line and the chain's dashboard for
  the last 30 days and year, beside a plain GROUP BY over the answers (the ratio);
* in Chromium (Playwright, ``--chromium``): the time to DOMContentLoaded, to load and to the
  first row of the page's table being visible.

Target (issue 12): under 300 ms server time, under 1 s to the page being usable.

``--keep DIR`` keeps the cluster's data folder in DIR: a rerun with the same chain starts it
and measures without loading again (the data is dated from the day of its load).

Usage: ``python bench/bench_web_pages.py [--answers 10000000] [--keep /var/tmp/kiosk-web]``
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import requests
from central_common import free_port, percentile, start_service, timed
from central_load import PASSWORD, Chain, check, load
from endpoint.postgres import Databases, find_bin
from sqlalchemy import create_engine, text

from kiosk.endpoint.store import migrate
from kiosk.endpoint.store.engine import open_engine
from kiosk.endpoint.store.service import CentralStore

CHROMIUM = os.environ.get("KIOSK_TEST_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
DB = "kiosk_bench"
SERVER = (
    "-c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c work_mem=16MB"
    " -c maintenance_work_mem=1GB -c max_wal_size=8GB -c max_connections=200"
)
LOADING = " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"


class KeptCluster:
    """A PostgreSQL cluster in ``folder`` (made when empty), run as ``postgres`` as root."""

    def __init__(self, folder: Path) -> None:
        self.bindir = find_bin()
        if self.bindir is None:
            raise SystemExit("PostgreSQL binaries not found (apt-get install postgresql)")
        self.folder = folder
        self.data = folder / "data"
        self.as_postgres = os.geteuid() == 0
        folder.mkdir(parents=True, exist_ok=True)
        if self.as_postgres:
            shutil.chown(folder, "postgres", "postgres")
        self.fresh = not (self.data / "PG_VERSION").exists()
        if self.fresh:
            self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust")
            self._run("initdb", "--version")
        self.port = free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bindir / tool), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=600)

    def start(self, options: str) -> None:
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "-t", "120",
            "-o", f"-p {self.port} -k {self.folder} {options}", "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")


def _load_or_reuse(cluster: KeptCluster, chain: Chain, args: argparse.Namespace) -> str:
    marker = cluster.folder / "chain.json"
    wanted = {**asdict(chain), "last_day": None}  # a chain of any day, once loaded
    databases = Databases(cluster.url)
    url = databases.url(DB)
    if marker.exists():
        held = json.loads(marker.read_text())
        if {k: held.get(k) for k in wanted} | {"last_day": None} == wanted:
            print(
                f"reusing the chain loaded on {held['last_day']} in {cluster.folder}"
                f" (loaded in {held.get('seconds', 0):.0f} s)"
            )
            databases.admin.dispose()
            _upgrade(url)
            return url
        marker.unlink()
    now = datetime.now(timezone.utc)
    sample = Chain(answers=6_000, sites=3, kiosks_per_site=2, cases=60, days=chain.days)
    differ = check(databases.create(migrated=False), databases.create(migrated=False), sample, now)
    if differ:
        raise SystemExit(f"the SQL load differs from ingest in: {', '.join(differ)}")
    print(
        f"check: a {sample.answers:,}-answer chain loaded in SQL equals the same answers,"
        " alerts and case changes sent through ingest (every table of central_load.COMPARED)",
        flush=True,
    )
    databases._execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
    databases._execute(f"CREATE DATABASE {DB}")
    for leftover in databases.admin.connect().execute(
        text("SELECT datname FROM pg_database WHERE datname LIKE 'kt%'")
    ):
        databases._execute(f"DROP DATABASE {leftover[0]} WITH (FORCE)")
    seconds = load(url, chain, now=now)
    marker.write_text(
        json.dumps({**asdict(chain), "last_day": str(chain.last_day), "seconds": seconds})
    )
    databases.admin.dispose()
    return url


def _upgrade(url: str) -> None:
    """Kept data made by an older version is migrated as a manager would (``migrate``)."""
    engine = open_engine(url)
    try:
        with engine.connect() as conn:
            before = migrate.current(conn)
        if before != migrate.head():
            started = time.perf_counter()
            migrate.upgrade(engine)
            print(
                f"migrated the kept data {before} -> {migrate.head()}"
                f" in {time.perf_counter() - started:.0f} s",
                flush=True,
            )
    finally:
        engine.dispose()


def _sizes(url: str) -> str:
    engine = create_engine("postgresql+psycopg://" + url.split("://", 1)[1])
    with engine.connect() as conn:
        counts = {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
            for t in ("answers", "daily", "hourly", "reason_daily", "cases", "case_events")
        }
        size = conn.execute(text("SELECT pg_size_pretty(pg_database_size(current_database()))"))
        open_cases = conn.execute(
            text("SELECT count(*) FROM cases WHERE status IN ('open', 'contacted')")
        ).scalar()
        line = ", ".join(f"{t} {n:,}" for t, n in counts.items())
        line += f" ({open_cases:,} cases open or contacted); {size.scalar()} on disk"
    engine.dispose()
    return line


def _select_one(url: str, repeat: int) -> list[float]:
    engine = create_engine("postgresql+psycopg://" + url.split("://", 1)[1])
    times = []
    with engine.connect() as conn:
        for _ in range(repeat):
            started = time.perf_counter()
            conn.execute(text("SELECT 1")).scalar()
            times.append(time.perf_counter() - started)
    engine.dispose()
    return times


def query_times(url: str, repeat: int) -> None:
    """Issue 10's "overview query": every site's line (``CentralStore.standings``, what the
    overview page reads) and the chain's whole dashboard (``/v1/api/stats``), in-process,
    beside a plain GROUP BY over the answers of the same period (no rollups), and the ratio."""
    store = CentralStore.open(url)
    today = date.today()
    try:
        for label, days in (("last 30 days", 30), ("last year", 365)):
            since = today - timedelta(days=days - 1)
            period = {"since": since, "until": today, "include_flagged": False}

            def lines(period=period) -> None:
                store.standings(site_ids=None, **period)

            def chain(period=period) -> None:
                store.dashboard(
                    site_ids=None, kiosk_ids=None, granularity=None, today=today, **period
                )

            def plain(since=since) -> None:
                with store.engine.connect() as conn:
                    conn.execute(
                        text(
                            "SELECT site_id, category, count(*) FROM answers"
                            " WHERE local_day >= :a AND local_day <= :b AND NOT flagged"
                            " GROUP BY site_id, category"
                        ),
                        {"a": since.isoformat(), "b": today.isoformat()},
                    ).all()

            figures = {}
            for name, call, times in (
                ("every site's line", lines, repeat),
                ("the chain's dashboard", chain, repeat),
                ("plain GROUP BY over answers", plain, max(3, repeat // 4)),
            ):
                call()  # warm
                figures[name] = timed(call, times)
            floor = percentile(figures["plain GROUP BY over answers"], 0.95)
            for name, values in figures.items():
                print(
                    f"  {label:12s} {name:28s} {_ms(values)}"
                    f"  (p95 / plain GROUP BY {percentile(values, 0.95) / floor:.2f})",
                    flush=True,
                )
    finally:
        store.close()


def _session(base: str) -> requests.Session:
    session = requests.Session()
    page = session.get(base + "/web/login", timeout=30).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    reply = session.post(
        base + "/web/login",
        data={"name": "admin", "password": PASSWORD, "csrf_token": token},
        allow_redirects=False,
        timeout=30,
    )
    assert reply.status_code == 302, reply.status_code
    return session


def pages(today: date) -> dict[str, str]:
    year = f"since={(today - timedelta(days=364)).isoformat()}&until={today.isoformat()}"
    return {
        "overview 30d": "/web/?period=30d",
        "overview quarter": "/web/?period=quarter",
        "overview year (custom)": f"/web/?period=custom&{year}",
        "inbox": "/web/inbox",
    }


def _ms(values: list[float]) -> str:
    return f"p50 {statistics.median(values) * 1000:6.0f} ms, p95 {percentile(values, 0.95) * 1000:6.0f} ms"


def server_times(base: str, url: str, repeat: int) -> None:
    session = _session(base)
    floor_page = []
    for _ in range(repeat):
        started = time.perf_counter()
        session.get(base + "/web/login", timeout=30).raise_for_status()
        floor_page.append(time.perf_counter() - started)
    floor_db = _select_one(url, repeat)
    print(f"  floor: the login page {_ms(floor_page)}; SELECT 1 round trip {_ms(floor_db)}")
    floor = statistics.median(floor_page)
    for label, path in pages(date.today()).items():
        reply = session.get(base + path, timeout=300)  # warm: the first request fills caches
        reply.raise_for_status()
        size = len(reply.content)
        times: list[float] = []
        # A slow page (seconds) is asked fewer times: at least 3, for a minute at most.
        while len(times) < repeat and (len(times) < 3 or sum(times) < 60):
            started = time.perf_counter()
            session.get(base + path, timeout=300).raise_for_status()
            times.append(time.perf_counter() - started)
        print(
            f"  {label:24s} {_ms(times)}  (n={len(times)}; {size / 1024:,.0f} KB; p50 / login page"
            f" {statistics.median(times) / floor:,.0f}x)",
            flush=True,
        )


def browser_times(base: str, repeat: int) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("  Chromium: skipped (pip install playwright)")
        return
    if not shutil.which(CHROMIUM):
        print(f"  Chromium: skipped (no {CHROMIUM})")
        return
    rows = {"inbox": "#inbox-rows tr", "overview": "section.card table tbody tr"}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-GB")
        page = context.new_page()
        page.goto(base + "/web/login")
        page.locator("#name").fill("admin")
        page.locator("#password").fill(PASSWORD)
        page.locator("form.card button[type=submit]").click()
        page.wait_for_url(base + "/web/")
        for label, path in pages(date.today()).items():
            selector = rows["inbox" if label == "inbox" else "overview"]
            ready, loaded, row = [], [], []
            for _ in range(repeat + 1):
                started = time.perf_counter()
                page.goto(base + path, wait_until="commit")
                page.locator(selector).first.wait_for(state="visible")
                row.append(time.perf_counter() - started)
                page.wait_for_load_state("load")
                timing = page.evaluate(
                    "() => { const n = performance.getEntriesByType('navigation')[0];"
                    " return [n.domContentLoadedEventEnd, n.loadEventEnd]; }"
                )
                ready.append(timing[0] / 1000)
                loaded.append(timing[1] / 1000)
            ready, loaded, row = ready[1:], loaded[1:], row[1:]  # the first one warms up
            print(
                f"  {label:24s} DOMContentLoaded {_ms(ready)}; load {_ms(loaded)};"
                f" first row visible {_ms(row)}",
                flush=True,
            )
        context.close()
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10_000_000)
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--sites", type=int, default=500)
    parser.add_argument("--kiosks-per-site", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--browser-repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the cluster's data here")
    parser.add_argument("--no-chromium", action="store_true")
    args = parser.parse_args()
    chain = Chain(
        answers=args.answers,
        sites=args.sites,
        kiosks_per_site=args.kiosks_per_site,
        cases=args.cases,
    )
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kiosk-web-bench-"))
    cluster = KeptCluster(folder)
    reload = cluster.fresh or not (folder / "chain.json").exists()
    cluster.start(SERVER + (LOADING if reload else ""))
    service = None
    try:
        url = _load_or_reuse(cluster, chain, args)
        if reload:  # measured with the settings a real server has (fsync on)
            cluster.stop()
            cluster.start(SERVER)
        print(f"data: {_sizes(url)}", flush=True)
        print(f"PostgreSQL: {SERVER}; {os.cpu_count()} CPUs", flush=True)
        print(f"the overview query (in-process, {args.repeat} runs each):", flush=True)
        query_times(url, args.repeat)
        service, base = start_service(url, threads=8)
        print(f"server time (HTTP to `kiosk endpoint`, {args.repeat} requests each):", flush=True)
        server_times(base, url, args.repeat)
        if not args.no_chromium:
            print(f"Chromium ({args.browser_repeat} loads each):", flush=True)
            browser_times(base, args.browser_repeat)
    finally:
        if service is not None:
            service.terminate()
            service.wait(timeout=30)
        cluster.stop()
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
