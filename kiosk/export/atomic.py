"""Write a file so that it is either whole under its final name or not there at all.

The data goes to a temporary name in the destination folder (same file system, so the
rename is atomic), is flushed and fsynced, and only then renamed. A pulled USB stick or an
error midway leaves at most a ``.*.part`` file, never a half file that looks whole.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

# mkstemp makes owner-only (0600) files; an export is for people, so give it the mode an
# ordinary new file gets. Read once, at import (on the main thread): os.umask only swaps.
_UMASK = os.umask(0)
os.umask(_UMASK)
EXPORT_MODE = 0o666 & ~_UMASK


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it is renamed to ``path``.

    For writers that insist on opening the file themselves (openpyxl).
    """
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):  # FAT sticks have no modes to set
            os.chmod(tmp, EXPORT_MODE)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


@contextlib.contextmanager
def atomic_writer(
    path: Path | str,
    mode: str = "w",
    *,
    encoding: str | None = "utf-8",
    newline: str | None = "",
    buffering: int = -1,
) -> Iterator[IO]:
    """An open file handle whose contents appear under ``path`` only when the block ends well.

    Closing the handle flushes it; :func:`atomic_path` then fsyncs the file before the rename.
    """
    binary = "b" in mode
    with atomic_path(path) as tmp:
        with open(
            tmp,
            mode,
            buffering=buffering,
            encoding=None if binary else encoding,
            newline=None if binary else newline,
        ) as handle:
            yield handle


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory; NTFS journals the rename itself.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some removable-drive file systems refuse fsync on a directory
    finally:
        os.close(fd)
