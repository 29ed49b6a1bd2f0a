"""One entry point for every export: the CLI and the kiosk's export screen both call it."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from kiosk.core.answer import iso_utc
from kiosk.core.exports import FORMATS, ExportRequest
from kiosk.export.atomic import atomic_path, atomic_writer
from kiosk.export.csv_export import write_csv
from kiosk.export.json_export import write_json
from kiosk.export.xlsx_export import write_xlsx
from kiosk.store.database import Database
from kiosk.store.exports import iter_csv_chunks, iter_export_rows, iter_sheet_batches
from kiosk.store.stats import dashboard_stats

log = logging.getLogger("kiosk.export")


def _rows(db: Database, request: ExportRequest):
    return iter_export_rows(
        db, request.since, request.until, include_flagged=request.include_flagged
    )


def _sheet(db: Database, request: ExportRequest):
    return iter_sheet_batches(
        db, request.since, request.until, include_flagged=request.include_flagged
    )


def _csv(db: Database, request: ExportRequest):
    return iter_csv_chunks(
        db, request.since, request.until, include_flagged=request.include_flagged
    )


def export_to_file(db: Database, request: ExportRequest, path: Path | str) -> int:
    """Write the export to ``path`` atomically; returns how many answers were written."""
    path = Path(path)
    if request.format == "xlsx":
        summary = dashboard_stats(
            db, request.since, request.until, include_flagged=request.include_flagged
        )
        with atomic_path(path) as tmp:
            count = write_xlsx(_sheet(db, request), tmp, summary)
    elif request.format == "csv":
        with atomic_writer(path, "wb", buffering=1 << 20) as handle:
            count = write_csv(_csv(db, request), handle)
    else:
        with atomic_writer(path, "w", encoding="utf-8", newline="\n") as handle:
            count = write_json(_rows(db, request), handle, _header(request))
    log.info("exported %d answer(s) as %s to %s", count, request.format, path)
    return count


def export_to_stream(db: Database, request: ExportRequest, handle: TextIO) -> int:
    """CSV (without BOM, for pipes) or JSON to an open text stream."""
    if request.format == "csv":
        # sys.stdout set to UTF-8 (kiosk.commands.export does): write the bytes under it.
        binary = getattr(handle, "buffer", None)
        encoding = (getattr(handle, "encoding", None) or "").lower().replace("-", "")
        if binary is None or encoding != "utf8":
            return write_csv(_csv(db, request), _Utf8Text(handle), bom=False)
        handle.flush()
        count = write_csv(_csv(db, request), binary, bom=False)
        binary.flush()
        return count
    if request.format == "json":
        return write_json(_rows(db, request), handle, _header(request))
    raise ValueError("xlsx is a binary workbook: give a file name")


class _Utf8Text:
    """Lets the CSV writer, which writes UTF-8 bytes, write to a text stream (a StringIO)."""

    def __init__(self, handle: TextIO) -> None:
        self._handle = handle

    def write(self, data: bytes) -> int:
        return self._handle.write(data.decode("utf-8"))


def _header(request: ExportRequest) -> dict[str, object]:
    return {
        "exported_utc": iso_utc(datetime.now(timezone.utc)),
        "since": request.since.isoformat() if request.since else None,
        "until": request.until.isoformat() if request.until else None,
        "include_flagged": request.include_flagged,
    }


__all__ = ["ExportRequest", "export_to_file", "export_to_stream", "FORMATS"]
