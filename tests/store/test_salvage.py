"""Issue 9: recovery that reads what is on disk page by page, keeps the numbering above every
seq ever given, and keeps the PIN; on real SQLite files damaged the ways disks damage them."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from test_recovery import _answer_leaf_pages, _fill, answers_by_id

from kiosk.store import keep, salvage
from kiosk.store.pin import PinStore
from kiosk.store.recovery import open_store

PIN = "86420"


def _page_size(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA page_size").fetchone()[0]
    finally:
        con.close()


def _store_with_a_pin(path: Path, count: int) -> dict[str, tuple]:
    original = _fill(path, count)
    opened = open_store(path, "k", "v", check=False)
    try:
        PinStore(opened.db, scrypt_n=2**8).set_pin(PIN)
    finally:
        opened.db.close()
    assert not Path(f"{path}-wal").exists()  # checkpointed: everything is in the file
    return original


def _recovered_matches(path: Path, original: dict[str, tuple]) -> dict[str, tuple]:
    now = answers_by_id(path)
    for answer_id, row in now.items():
        before = original.get(answer_id)
        if before is None:
            continue  # the answer recorded after the recovery
        # id, seq, score, created, offset, reasons, comment, language, flags: as they were
        assert row[:9] == before[:9]
        assert row[9] == (before[9] or "timeout")
    return now


@pytest.mark.slow
def test_a_store_cut_to_half_gives_back_every_intact_row(data_dir):
    path = data_dir / "kiosk.sqlite"
    original = _store_with_a_pin(path, 3000)
    page_size = _page_size(path)
    half = path.stat().st_size // 2
    intact = sum(cells for page, cells in _answer_leaf_pages(path) if page * page_size <= half)
    assert 1000 < intact < 3000
    os.truncate(path, half)

    opened = open_store(path, "k", "v")
    try:
        report = opened.recovery
        assert report is not None and report.recovered >= intact  # was 0 of 3,000
        # the newest answers were in the lost half: numbering goes on above all of them
        assert opened.answers.record_score(5, "es").seq > 3000
        assert PinStore(opened.db, scrypt_n=2**8).check(PIN).ok
    finally:
        opened.db.close()
    assert len(_recovered_matches(path, original)) >= intact + 1


@pytest.mark.slow
def test_a_store_with_page_1_zeroed_gives_back_every_answer(data_dir):
    path = data_dir / "kiosk.sqlite"
    original = _store_with_a_pin(path, 3000)
    page_size = _page_size(path)
    with path.open("r+b") as handle:
        handle.write(bytes(page_size))  # the header and the schema: gone

    opened = open_store(path, "k", "v")
    try:
        assert opened.recovery is not None and opened.recovery.recovered == 3000  # was 0
        seq = opened.answers.record_score(5, "es").seq
        assert 3000 < seq <= 3000 + keep.SEQ_MARGIN + 1  # above the high-water mark
        assert PinStore(opened.db, scrypt_n=2**8).check(PIN).ok
    finally:
        opened.db.close()
    assert len(_recovered_matches(path, original)) == 3001


def test_a_store_emptied_to_0_bytes_keeps_numbering_and_pin(data_dir):
    path = data_dir / "kiosk.sqlite"
    _store_with_a_pin(path, 150)
    assert keep.seq_reserved(path) >= 150
    os.truncate(path, 0)

    opened = open_store(path, "k", "v")
    try:
        report = opened.recovery
        assert report is not None and "empty" in report.reason
        assert report.pin_restored_from == "beside the store"
        seq = opened.answers.record_score(5, "es").seq
        assert seq > 150  # a gap the central side can see, never a number given twice
        assert f"numbered from {seq}" in report.summary()
        assert PinStore(opened.db, scrypt_n=2**8).check(PIN).ok  # not open to anyone
    finally:
        opened.db.close()


def test_a_pin_lost_with_both_copies_is_said_and_leaves_the_area_closed(data_dir, caplog):
    """The keep file gone too: no PIN can come back. That is said (summary and log), and the
    store has no PIN, which closes the admin area to the corner (only `kiosk set-pin`)."""
    path = data_dir / "kiosk.sqlite"
    _store_with_a_pin(path, 40)
    keep.keep_path(path).unlink()
    os.truncate(path, 0)
    with caplog.at_level("WARNING", logger="kiosk"):
        opened = open_store(path, "k", "v")
    try:
        report = opened.recovery
        assert report is not None and report.pin_restored_from == "none"
        assert "No admin PIN could be recovered" in report.summary()
        assert "kiosk set-pin" in report.summary()
        assert any("kiosk set-pin" in r.getMessage() for r in caplog.records)
        pins = PinStore(opened.db, scrypt_n=2**8)
        assert not pins.has_pin()  # the area's "no owner" screen, never "choose a PIN"
        assert not pins.check(PIN).ok
    finally:
        opened.db.close()


def test_a_deleted_store_keeps_numbering_and_pin(data_dir):
    path = data_dir / "kiosk.sqlite"
    _store_with_a_pin(path, 120)
    path.unlink()
    opened = open_store(path, "k", "v")
    try:
        assert opened.recovery is None
        assert opened.answers.record_score(5, "es").seq > 120
        assert PinStore(opened.db, scrypt_n=2**8).check(PIN).ok
    finally:
        opened.db.close()


def test_the_high_water_mark_stays_ahead_of_every_seq(answer_store):
    path = answer_store.db.path
    for _ in range(250):
        seq = answer_store.record_score(5, "es").seq
        assert keep.seq_reserved(path) >= seq


def test_salvage_reads_rows_only_in_the_wal(data_dir):
    path = data_dir / "kiosk.sqlite"
    opened = open_store(path, "k", "v")
    try:
        ids = [opened.answers.record_score(s, "es").id for s in range(11)]
        found = salvage.salvage(path)  # the writer is still open: the rows are in the -wal
    finally:
        opened.db.close()
    assert Path(f"{path}-wal").exists() or found.rows
    assert {row["id"] for row, _origin in found.rows} >= set(ids)
