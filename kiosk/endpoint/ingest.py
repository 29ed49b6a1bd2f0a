"""The kiosks' side: ``POST /v1/answers`` and ``POST /v1/alerts`` (docs/sync-protocol.md).

Only a kiosk's own token may post, and only as itself: the body's ``kiosk.id`` must be the
token's kiosk and ``kiosk.site`` its registered site.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import Blueprint, current_app, request

from kiosk.core.answer import Category
from kiosk.endpoint import validate
from kiosk.endpoint.auth import KIOSK, Principal, allow, principal, store
from kiosk.endpoint.errors import HttpError
from kiosk.endpoint.replies import json_reply
from kiosk.endpoint.validate import BadRequest

log = logging.getLogger("kiosk.endpoint")

blueprint = Blueprint("ingest", __name__)


@dataclass(frozen=True)
class KioskPost:
    """A kiosk's POST that passed the shared checks."""

    body: dict[str, Any]
    kiosk: dict[str, str]
    received: datetime
    skew_seconds: float


def read_body() -> bytes:
    raw = request.get_data(cache=False)  # beyond MAX_CONTENT_LENGTH: 413, unread
    if request.mimetype != "application/json":
        raise HttpError(415, "Content-Type must be application/json")
    return raw


def _check_binding(who: Principal, kiosk: dict[str, str]) -> None:
    identity = who.kiosk
    assert identity is not None
    if kiosk["id"] != identity.kiosk_id:
        raise HttpError(
            403, f"this token belongs to kiosk {identity.kiosk_id!r}, not {kiosk['id']!r}"
        )
    if identity.site_code is not None and kiosk["site"] != identity.site_code:
        raise HttpError(
            403,
            f"kiosk {identity.kiosk_id!r} is registered at site"
            f" {identity.site_code!r}, not {kiosk['site']!r}",
        )


def kiosk_post() -> KioskPost:
    """The checks every kiosk POST shares: body, kiosk block, token binding, clock skew."""
    raw = read_body()
    try:
        body = validate.parse_json(raw)
        kiosk = validate.kiosk_block(body)
        _check_binding(principal(), kiosk)
        received = current_app.config["CENTRAL_NOW"]()
        skew_seconds = (validate.sent_at(body) - received).total_seconds()
    except BadRequest as exc:
        raise HttpError(400, str(exc)) from exc
    if kiosk["config_version"]:
        store().note_config_version(kiosk["id"], kiosk["config_version"])
    return KioskPost(body, kiosk, received, skew_seconds)


@blueprint.post("/v1/answers")
@allow(KIOSK)
def post_answers() -> Any:
    post = kiosk_post()
    kiosk = post.kiosk
    good: list[dict[str, Any]] = []
    rejected: list[dict[str, str]] = []
    seen: set[str] = set()
    try:
        entries = validate.answers_list(post.body)
        for index, entry in enumerate(entries):
            answer_id = validate.answer_id(entry, f"answers[{index}]")
            normal = validate.normal_id(answer_id)
            if normal in seen:
                raise BadRequest(f"answers[{index}]: the id {answer_id!r} is twice in one request")
            seen.add(normal)
            problem = validate.answer_problem(entry, post.received)
            if problem is None:
                good.append({**entry, "id": normal, "sent_id": answer_id})
            else:
                rejected.append({"id": answer_id, "error": problem})
    except BadRequest as exc:
        raise HttpError(400, str(exc)) from exc
    who = principal()
    assert who.kiosk is not None
    outcome = store().ingest_answers(
        who.kiosk, kiosk["site"], kiosk["app_version"], good, post.received, post.skew_seconds
    )
    reply: dict[str, Any] = {"stored": outcome.stored, "rejected": rejected}
    if rejected:
        log.info("kiosk %s: %d answer(s) rejected", kiosk["id"], len(rejected))
    if outcome.conflicts:
        log.warning("kiosk %s: %d conflicting answer(s)", kiosk["id"], len(outcome.conflicts))
        reply = {
            "error": "an answer with the same id and different content, or another answer"
            " with the same seq, is held",
            "conflicts": list(outcome.conflicts),
            "conflict_reasons": outcome.conflicts,
            **reply,
        }
        return json_reply(409, reply)
    return json_reply(200, reply)


@blueprint.post("/v1/alerts")
@allow(KIOSK)
def post_alert() -> Any:
    post = kiosk_post()
    kiosk = post.kiosk
    answer = post.body.get("answer")
    try:
        answer_id = validate.answer_id(answer, "'answer'")
    except BadRequest as exc:
        raise HttpError(400, str(exc)) from exc
    problem = validate.answer_problem(answer, post.received)
    if problem is None and answer["category"] != Category.DETRACTOR.value:
        problem = "alerts are for detractors (scores 0-6)"
    if problem is not None:
        return json_reply(200, {"stored": [], "rejected": [{"id": answer_id, "error": problem}]})
    who = principal()
    assert who.kiosk is not None
    normal = {**answer, "id": validate.normal_id(answer_id)}
    if store().ingest_alert(
        who.kiosk, kiosk["site"], kiosk["app_version"], normal, post.received, post.skew_seconds
    ):
        log.warning(
            "DETRACTOR ALERT: kiosk %s (%s) score %s", kiosk["id"], kiosk["site"], answer["score"]
        )
    return json_reply(200, {"stored": [answer_id], "rejected": []})
