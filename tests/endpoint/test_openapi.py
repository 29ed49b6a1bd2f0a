"""docs/openapi.yaml names exactly the routes the service has, and real replies (on both
stores) validate against the schemas it documents for their status."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
import yaml
from endpoint_server import OWNER_TOKEN, TOKEN, central
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOCS = Path(__file__).resolve().parents[2] / "docs"
BASE = "https://counter-kiosk.example/"
SPEC = yaml.safe_load((DOCS / "openapi.yaml").read_text(encoding="utf-8"))


def _registry() -> Registry:
    resources = [
        (BASE + "openapi.yaml", Resource.from_contents(SPEC, default_specification=DRAFT202012))
    ]
    for path in (DOCS / "schemas").glob("*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        resources.append((doc["$id"], Resource.from_contents(doc)))
    return Registry().with_resources(resources)


REGISTRY = _registry()


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def check_reply(method: str, path: str, reply) -> None:
    """Validate ``reply`` against the schema documented for its path, method and status."""
    responses = SPEC["paths"][path][method.lower()]["responses"]
    status = str(reply.status_code)
    assert status in responses, f"{method} {path} -> {status} is not documented"
    response = responses[status]
    where = ["paths", path, method.lower(), "responses", status]
    if "$ref" in response:
        name = response["$ref"].rsplit("/", 1)[1]
        response = SPEC["components"]["responses"][name]
        where = ["components", "responses", name]
    content = response["content"]
    media = reply.mimetype
    assert media in content, f"{method} {path} -> {status} as {media} is not documented"
    if media != "application/json" or "schema" not in content[media]:
        return
    ref = BASE + "openapi.yaml#/" + _pointer(*where, "content", media, "schema")
    Draft202012Validator({"$ref": ref}, registry=REGISTRY).validate(reply.get_json())


@pytest.fixture
def world(migrated_url):
    store, app = central(migrated_url)
    store.change("add-area", "tests", "Sur")
    store.change("add-site", "tests", "playa", "Sur")
    store.change("add-user", "tests", "ana", "site", "playa", None, api_token="ana-token-1234")
    client = app.test_client()
    answers = []
    for seq, (score, comment) in enumerate([(10, "bien"), (3, "mal"), (8, ""), (0, "")], 1):
        category = "detractor" if score <= 6 else "passive" if score <= 8 else "promoter"
        answers.append(
            {
                "id": str(uuid.uuid4()),
                "seq": seq,
                "score": score,
                "category": category,
                "language": "es",
                "comment": comment,
                "reasons": ["speed"],
                "created_at": f"2026-11-2{seq}T10:00:00-03:00",
            }
        )
    reply = client.post(
        "/v1/answers",
        headers={"Authorization": f"Bearer {TOKEN}"},
        json={
            "kiosk": {"id": "test-kiosk", "site": "centro", "app_version": "1"},
            "answers": answers + [dict(answers[0], id=str(uuid.uuid4()))],
            "sent_at": "2026-11-25T12:00:00Z",
        },
    )
    check_reply("POST", "/v1/answers", reply)
    assert reply.status_code == 409
    yield client
    store.close()


def test_the_document_names_every_route(world):
    app_routes = {
        (m, r.rule)
        for r in world.application.url_map.iter_rules()
        for m in r.methods - {"HEAD", "OPTIONS"}
        if r.rule != "/" and not r.rule.startswith("/web/")
    }  # HTML pages: not API
    documented = {(m.upper(), p) for p, ops in SPEC["paths"].items() for m in ops}
    assert documented == app_routes


@pytest.mark.parametrize(
    ("path", "token"),
    [
        ("/v1/api/stats", OWNER_TOKEN),
        ("/v1/api/stats?since=2026-11-01&until=2026-11-30&granularity=day", OWNER_TOKEN),
        ("/v1/api/stats?since=2025-01-01&until=2026-11-30&include_flagged=1", OWNER_TOKEN),
        ("/v1/api/stats?site=centro", OWNER_TOKEN),
        ("/v1/api/stats?site=playa", "ana-token-1234"),
        ("/v1/api/stats?site=centro", "ana-token-1234"),
        ("/v1/api/stats?since=never", OWNER_TOKEN),
        ("/v1/api/stats?site=nowhere", OWNER_TOKEN),
        ("/v1/api/stats", None),
        ("/v1/api/stats", TOKEN),
        ("/v1/api/kiosks", OWNER_TOKEN),
        ("/v1/api/kiosks?attention=1", OWNER_TOKEN),
        ("/v1/kiosks", OWNER_TOKEN),
        ("/v1/kiosks", "ana-token-1234"),
        ("/v1/export?format=xml", OWNER_TOKEN),
        ("/v1/export?format=json", OWNER_TOKEN),
        ("/v1/export?format=csv", OWNER_TOKEN),
    ],
)
def test_real_replies_match_the_document(world, path, token):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    reply = world.get(path, headers=headers)
    check_reply("GET", path.split("?")[0], reply)


def test_kiosk_replies_match_the_document(world):
    headers = {"Authorization": f"Bearer {TOKEN}"}
    for body in (
        b"{",
        json.dumps(
            {
                "kiosk": {"id": "x", "site": "centro", "app_version": "1"},
                "answers": [],
                "sent_at": "2026-11-25T12:00:00Z",
            }
        ).encode(),
    ):
        reply = world.post(
            "/v1/answers", data=body, headers=headers, content_type="application/json"
        )
        check_reply("POST", "/v1/answers", reply)
    alert = world.post(
        "/v1/alerts",
        headers=headers,
        json={
            "kiosk": {"id": "test-kiosk", "site": "centro", "app_version": "1"},
            "answer": {
                "id": str(uuid.uuid4()),
                "seq": 9,
                "score": 1,
                "category": "detractor",
                "language": "es",
                "created_at": "2026-11-25T09:00:00-03:00",
            },
            "sent_at": "2026-11-25T12:00:00Z",
        },
    )
    check_reply("POST", "/v1/alerts", alert)
    assert alert.status_code == 200
