"""Checks of request bodies at the JSON Schema level (``docs/schemas/*.json``), by hand.

An envelope that is not right (not JSON, no kiosk, answers not a list, an answer without an
id) makes the whole request a ``400`` and nothing is stored. An answer that has an id but a
wrong field (a score of 11, a category that does not fit the score) is refused on its own and
listed in ``rejected``.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime
from typing import Any

from kiosk.core.answer import Category

MAX_ANSWERS_PER_REQUEST = 5000
_KIOSK_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
ANSWER_KEYS = {
    "id", "seq", "created_at", "score", "category", "reasons", "comment", "language", "flags",
    "completion", "app_version",
}
REQUIRED_ANSWER_KEYS = {"id", "seq", "created_at", "score", "category", "language"}
COMPLETIONS = (None, "sent", "skipped", "timeout")


class BadRequest(ValueError):
    """The request as a whole is malformed: 400, nothing stored."""


def parse_json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise BadRequest("the body is not UTF-8") from exc
    except ValueError as exc:
        raise BadRequest(f"the body is not valid JSON: {exc}") from exc


def parse_timestamp(value: Any, name: str) -> datetime:
    """ISO 8601 with a date, a time and a UTC offset (``Z`` or ``+hh:mm``)."""
    if not isinstance(value, str) or "T" not in value or len(value) > 40:
        raise ValueError(f"{name} must be an ISO 8601 date-time with an offset")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"{name} must be an ISO 8601 date-time with an offset") from exc
    if moment.tzinfo is None:
        raise ValueError(f"{name} must carry a UTC offset")
    return moment


def kiosk_block(body: Any) -> dict[str, str]:
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object")
    kiosk = body.get("kiosk")
    if not isinstance(kiosk, dict):
        raise BadRequest("'kiosk' must be an object with id, site and app_version")
    for key in ("id", "site", "app_version"):
        if not isinstance(kiosk.get(key), str) or not kiosk[key] or len(kiosk[key]) > 200:
            raise BadRequest(f"'kiosk.{key}' must be a non-empty string")
    if not _KIOSK_ID.match(kiosk["id"]):
        raise BadRequest("'kiosk.id' must be 1-64 letters, digits, '.', '_' or '-'")
    return {"id": kiosk["id"], "site": kiosk["site"], "app_version": kiosk["app_version"]}


def sent_at(body: dict[str, Any]) -> datetime:
    try:
        return parse_timestamp(body.get("sent_at"), "'sent_at'")
    except ValueError as exc:
        raise BadRequest(str(exc)) from exc


def answer_id(answer: Any, where: str) -> str:
    """The id of an answer entry, or :class:`BadRequest` when it cannot even be named."""
    if not isinstance(answer, dict):
        raise BadRequest(f"{where} must be an object")
    value = answer.get("id")
    if not isinstance(value, str) or not value or len(value) > 100:
        raise BadRequest(f"{where} has no id")
    return value


def answer_problem(answer: dict[str, Any]) -> str | None:
    """Why this answer cannot be stored, or None when it is fine."""
    try:
        _check_answer(answer)
    except ValueError as exc:
        return str(exc)
    return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _string_list(value: Any, name: str, max_items: int, max_length: int) -> None:
    if not isinstance(value, list) or len(value) > max_items:
        raise ValueError(f"{name} must be a list of at most {max_items} strings")
    for item in value:
        if not isinstance(item, str) or not item or len(item) > max_length:
            raise ValueError(f"{name} must hold strings of 1-{max_length} characters")


def _check_answer(answer: dict[str, Any]) -> None:
    unknown = set(answer) - ANSWER_KEYS
    if unknown:
        raise ValueError(f"unknown field {sorted(unknown)[0]!r}")
    missing = REQUIRED_ANSWER_KEYS - set(answer)
    if missing:
        raise ValueError(f"missing field {sorted(missing)[0]!r}")
    try:
        parsed = uuid.UUID(answer["id"])
    except ValueError as exc:
        raise ValueError("id must be a UUID") from exc
    if str(parsed) != answer["id"].lower():
        raise ValueError("id must be a UUID in its usual 8-4-4-4-12 form")
    if not _is_int(answer["seq"]) or answer["seq"] < 1:
        raise ValueError("seq must be a whole number from 1")
    parse_timestamp(answer["created_at"], "created_at")
    score = answer["score"]
    if not _is_int(score) or not 0 <= score <= 10:
        raise ValueError("score must be a whole number from 0 to 10")
    if answer["category"] != Category.of(score).value:
        raise ValueError(f"category must be {Category.of(score).value!r} for a score of {score}")
    _string_list(answer.get("reasons", []), "reasons", 20, 64)
    _string_list(answer.get("flags", []), "flags", 20, 64)
    comment = answer.get("comment", "")
    if not isinstance(comment, str) or len(comment) > 2000:
        raise ValueError("comment must be a string of at most 2000 characters")
    language = answer["language"]
    if not isinstance(language, str) or not _LANGUAGE.match(language):
        raise ValueError("language must be a language code like 'es' or 'en'")
    if answer.get("completion") not in COMPLETIONS:
        raise ValueError("completion must be null, 'sent', 'skipped' or 'timeout'")
    version = answer.get("app_version", "")
    if not isinstance(version, str) or len(version) > 50:
        raise ValueError("app_version must be a string of at most 50 characters")


def answers_list(body: dict[str, Any]) -> list[Any]:
    answers = body.get("answers")
    if not isinstance(answers, list):
        raise BadRequest("'answers' must be a list")
    if len(answers) > MAX_ANSWERS_PER_REQUEST:
        raise BadRequest(f"at most {MAX_ANSWERS_PER_REQUEST} answers per request")
    return answers
