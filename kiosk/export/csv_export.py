"""CSV for Excel and LibreOffice: UTF-8 with a BOM (so accents open right), inert text cells."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from kiosk.export.cells import spreadsheet_cells
from kiosk.store.exports import EXPORT_COLUMNS

BOM = "\ufeff"


def write_csv(rows: Iterable[tuple], handle: TextIO, *, bom: bool = True) -> int:
    """Write a header and ``rows`` (``EXPORT_COLUMNS`` order) to ``handle``; returns the count.

    ``handle`` must be opened with ``newline=""`` (the csv module writes its own CRLF).
    """
    if bom:
        handle.write(BOM)
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    cells = spreadsheet_cells
    writerow = writer.writerow
    for row in rows:
        writerow(cells(row))
        count += 1
    return count
