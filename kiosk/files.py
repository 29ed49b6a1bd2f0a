"""Write a file so that it is either whole under its final name or not there at all.

The data goes to a temporary name in the destination folder (same file system, so the rename
is atomic), is flushed and fsynced, and only then renamed over the old file; the folder is
fsynced last, so the rename itself survives a power cut. An error or a power cut midway
leaves the old file as it was (and at most a hidden temporary file if the process died).

The one place this is written: the config file, the kept central configuration, the facts
kept beside the store and the exports all go through it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

log = logging.getLogger("kiosk.files")


@contextlib.contextmanager
def atomic_path(
    path: Path | str, *, suffix: str = ".tmp", file_mode: int | None = None
) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends well it becomes ``path``.

    For writers that insist on opening the file themselves (openpyxl). The temporary file is
    created owner-only (``mkstemp``); ``file_mode`` sets another mode before the rename.
    """
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        _commit(tmp, path, file_mode)
    except BaseException:
        _discard(tmp)
        raise
    fsync_folder(path.parent)


@contextlib.contextmanager
def atomic_writer(
    path: Path | str,
    mode: str = "w",
    *,
    encoding: str | None = "utf-8",
    newline: str | None = None,
    buffering: int = -1,
    suffix: str = ".tmp",
    file_mode: int | None = None,
) -> Iterator[IO]:
    """An open file whose contents appear under ``path`` only when the block ends well."""
    path = Path(path)
    binary = "b" in mode
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(
            fd,
            mode,
            buffering=buffering,
            encoding=None if binary else encoding,
            newline=None if binary else newline,
        ) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _commit(tmp, path, file_mode)
    except BaseException:
        _discard(tmp)
        raise
    fsync_folder(path.parent)


def write_text_atomically(path: Path | str, text: str, *, newline: str | None = None) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically; raises OSError, old file intact."""
    with atomic_writer(path, "w", encoding="utf-8", newline=newline) as handle:
        handle.write(text)


def _commit(tmp: Path, path: Path, file_mode: int | None) -> None:
    if file_mode is not None:
        with contextlib.suppress(OSError):  # FAT sticks have no modes to set
            os.chmod(tmp, file_mode)
    os.replace(tmp, path)


def _discard(tmp: Path) -> None:
    """Remove a temporary file after a failure, without hiding the failure itself."""
    try:
        tmp.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("cannot remove the temporary file %s: %s", tmp, exc)


def fsync_folder(folder: Path | str) -> None:
    """Make a rename in ``folder`` durable (POSIX).

    Best effort: the rename has happened by now, so a folder that cannot be opened or
    fsynced (Windows, some removable-drive file systems) is logged, not raised.
    """
    if os.name != "posix":
        return  # Windows cannot open a directory; NTFS journals the rename itself.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        log.debug("cannot open %s to fsync it: %s", folder, exc)
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        log.debug("cannot fsync the folder %s: %s", folder, exc)
    finally:
        os.close(fd)
