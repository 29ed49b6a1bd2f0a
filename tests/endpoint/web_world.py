"""A small chain for the web pages' tests: 2 areas, 3 sites, managers of every role."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta, timezone

from kiosk.endpoint.app import create_app
from kiosk.endpoint.config import EndpointConfig
from kiosk.endpoint.store.service import CentralStore
from kiosk.endpoint.web.i18n import compile_catalogs

compile_catalogs()  # the .mo are built, never committed (as the kiosk's .qm)

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=timezone.utc)
PASSWORD = "correct horse battery"
USERS = (
    ("admin", "admin", None),
    ("area", "area", "Sur"),
    ("site", "site", "centro"),
    ("other-site", "site", "monte"),
)


def answer(seq: int, score: int, when: datetime, **extra) -> dict:
    category = "detractor" if score <= 6 else "passive" if score <= 8 else "promoter"
    local = when.astimezone(timezone(timedelta(hours=-3)))
    return {
        "id": str(uuid.uuid4()),
        "seq": seq,
        "created_at": local.isoformat(),
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


def alert(
    store: CentralStore, code: str, seq: int, score: int = 2, comment: str = "Slow", received=NOW
) -> dict:
    """A detractor alert from the site's kiosk, as ingest stores it (a case opens)."""
    sent = answer(seq, score, received - timedelta(minutes=1), comment=comment)
    assert store.store_alert(
        {"id": f"k-{code}", "site": code, "app_version": "1.0"}, sent, received, 0.0
    )
    return sent


def build(url: str, scores: dict[str, list[int]] | None = None) -> CentralStore:
    store = CentralStore.open(url)
    store.change("add-area", "t", "Sur")
    store.change("add-area", "t", "Norte")
    for code, area in (("centro", "Sur"), ("playa", "Sur"), ("monte", "Norte")):
        store.change("add-site", "t", code, area, code.capitalize())
        store.change("add-kiosk", "t", f"k-{code}", code)
    for name, role, scope in USERS:
        store.change("add-user", "t", name, role, scope, PASSWORD)
    for code, values in (scores or {}).items():
        batch = [
            answer(i + 1, s, NOW - timedelta(days=i % 20, hours=1)) for i, s in enumerate(values)
        ]
        store.store_answers(
            {"id": f"k-{code}", "site": code, "app_version": "1.0"}, batch, NOW, 0.0
        )
    return store


def app_for(url: str, store: CentralStore, now=lambda: NOW):
    app = create_app(EndpointConfig(db=url), store, now=now)
    app.config["TESTING"] = True
    return app


def csrf(client, path: str = "/web/login") -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def log_in(client, name: str, password: str = PASSWORD):
    return client.post(
        "/web/login", data={"name": name, "password": password, "csrf_token": csrf(client)}
    )


def web_client(app, language: str = "en"):
    """A test client whose browser asks for ``language``."""
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    return client
