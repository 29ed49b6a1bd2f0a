"""Generated request bodies for the endpoint's property test (and bench/bench_central_fuzz.py).

Each generated answer is either untouched (valid: it must be stored, once) or carries one
mutation that is invalid by construction (it must be rejected with a reason); a generated
envelope fault makes the whole body invalid (a 400, nothing stored). The oracle is how the
body was made, not the endpoint's own checks.
"""

from __future__ import annotations

import itertools
import json
import uuid
from typing import Any

from hypothesis import strategies as st

KIOSK = {"id": "test-kiosk", "site": "shop-1", "app_version": "1.0"}
_seqs = itertools.count(1)

_category = {s: "detractor" if s <= 6 else "passive" if s <= 8 else "promoter" for s in range(11)}
# Any text but NUL, which no kiosk sends (the endpoint refuses the body: test_hardening).
_text = st.characters(codec="utf-8", exclude_characters="\x00")
_texts = st.text(_text, max_size=40)
_junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(_texts, st.integers(), max_size=2),
)

INVALID = {
    "id": st.one_of(
        st.sampled_from(["not-a-uuid", "1234", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"]),
        st.text(alphabet="ghijklmnop-", min_size=1, max_size=36),
    ),
    "seq": st.one_of(
        st.integers(max_value=0),
        st.integers(min_value=10**9 + 1),
        st.floats(),
        st.booleans(),
        _texts,
    ),
    "score": st.one_of(
        st.integers(max_value=-1), st.integers(min_value=11), st.booleans(), _texts, st.none()
    ),
    "created_at": st.one_of(
        st.sampled_from(
            [
                "yesterday",
                "2026-11-25",
                "2026-11-25T09:00:00",
                "0001-01-01T00:00:00+01:00",
                "9999-12-31T23:59:59-01:00",
                "2026-11-25T09:00:00+23:00",
            ]
        ),
        st.datetimes()
        .filter(lambda d: d.year < 2020 or d.year > 2030)
        .map(lambda d: d.isoformat() + "+00:00"),
        _junk,
    ),
    "language": st.one_of(st.sampled_from(["es\n", "ES", "Spanish", "", "e", "es-"]), _junk),
    "comment": st.one_of(
        st.text(_text, min_size=2001, max_size=2010), st.integers(), st.lists(_texts)
    ),
    "reasons": st.one_of(
        _texts,
        st.lists(st.just(""), min_size=1, max_size=2),
        st.lists(st.integers(), min_size=1, max_size=2),
    ),
    "completion": st.sampled_from(["maybe", "SENT", 1, True]),
    "surprise": _junk,  # an unknown field
}


@st.composite
def answer(draw: Any) -> tuple[dict, bool]:
    """(answer, valid)."""
    score = draw(st.integers(0, 10))
    when = draw(
        st.datetimes(
            min_value=__import__("datetime").datetime(2024, 1, 1),
            max_value=__import__("datetime").datetime(2026, 11, 1),
        )
    )
    offset = draw(st.integers(-12 * 60, 14 * 60))
    sign = "+" if offset >= 0 else "-"
    body = {
        "id": str(uuid.uuid4()),
        "seq": next(_seqs),  # fresh each time, even when shrinking
        "created_at": when.isoformat() + f"{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}",
        "score": score,
        "category": _category[score],
        "reasons": draw(st.lists(st.text(_text, min_size=1, max_size=64), max_size=4)),
        "comment": draw(st.text(_text, max_size=300)),
        "language": draw(st.sampled_from(["es", "en", "pt-BR"])),
        "flags": draw(st.lists(st.sampled_from(["too_soon", "burst"]), max_size=2)),
        "completion": draw(st.sampled_from([None, "sent", "skipped", "timeout"])),
        "app_version": "1.0",
    }
    if draw(st.booleans()):
        return body, True
    field = draw(st.sampled_from(sorted(INVALID)))
    body[field] = draw(INVALID[field])
    if field == "id" and isinstance(body["id"], str):
        try:
            uuid.UUID(body["id"])
            return body, True  # hypothesis found a real UUID spelling: still valid
        except ValueError:
            pass
    return body, False


ENVELOPE_FAULTS = st.sampled_from(
    [
        "no-kiosk",
        "kiosk-list",
        "bad-kiosk-id",
        "answers-dict",
        "no-sent-at",
        "not-json",
        "deep",
        "surrogate",
        "array",
    ]
)


def envelope_fault(body: dict, fault: str) -> bytes:
    if fault == "not-json":
        return json.dumps(body).encode()[:-1]
    if fault == "deep":
        return b'{"kiosk": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    if fault == "surrogate":
        return json.dumps({**body, "kiosk": {**body["kiosk"], "app_version": "\ud800"}}).encode()
    if fault == "array":
        return json.dumps([body]).encode()
    broken = dict(body)
    if fault == "no-kiosk":
        del broken["kiosk"]
    elif fault == "kiosk-list":
        broken["kiosk"] = [KIOSK]
    elif fault == "bad-kiosk-id":
        broken["kiosk"] = {**KIOSK, "id": "test-kiosk\n"}
    elif fault == "answers-dict":
        broken["answers"] = {}
    elif fault == "no-sent-at":
        del broken["sent_at"]
    return json.dumps(broken).encode()


@st.composite
def request_body(draw: Any) -> tuple[bytes, list[tuple[dict, bool]], bool]:
    """(raw body, [(answer, valid)], envelope ok)."""
    answers = draw(st.lists(answer(), max_size=6))
    body = {
        "kiosk": KIOSK,
        "answers": [a for a, _ in answers],
        "sent_at": "2026-11-25T12:00:00.000000Z",
    }
    if draw(st.integers(0, 5)) == 0:
        return envelope_fault(body, draw(ENVELOPE_FAULTS)), answers, False
    # The same id twice in one request (valid or not, in any case) refuses the whole request.
    ids = [a["id"].lower() for a, _ in answers if isinstance(a.get("id"), str)]
    unique = len(ids) == len(set(ids))
    return json.dumps(body, ensure_ascii=draw(st.booleans())).encode(), answers, unique
