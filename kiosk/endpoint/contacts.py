"""``POST /v1/contacts``: a guest's call-back request from a kiosk (docs/sync-protocol.md).

Token-bound like alerts: only a kiosk's own token posts, as itself. The contact is personal
data: no log line, no error text and no export names any part of it (a refusal says which
field is wrong, never what it held).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from flask import Blueprint

from kiosk.core.answer import iso_utc
from kiosk.core.contact import (
    CONSENT_MAX_LENGTH,
    NAME_MAX_LENGTH,
    REACH_MAX_LENGTH,
    InvalidContact,
    check_contact,
)
from kiosk.core.languages import SUPPORTED_LANGUAGES
from kiosk.endpoint import validate
from kiosk.endpoint.auth import KIOSK, allow, principal, store
from kiosk.endpoint.errors import HttpError
from kiosk.endpoint.ingest import kiosk_post
from kiosk.endpoint.replies import json_reply
from kiosk.endpoint.store import contacts
from kiosk.endpoint.validate import BadRequest

log = logging.getLogger("kiosk.endpoint")

blueprint = Blueprint("contacts", __name__)

RETENTION_MAX_DAYS = 365


def _text(contact: dict[str, Any], key: str, longest: int) -> str:
    value = contact.get(key)
    if not isinstance(value, str) or not value.strip() or len(value) > longest:
        raise ValueError(f"'{key}' must be a text of 1 to {longest} characters")
    return value


def contact_problem(contact: dict[str, Any], received: datetime) -> str | None:
    """Why this contact cannot be kept (never quoting it), or None when it is fine."""
    try:
        name = _text(contact, "name", NAME_MAX_LENGTH)
        reach = _text(contact, "reach", REACH_MAX_LENGTH)
        _text(contact, "consent_text", CONSENT_MAX_LENGTH)
        try:
            _, _, kind = check_contact(name, reach)
        except InvalidContact:
            raise ValueError("'reach' is neither a phone number nor an e-mail address") from None
        if contact.get("reach_kind") != kind.value:
            raise ValueError("'reach_kind' does not fit 'reach'")
        if contact.get("language") not in SUPPORTED_LANGUAGES:
            raise ValueError(f"'language' must be one of {', '.join(SUPPORTED_LANGUAGES)}")
        validate.plausible_time(contact.get("consented_at"), "'consented_at'", received)
        days = contact.get("retention_days")
        if (
            isinstance(days, bool)
            or not isinstance(days, int)
            or not 1 <= days <= RETENTION_MAX_DAYS
        ):
            raise ValueError(
                f"'retention_days' must be a whole number from 1 to {RETENTION_MAX_DAYS}"
            )
    except ValueError as exc:
        return str(exc)
    return None


@blueprint.post("/v1/contacts")
@allow(KIOSK)
def post_contact() -> Any:
    post = kiosk_post()
    kiosk = post.kiosk
    contact = post.body.get("contact")
    if not isinstance(contact, dict):
        raise HttpError(400, "'contact' must be an object")
    try:
        answer_id = validate.answer_id({"id": contact.get("answer_id")}, "'contact'")
    except BadRequest as exc:
        raise HttpError(400, str(exc)) from exc
    problem = contact_problem(contact, post.received)
    if problem is not None:
        return json_reply(200, {"stored": [], "rejected": [{"id": answer_id, "error": problem}]})
    who = principal()
    assert who.kiosk is not None
    consented = validate.parse_timestamp(contact["consented_at"], "'consented_at'")
    normal = {
        **contact,
        "answer_id": validate.normal_id(answer_id),
        "consented_utc": iso_utc(consented),
    }
    if contacts.ingest_contact(
        store().engine,
        who.kiosk,
        kiosk["site"],
        kiosk["app_version"],
        normal,
        iso_utc(post.received),
        post.skew_seconds,
    ):
        log.info("kiosk %s: a guest asked to be contacted", kiosk["id"])
    return json_reply(200, {"stored": [answer_id], "rejected": []})
