"""The JSON Schemas in docs/schemas/ describe what really travels: bodies the kiosk builds
from its store, and replies the reference endpoint sends (validated with jsonschema)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests
from endpoint_server import TOKEN, LiveServer, central
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from kiosk.core.answer import Completion
from kiosk.core.contact import Contact
from kiosk.store import contacts
from kiosk.store.answers import AnswerStore
from kiosk.store.database import Database
from kiosk.sync.protocol import alert_body, answers_body, contact_body, encode, kiosk_block

SCHEMAS = Path(__file__).resolve().parents[2] / "docs" / "schemas"


def _validator(name: str) -> Draft202012Validator:
    documents = {
        path.name: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMAS.glob("*.json")
    }
    registry = Registry().with_resources(
        (doc["$id"], Resource.from_contents(doc)) for doc in documents.values()
    )
    schema = documents[name]
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=registry)


@pytest.fixture
def stored_answers(answer_store):
    """Answers as the guest flow leaves them: every category, reasons, a comment, a flag,
    a walk-away, and one still open (as an alert carries it at the tap)."""
    start = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
    done = []
    for i, (score, completion) in enumerate(
        [(0, Completion.SENT), (7, Completion.SKIPPED), (10, Completion.TIMEOUT)]
    ):
        at = start + timedelta(minutes=i)
        answer = answer_store.record_score(score, "es", now=at, flags=("burst",) if i == 2 else ())
        done.append(
            answer_store.complete(
                answer.id,
                completion,
                reasons=["speed", "price"] if i == 0 else [],
                comment="Tardó mucho, ñ 😀" if i == 0 else "",
                now=at + timedelta(seconds=9),
            )
        )
    still_open = answer_store.record_score(3, "en", now=start + timedelta(minutes=5))
    return [answer_store.get(a.id) for a in done], still_open


def test_the_kiosks_bodies_match_the_documented_schemas(stored_answers):
    done, still_open = stored_answers
    kiosk = kiosk_block("test-kiosk", "centro", "0.1.0")
    _validator("answers-request.json").validate(json.loads(encode(answers_body(kiosk, done))))
    _validator("alert-request.json").validate(json.loads(encode(alert_body(kiosk, still_open))))


def test_the_schemas_refuse_what_the_endpoint_refuses(stored_answers):
    done, _ = stored_answers
    body = json.loads(encode(answers_body(kiosk_block("k", "s", "1"), done)))
    validator = _validator("answers-request.json")
    for field, bad in (("score", 11), ("category", "promoter"), ("seq", 0), ("id", "x")):
        broken = json.loads(json.dumps(body))
        broken["answers"][0][field] = bad
        with pytest.raises(ValidationError):
            validator.validate(broken)


def test_the_endpoints_replies_match_the_documented_schema(tmp_path, stored_answers):
    done, still_open = stored_answers
    store, app = central(tmp_path / "central.sqlite")
    server = LiveServer(app)
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    kiosk = kiosk_block("test-kiosk", "centro", "0.1.0")
    validator = _validator("answers-reply.json")
    try:
        with requests.Session() as session:
            for path, body in (
                ("/v1/answers", answers_body(kiosk, done)),
                ("/v1/alerts", alert_body(kiosk, still_open)),
            ):
                reply = session.post(
                    server.url + path, data=encode(body), headers=headers, timeout=5
                )
                assert reply.status_code == 200
                validator.validate(reply.json())
            # A changed answer under a known id: 409, still the documented shape.
            changed = answers_body(kiosk, done)
            changed["answers"][0]["comment"] = "otra cosa"
            reply = session.post(
                server.url + "/v1/answers", data=encode(changed), headers=headers, timeout=5
            )
            assert reply.status_code == 409
            validator.validate(reply.json())
            assert reply.json()["conflicts"] == [done[0].id]
    finally:
        server.stop()
        store.close()


def _stored_contact(answer_store, answer_id: str, reach: str):
    contact = Contact.given(
        answer_id,
        "José Núñez",
        reach,
        "Acepto que Café Demo me contacte.",
        "es",
        datetime(2026, 11, 25, 12, 1, tzinfo=timezone.utc),
    )
    with answer_store.db.transaction() as con:
        contacts.add(con, contact, [])
    return contacts.ContactStore(answer_store.db).get(answer_id)


def test_the_contact_body_matches_its_schema_and_the_endpoint_holds_it(tmp_path):
    kiosk = kiosk_block("test-kiosk", "centro", "0.1.0")
    with Database(tmp_path / "kiosk.sqlite") as db:
        answers = AnswerStore(db, "test-kiosk", "0.1.0")
        answer = answers.record_score(1, "es")
        bodies = [contact_body(kiosk, _stored_contact(answers, answer.id, "jose@correo.es"), 30)]
        phone = answers.record_score(2, "es")
        bodies.append(
            contact_body(kiosk, _stored_contact(answers, phone.id, "+34 612 345 678"), 30)
        )
    request_schema = _validator("contact-request.json")
    for body in bodies:
        request_schema.validate(json.loads(encode(body)))
    for field, bad in (
        ("reach_kind", "fax"),
        ("retention_days", 0),
        ("answer_id", "x"),
        ("name", ""),
    ):
        broken = json.loads(encode(bodies[0]))
        broken["contact"][field] = bad
        with pytest.raises(ValidationError):
            request_schema.validate(broken)
    store, app = central(tmp_path / "central.sqlite")
    server = LiveServer(app)
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    try:
        with requests.Session() as session:
            for body in bodies:
                reply = session.post(
                    server.url + "/v1/contacts", data=encode(body), headers=headers, timeout=5
                )
                assert reply.status_code == 200
                _validator("answers-reply.json").validate(reply.json())
                assert reply.json()["stored"] == [body["contact"]["answer_id"]]
            broken = json.loads(encode(bodies[0]))
            broken["contact"]["reach"] = "not a phone"
            reply = session.post(
                server.url + "/v1/contacts", json=broken, headers=headers, timeout=5
            )
            _validator("answers-reply.json").validate(reply.json())
            assert reply.json()["rejected"][0]["id"] == broken["contact"]["answer_id"]
            assert "not a phone" not in reply.text
            reply = session.post(
                server.url + "/v1/contacts",
                json={**broken, "contact": 3},
                headers=headers,
                timeout=5,
            )
            assert reply.status_code == 400
    finally:
        server.stop()
        store.close()
