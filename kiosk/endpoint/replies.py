"""JSON replies with an explicit length (a kiosk reads at most 1 MB of a reply)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from flask import Response


def json_reply(
    status: int, body: Mapping[str, Any], headers: Iterable[tuple[str, str]] = ()
) -> Response:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    response = Response(data, status=status, mimetype="application/json")
    for name, value in headers:
        response.headers[name] = value
    return response
