"""The registry from the command line, on both stores: areas, sites, kiosks (a token shown once,
only its keyed hash stored), managers (scrypt), revocation, tokens-file import, audit."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid

import requests
from endpoint_server import LiveServer
from sqlalchemy import select

from kiosk.endpoint.app import create_app
from kiosk.endpoint.config import EndpointConfig
from kiosk.endpoint.store import schema
from kiosk.endpoint.store.service import CentralStore


def kiosk_cli(db: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "endpoint", *args, "--db", db],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        input=stdin,
    )


def wire(seq: int) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "seq": seq,
        "created_at": "2026-11-25T09:00:00-03:00",
        "score": 10,
        "category": "promoter",
        "language": "es",
    }


def post(url: str, token: str, kiosk: dict, *answers: dict) -> requests.Response:
    return requests.post(
        url + "/v1/answers",
        timeout=10,
        headers={"Authorization": f"Bearer {token}"},
        json={"kiosk": kiosk, "answers": list(answers), "sent_at": "2026-11-25T12:00:00Z"},
    )


def test_the_registry_from_the_command_line(migrated_url, tmp_path):
    db = migrated_url
    assert kiosk_cli(db, "add-area", "Sur", "--region", "South", "--brand", "Acme").returncode == 0
    assert kiosk_cli(db, "add-site", "centro", "--area", "Sur").returncode == 0
    refused = kiosk_cli(db, "add-site", "norte", "--area", "Nowhere")
    assert refused.returncode == 2 and "no area 'Nowhere'" in refused.stderr
    made = kiosk_cli(db, "add-kiosk", "k1", "--site", "centro")
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip().splitlines()[-1]
    assert len(token) >= 43
    again = kiosk_cli(db, "add-kiosk", "k1", "--site", "centro")
    assert again.returncode == 2 and "exists already" in again.stderr
    manager = kiosk_cli(
        db,
        "add-user",
        "ana",
        "--role",
        "site",
        "--scope",
        "centro",
        "--password-stdin",
        stdin="a long password\n",
    )
    assert manager.returncode == 0, manager.stderr
    admin = kiosk_cli(db, "add-user", "root", "--role", "admin", "--api-token")
    api_token = admin.stdout.strip().splitlines()[-1]
    bad_scope = kiosk_cli(
        db, "add-user", "x", "--role", "area", "--password-stdin", stdin="a long password\n"
    )
    assert bad_scope.returncode == 2 and "needs --scope" in bad_scope.stderr
    tokens = tmp_path / "tokens.txt"
    tokens.write_text("# owner\nowner-secret-token\nold-kiosk-token-123 k9\n", encoding="utf-8")
    imported = kiosk_cli(db, "import-tokens", str(tokens))
    assert imported.returncode == 0 and "1 kiosk(s), 1 owner token(s)" in imported.stdout
    assert (
        "0 kiosk(s), 0 owner token(s) imported; 2 already known"
        in kiosk_cli(db, "import-tokens", str(tokens)).stdout
    )
    listing = json.loads(kiosk_cli(db, "list", "--json").stdout)
    assert listing["areas"] == [{"name": "Sur", "region": "South", "brand": "Acme"}]
    assert {k["id"]: k["site"] for k in listing["kiosks"]} == {"k1": "centro", "k9": None}
    assert {u["name"]: (u["role"], u["scope"]) for u in listing["users"]} == {
        "ana": ("site", "centro"),
        "root": ("admin", None),
        "owner-1": ("admin", None),
    }
    assert token not in json.dumps(listing)

    store = CentralStore.open(db)
    server = LiveServer(create_app(EndpointConfig(db=db), store))
    try:
        with store.engine.connect() as conn:
            hashes = list(conn.execute(select(schema.kiosks.c.token_hash)).scalars())
            password = conn.execute(
                select(schema.users.c.password_hash).where(schema.users.c.name == "ana")
            ).scalar()
        assert token not in hashes and all(h is None or len(h) == 64 for h in hashes)
        assert password.startswith("scrypt$") and "a long password" not in password
        k1 = {"id": "k1", "site": "centro", "app_version": "1"}
        assert post(server.url, token, k1, wire(1)).status_code == 200
        other_site = post(server.url, token, {**k1, "site": "norte"}, wire(2))
        assert other_site.status_code == 403 and "registered at site 'centro'" in other_site.text
        # The imported kiosk is bound to the site it names first, then held to it.
        k9 = {"id": "k9", "site": "norte", "app_version": "1"}
        assert post(server.url, "old-kiosk-token-123", k9, wire(1)).status_code == 200
        assert (
            post(server.url, "old-kiosk-token-123", {**k9, "site": "centro"}, wire(2)).status_code
            == 403
        )
        seen = requests.get(
            server.url + "/v1/api/kiosks", timeout=5, auth=("ana", "a long password")
        )
        assert seen.status_code == 200 and [k["id"] for k in seen.json()["kiosks"]] == ["k1"]
        assert (
            requests.get(
                server.url + "/v1/api/kiosks", timeout=5, auth=("ana", "wrong password")
            ).status_code
            == 401
        )
        assert (
            requests.get(
                server.url + "/v1/api/kiosks",
                timeout=5,
                headers={"Authorization": f"Bearer {api_token}"},
            ).json()["kiosks"][1]["site"]
            == "norte"
        )

        assert kiosk_cli(db, "revoke-kiosk", "k1").returncode == 0
        revoked = post(server.url, token, k1, wire(3))
        assert revoked.status_code == 401 and "revoked" in revoked.json()["error"]
        actions = [(r["actor"], r["action"], r["subject"]) for r in store.audit_rows()]
        assert actions == [
            ("cli", "add-area", "Sur"),
            ("cli", "add-site", "centro"),
            ("cli", "add-kiosk", "k1"),
            ("cli", "add-user", "ana"),
            ("cli", "add-user", "root"),
            ("cli", "import-token", "owner-1"),
            ("cli", "import-token", "k9"),
            ("kiosk:k9", "add-site", "norte"),
            ("kiosk:k9", "bind-site", "k9"),
            ("cli", "revoke-kiosk", "k1"),
        ]
        assert all(r["at_utc"].endswith("Z") for r in store.audit_rows())
    finally:
        server.stop()
        store.close()
