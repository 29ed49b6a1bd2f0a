"""The kiosk's identity as IT scans it from the admin area: which kiosk, where, which
version, which endpoint. Never the token (nor anything else secret)."""

from __future__ import annotations

import json

IDENTITY_KIND = "counter-kiosk"  # says what the scanned text is


def identity_text(kiosk_id: str, site: str, app_version: str, endpoint: str) -> str:
    """Compact JSON with exactly these four facts (and what it is)."""
    return json.dumps(
        {
            "kind": IDENTITY_KIND,
            "kiosk": kiosk_id,
            "site": site,
            "version": app_version,
            "endpoint": endpoint,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
