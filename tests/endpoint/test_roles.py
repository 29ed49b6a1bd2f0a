"""Every route declares its roles; a table tries every route with every role (both stores).
Managers see only their scope: another site's numbers are a 403."""

from __future__ import annotations

import base64
import uuid

import pytest

from kiosk.endpoint.app import create_app
from kiosk.endpoint.auth import MANAGERS
from kiosk.endpoint.config import EndpointConfig
from kiosk.endpoint.store.service import CentralStore

# (method, path) -> roles allowed. Must name every route the app has.
ROUTES = {
    ("POST", "/v1/answers"): {"kiosk"},
    ("POST", "/v1/alerts"): {"kiosk"},
    ("GET", "/v1/config"): {"kiosk"},
    ("POST", "/v1/contacts"): {"kiosk"},
    ("GET", "/v1/kiosks"): set(MANAGERS),
    ("GET", "/v1/export"): set(MANAGERS),
    ("GET", "/v1/api/kiosks"): set(MANAGERS),
    ("GET", "/v1/api/stats"): set(MANAGERS),
}
PRINCIPALS = ("anonymous", "kiosk", "admin", "area", "site", "other-site")
ROLE_OF = {"kiosk": "kiosk", "admin": "admin", "area": "area", "site": "site", "other-site": "site"}


@pytest.fixture
def world(migrated_url):
    store = CentralStore.open(migrated_url)
    store.change("add-area", "t", "Sur")
    store.change("add-area", "t", "Norte")
    store.change("add-site", "t", "centro", "Sur")
    store.change("add-site", "t", "playa", "Sur")
    store.change("add-site", "t", "monte", "Norte")
    tokens = {"kiosk": store.change("add-kiosk", "t", "k1", "centro")}
    store.change("add-kiosk", "t", "k2", "monte")
    for name, role, scope in (
        ("admin", "admin", None),
        ("area", "area", "Sur"),
        ("site", "site", "centro"),
        ("other-site", "site", "monte"),
    ):
        tokens[name] = f"token-of-{name}-{uuid.uuid4()}"
        store.change("add-user", "t", name, role, scope, None, api_token=tokens[name])
    app = create_app(EndpointConfig(db=migrated_url), store)
    yield store, app.test_client(), tokens, app
    store.close()


def _call(client, method, path, token=None, **kwargs):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    body = {
        "kiosk": {"id": "k1", "site": "centro", "app_version": "1"},
        "answers": [],
        "sent_at": "2026-11-25T12:00:00Z",
    }
    if path == "/v1/alerts":
        body = {
            **body,
            "answer": {
                "id": str(uuid.uuid4()),
                "seq": 1,
                "score": 2,
                "category": "detractor",
                "language": "es",
                "created_at": "2026-11-25T09:00:00-03:00",
            },
        }
        del body["answers"]
    if path == "/v1/contacts":
        body = {
            **body,
            "contact": {
                "answer_id": str(uuid.uuid4()),
                "name": "Ana",
                "reach": "+34 600 111 222",
                "reach_kind": "phone",
                "consent_text": "I agree.",
                "language": "es",
                "consented_at": "2026-11-25T12:00:00Z",
                "retention_days": 30,
            },
        }
        del body["answers"]
    if method == "POST":
        return client.post(path, json=body, headers=headers)
    return client.get(path, headers=headers, **kwargs)


def test_the_table_names_every_route_and_matches_what_each_declares(world):
    _, _, _, app = world
    found = {}
    for rule in app.url_map.iter_rules():
        if rule.rule == "/" or rule.rule.startswith("/web/"):
            continue  # the web pages: their own table in tests/web/test_web_roles.py
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            found[(method, rule.rule)] = set(app.view_functions[rule.endpoint].allowed_roles)
    assert found == ROUTES


@pytest.mark.parametrize("who", PRINCIPALS)
@pytest.mark.parametrize("route", sorted(ROUTES))
def test_every_route_with_every_role(world, route, who):
    _, client, tokens, _ = world
    method, path = route
    reply = _call(client, method, path, tokens.get(who))
    if who == "anonymous":
        assert reply.status_code == 401 and reply.headers["WWW-Authenticate"]
    elif ROLE_OF[who] in ROUTES[route]:
        assert reply.status_code == 200, reply.get_data(as_text=True)
    else:
        assert reply.status_code == 403
        assert f"a {ROLE_OF[who]} may not use this route" in reply.get_json()["error"]


@pytest.mark.parametrize(
    ("who", "query", "status"),
    [
        ("site", "site=centro", 200),
        ("site", "site=monte", 403),
        ("site", "area=Norte", 403),
        ("site", "kiosk=k2", 403),
        ("site", "kiosk=k1", 200),
        ("area", "site=playa", 200),
        ("area", "site=monte", 403),
        ("area", "area=Sur", 200),
        ("area", "area=Norte", 403),
        ("other-site", "site=centro", 403),
        ("admin", "site=monte", 200),
        ("admin", "site=nowhere", 404),
        ("site", "site=nowhere", 403),
    ],
)
@pytest.mark.parametrize("path", ["/v1/api/stats", "/v1/api/kiosks", "/v1/export"])
def test_a_manager_sees_only_their_scope(world, who, query, status, path):
    _, client, tokens, _ = world
    reply = _call(client, "GET", f"{path}?{query}", tokens[who])
    assert reply.status_code == status, reply.get_data(as_text=True)


def test_kiosks_of_the_scope_only(world):
    _, client, tokens, _ = world
    ids = {
        who: [
            k["id"]
            for k in _call(client, "GET", "/v1/api/kiosks", tokens[who]).get_json()["kiosks"]
        ]
        for who in ("admin", "area", "site", "other-site")
    }
    assert ids == {"admin": ["k1", "k2"], "area": ["k1"], "site": ["k1"], "other-site": ["k2"]}


def test_basic_auth_and_a_disabled_or_unknown_user(world):
    store, client, _, _ = world
    store.change("add-user", "t", "eva", "admin", None, "correct horse battery")
    good = base64.b64encode(b"eva:correct horse battery").decode()
    bad = base64.b64encode(b"eva:wrong").decode()
    assert (
        client.get("/v1/api/kiosks", headers={"Authorization": f"Basic {good}"}).status_code == 200
    )
    assert (
        client.get("/v1/api/kiosks", headers={"Authorization": f"Basic {bad}"}).status_code == 401
    )
    assert client.get("/v1/api/kiosks", headers={"Authorization": "Basic !!"}).status_code == 401


def test_wrong_passwords_are_throttled_in_the_database(world):
    from datetime import datetime, timedelta, timezone

    store, client, _, _ = world
    store.change("add-user", "t", "eva", "admin", None, "correct horse battery")
    good = {"Authorization": "Basic " + base64.b64encode(b"eva:correct horse battery").decode()}
    bad = {"Authorization": "Basic " + base64.b64encode(b"eva:guess").decode()}
    for _ in range(5):
        assert client.get("/v1/api/kiosks", headers=bad).status_code == 401
    locked = client.get("/v1/api/kiosks", headers=good)  # even the right one, for a while
    assert locked.status_code == 429 and locked.headers["Retry-After"]
    later = datetime.now(timezone.utc) + timedelta(minutes=2)
    assert store.user_for_password("eva", "correct horse battery", later).name == "eva"
    assert client.get("/v1/api/kiosks", headers=good).status_code == 200  # reset by success


def test_an_export_holds_only_the_scope_and_the_selection(world):
    store, client, tokens, _ = world
    store.change("revoke-kiosk", "t", "k2")  # a revoked kiosk can be given a new token
    token_k2 = store.change("add-kiosk", "t", "k2", "monte")
    for kiosk, site, token in (("k1", "centro", tokens["kiosk"]), ("k2", "monte", token_k2)):
        answer = {
            "id": str(uuid.uuid4()),
            "seq": 1,
            "score": 9,
            "category": "promoter",
            "language": "es",
            "created_at": "2026-11-25T09:00:00-03:00",
        }
        reply = client.post(
            "/v1/answers",
            headers={"Authorization": f"Bearer {token}"},
            json={
                "kiosk": {"id": kiosk, "site": site, "app_version": "1"},
                "answers": [answer],
                "sent_at": "2026-11-25T12:00:00Z",
            },
        )
        assert reply.status_code == 200

    def exported(who, query=""):
        reply = _call(client, "GET", f"/v1/export?format=json{query}", tokens[who])
        assert reply.status_code == 200
        return sorted(a["kiosk_id"] for a in reply.get_json()["answers"])

    assert exported("admin") == ["k1", "k2"]
    assert exported("admin", "&kiosk=k2") == ["k2"]
    assert exported("site") == ["k1"]
    assert exported("area") == ["k1"]
    assert exported("other-site") == ["k2"]
