"""The central answers as CSV, Excel or JSON, in the kiosk's own export format.

Each stored answer (kept as received JSON) is turned into a row of the kiosk's
``EXPORT_COLUMNS`` and written with the kiosk's cell rules (``kiosk.export.cells``): the
same columns, UTF-8 with a BOM, list cells joined the same way, and text cells that start
with ``= + - @``, tab, CR or LF made inert against formula injection. One column is added at
the end: ``site``, which a single kiosk's export does not need.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

from kiosk.core.answer import iso_utc
from kiosk.export.cells import escape_text, json_record, spreadsheet_cells
from kiosk.export.xlsx_export import write_xlsx
from kiosk.store.exports import EXPORT_COLUMNS

COLUMNS = (*EXPORT_COLUMNS, "site")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHUNK_ROWS = 500


def export_row(kiosk_id: str, content: str) -> tuple:
    """A received answer as a row in the kiosk's ``EXPORT_COLUMNS`` order."""
    answer = json.loads(content)
    local = datetime.fromisoformat(answer["created_at"])
    offset = local.utcoffset()
    offset_minutes = int(offset.total_seconds() // 60) if offset else 0
    flags = answer.get("flags", [])
    values = {
        "id": answer["id"],
        "seq": answer["seq"],
        "kiosk_id": kiosk_id,
        "created_utc": iso_utc(local.astimezone(timezone.utc)),
        "local_time": local.strftime("%Y-%m-%d %H:%M:%S"),
        "utc_offset_minutes": offset_minutes,
        "local_day": local.date().isoformat(),
        "local_hour": local.hour,
        "local_weekday": local.weekday(),
        "score": answer["score"],
        "category": answer["category"],
        "reasons": json.dumps(answer.get("reasons", [])),
        "comment": answer.get("comment", ""),
        "language": answer["language"],
        "app_version": answer.get("app_version", ""),
        "flags": json.dumps(flags),
        "flagged": 1 if flags else 0,
        "origin": "guest",
        "completion": answer.get("completion"),
        "completed_utc": None,
        "sync_state": "delivered",
    }
    return tuple(values[name] for name in EXPORT_COLUMNS)


def export_csv(rows: Iterable[tuple[str, str, str]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    yield "\ufeff" + _drain(buffer)
    for n, (kiosk_id, site, content) in enumerate(rows, 1):
        writer.writerow([*spreadsheet_cells(export_row(kiosk_id, content)), escape_text(site)])
        if n % CHUNK_ROWS == 0:
            yield _drain(buffer)
    yield _drain(buffer)


def export_json(rows: Iterable[tuple[str, str, str]]) -> Iterator[str]:
    header = {"exported_utc": iso_utc(datetime.now(timezone.utc)), "source": "central"}
    head = json.dumps(header, ensure_ascii=False)
    yield head[:-1] + ', "answers": ['
    first = True
    for kiosk_id, site, content in rows:
        record = {**json_record(export_row(kiosk_id, content)), "site": site}
        yield ("" if first else ",") + "\n" + json.dumps(record, ensure_ascii=False)
        first = False
    yield "\n]}\n"


def export_xlsx(
    rows: Iterable[tuple[str, str, str]], chunk_bytes: int = 1 << 16
) -> Iterator[bytes]:
    """An .xlsx workbook (sheet "Answers"), built in a temporary file and streamed from it.

    A zip cannot be streamed while it is written; openpyxl's write-only mode keeps memory
    flat while the file is made, and the file is removed when the response ends.
    """
    with tempfile.TemporaryDirectory(prefix="kiosk-endpoint-") as folder:
        path = Path(folder) / "answers.xlsx"
        write_xlsx(_xlsx_batches(rows), path, None, columns=COLUMNS)
        with path.open("rb") as handle:
            while chunk := handle.read(chunk_bytes):
                yield chunk


def _xlsx_batches(rows: Iterable[tuple[str, str, str]]) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for kiosk_id, site, content in rows:
        batch.append((*spreadsheet_cells(export_row(kiosk_id, content)), escape_text(site)))
        if len(batch) >= CHUNK_ROWS:
            yield batch
            batch = []
    if batch:
        yield batch


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
