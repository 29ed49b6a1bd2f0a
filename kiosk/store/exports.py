"""Rows for the owner's exports: every field of an answer, plus its sync state, streamed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from itertools import chain

from kiosk.core.exports import FORMULA_TRIGGERS
from kiosk.store.answers import local_day_filter
from kiosk.store.database import Database

# Order of the columns in every export. Kept flat (no nested objects) so CSV, Excel and
# JSON carry exactly the same fields.
EXPORT_COLUMNS: tuple[str, ...] = (
    "id",
    "seq",
    "kiosk_id",
    "created_utc",
    "local_time",
    "utc_offset_minutes",
    "local_day",
    "local_hour",
    "local_weekday",
    "score",
    "category",
    "reasons",
    "comment",
    "language",
    "app_version",
    "flags",
    "flagged",
    "origin",
    "completion",
    "completed_utc",
    "sync_state",
)
# Columns holding JSON lists in the store (reasons, flags).
LIST_COLUMNS = frozenset({"reasons", "flags"})
INT_COLUMNS = frozenset(
    {"seq", "utc_offset_minutes", "local_hour", "local_weekday", "score", "flagged"}
)

# The tap on the kiosk's wall clock, to the second. Julian-day arithmetic gives the same
# result as the '+N minutes' modifier (SQLite rounds both to the millisecond) at half the cost.
LOCAL_TIME = "datetime(julianday(a.created_utc) + a.utc_offset_minutes / 1440.0)"

_SELECT = (
    "SELECT a.id, a.seq, a.kiosk_id, a.created_utc,"
    f" {LOCAL_TIME},"
    " a.utc_offset_minutes, a.local_day, a.local_hour, a.local_weekday, a.score, a.category,"
    " a.reasons, a.comment, a.language, a.app_version, a.flags, a.flagged, a.origin,"
    " a.completion, a.completed_utc,"
    " CASE WHEN o.state IS NOT NULL THEN o.state"
    "      WHEN a.completion IS NULL THEN 'open' ELSE 'not_queued' END"
    " FROM answers AS a LEFT JOIN outbox AS o ON o.kind = 'answer' AND o.answer_id = a.id"
)


def _clauses(
    since: date | None, until: date | None, include_flagged: bool
) -> tuple[str, list[object]]:
    """The answers' range filter as a WHERE clause (outbox has no such columns to clash)."""
    condition, params = local_day_filter(since, until, include_flagged)
    return (f" WHERE {condition}" if condition else ""), params


def iter_export_rows(
    db: Database,
    since: date | None = None,
    until: date | None = None,
    *,
    include_flagged: bool = True,
    batch: int = 5000,
) -> Iterator[tuple]:
    """Rows in ``EXPORT_COLUMNS`` order, by ``seq``, fetched ``batch`` at a time.

    Runs inside one read transaction so a long export sees one consistent moment while the
    guest keeps answering.
    """
    where, params = _clauses(since, until, include_flagged)
    with db.snapshot() as con:
        cursor = con.execute(f"{_SELECT}{where} ORDER BY a.seq", params)
        while rows := cursor.fetchmany(batch):
            yield from rows


# --- spreadsheet rows, formatted by SQLite ---------------------------------------------------
#
# A million answers are 21 million cells. Escaping them one by one in Python costs more than
# reading them, so for CSV and Excel SQLite does it while reading: the formula-injection quote
# on text cells and the lists joined with "; ". The rows then go straight to the csv module's
# C writer. ``tests/export`` checks this equals ``kiosk.export.cells.spreadsheet_cells``.

# Text the kiosk writes itself in a fixed shape (timestamps, enums): never a formula.
_SAFE_TEXT = frozenset(
    {
        "created_utc",
        "local_time",
        "local_day",
        "category",
        "origin",
        "completion",
        "completed_utc",
        "sync_state",
    }
)


def _sql_escaped(expression: str) -> str:
    triggers = ", ".join(f"char({ord(c)})" for c in FORMULA_TRIGGERS)
    return (
        f"(CASE WHEN {expression} IS NULL THEN ''"
        f" WHEN substr({expression}, 1, 1) IN ({triggers}) THEN char(39) || {expression}"
        f" ELSE {expression} END)"
    )


def _sql_list(column: str) -> str:
    joined = f"(SELECT group_concat(value, '; ') FROM json_each({column}))"
    return f"(CASE WHEN {column} = '[]' THEN '' ELSE {_sql_escaped(joined)} END)"


def _sheet_select() -> str:
    expressions = {
        "id": "a.id",
        "seq": "a.seq",
        "kiosk_id": "a.kiosk_id",
        "created_utc": "a.created_utc",
        "local_time": LOCAL_TIME,
        "utc_offset_minutes": "a.utc_offset_minutes",
        "local_day": "a.local_day",
        "local_hour": "a.local_hour",
        "local_weekday": "a.local_weekday",
        "score": "a.score",
        "category": "a.category",
        "reasons": "a.reasons",
        "comment": "a.comment",
        "language": "a.language",
        "app_version": "a.app_version",
        "flags": "a.flags",
        "flagged": "a.flagged",
        "origin": "a.origin",
        "completion": "a.completion",
        "completed_utc": "a.completed_utc",
        "sync_state": "(CASE WHEN o.state IS NOT NULL THEN o.state"
        " WHEN a.completion IS NULL THEN 'open' ELSE 'not_queued' END)",
    }
    cells = []
    for name in EXPORT_COLUMNS:
        expression = expressions[name]
        if name in INT_COLUMNS:
            cells.append(expression)
        elif name in LIST_COLUMNS:
            cells.append(_sql_list(expression))
        elif name in _SAFE_TEXT:
            cells.append(f"coalesce({expression}, '')")
        else:
            cells.append(_sql_escaped(expression))
    return (
        f"SELECT {', '.join(cells)}"
        " FROM answers AS a LEFT JOIN outbox AS o ON o.kind = 'answer' AND o.answer_id = a.id"
    )


_SHEET_SELECT = _sheet_select()


def iter_sheet_batches(
    db: Database,
    since: date | None = None,
    until: date | None = None,
    *,
    include_flagged: bool = True,
    batch: int = 10_000,
) -> Iterator[list[tuple]]:
    """Spreadsheet-ready rows (``EXPORT_COLUMNS`` order), ``batch`` at a time, by ``seq``."""
    where, params = _clauses(since, until, include_flagged)
    with db.snapshot() as con:
        cursor = con.execute(f"{_SHEET_SELECT}{where} ORDER BY a.seq", params)
        while rows := cursor.fetchmany(batch):
            yield rows


# --- CSV text, assembled by SQLite ------------------------------------------------------------
#
# Through the csv module's C writer a million answers still cost 21 million Python objects,
# each converted and checked for quoting on its own (10 s). Here SQLite prints each row into
# one string with printf, with control characters as marks between the cells: _SEP between
# two cells, _FREE right before a free-text cell (the ones that get the formula quote), _CR
# _LF at the end. A batch of rows is joined into one bytes object and finished by passes over
# the whole buffer that run at C speed: a count that proves no cell holds a mark character,
# the formula quote after each _FREE followed by = + - @ tab CR or LF, CSV quoting for the
# few cells holding a comma, a double quote, CR or LF, and one translate that turns the marks
# into commas and CRLF. The bytes equal what ``csv.writer`` writes for the
# ``iter_sheet_batches`` rows; ``tests/export/test_csv_export.py`` checks that byte for byte.
#
# A batch that is not as expected (a mark character inside a cell; a number column holding
# something Python would print differently, like 1.5 or text) is taken again, the same rows
# in the same read transaction, from ``iter_sheet_batches``' cells for the caller's
# ``csv.writer``. One case is not covered: SQLite's printf stops a text at a NUL character,
# where Python keeps it. The kiosk never stores one (comments lose control characters on the
# way in; reasons, ids, versions come from the config and the program).


def _is_free(name: str) -> bool:
    return name not in INT_COLUMNS and name not in _SAFE_TEXT


_SEP = b"\x1f"  # between two cells
_FREE = b"\x1d"  # right before a cell that gets the formula quote (removed at the end)
_CR = b"\x1c"  # end of a row, first half
_LF = b"\x1e"  # end of a row, second half
_MARKS = _SEP + _FREE + _CR + _LF
_MARKS_PER_ROW = len(EXPORT_COLUMNS) - 1 + 2 + sum(1 for name in EXPORT_COLUMNS if _is_free(name))
_TO_CSV = bytes.maketrans(_SEP + _CR + _LF, b",\r\n")  # with _FREE deleted: one pass
_CSV_SPECIAL = (b",", b'"', b"\r", b"\n")  # csv.writer quotes a cell holding one of these
# A literal first byte lets the regex engine skip ahead at memchr speed.
_FORMULA = re.compile(_FREE + b"(?=[" + re.escape("".join(FORMULA_TRIGGERS).encode()) + b"])")


def _csv_select() -> str:
    expressions = {
        "local_time": LOCAL_TIME,
        "sync_state": "(CASE WHEN o.state IS NOT NULL THEN o.state"
        " WHEN a.completion IS NULL THEN 'open' ELSE 'not_queued' END)",
    }
    cells = []
    line_format = ""
    integers = []
    for name in EXPORT_COLUMNS:
        expression = expressions.get(name, f"a.{name}")
        if name in LIST_COLUMNS:
            expression = (
                f"(CASE WHEN {expression} = '[]' THEN '' ELSE (SELECT"
                f" group_concat(value, '; ') FROM json_each({expression})) END)"
            )
        if name in INT_COLUMNS:
            integers.append(f"({expression} | 0) IS {expression}")  # an integer or NULL
        cells.append(expression)
        if line_format:
            line_format += _SEP.decode()
        if _is_free(name):
            line_format += _FREE.decode()
        line_format += "%s"
    line_format += (_CR + _LF).decode()
    # One printf per row (NULL prints as nothing, like None in csv.writer): a chain of ||
    # costs an allocation per cell and takes twice as long. A row with a number SQLite would
    # print otherwise than Python comes back as NULL. As a blob, the row reaches Python as
    # UTF-8 bytes: no decoding, and one byte per character for the passes in ``_finish``.
    return (
        f"SELECT CAST(CASE WHEN {' AND '.join(integers)}"
        f" THEN printf('{line_format}', {', '.join(cells)}) END AS BLOB)"
        " FROM answers AS a LEFT JOIN outbox AS o ON o.kind = 'answer' AND o.answer_id = a.id"
    )


_CSV_SELECT = _csv_select()


def iter_csv_chunks(
    db: Database,
    since: date | None = None,
    until: date | None = None,
    *,
    include_flagged: bool = True,
    batch: int = 4000,
) -> Iterator[tuple[bytes, int] | tuple[None, list[tuple]]]:
    """The answers as CSV (no header), by ``seq``, in one read transaction.

    Yields ``(text, n)``: ``n`` finished CRLF-terminated CSV lines as UTF-8; or, for a
    batch that must be written the careful way, ``(None, rows)`` with spreadsheet-ready rows
    as ``iter_sheet_batches`` gives them, for ``csv.writer``.
    """
    where, params = _clauses(since, until, include_flagged)
    with db.snapshot() as con:
        # Rows stored in seq order (seq - rowid the same for all, as the kiosk writes them)
        # are read in table order: no index lookup per row, a second less for a million.
        in_order = con.execute("SELECT min(seq - rowid) IS max(seq - rowid) FROM answers")
        order = "a.rowid" if in_order.fetchone()[0] else "a.seq"
        cursor = con.execute(f"{_CSV_SELECT}{where} ORDER BY {order}", params)
        done = 0
        while rows := cursor.fetchmany(batch):
            text = _finish(rows)
            if text is None:
                careful = con.execute(
                    f"{_SHEET_SELECT}{where} ORDER BY a.seq LIMIT ? OFFSET ?",
                    [*params, len(rows), done],
                )
                yield None, careful.fetchall()
            else:
                yield text, len(rows)
            done += len(rows)


def _finish(rows: list[tuple]) -> bytes | None:
    """Turn a batch of marked rows into CSV text; None if the batch needs the careful way."""
    try:
        text = b"".join(chain.from_iterable(rows))
    except TypeError:  # a NULL (None): a row with an odd number
        return None
    if len(text) - len(text.translate(None, _MARKS)) != len(rows) * _MARKS_PER_ROW:
        return None  # a mark character inside a cell
    if _FORMULA.search(text):
        text = _FORMULA.sub(_FREE + b"'", text)
    return _quote_cells(text).translate(_TO_CSV, _FREE)


def _quote_cells(text: bytes) -> bytes:
    """Quote, as csv.writer does, every cell holding a comma, a double quote, CR or LF."""
    # bytes.find runs at memchr speed; a regex character class is ten times slower here.
    upcoming = {char: text.find(char) for char in _CSV_SPECIAL}
    if max(upcoming.values()) < 0:
        return text
    pieces = []
    copied = 0
    while True:
        found = [at for at in upcoming.values() if at >= 0]
        if not found:
            break
        special = min(found)
        start = max(text.rfind(mark, 0, special) for mark in (_FREE, _SEP, _LF)) + 1
        end = min(at for at in (text.find(mark, special) for mark in (_SEP, _CR)) if at >= 0)
        pieces.append(text[copied:start])
        pieces.append(b'"' + text[start:end].replace(b'"', b'""') + b'"')
        copied = end
        for char, at in upcoming.items():
            if 0 <= at < end:
                upcoming[char] = text.find(char, end)
    pieces.append(text[copied:])
    return b"".join(pieces)
