"""``kiosk endpoint`` starts a real server with one command; the documented schemas match
what the endpoint checks."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import requests

from kiosk.endpoint import validate
from kiosk.endpoint.store.service import CentralStore

DOCS = Path(__file__).resolve().parents[2] / "docs" / "schemas"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_kiosk_endpoint_serves_the_protocol(tmp_path):
    tokens = tmp_path / "tokens.txt"
    tokens.write_text("# owner\nowner-tok\nk1-tok k1\n", encoding="utf-8")
    db = tmp_path / "central.sqlite"
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "endpoint",
            "--db",
            str(db),
            "--port",
            str(port),
            "--token-file",
            str(tokens),
            "--threads",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=dict(os.environ),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                requests.get(url + "/v1/kiosks", timeout=1)
                break
            except requests.ConnectionError:
                assert process.poll() is None, process.stdout.read().decode()
                assert time.monotonic() < deadline, "the endpoint did not start"
                time.sleep(0.05)
        answer = {
            "id": str(uuid.uuid4()),
            "seq": 1,
            "created_at": "2026-11-25T09:00:00-03:00",
            "score": 10,
            "category": "promoter",
            "language": "es",
        }
        body = {
            "kiosk": {"id": "k1", "site": "s", "app_version": "1"},
            "answers": [answer],
            "sent_at": "2026-11-25T12:00:00Z",
        }
        reply = requests.post(
            url + "/v1/answers", json=body, timeout=5, headers={"Authorization": "Bearer k1-tok"}
        )
        assert reply.json() == {"stored": [answer["id"]], "rejected": []}
        too_big = requests.post(
            url + "/v1/answers",
            data=b"x" * (10 * 1024 * 1024),
            timeout=10,
            headers={"Authorization": "Bearer k1-tok", "Content-Type": "application/json"},
        )
        assert too_big.status_code == 413
    finally:
        process.terminate()
        process.wait(10)
        process.stdout.close()
    store = CentralStore.open(db)
    try:
        assert store.count_answers() == 1
    finally:
        store.close()


def test_a_bad_tokens_file_stops_start_up_with_a_message(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "endpoint",
            "--db",
            str(tmp_path / "c.sqlite"),
            "--token-file",
            str(tmp_path / "missing.txt"),
        ],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "missing.txt" in result.stderr


def test_documented_answer_schema_matches_the_checks():
    schema = json.loads((DOCS / "answer.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]) == validate.ANSWER_KEYS
    assert set(schema["required"]) == validate.REQUIRED_ANSWER_KEYS
    assert schema["additionalProperties"] is False
    for name in ("answers-request.json", "answers-reply.json", "alert-request.json"):
        doc = json.loads((DOCS / name).read_text(encoding="utf-8"))
        assert doc["type"] == "object" and doc["required"]


def test_serving_options_work_before_and_after_serve():
    from kiosk.commands.main import build_parser

    parser = build_parser()
    before = parser.parse_args(["endpoint", "--db", "c.sqlite", "--port", "9001"])
    after = parser.parse_args(
        ["endpoint", "serve", "--db", "c.sqlite", "--port", "9001", "--request-timeout", "5"]
    )
    assert (before.port, before.endpoint_command) == (9001, None)
    assert (after.port, after.request_timeout, after.endpoint_command) == (9001, 5.0, "serve")
    listed = parser.parse_args(["endpoint", "--db", "x", "kiosks", "--attention"])
    assert listed.db == "x" and listed.attention
