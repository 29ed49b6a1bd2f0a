"""`kiosk stats` and `kiosk set-pin`, run in-process through kiosk.commands.main."""

from __future__ import annotations

import argparse
import json

from helpers.admin import fill

from kiosk.commands import main as cli
from kiosk.commands import set_pin as pin_cli
from kiosk.store.pin import PinStore
from kiosk.store.recovery import open_store


def test_stats_text(answer_store, data_dir, capsys):
    fill(answer_store)
    assert (
        cli.main(
            ["--data-dir", str(data_dir), "stats", "--since", "2026-11-20", "--until", "2026-11-21"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "too few answers (10)" in out
    assert "+70.0 points" in out
    assert "Flagged answers (counted apart): 1" in out


def test_stats_json_all_time(answer_store, data_dir, capsys):
    fill(answer_store)
    assert cli.main(["--data-dir", str(data_dir), "stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["since"] == "2026-11-18" and data["answers"] == 14


def args_for(data_dir):
    return argparse.Namespace(config=None, data_dir=str(data_dir))


def test_set_pin_twice(data_dir, capsys):
    answers = iter(["13579", "13579"])
    assert pin_cli.main(args_for(data_dir), ask=lambda prompt: next(answers)) == 0
    assert "PIN set" in capsys.readouterr().out
    opened = open_store(data_dir / "kiosk.sqlite", "k", "1")
    try:
        assert PinStore(opened.db).check("13579").ok
    finally:
        opened.db.close()


def test_set_pin_refuses_mismatch_and_bad_pins(data_dir, capsys):
    answers = iter(["1234", "4321"])
    assert pin_cli.main(args_for(data_dir), ask=lambda prompt: next(answers)) == 1
    assert "differ" in capsys.readouterr().err
    assert pin_cli.main(args_for(data_dir), ask=lambda prompt: "12a4") == 1
    assert "digits only" in capsys.readouterr().err
    opened = open_store(data_dir / "kiosk.sqlite", "k", "1")
    try:
        assert not PinStore(opened.db).has_pin()
    finally:
        opened.db.close()


def test_status_names_the_spill_files_that_wait(answer_store, data_dir, capsys):
    """Writes a full disk refused wait in spill files until the next start with room:
    ``kiosk status`` says how many and where, so IT knows before it restarts anything."""
    from kiosk.store import spill
    from kiosk.store.recorder import DurableRecorder

    assert cli.main(["--data-dir", str(data_dir), "status"]) == 0
    assert "spilled" not in capsys.readouterr().out
    recorder = DurableRecorder(answer_store, spill_dir=data_dir)
    answer_store.db.connection().execute("PRAGMA query_only = ON")
    recorder.record_score(4, "es")
    recorder.record_score(9, "en")
    answer_store.db.connection().execute("PRAGMA query_only = OFF")
    [path] = spill.pending(data_dir)
    assert cli.main(["--data-dir", str(data_dir), "status"]) == 0
    out = capsys.readouterr().out
    assert "spilled:      2 write(s)" in out and str(path) in out
    assert cli.main(["--data-dir", str(data_dir), "status", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["spilled_writes"] == 2 and data["spill_files"] == [str(path)]
