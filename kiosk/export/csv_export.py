"""CSV for Excel and LibreOffice: UTF-8 with a BOM (so accents open right), inert text cells."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from kiosk.store.exports import EXPORT_COLUMNS

BOM = "\ufeff"


def write_csv(batches: Iterable[list[tuple]], handle: TextIO, *, bom: bool = True) -> int:
    """Write a header and the spreadsheet-ready rows to ``handle``; returns the count.

    ``batches`` come from ``kiosk.store.exports.iter_sheet_batches`` (text already escaped,
    lists joined). ``handle`` must be opened with ``newline=""`` (the writer emits CRLF).
    """
    if bom:
        handle.write(BOM)
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for batch in batches:
        writer.writerows(batch)
        count += len(batch)
    return count
