"""The central service over real HTTP (waitress on 127.0.0.1), on SQLite and on PostgreSQL:
protocol, tokens, limits."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import datetime, timedelta, timezone

import pytest
import requests
from endpoint_server import OWNER_TOKEN, TOKEN, LiveServer, central

from kiosk.endpoint.command import load_tokens

KIOSK = {"id": "test-kiosk", "site": "centro", "app_version": "1.0"}


@pytest.fixture
def live(migrated_url):
    store, app = central(migrated_url)
    server = LiveServer(app)
    yield store, server.url
    server.stop()
    store.close()


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


def post(url: str, path: str, body, token: str | None = TOKEN, **kwargs) -> requests.Response:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return requests.post(url + path, data=data, headers=headers, timeout=10, **kwargs)


def batch(*answers, sent_at: str = "2026-11-25T12:00:00Z") -> dict:
    return {"kiosk": KIOSK, "answers": list(answers), "sent_at": sent_at}


def test_answers_are_stored_and_a_resend_counts_as_stored(live):
    store, url = live
    a, b = wire(1), wire(2)
    reply = post(url, "/v1/answers", batch(a, b))
    assert reply.status_code == 200
    assert sorted(reply.json()["stored"]) == sorted([a["id"], b["id"]])
    again = post(url, "/v1/answers", batch(a, b))
    assert again.status_code == 200 and len(again.json()["stored"]) == 2
    assert store.count_answers() == 2


@pytest.mark.parametrize(
    ("token", "status"),
    [(None, 401), ("wrong-token", 401), (TOKEN + "x", 401)],
)
def test_a_missing_or_wrong_token_stores_nothing(live, token, status):
    store, url = live
    reply = post(url, "/v1/answers", batch(wire()), token=token)
    assert reply.status_code == status
    assert "token" in reply.json()["error"]
    assert reply.headers["WWW-Authenticate"].startswith("Bearer")
    assert store.count_answers() == 0


def test_a_token_bound_to_another_kiosk_is_forbidden(live):
    store, url = live
    body = batch(wire())
    body["kiosk"] = dict(KIOSK, id="other-kiosk")
    reply = post(url, "/v1/answers", body)
    assert reply.status_code == 403
    assert "belongs to kiosk 'test-kiosk'" in reply.json()["error"]
    assert store.count_answers() == 0
    # A manager's token reads; it never posts answers as a kiosk.
    assert post(url, "/v1/answers", body, token=OWNER_TOKEN).status_code == 403
    assert store.count_answers() == 0


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[]", "JSON object"),
        ({"answers": [], "sent_at": "2026-11-25T12:00:00Z"}, "'kiosk'"),
        ({"kiosk": KIOSK, "answers": {}, "sent_at": "2026-11-25T12:00:00Z"}, "'answers'"),
        ({"kiosk": KIOSK, "answers": [], "sent_at": "yesterday"}, "sent_at"),
        ({"kiosk": KIOSK, "answers": [], "sent_at": "2026-11-25T12:00:00"}, "offset"),
        ({"kiosk": KIOSK, "answers": [{"score": 3}], "sent_at": "2026-11-25T12:00:00Z"}, "no id"),
        (
            {"kiosk": {**KIOSK, "id": "a b"}, "answers": [], "sent_at": "2026-11-25T12:00:00Z"},
            "kiosk.id",
        ),
    ],
)
def test_a_malformed_body_is_400_and_stores_nothing(live, body, message):
    store, url = live
    if isinstance(body, dict) and "answers" in body and body["answers"] == [{"score": 3}]:
        body["answers"].insert(0, wire())  # a good answer in the same request is not kept
    reply = post(url, "/v1/answers", body)
    assert reply.status_code == 400
    assert message in reply.json()["error"]
    assert store.count_answers() == 0


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"score": 11}, "score must be a whole number from 0 to 10"),
        ({"score": "9"}, "score"),
        ({"score": True}, "score"),
        ({"category": "detractor"}, "category must be 'promoter'"),
        ({"id": "not-a-uuid"}, "UUID"),
        ({"created_at": "2026-11-25T09:00:00"}, "offset"),
        ({"seq": 0}, "seq"),
        ({"reasons": "speed"}, "reasons"),
        ({"language": "Spanish"}, "language"),
        ({"completion": "maybe"}, "completion"),
        ({"surprise": 1}, "unknown field"),
    ],
)
def test_a_bad_answer_is_rejected_with_a_clear_error(live, change, error):
    store, url = live
    bad = {**wire(), **change}
    reply = post(url, "/v1/answers", batch(bad))
    assert reply.status_code == 200
    body = reply.json()
    assert body["stored"] == []
    assert body["rejected"] == [{"id": bad["id"], "error": body["rejected"][0]["error"]}]
    assert error in body["rejected"][0]["error"]
    assert store.count_answers() == 0


def test_a_10_mb_body_is_413_and_stores_nothing(live):
    store, url = live
    huge = batch(wire(comment="x" * 1000))
    raw = json.dumps(huge).encode()
    raw = raw[:-1] + b', "padding": "' + b"p" * (10 * 1024 * 1024) + b'"}'
    reply = post(url, "/v1/answers", raw)
    assert reply.status_code == 413
    assert "larger than" in reply.json()["error"]
    assert store.count_answers() == 0


def test_the_shipped_limit_is_enforced_before_the_app_sees_the_body(tmp_path):
    """``kiosk endpoint`` passes the limit to waitress, which refuses a big body itself."""
    seen = []

    def app(environ, start_response):
        seen.append(environ["PATH_INFO"])
        start_response("200 OK", [])
        return [b""]

    server = LiveServer(app, max_body=1024 * 1024)
    try:
        reply = requests.post(
            server.url + "/v1/answers",
            data=b"x" * (10 * 1024 * 1024),
            headers={"Content-Type": "application/json"},
            timeout=10,
        )
        assert reply.status_code == 413
        assert seen == []
    finally:
        server.stop()


def test_same_id_with_different_content_is_409_with_the_conflicts(live):
    store, url = live
    a = wire(1, comment="bien")
    post(url, "/v1/answers", batch(a))
    other = wire(2)
    reply = post(url, "/v1/answers", batch(dict(a, comment="mal"), other))
    assert reply.status_code == 409
    body = reply.json()
    assert body["conflicts"] == [a["id"]]
    assert body["stored"] == [other["id"]]
    assert store.count_answers() == 2


def test_an_alert_is_stored_once_and_only_for_detractors(live):
    store, url = live
    bad = wire(1, score=2, completion=None)
    body = {"kiosk": KIOSK, "answer": bad, "sent_at": "2026-11-25T12:00:00Z"}
    for _ in range(2):
        reply = post(url, "/v1/alerts", body)
        assert reply.status_code == 200 and reply.json() == {"stored": [bad["id"]], "rejected": []}
    assert store.alert_ids() == [bad["id"]]
    happy = wire(2, score=10)
    reply = post(url, "/v1/alerts", {**body, "answer": happy})
    assert reply.json()["rejected"][0]["error"] == "alerts are for detractors (scores 0-6)"
    assert store.alert_ids() == [bad["id"]]


def test_kiosks_report_gaps_and_clock_skew(migrated_url):
    fixed = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
    store, app = central(migrated_url, now=lambda: fixed)
    server = LiveServer(app)
    try:
        ahead = (fixed + timedelta(seconds=90)).isoformat()
        post(server.url, "/v1/answers", batch(wire(1), wire(2), wire(5), sent_at=ahead))
        reply = requests.get(
            server.url + "/v1/kiosks", timeout=5, headers={"Authorization": f"Bearer {OWNER_TOKEN}"}
        )
        [kiosk] = reply.json()["kiosks"]
        assert kiosk["id"] == "test-kiosk" and kiosk["answers"] == 3
        assert kiosk["gaps"] == [{"from": 3, "to": 4}] and kiosk["missing"] == 2
        assert kiosk["clock_skew_seconds"] == 90.0
        denied = requests.get(
            server.url + "/v1/kiosks", timeout=5, headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert denied.status_code == 403
    finally:
        server.stop()
        store.close()


def test_export_csv_is_excel_safe_and_json_is_complete(live):
    from kiosk.store.exports import EXPORT_COLUMNS

    store, url = live
    a = wire(1, comment='=HYPERLINK("http://x")', reasons=["speed", "price"])
    b = wire(2, comment="Café ñandú 😀", flags=["too_soon"])
    post(url, "/v1/answers", batch(a, b))
    headers = {"Authorization": f"Bearer {OWNER_TOKEN}"}
    reply = requests.get(url + "/v1/export?format=csv", headers=headers, timeout=5)
    assert reply.status_code == 200
    text = reply.content.decode("utf-8")
    assert text.startswith("\ufeff")
    reader = csv.DictReader(io.StringIO(text[1:]))
    assert tuple(reader.fieldnames) == (*EXPORT_COLUMNS, "site")  # the kiosk's columns
    rows = list(reader)
    assert [r["id"] for r in rows] == [a["id"], b["id"]]
    assert rows[0]["comment"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["reasons"] == "speed; price"
    assert rows[0]["local_time"] == "2026-11-25 09:00:00"
    assert rows[0]["created_utc"] == "2026-11-25T12:00:00.000000Z"
    assert rows[0]["utc_offset_minutes"] == "-180" and rows[0]["site"] == "centro"
    assert rows[1]["comment"] == "Café ñandú 😀" and rows[1]["flagged"] == "1"
    data = requests.get(url + "/v1/export?format=json", headers=headers, timeout=5).json()
    assert [x["id"] for x in data["answers"]] == [a["id"], b["id"]]
    assert data["answers"][1]["comment"] == "Café ñandú 😀"
    assert data["answers"][1]["flags"] == ["too_soon"] and data["answers"][1]["flagged"] is True
    assert data["answers"][0]["kiosk_id"] == "test-kiosk"
    bad = requests.get(url + "/v1/export?format=xml", headers=headers, timeout=5)
    assert bad.status_code == 400


def test_export_xlsx_has_the_kiosks_columns_and_inert_text(live):
    import openpyxl

    from kiosk.store.exports import EXPORT_COLUMNS

    store, url = live
    a = wire(1, comment="@SUM(A1)", reasons=["speed"])
    b = wire(2, comment="Café ñandú 😀")
    post(url, "/v1/answers", batch(a, b))
    headers = {"Authorization": f"Bearer {OWNER_TOKEN}"}
    reply = requests.get(url + "/v1/export?format=xlsx", headers=headers, timeout=5)
    assert reply.status_code == 200
    assert reply.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(reply.content), read_only=True)["Answers"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert tuple(rows[0]) == (*EXPORT_COLUMNS, "site")
    column = {name: i for i, name in enumerate(rows[0])}
    assert [r[column["id"]] for r in rows[1:]] == [a["id"], b["id"]]
    assert rows[1][column["comment"]] == "'@SUM(A1)"  # text, never a formula
    assert rows[2][column["comment"]] == "Café ñandú 😀"
    assert rows[1][column["score"]] == a["score"]  # numbers stay numbers
    assert rows[1][column["site"]] == "centro"


def test_unknown_paths_and_methods(live):
    _, url = live
    assert requests.get(url + "/v1/nothing", timeout=5).status_code == 404
    reply = requests.get(url + "/v1/answers", timeout=5)
    assert reply.status_code == 405 and reply.headers["Allow"] == "POST"


def test_tokens_file(tmp_path):
    path = tmp_path / "tokens"
    path.write_text("# owner\nabc\n\nxyz kiosk-2\n", encoding="utf-8")
    assert load_tokens(path) == [("abc", None), ("xyz", "kiosk-2")]
    path.write_text("a b c\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected"):
        load_tokens(path)
