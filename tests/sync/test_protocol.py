"""Protocol bodies and strict reply parsing; backoff arithmetic."""

from __future__ import annotations

import json
import random
from datetime import datetime, timezone

import pytest

from kiosk.core.answer import Answer, Completion
from kiosk.sync import backoff, protocol
from kiosk.sync.protocol import ProtocolError, parse_reply

AT = datetime(2026, 11, 25, 15, 30, 1, 123456, tzinfo=timezone.utc)


def make_answer(**extra) -> Answer:
    fields = dict(
        id="0b7e3f0e-6a49-4e5c-9b8a-2a1d8f0c1e11",
        score=4,
        created_utc=AT,
        utc_offset_minutes=-180,
        language="es",
        kiosk_id="k1",
        app_version="1.0",
        seq=7,
        reasons=("price",),
        comment="caro",
        completion=Completion.SENT,
    )
    fields.update(extra)
    return Answer(**fields)


def test_answer_on_the_wire_has_local_time_with_offset_and_is_stable():
    wire = protocol.answer_to_wire(make_answer())
    assert wire["created_at"] == "2026-11-25T12:30:01.123456-03:00"
    assert wire["category"] == "detractor" and wire["seq"] == 7
    assert protocol.answer_to_wire(make_answer()) == wire
    body = protocol.answers_body({"id": "k1", "site": "s", "app_version": "1"}, [make_answer()], AT)
    assert body["sent_at"] == "2026-11-25T15:30:01.123456Z"
    assert json.loads(protocol.encode(body))["answers"][0]["comment"] == "caro"


def test_a_good_reply_parses():
    reply = parse_reply(b'{"stored": ["a", "b"], "rejected": [{"id": "c", "error": "bad"}]}')
    assert reply.stored == {"a", "b"} and reply.rejected == {"c": "bad"}
    conflict = parse_reply(b'{"stored": [], "rejected": [], "conflicts": ["x"]}', conflict=True)
    assert conflict.conflicts == {"x"}


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"OK",
        b"null",
        b"[]",
        b'{"stored": []}',
        b'{"rejected": []}',
        b'{"stored": "a", "rejected": []}',
        b'{"stored": [1], "rejected": []}',
        b'{"stored": [], "rejected": ["c"]}',
        b'{"stored": [], "rejected": [{"id": "c"}]}',
        b'{"stored": ["a"], "rejected": [{"id": "a", "error": "x"}]}',
        b"\xff",
    ],
)
def test_anything_else_is_a_protocol_error(raw):
    with pytest.raises(ProtocolError):
        parse_reply(raw)


def test_a_409_reply_must_name_the_conflicts():
    with pytest.raises(ProtocolError):
        parse_reply(b'{"stored": [], "rejected": []}', conflict=True)


def test_full_jitter_stays_within_the_capped_exponential():
    rng = random.Random(1)
    for attempt in range(1, 30):
        ceiling = min(300.0, 2 ** (attempt - 1))
        waits = [backoff.full_jitter(attempt, 300.0, rng=rng) for _ in range(50)]
        assert all(0 <= w <= ceiling for w in waits)
    late = [backoff.full_jitter(20, 300.0, rng=rng) for _ in range(200)]
    assert max(late) > 200 and min(late) < 100  # jittered over the whole range


def test_retry_after_in_seconds_or_as_a_date():
    now = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
    assert backoff.retry_after_seconds("7") == 7.0
    assert backoff.retry_after_seconds("Wed, 25 Nov 2026 12:00:30 GMT", now) == 30.0
    assert backoff.retry_after_seconds("999999") == backoff.RETRY_AFTER_CAP_SECONDS
    assert backoff.retry_after_seconds("soon") is None
    assert backoff.retry_after_seconds(None) is None
