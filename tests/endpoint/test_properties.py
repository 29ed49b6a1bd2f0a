"""Property test of the endpoint's validation, on both stores: generated bodies never get a
500 or hang; a body with a broken envelope stores nothing; every valid answer is stored once
and every invalid one rejected with a reason. The bodies go over a real socket to the service
served as ``kiosk endpoint`` serves it (waitress with its limits), so a hang or a 500 in the
server itself counts too. A few seconds of examples here; longer runs:
``bench/bench_central_fuzz.py``."""

from __future__ import annotations

import time

import pytest
from endpoint_server import TOKEN, HttpPoster, ServedAsInProduction, central
from hypothesis import HealthCheck, given, settings

from endpoint.fuzz import request_body

pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")


def check(client, store, expected: set[str], raw: bytes, answers, envelope_ok: bool) -> None:
    before = store.count_answers()
    started = time.monotonic()
    reply = client.post(
        "/v1/answers",
        data=raw,
        content_type="application/json",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert time.monotonic() - started < 5, "the endpoint took too long"
    assert reply.status_code < 500, reply.get_data(as_text=True)
    if not envelope_ok:
        assert reply.status_code == 400 and reply.get_json()["error"]
        assert store.count_answers() == before
        return
    assert reply.status_code == 200, reply.get_data(as_text=True)
    body = reply.get_json()
    rejected = {r["id"]: r["error"] for r in body["rejected"]}
    for answer, valid in answers:
        if valid:
            assert answer["id"] in body["stored"]
            expected.add(answer["id"].lower())
        else:
            assert rejected.get(answer["id"]), f"invalid answer not rejected: {answer}"
    assert store.count_answers() == len(expected)


def test_generated_bodies(migrated_url):
    store, app = central(migrated_url)
    served = ServedAsInProduction(app)
    client = HttpPoster(served.url)
    expected: set[str] = set()

    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(request_body())
    def run(generated) -> None:
        raw, answers, envelope_ok = generated
        check(client, store, expected, raw, answers, envelope_ok)
        if envelope_ok:  # the same body again: nothing new, same reply
            check(client, store, expected, raw, answers, envelope_ok)

    try:
        run()
        assert sorted(store.answer_ids()) == sorted(expected)
    finally:
        client.close()
        served.stop()
        store.close()
