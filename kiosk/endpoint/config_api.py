"""``GET /v1/config``: the central configuration a kiosk runs with (docs/sync-protocol.md).

Only a kiosk's own token; it gets its area's, site's and own layers merged. The ``ETag`` is
the merged document's version: a kiosk sends it back in ``If-None-Match`` and gets a 304
with no body while nothing changed, so the check each sync costs one small request.
"""

from __future__ import annotations

from flask import Blueprint, Response, request

from kiosk.endpoint.auth import KIOSK, allow, principal, store
from kiosk.endpoint.replies import json_reply
from kiosk.endpoint.store import config_layers
from kiosk.endpoint.store.engine import reading

blueprint = Blueprint("config_api", __name__)

CONFIG_PATH = "/v1/config"


@blueprint.get(CONFIG_PATH)
@allow(KIOSK)
def kiosk_config():  # type: ignore[no-untyped-def]
    who = principal()
    with reading(store().engine) as conn:
        found = config_layers.for_kiosk(conn, who.name)
    etag = f'"{found.version}"'
    if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        return Response(status=304, headers={"ETag": etag})
    return json_reply(
        200,
        {"version": found.version, "scopes": list(found.scopes), "config": found.document},
        [("ETag", etag)],
    )
