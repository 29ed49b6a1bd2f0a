import csv
import io
import json

import pytest
from admin_fixtures import ACCENTS, NASTY, NASTY2, SINCE, UNTIL, fill
from openpyxl import load_workbook

from kiosk.export.cells import escape_text
from kiosk.export.writer import ExportRequest, export_to_file, export_to_stream
from kiosk.store.exports import EXPORT_COLUMNS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"), ("\rx", "'\rx"), ("\nx", "'\nx"), ("fine = ok", "fine = ok"), ("", ""),
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

    real = writer.iter_export_rows

    def failing(*args, **kwargs):
        for index, row in enumerate(real(*args, **kwargs)):
            if index == 5:
                raise OSError(5, "Input/output error (stick pulled)")
            yield row

    monkeypatch.setattr(writer, "iter_export_rows", failing)
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

    monkeypatch.setattr(writer, "iter_export_rows", failing)
    with pytest.raises(KeyboardInterrupt):
        export_to_file(answer_store.db, ExportRequest("csv"), out)
    assert out.read_text(encoding="utf-8") == "the old, whole export\n"
