"""Issue 9: the owner's read-only commands on a damaged store leave it exactly as found (the
docs promise the -wal and -shm are kept as evidence) and say so, with exit code 3, never a
traceback; a store that is merely unopenable is not called damaged."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.commands import main as cli
from kiosk.store import integrity
from kiosk.store.answers import AnswerStore
from kiosk.store.database import Database
from kiosk.store.recovery import open_store

COMPANIONS = ("", "-wal", "-shm")


pytestmark = pytest.mark.usefixtures("close_kiosk_log_handlers")  # commands log to files


def digests(path: Path) -> dict[str, str]:
    """The store and its -wal byte for byte, and whether the -shm is there. (The -shm is
    SQLite's shared-memory index of the -wal: any reader, even read-only, records its read
    marks there, and SQLite rebuilds it from the -wal; its presence is what matters.)"""
    found = {
        suffix: hashlib.sha256(Path(f"{path}{suffix}").read_bytes()).hexdigest()
        for suffix in ("", "-wal")
        if Path(f"{path}{suffix}").exists()
    }
    if Path(f"{path}-shm").exists():
        found["-shm"] = "present"
    return found


def damaged_store_with_a_wal(tmp_path: Path, data_dir: Path) -> Path:
    """A store whose newest answers are only in its -wal, and with an answers page smashed:
    the three files as a power cut leaves them."""
    source = tmp_path / "source" / "kiosk.sqlite"
    source.parent.mkdir()
    db = Database(source)
    store = AnswerStore(db, "k", __version__)
    for i in range(600):
        store.record_score(i % 11, "es")
    db.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for i in range(20):
        store.record_score(i % 11, "en")  # only in the -wal
    con = sqlite3.connect(source)
    leaves = [
        row[0]
        for row in con.execute(
            "SELECT pageno FROM dbstat WHERE name = 'answers' AND pagetype = 'leaf' ORDER BY pageno"
        )
    ]
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    target = data_dir / "kiosk.sqlite"
    for suffix in COMPANIONS:  # copied while the writer still has them open
        shutil.copy2(f"{source}{suffix}", f"{target}{suffix}")
    db.close()
    with target.open("r+b") as handle:
        handle.seek((leaves[len(leaves) // 2] - 1) * page_size)
        handle.write(b"\x00" + os.urandom(page_size - 1))
    return target


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["stats", "--json"],
        ["export", "--format", "csv"],
        ["status"],
    ],
)
@pytest.mark.parametrize("checked_at_open", [True, False], ids=["checked", "met-while-reading"])
def test_read_only_commands_leave_a_damaged_store_as_found(
    tmp_path, data_dir, capsys, monkeypatch, command, checked_at_open
):
    path = damaged_store_with_a_wal(tmp_path, data_dir)
    if not checked_at_open:  # a big store: no check at open, the damage is met mid-read
        monkeypatch.setattr(integrity, "START_CHECK_LIMIT_BYTES", 0)
    before = digests(path)
    assert set(before) == set(COMPANIONS)
    code = cli.main(["--data-dir", str(data_dir), *command])
    err = capsys.readouterr().err
    if code == 0:
        # Unchecked, and nothing the command read was on the smashed page (stats and status
        # read the tallies and the outbox): fine, as long as nothing changed.
        assert not checked_at_open and command[0] != "export"
    else:
        assert code == 3
        assert "damaged" in err and "left exactly as it is" in err
        assert "Traceback" not in err
    assert digests(path) == before  # not checkpointed, -wal and -shm not deleted
    assert not (data_dir / "corrupt").exists()  # setting aside is the kiosk's start's job


def test_the_kiosk_start_then_sets_it_aside_with_its_wal(tmp_path, data_dir, capsys):
    path = damaged_store_with_a_wal(tmp_path, data_dir)
    before = digests(path)
    assert cli.main(["--data-dir", str(data_dir), "stats"]) == 3
    opened = open_store(path, "k", __version__)  # the one path that sets a store aside
    try:
        assert opened.recovery is not None
        aside = opened.recovery.set_aside_in
        assert digests(aside / "kiosk.sqlite") == before
        assert opened.recovery.recovered >= 620 - 40  # all but the smashed page's rows
        seqs = {a.seq for a in opened.answers.iter_answers()}
        assert set(range(601, 621)) <= seqs  # the 20 newest, only in the -wal, among them
    finally:
        opened.db.close()


def test_status_on_a_healthy_store_in_a_read_only_folder_is_not_called_damaged(
    read_only_data, capsys
):
    listing = sorted(p.name for p in read_only_data.iterdir())
    code = cli.main(["--data-dir", str(read_only_data), "status"])
    captured = capsys.readouterr()
    assert "damaged" not in captured.err + captured.out
    assert code == 0 and "1 from guests" in captured.out  # a checkpointed store reads fine
    assert sorted(p.name for p in read_only_data.iterdir()) == listing


def test_status_says_cannot_open_when_a_read_only_store_needs_its_wal(tmp_path, capsys):
    """A power cut left a -wal (answers only there), then the folder went read-only: SQLite
    cannot read it without a -shm it may create. "Cannot open", with why, never "damaged"."""
    from helpers.disks import remount_read_only, tmpfs

    with tmpfs(tmp_path / "ro", "16m") as folder:
        path = folder / "kiosk.sqlite"
        opened = open_store(path, "k", __version__)
        opened.answers.record_score(9, "es")
        # The state at the power cut: the -wal holds the answer, no checkpoint, no -shm.
        kept = {name: (folder / name).read_bytes() for name in ("kiosk.sqlite", "kiosk.sqlite-wal")}
        opened.db.close()
        for name, data in kept.items():
            (folder / name).write_bytes(data)
        (folder / "kiosk.sqlite-shm").unlink(missing_ok=True)
        remount_read_only(folder)
        listing = sorted(p.name for p in folder.iterdir())
        code = cli.main(["--data-dir", str(folder), "status"])
        captured = capsys.readouterr()
        assert code == 3
        assert "cannot open" in captured.err and "read-only" in captured.err
        assert "damaged" not in captured.err + captured.out
        assert sorted(p.name for p in folder.iterdir()) == listing


def test_sync_on_a_read_only_data_says_what_is_wrong(read_only_data, capsys):
    code = cli.main(["--data-dir", str(read_only_data), "sync", "--once"])
    err = capsys.readouterr().err
    assert code == 3
    assert "mounted read-only" in err and "damaged" not in err
    assert not (read_only_data / "corrupt").exists()
