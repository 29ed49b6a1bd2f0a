import csv
import io
import json

from helpers.admin import NASTY, fill

from kiosk.commands import main as cli


def test_export_csv_to_stdout(answer_store, data_dir, capsys):
    fill(answer_store)
    code = cli.main(
        [
            "--data-dir",
            str(data_dir),
            "export",
            "--format",
            "csv",
            "--since",
            "2026-11-21",
            "--no-include-flagged",
        ]
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 6
    assert "'" + NASTY in [r["comment"] for r in rows]


def test_export_json_file(answer_store, data_dir, tmp_path, capsys):
    fill(answer_store)
    out = tmp_path / "out.json"
    assert (
        cli.main(["--data-dir", str(data_dir), "export", "--format", "json", "-o", str(out)]) == 0
    )
    assert len(json.loads(out.read_text(encoding="utf-8"))["answers"]) == 15
    assert "15 answer(s)" in capsys.readouterr().err


def test_xlsx_needs_a_file(data_dir, capsys):
    assert cli.main(["--data-dir", str(data_dir), "export", "--format", "xlsx"]) == 2
    assert "-o FILE" in capsys.readouterr().err
