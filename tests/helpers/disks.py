"""Real small and read-only filesystems for the tests that need a disk to refuse writes.

A tmpfs of a given size is mounted on a folder under the test's ``tmp_path`` (this needs
root, and a kernel that lets the test mount; elsewhere the test is skipped, saying why) and
lazily unmounted afterwards, even when the test fails. Registered by ``tests/conftest.py``.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.store.recovery import open_store


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """``folder`` (made here) as the mount point of a tmpfs of ``size`` (``"16m"``)."""
    folder.mkdir(parents=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder) -> None:
    """Write a filler file until the filesystem refuses one more byte."""
    with (folder / "filler.bin").open("wb", buffering=0) as handle:
        for size in (2**20, 2**16, 2**12, 2**9, 1):
            try:
                while True:
                    handle.write(b"\xff" * size)
            except OSError:
                continue


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Path]:
    """A folder on its own tmpfs of 72 MB (room for the store and its ballast), to fill."""
    with tmpfs(tmp_path / "disk", "72m") as folder:
        yield folder


@pytest.fixture
def read_only_data(tmp_path) -> Iterator[Path]:
    """A data folder holding a healthy store (one answer), then remounted read-only."""
    with tmpfs(tmp_path / "ro", "16m") as folder:
        opened = open_store(folder / "kiosk.sqlite", "k", __version__)
        opened.answers.record_score(9, "es")
        opened.db.close()
        remount_read_only(folder)
        yield folder
