"""Atomic writes (kiosk/files.py): whole under the final name or not at all, and durable.

Each writer of the kiosk goes through it; the last tests check that they still do, by
watching which files and folders really get fsynced on a real temp folder.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk import files
from kiosk.config import Settings
from kiosk.config.central import CentralConfig, last_good_path, save_last_good
from kiosk.config.files import save_document, settings_to_dict
from kiosk.export.atomic import atomic_writer as export_writer
from kiosk.store import keep

OLD = "the old, good contents\n"


def leftovers(folder: Path, keep_names: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep_names)


def test_write_text_replaces_the_file_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "f.txt"
    target.write_text(OLD, encoding="utf-8")
    files.write_text_atomically(target, "new\nlines\n", newline="\n")
    assert target.read_bytes() == b"new\nlines\n"
    assert leftovers(tmp_path, {"f.txt"}) == []


def test_a_write_that_fails_midway_leaves_the_old_file_intact(tmp_path):
    # A lone surrogate cannot be encoded: the write raises after a lot has been written.
    target = tmp_path / "f.txt"
    target.write_text(OLD, encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        files.write_text_atomically(target, "x" * 200_000 + "\ud800")
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path, {"f.txt"}) == []


class _Breaks:
    """Something a writer is handed that raises halfway through being written out."""

    def write_into(self, handle) -> None:
        handle.write("half of the new")
        handle.flush()
        raise RuntimeError("the disk went away")


def test_a_block_that_raises_leaves_the_old_file_intact(tmp_path):
    target = tmp_path / "f.txt"
    target.write_text(OLD, encoding="utf-8")
    with pytest.raises(RuntimeError), files.atomic_writer(target) as handle:
        _Breaks().write_into(handle)
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path, {"f.txt"}) == []


def test_a_refused_rename_leaves_the_old_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "f.txt"
    target.write_text(OLD, encoding="utf-8")

    def refuse(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        files.write_text_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path, {"f.txt"}) == []


def test_atomic_path_for_writers_that_open_the_file_themselves(tmp_path):
    target = tmp_path / "book.bin"
    with files.atomic_path(target, suffix=".part", file_mode=0o640) as tmp:
        assert tmp.parent == tmp_path and tmp.name.endswith(".part")
        tmp.write_bytes(b"\x00\x01")
        assert not target.exists()  # nothing under the final name until the block ends
    assert target.read_bytes() == b"\x00\x01"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(tmp_path, {"book.bin"}) == []


# --- every writer of the kiosk is atomic and durable -----------------------------------------


def _keep(folder: Path) -> Path:
    assert keep.remember(folder / "kiosk.sqlite", **{keep.SEQ_RESERVED: 100})
    return keep.keep_path(folder / "kiosk.sqlite")


def _central(folder: Path) -> Path:
    save_last_good(folder, CentralConfig("v1", {"kiosk": {"shop_name": "Central"}}))
    return last_good_path(folder)


def _config(folder: Path) -> Path:
    save_document(settings_to_dict(Settings()), folder / "kiosk.toml")
    return folder / "kiosk.toml"


def _export(folder: Path) -> Path:
    with export_writer(folder / "out.csv") as handle:
        handle.write("a,b\n")
    return folder / "out.csv"


WRITERS: dict[str, Callable[[Path], Path]] = {
    "store keep": _keep,
    "central config": _central,
    "config file": _config,
    "export": _export,
}


@pytest.mark.skipif(os.name != "posix", reason="folders are fsynced on POSIX only")
@pytest.mark.parametrize("name", WRITERS)
def test_each_writer_fsyncs_the_file_then_its_folder(tmp_path, monkeypatch, name):
    synced: list[tuple[int, int]] = []  # (st_dev, st_ino) of each fsynced fd, in order
    real_fsync = os.fsync

    def watching(fd: int) -> None:
        info = os.fstat(fd)
        synced.append((info.st_dev, info.st_ino))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", watching)
    written = WRITERS[name](tmp_path)
    monkeypatch.undo()

    def identity(path: Path) -> tuple[int, int]:
        info = path.stat()
        return info.st_dev, info.st_ino

    assert identity(written) in synced  # the data hit the disk (the rename keeps the inode)
    assert synced[-1] == identity(tmp_path)  # and then the rename did
    assert leftovers(tmp_path, {written.name}) == []


def test_keep_on_a_read_only_disk_reports_it_and_keeps_the_old_facts(read_only_data):
    store = read_only_data / "kiosk.sqlite"
    before = keep.seq_reserved(store)
    assert before > 0  # the store's one answer raised the mark before the remount
    assert keep.remember(store, **{keep.SEQ_RESERVED: before + 500}) is False
    assert keep.seq_reserved(store) == before


# --- what a power cut midway leaves behind ---------------------------------------------------

WRITER = r"""
import sys, time
from kiosk.export.atomic import atomic_writer
with atomic_writer(sys.argv[1], "w") as handle:
    handle.write("half of an export\n")
    handle.flush()
    print("writing", flush=True)
    time.sleep(60)  # killed here, or let go by the test
"""


def start_writer(target: Path) -> subprocess.Popen:
    """A real writer process, stopped in the middle of writing ``target``."""
    root = Path(__file__).resolve().parents[1]
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target)],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(root)),
    )
    assert writer.stdout is not None
    assert writer.stdout.readline() == "writing\n"
    return writer


def pull_the_plug(writer: subprocess.Popen) -> None:
    writer.kill()
    writer.wait(10)
    assert writer.stdout is not None
    writer.stdout.close()


def age(folder: Path) -> list[Path]:
    """The hidden parts in ``folder``, made older than the sweep's grace."""
    parts = sorted(folder.glob(".*.part"))
    for part in parts:
        os.utime(part, (time.time() - 3600, time.time() - 3600))
    return parts


def test_a_power_cut_midway_leaves_a_part_the_next_write_of_that_file_removes(tmp_path):
    target = tmp_path / "answers.csv"
    writer = start_writer(target)
    pull_the_plug(writer)  # mid-export
    assert not target.exists()
    assert len(age(tmp_path)) == 1
    with export_writer(target, "w") as handle:
        handle.write("the whole export\n")
    assert target.read_text(encoding="utf-8") == "the whole export\n"
    assert leftovers(tmp_path, {"answers.csv"}) == []


def test_a_part_still_being_written_is_never_swept(tmp_path):
    target = tmp_path / "answers.csv"
    writer = start_writer(target)
    try:
        parts = age(tmp_path)
        assert files.sweep_unfinished(tmp_path, ".part") == 0  # the writer holds it
        with export_writer(target, "w") as handle:  # nor by a write of the same name
            handle.write("another export\n")
        assert all(part.exists() for part in parts)
    finally:
        pull_the_plug(writer)
    age(tmp_path)
    assert files.sweep_unfinished(tmp_path, ".part") == 1
    assert leftovers(tmp_path, {"answers.csv"}) == []


def test_a_fresh_part_and_other_programs_files_are_left_alone(tmp_path):
    target = tmp_path / "answers.csv"
    pull_the_plug(start_writer(target))
    # Firefox's partial download and a hidden file of another shape.
    (tmp_path / "video.mp4.part").write_text("x", encoding="utf-8")
    (tmp_path / ".notes.part").write_text("x", encoding="utf-8")
    assert files.sweep_unfinished(tmp_path, ".part") == 0  # seconds old: maybe not locked yet
    age(tmp_path)
    os.utime(tmp_path / "video.mp4.part", (time.time() - 3600, time.time() - 3600))
    assert files.sweep_unfinished(tmp_path, ".part") == 1
    assert leftovers(tmp_path, set()) == [".notes.part", "video.mp4.part"]


def _open_descriptors_of(path: Path) -> int:
    folder = Path("/proc/self/fd")
    count = 0
    for fd in folder.iterdir():
        try:
            if os.readlink(fd) == str(path):
                count += 1
        except OSError:
            continue
    return count


def write_with(writer: str, target: Path) -> None:
    """``x = 1`` written to ``target`` through one of the two atomic writers."""
    if writer == "atomic_writer":
        with files.atomic_writer(target, "w") as handle:
            handle.write("x = 1\n")
    else:
        with files.atomic_path(target) as tmp:
            tmp.write_text("x = 1\n", encoding="utf-8")


@pytest.mark.parametrize("writer", ["atomic_writer", "atomic_path"])
def test_the_lock_holds_up_to_the_rename(tmp_path, monkeypatch, writer):
    """Between the handle's close and the rename a sweep must still see a living writer."""
    real_commit = files._commit
    seen = []

    def commit(tmp, path, file_mode):
        os.utime(tmp, (time.time() - 3600, time.time() - 3600))
        seen.append(files.sweep_unfinished(tmp.parent, ".tmp"))
        assert tmp.exists()
        real_commit(tmp, path, file_mode)

    monkeypatch.setattr(files, "_commit", commit)
    target = tmp_path / "kiosk.toml"
    write_with(writer, target)
    assert seen == [0] and target.read_text(encoding="utf-8") == "x = 1\n"


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts descriptors in /proc")
@pytest.mark.parametrize("writer", ["atomic_writer", "atomic_path"])
def test_without_flock_nothing_is_open_at_the_rename(tmp_path, monkeypatch, writer):
    """Windows has no fcntl and refuses to rename an open file: no descriptor of the
    temporary file may be open when it is renamed."""
    real_commit = files._commit
    open_at_rename = []

    def commit(tmp, path, file_mode):
        open_at_rename.append(_open_descriptors_of(tmp))
        real_commit(tmp, path, file_mode)

    monkeypatch.setattr(files, "fcntl", None)
    monkeypatch.setattr(files, "_commit", commit)
    target = tmp_path / "kiosk.toml"
    write_with(writer, target)
    assert open_at_rename == [0]
    assert leftovers(tmp_path, {"kiosk.toml"}) == []


def test_a_fifo_or_link_with_a_parts_name_is_never_opened(tmp_path):
    os.mkfifo(tmp_path / ".answers.csv.abcd1234.part")
    (tmp_path / "precious.txt").write_text("keep", encoding="utf-8")
    (tmp_path / ".answers.csv.efgh5678.part").symlink_to(tmp_path / "precious.txt")
    assert files.sweep_unfinished(tmp_path, ".part") == 0  # returns at once, removes neither
    assert (tmp_path / "precious.txt").read_text(encoding="utf-8") == "keep"
