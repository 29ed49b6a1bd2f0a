"""Writes the store could not take, kept in a file somewhere else until it takes them.

While the store refuses writes (the disk is full or read-only), the recorder copies each
waiting write, as a JSON line, into a spill file (:class:`Spill`), so that a power cut or a
crash loses nothing the guest tapped either, not only a clean stop. A file goes to the first
of :func:`spill_folders` that accepts it: the data folder itself (once the ballast is gone
there may be room), then the user's state folder, then a temporary folder. Each folder is
the kiosk user's own (mode 0700, files 0600), since a spill file holds what a guest wrote
and the contact they left for a call-back; files elsewhere are neither written nor read.

The next start replays every spill file of this data folder, in the order they were made
(a number in the name, not the clock, which can be wrong), through the recorder; a write
whose effect is already in the store is skipped, so replaying twice is harmless. The files
are deleted only once every write in them is in the store.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.files import fsync_folder

log = logging.getLogger("kiosk.store")

SPILL_PREFIX = "kiosk-spill-"
_NUMBER = re.compile(re.escape(SPILL_PREFIX) + r"(\d+)-")


def spill_folders(data_dir: Path) -> list[Path]:
    """Where spill files of ``data_dir`` go, the preferred first: the data folder, the
    user's state folder, then a temporary folder that outlives a reboot (``/var/tmp``)
    before the system's own (often a RAM disk, emptied by the reboot after a power cut)."""
    data_dir = Path(data_dir)
    key = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    folders = [data_dir / "spill"]
    try:
        state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    except RuntimeError:  # no HOME and no user entry: no state folder
        state = ""
    if state:
        folders.append(Path(state) / "counter-kiosk" / f"spill-{key}")
    for folder in temporary_folders():
        folders.append(folder / f"counter-kiosk-spill-{key}")
    return folders


def temporary_folders() -> list[Path]:
    """Shared temporary folders, the one that outlives a reboot first."""
    folders = [Path("/var/tmp")] if os.name == "posix" else []
    folders.append(Path(tempfile.gettempdir()))
    return list(dict.fromkeys(folders))


def _check_ours(path: Path, info: os.stat_result, is_folder: bool) -> None:
    """OSError unless ``path`` is a real folder (or file) of this user: a link, or a name
    someone else made first in a shared folder, is never written through or read."""
    wanted = stat.S_ISDIR if is_folder else stat.S_ISREG
    if not wanted(info.st_mode):
        raise OSError(f"{path} is not a {'folder' if is_folder else 'file'}")
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        raise OSError(f"{path} belongs to another user")


def _own_folder(folder: Path) -> None:
    """Make ``folder`` if needed, check that it is ours and let only us read it."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = os.lstat(folder)
    _check_ours(folder, info, is_folder=True)
    if info.st_mode & 0o077:
        os.chmod(folder, 0o700)


def _lines(records: Iterable[dict[str, Any]]) -> bytes:
    # ASCII JSON: a lone surrogate in a comment is escaped, never an encoding error.
    return "".join(json.dumps(r) + "\n" for r in records).encode("ascii")


def _append(path: Path, data: bytes, *, new: bool) -> None:
    """Append ``data`` to ``path`` and fsync it; on failure the file is as it was."""
    flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0)
    flags |= os.O_CREAT | os.O_EXCL if new else 0
    fd = os.open(path, flags, 0o600)
    try:
        size = os.fstat(fd).st_size
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        except OSError:
            try:
                os.ftruncate(fd, size)  # no torn line left behind
            except OSError:
                pass
            raise
    finally:
        os.close(fd)
    if new:
        fsync_folder(path.parent)


class Spill:
    """The spill files of one data folder that this run made or adopted.

    :meth:`keep` appends writes to the newest file, or starts a new one in the first folder
    that takes it; :meth:`adopt` takes over the files an earlier run left; :meth:`forget`
    deletes them once the store holds everything in them (a file with damaged lines is set
    aside instead, for a person to look at).
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.files: list[Path] = []
        self._damaged: set[Path] = set()
        self._open: Path | None = None  # the file the next writes are appended to
        self._failing = False  # no folder took the last file: said once, not every retry

    def keep(
        self,
        records: list[dict[str, Any]],
        everything: Callable[[], list[dict[str, Any]]],
        stamp: str,
    ) -> Path | None:
        """Append ``records`` (the newest waiting writes) durably to the open file; when
        there is none, or it is gone, start one with ``everything`` that waits, so no write
        depends on a file that may no longer exist. The file, or None if no folder took it."""
        if self._open is not None:
            try:
                _append(self._open, _lines(records), new=False)
                return self._open
            except OSError as exc:
                log.warning("cannot add to the spill file %s: %s", self._open, exc)
                self._open = None
        data = _lines(everything())
        number = 1 + max((_number(path) for path in pending(self.data_dir)), default=0)
        for folder in spill_folders(self.data_dir):
            path = folder / f"{SPILL_PREFIX}{number:08d}-{stamp}.jsonl"
            try:
                _own_folder(folder)
                _append(path, data, new=True)
            except OSError as exc:
                if not self._failing:
                    log.warning("cannot write the spill file %s: %s", path, exc)
                try:
                    path.unlink(missing_ok=True)
                except OSError:
                    pass
                continue
            self.files.append(path)
            self._open = path
            self._failing = False
            return path
        self._failing = True
        return None

    def adopt(self, path: Path, *, damaged: bool = False) -> None:
        """Take over an earlier run's file (read whole, or ``damaged``: lines unreadable)."""
        self.files.append(path)
        if damaged:
            self._damaged.add(path)

    def forget(self) -> None:
        """Delete the files (durably); set a damaged one aside as ``*.damaged``. A file that
        cannot be deleted stays listed, for the next time."""
        left: list[Path] = []
        for path in self.files:
            try:
                if path in self._damaged:
                    aside = path.with_name(path.name + ".damaged")
                    os.replace(path, aside)
                    log.warning("a spill file had unreadable lines: kept aside as %s", aside)
                else:
                    path.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("cannot delete the replayed spill file %s: %s", path, exc)
                left.append(path)
        for folder in {path.parent for path in self.files}:
            fsync_folder(folder)  # a power cut just after must not bring the files back
        self.files = left
        self._damaged &= set(left)
        self._open = None


def _number(path: Path) -> int:
    found = _NUMBER.match(path.name)
    return int(found.group(1)) if found else 0


def pending(data_dir: Path) -> list[Path]:
    """The spill files of ``data_dir``, in the order they were made: only real files of
    this user, in folders of this user (a file planted in a shared folder is not replayed)."""
    found: list[Path] = []
    for folder in spill_folders(data_dir):
        try:
            _check_ours(folder, os.lstat(folder), is_folder=True)
            names = list(folder.glob(f"{SPILL_PREFIX}*.jsonl"))
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("not reading spill files in %s: %s", folder, exc)
            continue
        for path in names:
            try:
                _check_ours(path, os.lstat(path), is_folder=False)
            except OSError as exc:
                log.warning("not replaying %s: %s", path, exc)
                continue
            found.append(path)
    return sorted(found, key=lambda path: (_number(path), path.name))


def read(path: Path) -> list[dict[str, Any]]:
    """The records of one spill file; a torn last line (a crash while writing) is skipped."""
    return read_counting(path)[0]


def read_counting(path: Path) -> tuple[list[dict[str, Any]], int]:
    """The records of one spill file and how many whole lines could not be read (a torn
    last line, a crash while writing, is not counted: that write was never confirmed)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        data = handle.read()
    lines = data.split(b"\n")
    torn = lines.pop()  # after the last newline: empty, or a write cut short
    records: list[dict[str, Any]] = []
    damaged = 0
    for line in lines:
        try:
            record = json.loads(line.decode("utf-8"))
        except ValueError:  # UnicodeDecodeError is one too
            record = None
        if isinstance(record, dict):
            records.append(record)
        else:
            damaged += 1
    if damaged or torn:
        log.warning("skipping %d unreadable line(s) in %s", damaged + bool(torn), path)
    return records, damaged


@dataclass(frozen=True, slots=True)
class Waiting:
    """What the spill files of a data folder hold (for ``kiosk status``)."""

    files: tuple[Path, ...]
    writes: int


def waiting(data_dir: Path) -> Waiting:
    files = tuple(pending(data_dir))
    writes = 0
    for path in files:
        try:
            writes += len(read(path))
        except OSError as exc:
            log.warning("cannot read the spill file %s: %s", path, exc)
    return Waiting(files, writes)
