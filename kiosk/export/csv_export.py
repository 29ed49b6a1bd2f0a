"""CSV for Excel and LibreOffice: UTF-8 with a BOM (so accents open right), inert text cells."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import BinaryIO

from kiosk.store.exports import EXPORT_COLUMNS

BOM = "\ufeff"


def write_csv(
    chunks: Iterable[tuple[bytes, int] | tuple[None, list[tuple]]],
    handle: BinaryIO,
    *,
    bom: bool = True,
) -> int:
    """Write a header and the answers to the binary ``handle`` as UTF-8; returns the count.

    ``chunks`` come from ``kiosk.store.exports.iter_csv_chunks``: mostly finished CSV text,
    sometimes spreadsheet-ready rows (text already escaped, lists joined) that ``csv.writer``
    formats here, with CRLF line ends like the rest.
    """
    head = io.StringIO(newline="")
    csv.writer(head, lineterminator="\r\n").writerow(EXPORT_COLUMNS)
    handle.write(((BOM if bom else "") + head.getvalue()).encode("utf-8"))
    count = 0
    for text, rows in chunks:
        if text is not None:
            handle.write(text)
            count += rows
            continue
        careful = io.StringIO(newline="")
        csv.writer(careful, lineterminator="\r\n").writerows(rows)
        handle.write(careful.getvalue().encode("utf-8"))
        count += len(rows)
    return count
