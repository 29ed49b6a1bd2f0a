"""The managers' side: kiosks' health, exports, and the numbers the web pages will show.

Every route declares its roles; a manager sees only the sites of their scope (an area
manager their area's sites, a site manager their site), and asking for another site's
numbers is a 403, never an empty answer.
"""

from __future__ import annotations

import logging
from collections.abc import Generator, Iterable, Iterator
from datetime import date
from typing import Any

from flask import Blueprint, Response, current_app, request

from kiosk.endpoint.auth import MANAGERS, allow, principal, store
from kiosk.endpoint.errors import HttpError
from kiosk.endpoint.export import XLSX_TYPE, export_csv, export_json, export_xlsx
from kiosk.endpoint.replies import json_reply

log = logging.getLogger("kiosk.endpoint")

blueprint = Blueprint("api", __name__)


def _flag(name: str) -> bool:
    return request.args.get(name, "").lower() in ("1", "true", "yes")


def selection() -> tuple[frozenset[int] | None, set[str] | None]:
    """``?area=&site=&kiosk=`` (each repeatable) within the principal's scope.

    Naming a site or kiosk outside the scope is a 403.
    """
    who = principal()
    areas, sites, kiosks = (request.args.getlist(k) for k in ("area", "site", "kiosk"))
    if not (areas or sites or kiosks):
        return who.site_ids, None
    site_ids, kiosk_ids = store().resolve(areas=areas, sites=sites, kiosks=kiosks)
    if site_ids is not None and who.site_ids is not None and not site_ids <= who.site_ids:
        raise HttpError(403, "that selection holds sites outside your scope")
    if (areas or sites or kiosks) and site_ids is not None and not site_ids:
        raise HttpError(
            404 if who.site_ids is None else 403,
            "no such area, site or kiosk" + ("" if who.site_ids is None else " in your scope"),
        )
    return (frozenset(site_ids) if site_ids is not None else who.site_ids), kiosk_ids


def _day(name: str) -> date | None:
    text = request.args.get(name)
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise HttpError(400, f"{name} must be a date like 2026-11-25") from exc


@blueprint.get("/v1/kiosks")
@allow(*MANAGERS)
def get_kiosks() -> Response:
    """The reference endpoint's report, kept for existing tools."""
    site_ids, _ = selection()
    reports = store().kiosks(site_ids=site_ids, rules=current_app.config["CENTRAL_HEALTH"])
    return json_reply(200, {"kiosks": [k.as_dict() for k in reports]})


@blueprint.get("/v1/api/kiosks")
@allow(*MANAGERS)
def api_kiosks() -> Response:
    """Kiosks' health; ``?attention=1`` lists only those needing attention."""
    site_ids, kiosk_ids = selection()
    reports = store().kiosks(
        site_ids=site_ids,
        rules=current_app.config["CENTRAL_HEALTH"],
        now=current_app.config["CENTRAL_NOW"](),
    )
    if kiosk_ids is not None:
        reports = [r for r in reports if r.kiosk_id in kiosk_ids]
    if _flag("attention"):
        reports = [r for r in reports if r.attention]
    return json_reply(200, {"kiosks": [k.as_dict() for k in reports]})


@blueprint.get("/v1/api/stats")
@allow(*MANAGERS)
def api_stats() -> Response:
    """NPS with its margin, counts, change, distribution, reasons, hours, weekdays, comments."""
    site_ids, kiosk_ids = selection()
    granularity = request.args.get("granularity")
    if granularity not in (None, "day", "week"):
        raise HttpError(400, "granularity must be day or week")
    since, until = _day("since"), _day("until")
    if since and until and since > until:
        raise HttpError(400, "since must not be after until")
    if since and until and (until - since).days > 3660:
        raise HttpError(400, "at most ten years at once")
    stats = store().dashboard(
        site_ids=site_ids,
        kiosk_ids=kiosk_ids,
        since=since,
        until=until,
        include_flagged=_flag("include_flagged"),
        granularity=granularity,
        today=current_app.config["CENTRAL_NOW"]().date(),
    )
    body = stats.as_dict()
    body.pop("sync", None)  # the kiosk's outbox: not the central service's business
    return json_reply(200, body)


@blueprint.get("/v1/export")
@allow(*MANAGERS)
def get_export() -> Response:
    site_ids, kiosk_ids = selection()
    fmt = request.args.get("format", "json")
    if fmt not in ("csv", "json", "xlsx"):
        raise HttpError(400, "format must be csv, xlsx or json")
    rows = store().iter_answers(site_ids=site_ids, kiosk_ids=kiosk_ids)
    if fmt == "csv":
        return Response(
            _guarded(_encoded(export_csv(rows)), rows),
            mimetype="text/csv",
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="answers.csv"'},
        )
    if fmt == "json":
        return Response(_guarded(_encoded(export_json(rows)), rows), mimetype="application/json")
    return Response(
        _guarded(export_xlsx(rows), rows),
        mimetype=XLSX_TYPE,
        headers={"Content-Disposition": 'attachment; filename="answers.xlsx"'},
    )


def _encoded(chunks: Iterable[str]) -> Iterator[bytes]:
    for chunk in chunks:
        yield chunk.encode("utf-8")


class ExportBroken(RuntimeError):
    """An export that failed midway: the connection is cut so no client takes it as whole."""


def _guarded(chunks: Iterator[bytes], rows: Generator[Any, None, None]) -> Iterator[bytes]:
    """Stream an export; a failure after the first byte aborts the response.

    The reply is chunked (no Content-Length), and raising here makes waitress close the
    connection without the final empty chunk: every HTTP client reports a truncated body
    instead of a short file that looks complete. (Stored answers are validated at the door
    with the same rules the export needs, so this is a last line of defence.)
    """
    try:
        yield from chunks
    except Exception as exc:
        log.error("export failed midway: %s", exc)
        raise ExportBroken(f"export failed midway: {exc}") from exc
    finally:
        rows.close()  # the database cursor and its transaction end with the response
