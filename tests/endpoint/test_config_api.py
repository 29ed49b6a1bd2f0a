"""GET /v1/config: layers by area, site and kiosk, merged, checked, with ETag and 304."""

from __future__ import annotations

import pytest

from endpoint.test_openapi import check_reply
from kiosk.commands import main as cli
from kiosk.endpoint.app import create_app
from kiosk.endpoint.config import EndpointConfig
from kiosk.endpoint.store import config_layers
from kiosk.endpoint.store.engine import writing
from kiosk.endpoint.store.registry import RegistryError
from kiosk.endpoint.store.service import CentralStore


@pytest.fixture
def fleet(migrated_url):
    store = CentralStore.open(migrated_url)
    store.change("add-area", "t", "Sur")
    store.change("add-site", "t", "centro", "Sur")
    store.change("add-site", "t", "playa", "Sur")
    tokens = {
        k: store.change("add-kiosk", "t", k, site)
        for k, site in (("k1", "centro"), ("k2", "playa"))
    }
    app = create_app(EndpointConfig(db=migrated_url), store)
    yield store, app.test_client(), tokens
    store.close()


def put(store, scope, name, document):
    with writing(store.engine) as conn:
        return config_layers.set_layer(
            conn, "2026-12-01T00:00:00.000000Z", "t", scope, name, document
        )


def get(client, token, etag=None):
    headers = {"Authorization": f"Bearer {token}"}
    if etag:
        headers["If-None-Match"] = etag
    return client.get("/v1/config", headers=headers)


def test_area_then_site_then_kiosk_key_by_key(fleet):
    store, client, tokens = fleet
    put(
        store,
        "area",
        "Sur",
        {
            "thanks": {"seconds": 5, "text": {"es": "¡Gracias, Sur!"}},
            "kiosk": {"shop_name": "Cadena Sur"},
        },
    )
    put(store, "site", "centro", {"thanks": {"seconds": 6}})
    put(store, "kiosk", "k1", {"kiosk": {"shop_name": "Centro 1"}})
    reply = get(client, tokens["k1"])
    check_reply("GET", "/v1/config", reply)
    body = reply.get_json()
    assert body["config"] == {
        "thanks": {"seconds": 6, "text": {"es": "¡Gracias, Sur!"}},
        "kiosk": {"shop_name": "Centro 1"},
    }
    assert body["scopes"] == ["area:Sur", "site:centro", "kiosk:k1"]
    assert reply.headers["ETag"] == f'"{body["version"]}"'
    other = get(client, tokens["k2"]).get_json()
    assert other["config"]["thanks"] == {"seconds": 5, "text": {"es": "¡Gracias, Sur!"}}
    assert other["version"] != body["version"]


def test_an_unchanged_config_is_a_304_with_no_body(fleet):
    store, client, tokens = fleet
    put(store, "site", "centro", {"timeouts": {"idle_seconds": 30}})
    first = get(client, tokens["k1"])
    again = get(client, tokens["k1"], first.headers["ETag"])
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["ETag"] == first.headers["ETag"]
    put(store, "site", "centro", {"timeouts": {"idle_seconds": 40}})
    changed = get(client, tokens["k1"], first.headers["ETag"])
    assert changed.status_code == 200
    assert changed.get_json()["config"]["timeouts"]["idle_seconds"] == 40


def test_only_a_kiosk_token_and_unknown_scopes_are_refused(fleet):
    store, client, _ = fleet
    assert client.get("/v1/config").status_code == 401
    with pytest.raises(RegistryError, match="no site 'nowhere'"):
        put(store, "site", "nowhere", {"thanks": {"seconds": 5}})
    with pytest.raises(RegistryError, match="scope must be"):
        config_layers.parse_scope("region:x")


def test_set_config_command_checks_with_the_kiosks_rules(fleet, migrated_url, tmp_path, capsys):
    store, client, tokens = fleet
    if not migrated_url.endswith(".sqlite"):
        pytest.skip("the command is exercised on the SQLite file")
    good = tmp_path / "area.toml"
    good.write_text(
        '[question]\ntext = { es = "¿Nos recomendaría?" }\n'
        '[why]\nreasons = ["speed", { id = "parking", es = "Aparcamiento" }]\n',
        encoding="utf-8",
    )
    assert (
        cli.main(["endpoint", "set-config", "--db", migrated_url, "--scope", "area:Sur", str(good)])
        == 0
    )
    assert "version" in capsys.readouterr().out
    config = get(client, tokens["k2"]).get_json()["config"]
    assert config["why"]["reasons"][1] == {"id": "parking", "es": "Aparcamiento"}

    for text, key in (
        ('[sync]\nendpoint = "https://evil.example"\n', "[sync]"),
        ("[thanks]\nseconds = 0\n", "[thanks] seconds"),
    ):
        bad = tmp_path / "bad.toml"
        bad.write_text(text, encoding="utf-8")
        assert (
            cli.main(
                ["endpoint", "set-config", "--db", migrated_url, "--scope", "site:centro", str(bad)]
            )
            == 2
        )
        err = capsys.readouterr().err
        assert str(bad) in err and key in err
    assert get(client, tokens["k1"]).get_json()["scopes"] == ["area:Sur"]


def test_the_service_sees_which_kiosks_run_the_current_configuration(fleet):
    store, client, tokens = fleet
    put(store, "area", "Sur", {"thanks": {"seconds": 5}})
    version = get(client, tokens["k1"]).get_json()["version"]

    def post(token, kiosk_id, site, config_version):
        body = {
            "kiosk": {"id": kiosk_id, "site": site, "app_version": "1.0"},
            "sent_at": "2026-12-01T00:00:00Z",
            "answers": [],
        }
        if config_version is not None:
            body["kiosk"]["config_version"] = config_version
        return client.post("/v1/answers", json=body, headers={"Authorization": f"Bearer {token}"})

    assert post(tokens["k1"], "k1", "centro", version).status_code == 200
    assert post(tokens["k2"], "k2", "playa", "0123abc").status_code == 200
    reply = post(tokens["k2"], "k2", "playa", "bad version\n")
    assert reply.status_code == 400 and "config_version" in reply.get_json()["error"]
    reports = {r.kiosk_id: r for r in store.kiosks()}
    assert (reports["k1"].config_version, reports["k1"].config_current) == (version, True)
    assert (reports["k2"].config_version, reports["k2"].config_current) == ("0123abc", False)
    put(store, "site", "centro", {"thanks": {"seconds": 9}})  # a change: k1 is behind now
    assert {r.kiosk_id: r for r in store.kiosks()}["k1"].config_current is False
