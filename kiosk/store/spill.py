"""Writes the store could not take, kept in a file somewhere else until it takes them.

While the store refuses writes (the disk is full or read-only), the recorder copies each
waiting write, as a JSON line, into a spill file (:class:`Spill`), so that a power cut or a
crash loses nothing the guest tapped either, not only a clean stop. A file goes to the first
of :func:`spill_folders` that accepts it: the data folder itself (once the ballast is gone
there may be room), then the user's state folder, then the system's temporary folder. Each
folder is the kiosk user's own (mode 0700, files 0600), since a spill file holds what a
guest wrote and the contact they left for a call-back.

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
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.files import fsync_folder

log = logging.getLogger("kiosk.store")

SPILL_PREFIX = "kiosk-spill-"
_NUMBER = re.compile(re.escape(SPILL_PREFIX) + r"(\d+)-")


def spill_folders(data_dir: Path) -> list[Path]:
    """Where spill files of ``data_dir`` go, the preferred first."""
    data_dir = Path(data_dir)
    key = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return [
        data_dir / "spill",
        Path(state) / "counter-kiosk" / f"spill-{key}",
        Path(tempfile.gettempdir()) / f"counter-kiosk-spill-{key}",
    ]


def _own_folder(folder: Path) -> None:
    """Make ``folder`` if needed and check that it is a real folder only this user reads
    (the temporary folder is shared: a name someone else made first is not used)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):
        raise OSError(f"{folder} is not a folder")
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        raise OSError(f"{folder} belongs to another user")
    if info.st_mode & 0o077:
        os.chmod(folder, 0o700)


def _lines(records: Iterable[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


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
    deletes them all once the store holds everything in them.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.files: list[Path] = []
        self._open: Path | None = None  # the file the next writes are appended to

    def keep(self, records: list[dict[str, Any]], stamp: str) -> Path | None:
        """Append ``records`` durably; the file they are in, or None if no folder took them."""
        data = _lines(records)
        if self._open is not None:
            try:
                _append(self._open, data, new=False)
                return self._open
            except OSError as exc:
                log.warning("cannot add to the spill file %s: %s", self._open, exc)
                self._open = None
        number = 1 + max((_number(path) for path in pending(self.data_dir)), default=0)
        for folder in spill_folders(self.data_dir):
            path = folder / f"{SPILL_PREFIX}{number:08d}-{stamp}.jsonl"
            try:
                _own_folder(folder)
                _append(path, data, new=True)
            except OSError as exc:
                log.warning("cannot write the spill file %s: %s", path, exc)
                try:
                    path.unlink(missing_ok=True)
                except OSError:
                    pass
                continue
            self.files.append(path)
            self._open = path
            return path
        return None

    def adopt(self, paths: Iterable[Path]) -> None:
        self.files.extend(paths)

    def forget(self) -> None:
        for path in self.files:
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("cannot delete the replayed spill file %s: %s", path, exc)
        self.files = []
        self._open = None


def _number(path: Path) -> int:
    found = _NUMBER.match(path.name)
    return int(found.group(1)) if found else 0


def pending(data_dir: Path) -> list[Path]:
    """The spill files of ``data_dir``, in the order they were made."""
    found: list[Path] = []
    for folder in spill_folders(data_dir):
        try:
            found.extend(folder.glob(f"{SPILL_PREFIX}*.jsonl"))
        except OSError:
            continue
    return sorted(found, key=lambda path: (_number(path), path.name))


def read(path: Path) -> list[dict[str, Any]]:
    """The records of one spill file; a torn last line (a crash while writing) is skipped."""
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            log.warning("skipping an unreadable line in %s", path)
            continue
        if isinstance(record, dict):
            records.append(record)
    return records


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
