"""Several service processes on one database (the web tier keeps no state): the same batches
posted at the same moment to two processes from many threads are stored once each, every
reply says so; other content under a held id is a 409 on either; a revocation holds at once
in every process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from kiosk.endpoint.store.service import CentralStore

pytestmark = pytest.mark.slow

KIOSKS = 6
BATCHES_PER_KIOSK = 5
BATCH = 40


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Service:
    def __init__(self, db: str) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
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
                str(self.port),
                "--threads",
                "8",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=dict(os.environ),
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(self.url + "/v1/kiosks", timeout=1)
                return
            except requests.ConnectionError:
                assert self.process.poll() is None, self.process.stdout.read().decode()
                assert time.monotonic() < deadline, "the service did not start"
                time.sleep(0.1)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(15)
        self.process.stdout.close()


def _answer(seq: int) -> dict:
    score = seq % 11
    category = "detractor" if score <= 6 else "passive" if score <= 8 else "promoter"
    return {
        "id": str(uuid.uuid4()),
        "seq": seq,
        "created_at": "2026-11-25T09:00:00-03:00",
        "score": score,
        "category": category,
        "reasons": ["speed"],
        "comment": "",
        "language": "es",
        "flags": [],
        "completion": "sent",
        "app_version": "1.0",
    }


def _post(url: str, token: str, body: dict) -> requests.Response:
    return requests.post(
        url + "/v1/answers", json=body, timeout=60, headers={"Authorization": f"Bearer {token}"}
    )


def test_two_processes_store_each_answer_once(migrated_url):
    store = CentralStore.open(migrated_url)
    store.change("add-area", "t", "Sur")
    store.change("add-site", "t", "centro", "Sur")
    tokens = {f"k{i}": store.change("add-kiosk", "t", f"k{i}", "centro") for i in range(KIOSKS)}
    services = [Service(migrated_url), Service(migrated_url)]
    try:
        jobs = []
        for kiosk, token in tokens.items():
            seq = 0
            for _ in range(BATCHES_PER_KIOSK):
                answers = []
                for _ in range(BATCH):
                    seq += 1
                    answers.append(_answer(seq))
                body = {
                    "kiosk": {"id": kiosk, "site": "centro", "app_version": "1.0"},
                    "answers": answers,
                    "sent_at": "2026-11-25T12:00:00Z",
                }
                jobs.append((token, body))
        replies: list[tuple[dict, requests.Response]] = []
        lock = threading.Lock()

        def both_at_once(job) -> None:
            token, body = job
            barrier = threading.Barrier(2)

            def one(url: str) -> None:
                barrier.wait()
                reply = _post(url, token, body)
                with lock:
                    replies.append((body, reply))

            threads = [threading.Thread(target=one, args=(s.url,)) for s in services]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()

        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(both_at_once, jobs))
        assert len(replies) == 2 * len(jobs)
        for body, reply in replies:
            assert reply.status_code == 200, reply.text
            assert sorted(reply.json()["stored"]) == sorted(a["id"] for a in body["answers"])
            assert reply.json()["rejected"] == []
        expected = sorted(a["id"] for _, body in jobs for a in body["answers"])
        assert sorted(store.answer_ids()) == expected  # each once
        reports = {r.kiosk_id: r for r in store.kiosks()}
        assert all(
            r.answers == BATCH * BATCHES_PER_KIOSK and r.missing == 0 for r in reports.values()
        )
        stats = store.dashboard(
            site_ids=None,
            kiosk_ids=None,
            since=None,
            until=None,
            include_flagged=False,
            granularity=None,
            today=__import__("datetime").date(2026, 11, 25),
        )
        assert stats.summary.total == len(expected)  # the rollups counted each answer once

        # The same id with other content: a 409 from either process.
        token, body = jobs[0]
        changed = {**body, "answers": [dict(body["answers"][0], comment="changed")]}
        for service in services:
            conflict = _post(service.url, token, changed)
            assert conflict.status_code == 409
            assert conflict.json()["conflicts"] == [body["answers"][0]["id"]]

        # A revocation holds at once in every process.
        store.change("revoke-kiosk", "t", "k0")
        for service in services:
            refused = _post(service.url, token, body)
            assert refused.status_code == 401 and "revoked" in refused.json()["error"]
    finally:
        for service in services:
            service.stop()
        store.close()
