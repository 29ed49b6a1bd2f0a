"""Shared by the central benchmarks: a database to bench on, answers to send, the service."""

from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from endpoint.postgres import Cluster, Databases, find_bin  # noqa: E402

ENV_URL = "KIOSK_BENCH_POSTGRES_URL"


class BenchDatabase:
    """An empty database: a SQLite file, or a new database on a throwaway PostgreSQL cluster
    (or on the server ``server`` names, else the one in KIOSK_BENCH_POSTGRES_URL), dropped
    at :meth:`close`."""

    def __init__(self, kind: str, server: str | None = None) -> None:
        self.kind = kind
        self.cluster = None
        self.databases = None
        self.folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
        if kind == "sqlite":
            self.url = str(self.folder / "central.sqlite")
            return
        admin = server or os.environ.get(ENV_URL)
        if not admin:
            bindir = find_bin()
            if bindir is None:
                raise SystemExit(f"PostgreSQL binaries not found (or set {ENV_URL})")
            self.cluster = Cluster(bindir)
            admin = self.cluster.url
        self.databases = Databases(admin)
        self.url = self.databases.create(migrated=False)

    def another(self, name: str = "floor") -> str:
        """Another empty database of the same kind (for a floor); ``name`` names its file."""
        if self.kind == "sqlite":
            return str(self.folder / f"{name}.sqlite")
        return self.databases.create(migrated=False)

    def close(self) -> None:
        if self.databases is not None:
            self.databases.drop(self.url)
            self.databases.close()
        if self.cluster is not None:
            self.cluster.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_service(db: str, threads: int = 8) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "--log-level",
            "ERROR",
            "endpoint",
            "--db",
            db,
            "--port",
            str(port),
            "--threads",
            str(threads),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stderr=subprocess.DEVNULL,
    )  # waitress warns of its queue depth under this load
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            requests.get(url + "/v1/kiosks", timeout=1)
            return process, url
        except requests.ConnectionError:
            if process.poll() is not None:
                raise SystemExit("the service did not start") from None
            time.sleep(0.1)
    process.kill()  # not left running when the caller never got it
    process.wait()
    raise SystemExit("the service did not start")


def answers_for(count: int, *, days: int = 365, seed: int = 7, start_seq: int = 1) -> list[dict]:
    """``count`` complete answers (wire form), spread over the last ``days`` days."""
    rng = random.Random(seed)
    now = datetime.now(timezone(timedelta(hours=-3)))
    out = []
    for i in range(count):
        score = rng.choices(range(11), weights=[2, 1, 1, 1, 2, 3, 4, 8, 12, 20, 25])[0]
        category = "detractor" if score <= 6 else "passive" if score <= 8 else "promoter"
        when = now - timedelta(
            days=rng.randrange(days),
            hours=rng.randrange(9, 21) - now.hour,
            minutes=rng.randrange(60),
        )
        out.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "seq": start_seq + i,
                "created_at": when.isoformat(timespec="microseconds"),
                "score": score,
                "category": category,
                "reasons": rng.sample(
                    ["speed", "price", "quality", "friendliness"], rng.randrange(3)
                ),
                "comment": "muy bien" if rng.random() < 0.1 else "",
                "language": "es",
                "flags": [],
                "completion": "sent",
                "app_version": "1.0",
            }
        )
    # A kiosk numbers its answers in the order of the taps.
    out.sort(key=lambda a: datetime.fromisoformat(a["created_at"]))
    for i, answer in enumerate(out):
        answer["seq"] = start_seq + i
    return out


def cpu_seconds(pid: int, *, children: bool = False) -> float:
    """User and system CPU seconds of a process (Linux ``/proc``; 0.0 elsewhere), with
    ``children`` also those of its children, reaped or running (a PostgreSQL server's
    backends)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def fields(of: int | str) -> list[str]:
        try:
            text = Path(f"/proc/{of}/stat").read_text()
        except OSError:
            return []
        return text.rsplit(")", 1)[1].split()  # after the command, which may hold spaces

    own = fields(pid)
    if not own:
        return 0.0
    total = int(own[11]) + int(own[12])  # utime, stime
    if children:
        total += int(own[13]) + int(own[14])  # cutime, cstime: children already reaped
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                child = fields(entry.name)
                if child and int(child[1]) == pid:  # ppid
                    total += int(child[11]) + int(child[12])
    return total / tick


def machine_busy_seconds() -> float:
    """CPU seconds all cores spent busy since boot (Linux ``/proc/stat``; 0.0 elsewhere): the
    difference over a run, beside the bench's own processes, shows what else ran."""
    try:
        first = Path("/proc/stat").read_text().splitlines()[0].split()
    except OSError:
        return 0.0
    ticks = [int(v) for v in first[1:]]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle, iowait
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    return (sum(ticks[:8]) - idle) / tick


def postmaster_pid(database: BenchDatabase) -> int | None:
    """The PostgreSQL server's process id when the bench started it, else None."""
    if database.cluster is None:
        return None
    try:
        return int((database.cluster.data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def timed(call, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    """The seconds of ``repeat`` calls of ``call``, each timed alone."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]
