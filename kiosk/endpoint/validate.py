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
from datetime import datetime, timedelta, timezone
from typing import Any

from kiosk.core.answer import Category

MAX_ANSWERS_PER_REQUEST = 5000
MAX_DEPTH = 32  # a valid body nests 4 levels; JSON deeper than this is refused unread
# A billion answers per kiosk (27,000 a day for a century): larger is a bug, not a count.
MAX_SEQ = 10**9
EARLIEST = datetime(2020, 1, 1, tzinfo=timezone.utc)  # before the first kiosk shipped
LATEST_AHEAD = timedelta(days=2)  # a kiosk clock a little ahead is still believed
MAX_UTC_OFFSET = timedelta(hours=14)
_KIOSK_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# A UUID in its usual 8-4-4-4-12 form, either case (what str(uuid.UUID(...)) gives, lowered).
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
ANSWER_KEYS = {
    "id",
    "seq",
    "created_at",
    "score",
    "category",
    "reasons",
    "comment",
    "language",
    "flags",
    "completion",
    "app_version",
}
REQUIRED_ANSWER_KEYS = {"id", "seq", "created_at", "score", "category", "language"}
COMPLETIONS = (None, "sent", "skipped", "timeout")


class BadRequest(ValueError):
    """The request as a whole is malformed: 400, nothing stored."""


def parse_json(raw: bytes) -> Any:
    """The body as JSON, or :class:`BadRequest` with the reason: never an exception that
    would reach the client as a 500 (deep nesting, a lone surrogate, a huge number)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest("the body is not UTF-8") from exc
    _check_depth(text)
    try:
        body = json.loads(text)
    except RecursionError as exc:  # pragma: no cover - _check_depth refuses it first
        raise BadRequest(f"the body nests deeper than {MAX_DEPTH} levels") from exc
    except ValueError as exc:
        raise BadRequest(f"the body is not valid JSON: {exc}") from exc
    # A lone surrogate or a NUL can only come from a \\u escape: decoding UTF-8 refuses
    # surrogates, and the parser a raw control character. No escape, nothing to look for.
    if "\\u" in text:
        _check_text(body)
    return body


# A JSON string with its escapes (an unterminated one runs to the end: every quote starts a
# match, so one pass, never a scan again from inside a string), and what is no bracket.
_STRING = re.compile(r'"(?:[^"\\]++|\\.?)*+(?:"|\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before parsing (the parser recurses per level).

    Counting brackets outside strings is enough to bound the parser: inside a string they
    are skipped, and an unbalanced body is refused by the parser afterwards. The strings and
    everything else but brackets are cut out by the regular expression engine first, so
    only the brackets (a few per answer) are counted here one by one.
    """
    depth = 0
    for char in _NOT_BRACKET.sub("", _STRING.sub("", text)):
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise BadRequest(f"the body nests deeper than {MAX_DEPTH} levels")
        elif char in "]}":
            depth -= 1


def _check_text(body: Any) -> None:
    """Every string must be storable text: JSON's \\ud800 escapes make lone surrogates, and
    \\u0000 a NUL that PostgreSQL refuses (found by the property test)."""
    stack = [body]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            strings = (item,)
        elif isinstance(item, dict):
            strings = tuple(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
            continue
        else:
            continue
        for value in strings:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise BadRequest(
                    "the body holds text that is not valid Unicode"
                    " (a lone surrogate such as \\ud800)"
                ) from exc
            if "\x00" in value:  # PostgreSQL text cannot hold it; no kiosk sends it
                raise BadRequest("the body holds a NUL character (\\u0000) in a text")


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
    offset = moment.utcoffset()
    if offset is None or abs(offset) > MAX_UTC_OFFSET:
        raise ValueError(f"{name} has a UTC offset beyond 14 hours")
    return moment


def plausible_time(value: Any, name: str, received: datetime) -> datetime:
    """A timestamp inside the window an answer can really have been made in."""
    moment = parse_timestamp(value, name)
    if not EARLIEST <= moment <= received + LATEST_AHEAD:
        raise ValueError(
            f"{name} must lie between {EARLIEST.date()} and"
            f" {LATEST_AHEAD.days} days after now (kiosk clock wrong?)"
        )
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
    if not _KIOSK_ID.fullmatch(kiosk["id"]):
        raise BadRequest("'kiosk.id' must be 1-64 letters, digits, '.', '_' or '-'")
    version = kiosk.get("config_version", "")  # the central configuration it runs with
    if not isinstance(version, str) or not (version == "" or _KIOSK_ID.fullmatch(version)):
        raise BadRequest("'kiosk.config_version' must be the ETag of GET /v1/config, unquoted")
    return {
        "id": kiosk["id"],
        "site": kiosk["site"],
        "app_version": kiosk["app_version"],
        "config_version": version,
    }


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


def normal_id(value: str) -> str:
    """An answer id in its one spelling (lower case), so case variants are one answer."""
    return value.lower()


def answer_problem(answer: dict[str, Any], received: datetime) -> str | None:
    """Why this answer cannot be stored, or None when it is fine."""
    try:
        _check_answer(answer, received)
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


def _check_answer(answer: dict[str, Any], received: datetime) -> None:
    keys = answer.keys()
    unknown = keys - ANSWER_KEYS
    if unknown:
        raise ValueError(f"unknown field {sorted(unknown)[0]!r}")
    missing = REQUIRED_ANSWER_KEYS - keys
    if missing:
        raise ValueError(f"missing field {sorted(missing)[0]!r}")
    if not (isinstance(answer["id"], str) and _UUID.fullmatch(answer["id"])):
        try:  # not the usual form: which message
            parsed = uuid.UUID(answer["id"])
        except ValueError as exc:
            raise ValueError("id must be a UUID") from exc
        if str(parsed) != answer["id"].lower():
            raise ValueError("id must be a UUID in its usual 8-4-4-4-12 form")
    if not _is_int(answer["seq"]) or not 1 <= answer["seq"] <= MAX_SEQ:
        raise ValueError(f"seq must be a whole number from 1 to {MAX_SEQ}")
    plausible_time(answer["created_at"], "created_at", received)
    score = answer["score"]
    if not _is_int(score) or not 0 <= score <= 10:
        raise ValueError("score must be a whole number from 0 to 10")
    category = Category.of(score).value
    if answer["category"] != category:
        raise ValueError(f"category must be {category!r} for a score of {score}")
    _string_list(answer.get("reasons", []), "reasons", 20, 64)
    _string_list(answer.get("flags", []), "flags", 20, 64)
    comment = answer.get("comment", "")
    if not isinstance(comment, str) or len(comment) > 2000:
        raise ValueError("comment must be a string of at most 2000 characters")
    language = answer["language"]
    if not isinstance(language, str) or not _LANGUAGE.fullmatch(language):
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
