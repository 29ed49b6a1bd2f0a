"""The sync protocol's bodies (see ``docs/sync-protocol.md``): built here, checked here.

A reply is validated strictly: a ``200`` whose body is not exactly the documented shape is
a failure to retry, never a reason to mark anything delivered.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from kiosk.core.answer import Answer, iso_utc
from kiosk.core.contact import Contact

ANSWERS_PATH = "/v1/answers"
ALERTS_PATH = "/v1/alerts"
CONTACTS_PATH = "/v1/contacts"
PROTOCOL_VERSION = 1


class ProtocolError(ValueError):
    """A reply that does not follow the protocol."""


def kiosk_block(
    kiosk_id: str, site: str, app_version: str, config_version: str = ""
) -> dict[str, str]:
    """Who is talking; ``config_version``: the central configuration it runs with (its ETag;
    left out while it runs on none)."""
    block = {"id": kiosk_id, "site": site, "app_version": app_version}
    if config_version:
        block["config_version"] = config_version
    return block


def answer_to_wire(answer: Answer) -> dict[str, Any]:
    """An answer as sent: ``created_at`` in the kiosk's local time with its UTC offset.

    The same answer always gives the same dict (the endpoint compares content to detect
    conflicts), which holds because a complete answer is immutable in the store.
    """
    return {
        "id": answer.id,
        "seq": answer.seq,
        "created_at": answer.local_time.isoformat(timespec="microseconds"),
        "score": answer.score,
        "category": answer.category.value,
        "reasons": list(answer.reasons),
        "comment": answer.comment,
        "language": answer.language,
        "flags": list(answer.flags),
        "completion": answer.completion.value if answer.completion else None,
        "app_version": answer.app_version,
    }


def _sent_at(now: datetime | None) -> str:
    return iso_utc(now or datetime.now(timezone.utc))


def answers_body(
    kiosk: Mapping[str, str], answers: Iterable[Answer], now: datetime | None = None
) -> dict[str, Any]:
    return {
        "kiosk": dict(kiosk),
        "answers": [answer_to_wire(a) for a in answers],
        "sent_at": _sent_at(now),
    }


def alert_body(
    kiosk: Mapping[str, str], answer: Answer, now: datetime | None = None
) -> dict[str, Any]:
    return {"kiosk": dict(kiosk), "answer": answer_to_wire(answer), "sent_at": _sent_at(now)}


def contact_body(
    kiosk: Mapping[str, str], contact: Contact, retention_days: int, now: datetime | None = None
) -> dict[str, Any]:
    """A guest's call-back request (``POST /v1/contacts``), idempotent by answer id. The
    consent text travels exactly as the guest saw it, with its language and time, and the
    days the guest was promised (the endpoint's own retention must not be longer)."""
    return {
        "kiosk": dict(kiosk),
        "contact": {
            "answer_id": contact.answer_id,
            "name": contact.name,
            "reach": contact.reach,
            "reach_kind": contact.reach_kind.value,
            "consent_text": contact.consent_text,
            "language": contact.language,
            "consented_at": iso_utc(contact.consented_utc),
            "retention_days": retention_days,
        },
        "sent_at": _sent_at(now),
    }


def encode(body: Mapping[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Reply:
    """A parsed ``200`` (or ``409``) reply: which ids were stored, which refused and why."""

    stored: frozenset[str]
    rejected: Mapping[str, str] = field(default_factory=dict)
    conflicts: frozenset[str] = frozenset()


def _ids(value: Any, name: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ProtocolError(f"'{name}' must be a list of ids")
    return value


def parse_reply(raw: bytes, *, conflict: bool = False) -> Reply:
    """Parse a reply body; raise :class:`ProtocolError` unless it has the documented shape.

    ``{"stored": [id...], "rejected": [{"id": id, "error": text}...]}``; a 409 body also has
    ``"conflicts": [id...]``. Unknown extra keys are allowed (forward compatibility).
    """
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ProtocolError("reply is not JSON") from exc
    if not isinstance(body, dict):
        raise ProtocolError("reply is not a JSON object")
    if "stored" not in body or "rejected" not in body:
        raise ProtocolError("reply lacks 'stored' or 'rejected'")
    stored = _ids(body["stored"], "stored")
    rejected_list = body["rejected"]
    if not isinstance(rejected_list, list):
        raise ProtocolError("'rejected' must be a list")
    rejected: dict[str, str] = {}
    for item in rejected_list:
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("id"), str)
            or not isinstance(item.get("error"), str)
        ):
            raise ProtocolError('each \'rejected\' item must be {"id": ..., "error": ...}')
        rejected[item["id"]] = item["error"]
    conflicts: list[str] = []
    if conflict:
        conflicts = _ids(body.get("conflicts"), "conflicts")
    overlap = (set(stored) & set(rejected)) | (set(conflicts) & (set(stored) | set(rejected)))
    if overlap:
        raise ProtocolError("an id is both stored and refused")
    return Reply(frozenset(stored), rejected, frozenset(conflicts))
