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

    def another(self) -> str:
        """A second empty database of the same kind (for the floor)."""
        if self.kind == "sqlite":
            return str(self.folder / "floor.sqlite")
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


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]
