"""Turning a stored row into export cells, safely.

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some,
tab, CR or LF) as a formula, so a guest's comment ``=HYPERLINK("http://x")`` would become a
link in the owner's spreadsheet. As OWASP recommends, such text cells get a leading single
quote; numbers stay numbers.
"""

from __future__ import annotations

import json

from kiosk.core.exports import FORMULA_TRIGGERS
from kiosk.store.exports import EXPORT_COLUMNS, INT_COLUMNS, LIST_COLUMNS

LIST_SEPARATOR = "; "


def escape_text(value: str) -> str:
    """Make a free-text cell inert for spreadsheets."""
    if value and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _plan() -> tuple[tuple[int, str], ...]:
    kinds = []
    for index, name in enumerate(EXPORT_COLUMNS):
        if name in LIST_COLUMNS:
            kinds.append((index, "list"))
        elif name in INT_COLUMNS:
            kinds.append((index, "int"))
        else:
            kinds.append((index, "text"))
    return tuple(kinds)


_PLAN = _plan()


def spreadsheet_cells(row: tuple) -> list[object]:
    """One row for CSV or Excel: lists joined with ``; ``, text escaped, numbers as numbers."""
    cells: list[object] = []
    for index, kind in _PLAN:
        value = row[index]
        if value is None:
            cells.append("")
        elif kind == "int":
            cells.append(value)
        elif kind == "list":
            cells.append(
                "" if value == "[]" else escape_text(LIST_SEPARATOR.join(json.loads(value)))
            )
        else:
            cells.append(escape_text(value))
    return cells


def json_record(row: tuple) -> dict[str, object]:
    """One row as a JSON object: lists as lists, ``flagged`` as a boolean, nothing escaped."""
    record: dict[str, object] = {}
    for (index, kind), name in zip(_PLAN, EXPORT_COLUMNS, strict=True):
        value = row[index]
        if kind == "list":
            value = json.loads(value)
        elif name == "flagged":
            value = bool(value)
        record[name] = value
    return record
