"""Exports from the pages: answers and cases as CSV, Excel or JSON, within the viewer's scope.

Answers use the JSON API's own writers (``kiosk.endpoint.export``); cases are written here
with the same cell rules (``kiosk.export.cells.escape_text``: a comment starting with ``=``
never becomes a formula). Asking for a site outside one's scope is a 403.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

from flask import Response, g, request

from kiosk.endpoint.api import _encoded, _guarded
from kiosk.endpoint.auth import MANAGERS, store
from kiosk.endpoint.export import XLSX_TYPE, export_csv, export_json, export_xlsx
from kiosk.endpoint.store import logins
from kiosk.endpoint.store.cases import Case
from kiosk.endpoint.web.guard import forbidden, page
from kiosk.endpoint.web.inbox import book
from kiosk.endpoint.web.views import blueprint
from kiosk.export.cells import escape_text
from kiosk.export.xlsx_export import write_xlsx

FORMATS = ("csv", "xlsx", "json")
CASE_COLUMNS = (
    "case",
    "site",
    "kiosk_id",
    "answer_id",
    "opened_utc",
    "due_utc",
    "status",
    "outcome",
    "assignee",
    "first_contact_utc",
    "closed_utc",
    "score",
    "comment",
)
TEXT = frozenset({"site", "kiosk_id", "answer_id", "status", "outcome", "assignee", "comment"})


def _scope() -> frozenset[int] | None | bool:
    """The sites to export (``?site=CODE`` narrows); False when the site is not the viewer's."""
    code = request.args.get("site")
    if not code:
        return g.principal.site_ids
    site = next((s for s in logins.sites(store().engine) if s.code == code), None)
    if site is None or not g.principal.may_see_site(site.site_id):
        return False
    return frozenset({site.site_id})


def _download(body, mimetype: str, name: str) -> Response:  # type: ignore[no-untyped-def]
    return Response(
        body,
        mimetype=mimetype,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )


@blueprint.get("/export/answers.<fmt>")
@page(*MANAGERS)
def export_answers(fmt: str):  # type: ignore[no-untyped-def]
    sites = _scope()
    if sites is False or fmt not in FORMATS:
        return forbidden() if sites is False else ("", 404)
    rows = store().iter_answers(site_ids=sites)
    if fmt == "csv":
        return _download(
            _guarded(_encoded(export_csv(rows)), rows), "text/csv; charset=utf-8", "answers.csv"
        )
    if fmt == "json":
        return _download(
            _guarded(_encoded(export_json(rows)), rows), "application/json", "answers.json"
        )
    return _download(_guarded(export_xlsx(rows), rows), XLSX_TYPE, "answers.xlsx")


def case_record(case: Case) -> dict[str, object]:
    return {
        "case": case.case_id,
        "site": case.site,
        "kiosk_id": case.kiosk_id,
        "answer_id": case.answer_id,
        "opened_utc": case.opened_utc,
        "due_utc": case.due_utc,
        "status": case.status,
        "outcome": case.outcome,
        "assignee": case.assignee,
        "first_contact_utc": case.first_contact_utc,
        "closed_utc": case.closed_utc,
        "score": case.answer.get("score"),
        "comment": case.answer.get("comment", ""),
    }


def case_cells(case: Case) -> list[object]:
    record = case_record(case)
    return [escape_text(str(record[c] or "")) if c in TEXT else record[c] for c in CASE_COLUMNS]


@blueprint.get("/export/cases.<fmt>")
@page(*MANAGERS)
def export_cases(fmt: str):  # type: ignore[no-untyped-def]
    sites = _scope()
    if sites is False or fmt not in FORMATS:
        return forbidden() if sites is False else ("", 404)
    cases = book().inbox(sites) + book().inbox(sites, closed=True)
    if fmt == "json":
        body = json.dumps({"cases": [case_record(c) for c in cases]}, ensure_ascii=False)
        return _download(body, "application/json", "cases.json")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(CASE_COLUMNS)
        writer.writerows(case_cells(c) for c in cases)
        return _download("\ufeff" + buffer.getvalue(), "text/csv; charset=utf-8", "cases.csv")
    return _download(_xlsx([case_cells(c) for c in cases]), XLSX_TYPE, "cases.xlsx")


def _xlsx(rows: list[list[object]]) -> Iterator[bytes]:
    with tempfile.TemporaryDirectory(prefix="kiosk-cases-") as folder:
        path = Path(folder) / "cases.xlsx"
        write_xlsx([[tuple(r) for r in rows]], path, None, columns=CASE_COLUMNS)
        yield path.read_bytes()
