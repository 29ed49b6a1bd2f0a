"""The demo chain: built on an empty SQLite file, reused on a demo file, refused on real
data; its managers log in with the printed passwords; `kiosk endpoint demo` serves it."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from datetime import datetime, timezone

import pytest
import requests

from endpoint.web_world import app_for, build, log_in, web_client
from kiosk.endpoint.demo import NotADemo, prepare
from kiosk.endpoint.store.cases import CaseBook
from kiosk.endpoint.store.service import CentralStore

NOW = datetime(2026, 11, 30, 18, 0, tzinfo=timezone.utc)


@pytest.mark.slow
def test_the_demo_chain_is_built_once_and_its_managers_log_in(tmp_path):
    db = str(tmp_path / "demo.sqlite")
    store = CentralStore.open(db)
    try:
        first = prepare(store, NOW)
        listing = store.listing()
        assert (len(listing["areas"]), len(listing["sites"]), len(listing["kiosks"])) == (2, 6, 12)
        answers = store.count_answers()
        assert answers > 12 * 250
        book = CaseBook(store.engine)
        open_cases, closed = book.inbox(None), book.inbox(None, closed=True)
        assert open_cases and closed
        assert any(c.overdue(NOW) for c in open_cases)
        again = prepare(store, NOW)  # reused: nothing added, new passwords
        assert store.count_answers() == answers and again != first
        client = web_client(app_for(db, store, now=lambda: NOW))
        assert log_in(client, "demo-playa", first["demo-playa"]).status_code == 401
        assert log_in(client, "demo-playa", again["demo-playa"]).status_code == 302
        page = client.get("/web/inbox").get_data(as_text=True)
        assert "Playa" in page and "Plaza Norte" not in page
    finally:
        store.close()


def test_the_demo_refuses_a_database_with_real_data(migrated_url):
    store = build(migrated_url, {"centro": [9, 10, 3]})
    try:
        with pytest.raises(NotADemo):
            prepare(store, NOW)
        assert store.count_answers() == 3
    finally:
        store.close()


@pytest.mark.slow
def test_the_demo_command_prints_the_address_and_a_login_then_serves(tmp_path):
    db = tmp_path / "demo.sqlite"
    with socket.socket() as probe:  # a free port (the demo prints its address first)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "endpoint", "demo", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = [process.stdout.readline() for _ in range(4)]
        assert lines[0] == f"Demo chain on http://127.0.0.1:{port}/web/\n"
        name, _, password = lines[1].strip().removeprefix("log in as ").partition(" / ")
        assert name == "demo-admin"
        deadline = time.monotonic() + 30
        while True:
            try:
                session = requests.Session()
                page = session.get(f"http://127.0.0.1:{port}/web/login", timeout=10)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        reply = session.post(
            f"http://127.0.0.1:{port}/web/login",
            timeout=10,
            data={"name": name, "password": password, "csrf_token": token},
        )
        assert reply.status_code == 200 and reply.url.endswith("/web/")
        assert "Clasificación" in reply.text  # no Accept-Language: Spanish
    finally:
        process.terminate()
        process.communicate(timeout=30)
