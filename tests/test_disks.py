"""The real small and read-only filesystems of tests/helpers/disks.py really refuse writes.

The full-disk and read-only tests only mean something if the disk under them does.
"""

from __future__ import annotations

import errno
import os

import pytest
from helpers.disks import tmpfs


def test_a_small_disk_refuses_writes_past_its_size(tmp_path):
    with tmpfs(tmp_path / "disk", "1m") as folder:
        assert os.path.ismount(folder)
        with pytest.raises(OSError) as caught:
            (folder / "big.bin").write_bytes(b"\xff" * (2 * 2**20))
        assert caught.value.errno == errno.ENOSPC
    assert not os.path.ismount(folder)  # unmounted afterwards


def test_the_read_only_data_folder_holds_a_store_and_refuses_writes(read_only_data):
    assert (read_only_data / "kiosk.sqlite").stat().st_size > 0
    with pytest.raises(OSError) as caught:
        (read_only_data / "new.txt").write_text("x", encoding="utf-8")
    assert caught.value.errno == errno.EROFS
