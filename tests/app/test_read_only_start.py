"""Issue 9: a read-only data folder at start was reported as "another kiosk is already
running"; the kiosk now says what is wrong, and never calls a healthy store damaged."""

from __future__ import annotations

import argparse
import logging

import pytest

from kiosk import __version__
from kiosk.app import shell
from kiosk.logs import setup_logging
from kiosk.store.opening import StoreUnavailable
from kiosk.store.recovery import open_store


def test_a_read_only_data_folder_is_not_another_kiosk(qtbot, read_only_data, caplog):
    listing = sorted(p.name for p in read_only_data.iterdir())
    args = argparse.Namespace(
        config=None, data_dir=str(read_only_data), windowed=True, log_level="INFO", command="run"
    )
    try:
        with caplog.at_level(logging.INFO, "kiosk"):
            code = shell.main(args)
    finally:
        setup_logging(None, console=False)
    assert code == shell.EXIT_NO_STORE
    assert "already running" not in caplog.text
    assert "mounted read-only" in caplog.text
    assert sorted(p.name for p in read_only_data.iterdir()) == listing  # nothing moved


def test_opening_for_writing_says_read_only_not_damaged(read_only_data):
    with pytest.raises(StoreUnavailable, match="mounted read-only"):
        open_store(read_only_data / "kiosk.sqlite", "k", __version__)
    assert not (read_only_data / "corrupt").exists()


def test_a_data_folder_that_cannot_be_created_is_said_so(qtbot, read_only_data, caplog):
    missing = read_only_data / "not-there"
    args = argparse.Namespace(
        config=None, data_dir=str(missing), windowed=True, log_level="INFO", command="run"
    )
    try:
        with caplog.at_level(logging.INFO, "kiosk"):
            code = shell.main(args)
    finally:
        setup_logging(None, console=False)
    assert code == shell.EXIT_NO_STORE
    assert "cannot create the data folder" in caplog.text
    assert "already running" not in caplog.text
