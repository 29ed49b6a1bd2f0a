"""Issue 9 at the HTTP level, on both stores: every body gets a 4xx with a reason (never a 500,
never a hang), ids and seqs are one per kiosk, dates are plausible, an export that breaks
midway never looks complete, and slow clients cannot starve the kiosks."""

from __future__ import annotations

import json
import select
import socket
import threading
import time
import uuid

import pytest
import requests
from endpoint_server import OWNER_TOKEN, TOKEN, LiveServer, ServedAsInProduction, central
from sqlalchemy import insert

from kiosk.endpoint.config import ServerLimits
from kiosk.endpoint.store import schema

KIOSK = {"id": "test-kiosk", "site": "centro", "app_version": "1.0"}


def wire(seq: int = 1, score: int = 9, **extra) -> dict:
    category = "detractor" if score <= 6 else "passive" if score <= 8 else "promoter"
    return {
        "id": str(uuid.uuid4()),
        "seq": seq,
        "created_at": "2026-11-25T09:00:00.000000-03:00",
        "score": score,
        "category": category,
        "reasons": ["speed"],
        "comment": "",
        "language": "es",
        "flags": [],
        "completion": "sent",
        "app_version": "1.0",
        **extra,
    }


def batch(*answers, kiosk=KIOSK) -> dict:
    return {"kiosk": kiosk, "answers": list(answers), "sent_at": "2026-11-25T12:00:00Z"}


def post(url: str, body, token: str = TOKEN, path: str = "/v1/answers") -> requests.Response:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return requests.post(
        url + path,
        data=data,
        timeout=10,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )


@pytest.fixture
def live(migrated_url):
    store, app = central(migrated_url)
    server = LiveServer(app)
    yield store, server.url
    server.stop()
    store.close()


@pytest.mark.parametrize(
    "created_at",
    [
        "0001-01-01T00:30:00+01:00",
        "9999-12-31T23:30:00-01:00",
        "2019-12-31T23:59:59Z",
        "2099-01-01T00:00:00Z",
        "2026-11-25T09:00:00+15:00",
    ],
)
def test_an_implausible_date_is_rejected_at_the_door(live, created_at):
    store, url = live
    answer = wire(created_at=created_at)
    reply = post(url, batch(answer))
    assert reply.status_code == 200
    [rejected] = reply.json()["rejected"]
    assert rejected["id"] == answer["id"] and "created_at" in rejected["error"]
    assert store.count_answers() == 0
    export = requests.get(
        url + "/v1/export?format=csv",
        timeout=10,
        headers={"Authorization": f"Bearer {OWNER_TOKEN}"},
    )
    assert export.status_code == 200


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_an_export_that_breaks_midway_never_looks_complete(live, fmt):
    store, url = live
    assert post(url, batch(*(wire(s) for s in range(1, 1201)))).status_code == 200
    # A row no door would let in now (as an old store could hold), last in the order.
    with store.engine.begin() as conn:
        site = conn.execute(schema.sites.select()).first().id
        bad = dict(wire(9999), created_at="0001-01-01T00:30:00+01:00")
        conn.execute(
            insert(schema.answers).values(
                kiosk_id="test-kiosk",
                id=bad["id"],
                seq=9999,
                site_id=site,
                created_at=bad["created_at"],
                created_utc="0000",
                local_day="0001-01-01",
                local_hour=0,
                score=9,
                category="promoter",
                language="es",
                flagged=False,
                has_comment=False,
                content=json.dumps(bad),
                received_utc="2026",
            )
        )
    headers = {"Authorization": f"Bearer {OWNER_TOKEN}"}
    try:
        reply = requests.get(f"{url}/v1/export?format={fmt}", headers=headers, timeout=30)
    except requests.exceptions.ChunkedEncodingError:
        return  # the client saw the cut: it cannot take the file as whole
    assert reply.status_code >= 500, "a broken export was served as a complete 200"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"kiosk": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nests deeper"),
        (b"[" * 100_000, "nests deeper"),
        (json.dumps(batch(wire(comment="\ud800"))).encode(), "not valid Unicode"),
        (
            json.dumps(
                {
                    "kiosk": {**KIOSK, "site": "\udfff"},
                    "answers": [],
                    "sent_at": "2026-11-25T12:00:00Z",
                }
            ).encode(),
            "not valid Unicode",
        ),
        (json.dumps(batch(wire(**{"\ud800": 1}))).encode(), "not valid Unicode"),
        (json.dumps(batch(wire(comment="a\x00b"))).encode(), "NUL character"),
        (json.dumps(batch(wire(reasons=["\x00"]))).encode(), "NUL character"),
        (b'{"kiosk": 1, "x": ' + b"9" * 5000 + b"}", "not valid JSON"),
        (
            json.dumps(
                {
                    "kiosk": {**KIOSK, "id": "test-kiosk\n"},
                    "answers": [],
                    "sent_at": "2026-11-25T12:00:00Z",
                }
            ).encode(),
            "kiosk.id",
        ),
    ],
    ids=[
        "deep-object",
        "deep-array",
        "surrogate-comment",
        "surrogate-site",
        "surrogate-key",
        "nul-comment",
        "nul-reason",
        "huge-number",
        "newline-kiosk-id",
    ],
)
def test_hostile_bodies_get_a_400_with_a_reason(live, body, reason):
    store, url = live
    started = time.monotonic()
    reply = post(url, body)
    assert reply.status_code == 400, reply.text
    assert reason in reply.json()["error"]
    assert time.monotonic() - started < 5
    assert store.count_answers() == 0


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"seq": 2**64 + 1}, "seq"),
        ({"seq": 2**62}, "seq"),
        ({"seq": 10**9 + 1}, "seq"),
        ({"language": "es\n"}, "language"),
        ({"seq": 1.0}, "seq"),
    ],
)
def test_out_of_range_fields_are_rejected_with_a_reason(live, change, reason):
    store, url = live
    answer = wire(**change)
    reply = post(url, batch(answer))
    assert reply.status_code == 200
    [rejected] = reply.json()["rejected"]
    assert reason in rejected["error"]
    assert store.count_answers() == 0
    [kiosk] = requests.get(
        url + "/v1/kiosks", timeout=5, headers={"Authorization": f"Bearer {OWNER_TOKEN}"}
    ).json()["kiosks"]
    assert kiosk["missing"] == 0


def test_one_uuid_in_two_cases_is_one_answer(live):
    store, url = live
    answer = wire()
    shouted = dict(answer, id=answer["id"].upper())
    assert post(url, batch(answer)).json()["stored"] == [answer["id"]]
    reply = post(url, batch(shouted))
    assert reply.status_code == 200 and reply.json()["stored"] == [shouted["id"]]
    assert store.count_answers() == 1
    both = post(url, batch(dict(answer, seq=2, id=str(uuid.uuid4())), dict(shouted, seq=3)))
    assert both.status_code == 409  # the shouted copy now has another seq: other content


def test_the_same_id_twice_in_one_request_is_a_400(live):
    store, url = live
    answer = wire()
    reply = post(url, batch(answer, dict(answer, id=answer["id"].upper(), seq=2)))
    assert reply.status_code == 400 and "twice in one request" in reply.json()["error"]
    assert store.count_answers() == 0


def test_another_answer_with_a_held_seq_is_a_409_with_the_reason(live):
    store, url = live
    first, second = wire(7), wire(7, score=3)
    assert post(url, batch(first)).status_code == 200
    reply = post(url, batch(second))
    assert reply.status_code == 409
    body = reply.json()
    assert body["conflicts"] == [second["id"]] and body["stored"] == []
    assert "seq 7 is held" in body["conflict_reasons"][second["id"]]
    assert store.answer_ids() == [first["id"]]


def test_a_kiosk_cannot_get_another_kiosks_answer_quarantined(live):
    """Answer ids are scoped to the kiosk: claiming another kiosk's future id harms no one."""
    store, url = live
    store.change("add-area", "tests", "Sur")
    store.change("add-site", "tests", "norte", "Sur")
    other_token = store.change("add-kiosk", "tests", "other-kiosk", "norte")
    future = wire(1)
    other = {"id": "other-kiosk", "site": "norte", "app_version": "1.0"}
    squatted = dict(future, comment="not yours")
    assert post(url, batch(squatted, kiosk=other), token=other_token).status_code == 200
    reply = post(url, batch(future))  # the real owner of that id, later
    assert reply.status_code == 200 and reply.json()["stored"] == [future["id"]]
    assert store.count_answers("test-kiosk") == store.count_answers("other-kiosk") == 1


def test_slow_clients_are_cut_off_and_kiosks_keep_being_served(migrated_url):
    store, app = central(migrated_url)
    served = ServedAsInProduction(
        app, ServerLimits(threads=4, request_timeout=2.0, cleanup_interval=0.25)
    )
    port = served.server.effective_port
    stop = threading.Event()
    slow: list[socket.socket] = []
    cut: list[bool] = []
    try:
        for _ in range(150):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(b"POST /v1/answers HTTP/1.1\r\nHost: x\r\n")
            slow.append(sock)

        def trickle() -> None:
            while not stop.is_set():
                for sock in slow:
                    try:
                        sock.sendall(b"X-Slow: 1\r\n")
                    except OSError:
                        pass
                stop.wait(0.5)

        trickler = threading.Thread(target=trickle, daemon=True)
        trickler.start()
        for seq in range(1, 6):  # a real kiosk, meanwhile, is served promptly
            started = time.monotonic()
            reply = requests.post(
                served.url + "/v1/answers",
                json=batch(wire(seq)),
                timeout=5,
                headers={"Authorization": f"Bearer {TOKEN}"},
            )
            assert reply.status_code == 200
            assert time.monotonic() - started < 2
        # Past request_timeout the trickling clients are cut off: each socket is closed by the
        # server (reads end, or are reset), the trickle still going until the last check.
        deadline = time.monotonic() + 6.0
        waiting = list(slow)
        while waiting and time.monotonic() < deadline:
            readable, _, _ = select.select(waiting, [], [], 0.2)
            for sock in readable:
                try:
                    data = sock.recv(4096)
                except ConnectionResetError:
                    data = b""
                if data == b"":
                    cut.append(True)
                    waiting.remove(sock)
        stop.set()
        trickler.join(5)
        assert not waiting, f"{len(waiting)} slow clients still connected after 6 s"
        assert len(cut) == 150
        assert store.count_answers() == 5
    finally:
        stop.set()
        for sock in slow:
            sock.close()
        served.stop()
        store.close()
