"""The central service as a Flask application: ``create_app(config, store)``.

Blueprints: ``ingest`` (``POST /v1/answers``, ``POST /v1/alerts``: the kiosks' protocol,
docs/sync-protocol.md) and ``api`` (``GET /v1/kiosks``, ``/v1/export``, ``/v1/api/...``: the
managers' side, docs/openapi.yaml). The store is passed in, never a module-level handle, and
the web tier keeps no state of its own, so several processes can serve one database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timezone

from flask import Flask
from sqlalchemy.exc import DBAPIError
from werkzeug.exceptions import HTTPException

from kiosk.endpoint import api, config_api, contacts, ingest, web
from kiosk.endpoint.config import EndpointConfig
from kiosk.endpoint.errors import HttpError
from kiosk.endpoint.replies import json_reply
from kiosk.endpoint.store.service import CentralStore

log = logging.getLogger("kiosk.endpoint")


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def create_app(
    config: EndpointConfig, store: CentralStore, *, now: Callable[[], datetime] = _utc_now
) -> Flask:
    """The WSGI application for ``config``, on ``store``; ``now`` is injectable for tests."""
    app = Flask("kiosk.endpoint", static_folder=None)
    app.config.update(
        MAX_CONTENT_LENGTH=config.max_body_bytes,
        CENTRAL_NOW=now,
        CENTRAL_HEALTH=config.health,
        JSON_SORT_KEYS=False,
    )
    app.extensions["central_store"] = store
    app.register_blueprint(ingest.blueprint)
    app.register_blueprint(api.blueprint)
    web.register(app, store)  # the managers' pages (kiosk/endpoint/web)
    app.register_blueprint(config_api.blueprint)
    app.register_blueprint(contacts.blueprint)  # POST /v1/contacts (call-back requests)

    @app.errorhandler(HttpError)
    def _refused(exc: HttpError):  # type: ignore[no-untyped-def]
        if exc.status in (401, 403) or exc.status >= 500:
            log.warning("-> %d %s", exc.status, exc)
        return json_reply(exc.status, {"error": str(exc)}, exc.headers)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):  # type: ignore[no-untyped-def]
        status = exc.code or 500
        messages = {
            404: "no such path",
            405: "method not allowed",
            413: f"body larger than {config.max_body_bytes} bytes",
        }
        headers = (
            [("Allow", ", ".join(sorted(set(exc.valid_methods) - {"HEAD", "OPTIONS"})))]
            if getattr(exc, "valid_methods", None)
            else []
        )
        return json_reply(
            status, {"error": messages.get(status, exc.description or exc.name)}, headers
        )

    @app.errorhandler(DBAPIError)
    def _store_failed(exc: DBAPIError):  # type: ignore[no-untyped-def]
        log.error("store failed: %s", exc.__class__.__name__)
        return json_reply(503, {"error": "storage unavailable"}, [("Retry-After", "30")])

    @app.errorhandler(Exception)
    def _bug(exc: Exception):  # type: ignore[no-untyped-def]
        log.exception("unexpected error")
        return json_reply(500, {"error": "internal error"})

    return app
