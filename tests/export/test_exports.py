import csv
import io
import json

import pytest
from helpers.admin import ACCENTS, NASTY, NASTY2, SINCE, UNTIL, fill
from openpyxl import load_workbook

from kiosk.export.cells import escape_text
from kiosk.export.writer import ExportRequest, export_to_file, export_to_stream
from kiosk.store.exports import EXPORT_COLUMNS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\nx", "'\nx"),
        ("fine = ok", "fine = ok"),
        ("", ""),
    ],
)
def test_escape_text(text, expected):
    assert escape_text(text) == expected


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM so Excel reads UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_every_field_inert_formulas_and_unicode(answer_store, tmp_path):
    fill(answer_store)
    out = tmp_path / "answers.csv"
    count = export_to_file(answer_store.db, ExportRequest("csv"), out)
    rows = read_csv(out)
    assert count == len(rows) == 15
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    comments = [r["comment"] for r in rows]
    assert "'" + NASTY in comments and "'" + NASTY2 in comments
    assert "'-dirty tables" in comments
    assert ACCENTS in comments  # accents and emoji survive
    assert not any(c.startswith(("=", "@", "+", "-")) for r in rows for c in r.values())
    first = rows[0]
    assert first["score"] == "10" and first["reasons"] == "speed; friendliness"
    assert first["sync_state"] == "pending" and first["flagged"] == "0"
    assert first["local_time"] == "2026-11-20 09:00:00"
    flagged = [r for r in rows if r["flags"]]
    assert [r["flags"] for r in flagged] == ["burst"]


def test_csv_numbers_stay_numbers(answer_store, tmp_path):
    fill(answer_store)
    out = tmp_path / "a.csv"
    export_to_file(answer_store.db, ExportRequest("csv"), out)
    text = out.read_text(encoding="utf-8-sig")
    # unquoted numeric fields: ,10, not ,"10", nor ,'10,
    assert ",10,promoter," in text


def test_range_and_flagged_options(answer_store, tmp_path):
    fill(answer_store)
    out = tmp_path / "r.csv"
    n = export_to_file(
        answer_store.db, ExportRequest("csv", SINCE, UNTIL, include_flagged=False), out
    )
    assert n == 10
    assert {r["local_day"] for r in read_csv(out)} == {"2026-11-20", "2026-11-21"}


def test_xlsx_inert_strings_and_summary(answer_store, tmp_path):
    fill(answer_store)
    out = tmp_path / "answers.xlsx"
    request = ExportRequest("xlsx", SINCE, UNTIL, include_flagged=False)
    assert export_to_file(answer_store.db, request, out) == 10
    book = load_workbook(out)
    assert book.sheetnames == ["Answers", "Summary"]
    sheet = book["Answers"]
    header = [c.value for c in sheet[1]]
    assert header == list(EXPORT_COLUMNS)
    comment_col = header.index("comment")
    cells = [row[comment_col] for row in sheet.iter_rows(min_row=2)]
    values = [c.value for c in cells]
    assert "'" + NASTY in values and "'" + NASTY2 in values and ACCENTS in values
    assert "'-dirty tables" in values
    assert all(c.data_type == "s" for c in cells if c.value)
    scores = [row[header.index("score")].value for row in sheet.iter_rows(min_row=2)]
    assert all(isinstance(v, int) for v in scores)
    summary = {r[0].value: r[1].value for r in book["Summary"].iter_rows() if r and r[0].value}
    assert summary["NPS"] == 20.0 and summary["Answers"] == 10


def test_json_round_trip(answer_store, tmp_path):
    fill(answer_store)
    out = tmp_path / "a.json"
    export_to_file(answer_store.db, ExportRequest("json"), out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["include_flagged"] is True
    answers = data["answers"]
    assert len(answers) == 15
    assert answers[0]["reasons"] == ["speed", "friendliness"]
    assert answers[0]["comment"] == ACCENTS
    assert any(a["comment"] == NASTY for a in answers)  # JSON is data, not a spreadsheet
    assert set(answers[0]) == set(EXPORT_COLUMNS)


def test_empty_json_is_valid(answer_store):
    buffer = io.StringIO()
    assert export_to_stream(answer_store.db, ExportRequest("json"), buffer) == 0
    assert json.loads(buffer.getvalue())["answers"] == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_interrupted_export_leaves_no_file(answer_store, tmp_path, monkeypatch, fmt):
    fill(answer_store)
    from kiosk.export import writer

    real_rows = writer.iter_export_rows
    real_batches = writer.iter_sheet_batches
    real_chunks = writer.iter_csv_chunks

    def failing_rows(*args, **kwargs):
        for index, row in enumerate(real_rows(*args, **kwargs)):
            if index == 5:
                raise OSError(5, "Input/output error (stick pulled)")
            yield row

    def failing_batches(*args, **kwargs):
        for batch in real_batches(*args, batch=3, **kwargs):
            yield batch
            raise OSError(5, "Input/output error (stick pulled)")

    def failing_chunks(*args, **kwargs):
        for chunk in real_chunks(*args, batch=3, **kwargs):
            yield chunk
            raise OSError(5, "Input/output error (stick pulled)")

    monkeypatch.setattr(writer, "iter_export_rows", failing_rows)
    monkeypatch.setattr(writer, "iter_sheet_batches", failing_batches)
    monkeypatch.setattr(writer, "iter_csv_chunks", failing_chunks)
    out = tmp_path / f"answers.{fmt}"
    with pytest.raises(OSError):
        export_to_file(answer_store.db, ExportRequest(fmt), out)
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]  # no final file, no leftovers


def test_interrupted_export_keeps_previous_file(answer_store, tmp_path, monkeypatch):
    fill(answer_store)
    out = tmp_path / "answers.csv"
    out.write_text("the old, whole export\n", encoding="utf-8")
    from kiosk.export import writer

    def failing(*args, **kwargs):
        yield from ()
        raise KeyboardInterrupt

    monkeypatch.setattr(writer, "iter_csv_chunks", failing)
    with pytest.raises(KeyboardInterrupt):
        export_to_file(answer_store.db, ExportRequest("csv"), out)
    assert out.read_text(encoding="utf-8") == "the old, whole export\n"


def test_sqlite_formatting_equals_the_python_reference(answer_store):
    """The rows SQLite escapes for spreadsheets equal the Python reference, cell by cell."""
    from kiosk.export.cells import spreadsheet_cells
    from kiosk.store.exports import iter_export_rows, iter_sheet_batches

    fill(answer_store)
    tricky = ["=1+2", "+x", "-y", "@z", "\tt", "\rr", "\nn", 'a, "b"', "ok", "ñ😀"]
    for text in tricky:
        answer = answer_store.record_score(5, "es", flags=["burst"])
        answer_store.complete(answer.id, "sent", reasons=["price"], comment=text)
    open_answer = answer_store.record_score(9, "en")
    expected = [spreadsheet_cells(row) for row in iter_export_rows(answer_store.db)]
    got = [list(row) for batch in iter_sheet_batches(answer_store.db, batch=4) for row in batch]
    assert got == expected
    assert got[-1][EXPORT_COLUMNS.index("sync_state")] == "open"
    assert open_answer.id == got[-1][0]


def test_exported_file_gets_an_ordinary_files_mode(tmp_path):
    """mkstemp's owner-only mode would keep an export from anyone else on the PC."""
    import os
    import stat

    from kiosk.export.atomic import EXPORT_MODE, atomic_writer

    target = tmp_path / "out.csv"
    with atomic_writer(target) as handle:
        handle.write("a,b\n")
    assert stat.S_IMODE(os.stat(target).st_mode) == EXPORT_MODE
