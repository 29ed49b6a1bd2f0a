"""The reference endpoint as a plain WSGI application (PEP 3333; no framework needed for
four routes). Served by waitress in production (``kiosk endpoint``), by anything in tests.

Routes: ``POST /v1/answers``, ``POST /v1/alerts``, ``GET /v1/kiosks``, ``GET /v1/export``.
Every route needs ``Authorization: Bearer <token>``; a token bound to a kiosk may only post
for that kiosk, and only unbound (owner) tokens may read ``/v1/kiosks`` and ``/v1/export``.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from kiosk.core.answer import Category
from kiosk.endpoint import validate
from kiosk.endpoint.export import export_csv, export_json, export_xlsx
from kiosk.endpoint.validate import BadRequest
from kiosk.store.central import CentralStore
from kiosk.store.database import StoreError

log = logging.getLogger("kiosk.endpoint")

MAX_BODY_BYTES = 4 * 1024 * 1024
StartResponse = Callable[..., Any]


@dataclass(frozen=True)
class Token:
    value: str = field(repr=False)  # a token must not reach a log line through a repr
    kiosk_id: str | None = None  # None: an owner's token, good for every kiosk and for reading


def load_tokens(path: Path | str) -> list[Token]:
    """Tokens file: one token per line, optionally followed by the kiosk id it is bound to.

    Blank lines and lines starting with ``#`` are ignored.
    """
    tokens = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        if len(parts) > 2:
            raise ValueError(f"{path}:{number}: expected 'token' or 'token kiosk-id'")
        tokens.append(Token(parts[0], parts[1] if len(parts) == 2 else None))
    if not tokens:
        raise ValueError(f"{path}: no tokens")
    return tokens


@dataclass(frozen=True)
class KioskPost:
    """A kiosk's POST that passed the shared checks."""

    body: dict[str, Any]
    kiosk: dict[str, str]
    received: datetime
    skew_seconds: float


class HttpError(Exception):
    def __init__(self, status: int, message: str, headers: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.headers = list(headers)


_REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
            404: "Not Found", 405: "Method Not Allowed", 409: "Conflict",
            411: "Length Required", 413: "Content Too Large", 415: "Unsupported Media Type",
            500: "Internal Server Error", 503: "Service Unavailable"}


class EndpointApp:
    """The WSGI callable. ``now`` is injectable so tests can check the clock skew."""

    def __init__(
        self,
        store: CentralStore,
        tokens: Iterable[Token],
        *,
        max_body_bytes: int = MAX_BODY_BYTES,
        now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
    ) -> None:
        self.store = store
        self.tokens = list(tokens)
        self.max_body_bytes = max_body_bytes
        self.now = now

    def __call__(self, environ: Mapping[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "")
        routes = {
            "/v1/answers": ("POST", self.post_answers),
            "/v1/alerts": ("POST", self.post_alert),
            "/v1/kiosks": ("GET", self.get_kiosks),
            "/v1/export": ("GET", self.get_export),
        }
        try:
            if path not in routes:
                raise HttpError(404, f"no such path: {path}")
            wanted, handler = routes[path]
            if method != wanted:
                raise HttpError(405, f"use {wanted}", [("Allow", wanted)])
            token = self._authenticate(environ)
            return handler(environ, start_response, token)
        except HttpError as exc:
            if exc.status >= 500 or exc.status in (401, 403):
                log.warning("%s %s -> %d %s", method, path, exc.status, exc)
            return _json(start_response, exc.status, {"error": str(exc)}, exc.headers)
        except StoreError as exc:
            log.error("%s %s: store failed: %s", method, path, exc)
            return _json(start_response, 503, {"error": "storage unavailable"},
                         [("Retry-After", "30")])

    # --- checks ------------------------------------------------------------------------------

    def _authenticate(self, environ: Mapping[str, Any]) -> Token:
        header = environ.get("HTTP_AUTHORIZATION", "")
        scheme, _, value = header.partition(" ")
        challenge = [("WWW-Authenticate", 'Bearer realm="kiosk"')]
        if scheme.lower() != "bearer" or not value.strip():
            raise HttpError(401, "missing bearer token", challenge)
        value = value.strip().encode()
        found = None
        for token in self.tokens:  # compare with every token, in constant time each
            if hmac.compare_digest(token.value.encode(), value):
                found = token
        if found is None:
            raise HttpError(401, "unknown token", challenge)
        return found

    def _read_body(self, environ: Mapping[str, Any]) -> bytes:
        length_text = environ.get("CONTENT_LENGTH") or ""
        stream = environ["wsgi.input"]
        if length_text:
            try:
                length = int(length_text)
            except ValueError as exc:
                raise HttpError(400, "bad Content-Length") from exc
            if length > self.max_body_bytes:
                # Refused before reading: a 10 MB body costs us nothing.
                raise HttpError(413, f"body larger than {self.max_body_bytes} bytes")
            raw = stream.read(length)
        else:
            raw = stream.read(self.max_body_bytes + 1)
            if len(raw) > self.max_body_bytes:
                raise HttpError(413, f"body larger than {self.max_body_bytes} bytes")
        content_type = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            raise HttpError(415, "Content-Type must be application/json")
        return raw

    @staticmethod
    def _check_binding(token: Token, kiosk: Mapping[str, str]) -> None:
        if token.kiosk_id is not None and token.kiosk_id != kiosk["id"]:
            raise HttpError(403, "this token belongs to another kiosk")

    def _kiosk_post(self, environ: Mapping[str, Any], token: Token) -> KioskPost:
        """The checks every kiosk POST shares: body, kiosk block, token binding, clock skew."""
        raw = self._read_body(environ)
        try:
            body = validate.parse_json(raw)
            kiosk = validate.kiosk_block(body)
            self._check_binding(token, kiosk)
            received = self.now()
            skew_seconds = (validate.sent_at(body) - received).total_seconds()
        except BadRequest as exc:
            raise HttpError(400, str(exc)) from exc
        return KioskPost(body, kiosk, received, skew_seconds)

    # --- routes ------------------------------------------------------------------------------

    def post_answers(self, environ: Mapping[str, Any], start_response: StartResponse,
                     token: Token) -> Iterable[bytes]:
        post = self._kiosk_post(environ, token)
        kiosk = post.kiosk
        try:
            entries = validate.answers_list(post.body)
            good, rejected = [], []
            for index, entry in enumerate(entries):
                answer_id = validate.answer_id(entry, f"answers[{index}]")
                problem = validate.answer_problem(entry)
                if problem is None:
                    good.append(entry)
                else:
                    rejected.append({"id": answer_id, "error": problem})
        except BadRequest as exc:
            raise HttpError(400, str(exc)) from exc
        outcome = self.store.store_answers(kiosk, good, post.received, post.skew_seconds)
        reply: dict[str, Any] = {"stored": outcome.stored, "rejected": rejected}
        if rejected:
            log.info("kiosk %s: %d answer(s) rejected", kiosk["id"], len(rejected))
        if outcome.conflicts:
            log.warning("kiosk %s: %d conflicting answer(s)", kiosk["id"], len(outcome.conflicts))
            reply = {"error": "an answer with the same id and different content is held",
                     "conflicts": outcome.conflicts, **reply}
            return _json(start_response, 409, reply)
        return _json(start_response, 200, reply)

    def post_alert(self, environ: Mapping[str, Any], start_response: StartResponse,
                   token: Token) -> Iterable[bytes]:
        post = self._kiosk_post(environ, token)
        kiosk = post.kiosk
        answer = post.body.get("answer")
        try:
            answer_id = validate.answer_id(answer, "'answer'")
        except BadRequest as exc:
            raise HttpError(400, str(exc)) from exc
        problem = validate.answer_problem(answer)
        if problem is None and answer["category"] != Category.DETRACTOR.value:
            problem = "alerts are for detractors (scores 0-6)"
        if problem is not None:
            return _json(start_response, 200,
                         {"stored": [], "rejected": [{"id": answer_id, "error": problem}]})
        if self.store.store_alert(kiosk, answer, post.received, post.skew_seconds):
            log.warning("DETRACTOR ALERT: kiosk %s (%s) score %s", kiosk["id"], kiosk["site"],
                        answer["score"])
        return _json(start_response, 200, {"stored": [answer_id], "rejected": []})

    def _owner_only(self, token: Token) -> None:
        if token.kiosk_id is not None:
            raise HttpError(403, "a kiosk's token cannot read the central data")

    def get_kiosks(self, environ: Mapping[str, Any], start_response: StartResponse,
                   token: Token) -> Iterable[bytes]:
        self._owner_only(token)
        kiosks = [k.as_dict() for k in self.store.kiosks()]
        return _json(start_response, 200, {"kiosks": kiosks})

    def get_export(self, environ: Mapping[str, Any], start_response: StartResponse,
                   token: Token) -> Iterable[bytes]:
        self._owner_only(token)
        query = parse_qs(environ.get("QUERY_STRING", ""))
        fmt = (query.get("format") or ["json"])[0]
        if fmt == "csv":
            start_response("200 OK", [("Content-Type", "text/csv; charset=utf-8"),
                                      ("Content-Disposition", 'attachment; filename="answers.csv"')])
            return _encoded(export_csv(self.store.iter_answers()))
        if fmt == "json":
            start_response("200 OK", [("Content-Type", "application/json")])
            return _encoded(export_json(self.store.iter_answers()))
        if fmt == "xlsx":
            start_response("200 OK", [
                ("Content-Type", XLSX_TYPE),
                ("Content-Disposition", 'attachment; filename="answers.xlsx"'),
            ])
            return export_xlsx(self.store.iter_answers())
        raise HttpError(400, "format must be csv, xlsx or json")


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _encoded(chunks: Iterable[str]) -> Iterator[bytes]:
    for chunk in chunks:
        yield chunk.encode("utf-8")


def _json(start_response: StartResponse, status: int, body: Mapping[str, Any],
          headers: Iterable[tuple[str, str]] = ()) -> list[bytes]:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    start_response(
        f"{status} {_REASONS.get(status, 'Error')}",
        [("Content-Type", "application/json"), ("Content-Length", str(len(data))), *headers],
    )
    return [data]
