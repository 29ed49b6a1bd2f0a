"""Excel ``.xlsx`` with openpyxl's write-only (streaming) workbook.

Sheet "Answers" holds every field of every answer; sheet "Summary" the period's NPS, the
categories, the 0-10 distribution and the reasons. Text cells are escaped as in the CSV and
written as strings, never as formulas.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from kiosk.core.nps import reported_margin
from kiosk.core.stats import DashboardStats
from kiosk.export.cells import escape_text
from kiosk.store.exports import EXPORT_COLUMNS

# openpyxl refuses control characters; comments are cleaned on input, but be safe.
_ILLEGAL = {c: None for c in range(32) if chr(c) not in "\t\n\r"}


def _clean(value: object) -> object:
    if isinstance(value, str):
        return value.translate(_ILLEGAL)
    return value


def write_xlsx(
    batches: Iterable[list[tuple]],
    path: Path,
    summary: DashboardStats | None,
    columns: Sequence[str] = EXPORT_COLUMNS,
) -> int:
    """Write the workbook to ``path`` (a temporary path: see ``atomic_path``); returns the count.

    ``columns`` names the cells of each row (the endpoint adds a ``site`` column).
    """
    workbook = Workbook(write_only=True)
    answers = workbook.create_sheet("Answers")
    bold = Font(bold=True)
    header = []
    for name in columns:
        cell = WriteOnlyCell(answers, value=name)
        cell.font = bold
        header.append(cell)
    answers.append(header)
    count = 0
    try:
        for batch in batches:
            for row in batch:
                cells = []
                for value in row:
                    cell = WriteOnlyCell(answers, value=_clean(value))
                    if isinstance(value, str):
                        cell.data_type = "s"  # a string, whatever it looks like
                    cells.append(cell)
                answers.append(cells)
            count += len(batch)
        if summary is not None:
            _summary_sheet(workbook.create_sheet("Summary"), summary)
    except BaseException:
        _abandon(workbook)
        raise
    workbook.save(path)
    return count


def _abandon(workbook: Workbook) -> None:
    """Close the sheets' streams and remove openpyxl's scratch files after a failure."""
    for sheet in workbook.worksheets:
        try:
            sheet.close()
        except Exception:  # best effort while another error propagates
            pass
        out = getattr(getattr(sheet, "_writer", None), "out", None)
        if isinstance(out, str):
            Path(out).unlink(missing_ok=True)


def _summary_sheet(sheet, stats: DashboardStats) -> None:
    s = stats.summary
    nps = s.nps
    moe = s.margin_of_error
    rows: list[tuple[object, ...]] = [
        ("From", stats.since.isoformat()),
        ("To", stats.until.isoformat()),
        ("Flagged answers included", "yes" if stats.include_flagged else "no"),
        ("Answers", s.total),
        ("NPS", None if nps is None else round(nps, 1)),
        ("Margin of error (95%)", reported_margin(moe)),
        ("Enough answers", "yes" if s.enough_answers else "no"),
        ("Change vs previous period", None if stats.change is None else round(stats.change, 1)),
        ("Promoters", s.promoters),
        ("Passives", s.passives),
        ("Detractors", s.detractors),
        ("Flagged answers (counted apart)", stats.flagged),
        (),
        ("Score", "Answers"),
        *((score, n) for score, n in enumerate(stats.distribution)),
        (),
        ("Category", "Reason", "Times chosen"),
    ]
    for category, ranked in stats.reasons.items():
        rows.extend((category, escape_text(reason), n) for reason, n in ranked)
    for row in rows:
        sheet.append([escape_text(v) if isinstance(v, str) else v for v in row])
