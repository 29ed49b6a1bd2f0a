"""Write a file so that it is either whole under its final name or not there at all.

The data goes to a temporary name in the destination folder (same file system, so the rename
is atomic), is flushed and fsynced, and only then renamed over the old file; the folder is
fsynced last, so the rename itself survives a power cut. An error or a power cut midway
leaves the old file as it was (and at most a hidden temporary file if the process died).

The one place this is written: the config file, the kept central configuration, the facts
kept beside the store and the exports all go through it.

A power cut midway leaves the temporary file behind. Each one is locked (``flock``) by its
writer for as long as it is written, so a file nobody holds is a dead writer's: the next
write of the same file removes those (:func:`sweep_unfinished`), and so does the kiosk for
its own export folder at start, where exports (named by the minute) pile up. Months of
pulled plugs do not fill the kiosk's disk with them; a USB stick's folder is swept only by
a later export of the same name.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be removed, which is the lock there
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger("kiosk.files")

# mkstemp's names: the prefix, then 8 characters of its own alphabet, then the suffix.
_RANDOM_PART = r"[a-z0-9_]{8}"
# A file this young may be a writer's between mkstemp and its lock: left alone.
_SWEEP_AFTER_SECONDS = 10.0


@contextlib.contextmanager
def atomic_path(
    path: Path | str, *, suffix: str = ".tmp", file_mode: int | None = None
) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends well it becomes ``path``.

    For writers that insist on opening the file themselves (openpyxl). The temporary file is
    created owner-only (``mkstemp``); ``file_mode`` sets another mode before the rename.
    """
    path = Path(path)
    sweep_unfinished(path.parent, suffix, name=path.name)
    fd, tmp, lock_fd = _new_temp(path, suffix)
    os.close(fd)  # the writer opens the file itself; lock_fd holds the lock
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        _commit(tmp, path, file_mode)
    except BaseException:
        _discard(tmp)
        raise
    finally:
        if lock_fd is not None:
            os.close(lock_fd)
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
    sweep_unfinished(path.parent, suffix, name=path.name)
    fd, tmp, lock_fd = _new_temp(path, suffix)
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
    finally:
        if lock_fd is not None:
            os.close(lock_fd)
    fsync_folder(path.parent)


def _new_temp(path: Path, suffix: str) -> tuple[int, Path, int | None]:
    """A new temporary file beside ``path``: ``(fd, tmp, lock_fd)``.

    On POSIX ``lock_fd`` is a second descriptor of the same open file that holds its lock
    until after the rename (the writer's own handle is closed before). On Windows it is None:
    there the open handle is what keeps a sweep from removing the file, and nothing may be
    open at the rename, which Windows refuses for an open file.
    """
    for _attempt in range(3):
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
        tmp = Path(tmp_name)
        if fcntl is None:
            return fd, tmp, None
        try:
            lock_fd = os.dup(fd)
        except OSError:
            os.close(fd)
            _discard(tmp)
            raise
        if _hold(lock_fd):
            return fd, tmp, lock_fd
        # A sweep took this file between mkstemp and the lock and removes it: another name.
        os.close(lock_fd)
        os.close(fd)
    raise OSError(f"cannot lock a temporary file beside {path}")


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


def _hold(fd: int) -> bool:
    """Lock a temporary file for its writer's life (the kernel lets go if the writer dies).

    False when a sweep holds it, or has already removed it: the writer must take another.
    A file system without locks is fine (True): a sweep cannot lock there either.
    """
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return True
    return os.fstat(fd).st_nlink > 0


def sweep_unfinished(folder: Path | str, suffix: str, *, name: str | None = None) -> int:
    """Remove the temporary files in ``folder`` that a writer which died left behind.

    Only this module's names (``.<name>.<8 random>.<suffix>``; of one target ``name``, or of
    any) that no living writer holds. Returns how many were removed; never raises.
    """
    target = re.escape(name) if name is not None else ".+"
    shape = re.compile(rf"\.{target}\.{_RANDOM_PART}{re.escape(suffix)}")
    removed = 0
    try:
        entries = [
            entry
            for entry in os.scandir(folder)
            if shape.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)
        ]
    except OSError:
        return 0
    for entry in entries:
        if _remove_if_dead(Path(entry.path)):
            removed += 1
            log.info("removed %s, left unfinished by a stop midway", entry.name)
    return removed


def _remove_if_dead(tmp: Path) -> bool:
    try:
        if time.time() - tmp.stat().st_mtime < _SWEEP_AFTER_SECONDS:
            return False
    except OSError:
        return False
    if fcntl is None:
        try:
            tmp.unlink()  # refused while its writer has it open
        except OSError:
            return False
        return True
    try:  # never waits on a FIFO, never follows a link planted under such a name
        fd = os.open(tmp, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # a writer holds it: still being written
        try:
            tmp.unlink()
        except OSError:
            return False
        return True
    finally:
        os.close(fd)


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
