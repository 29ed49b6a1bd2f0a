"""The central answers as CSV or JSON, streamed.

The kiosk's own exporters (``kiosk/export``) work on a kiosk's store; the central store
keeps each answer as received JSON plus its kiosk and site, so it is written here with the
same columns and the same CSV care: UTF-8 with a BOM (Excel reads the accents right) and
text cells that start with ``= + - @``, tab, CR or LF prefixed with ``'`` against formula
injection (OWASP's advice).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

COLUMNS = ("kiosk_id", "site", "id", "seq", "created_at", "score", "category", "reasons",
           "comment", "language", "flags", "completion", "app_version")
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n")


def inert(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(_DANGEROUS) else text


def _row(kiosk_id: str, site: str, answer: dict) -> list[object]:
    return [
        inert(kiosk_id), inert(site), answer["id"], answer["seq"], answer["created_at"],
        answer["score"], answer["category"], inert(";".join(answer.get("reasons", []))),
        inert(answer.get("comment", "")), answer["language"],
        inert(";".join(answer.get("flags", []))), answer.get("completion") or "",
        inert(answer.get("app_version", "")),
    ]


def export_csv(rows: Iterable[tuple[str, str, str]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    yield "\ufeff" + _drain(buffer)
    for n, (kiosk_id, site, content) in enumerate(rows, 1):
        writer.writerow(_row(kiosk_id, site, json.loads(content)))
        if n % 500 == 0:
            yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def export_json(rows: Iterable[tuple[str, str, str]]) -> Iterator[str]:
    yield '{"answers": ['
    first = True
    for kiosk_id, site, content in rows:
        answer = {"kiosk_id": kiosk_id, "site": site, **json.loads(content)}
        yield ("" if first else ",") + "\n" + json.dumps(answer, ensure_ascii=False)
        first = False
    yield "\n]}\n"
