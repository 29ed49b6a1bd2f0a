"""A few megabytes held in reserve in the data folder, given back when the disk fills.

At start, when the disk has room, :meth:`Ballast.ensure` writes ``ballast.bin`` (real
blocks, not a sparse file). When the store refuses a write because the disk is full, the
recorder calls :meth:`Ballast.release`: the file is deleted, and the answers waiting in
memory can be committed at once, before anyone has to free space, and before a stop would
have to carry them elsewhere. Every release is logged; the next start makes a new one when
there is room again.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
from pathlib import Path

log = logging.getLogger("kiosk.store")

BALLAST_FILENAME = "ballast.bin"
BALLAST_BYTES = 4 * 2**20
# Never take the last of the disk for the ballast itself: leave at least this much free.
KEEP_FREE_BYTES = 64 * 2**20


class Ballast:
    def __init__(
        self, folder: Path, size: int = BALLAST_BYTES, keep_free: int = KEEP_FREE_BYTES
    ) -> None:
        self.path = Path(folder) / BALLAST_FILENAME
        self.size = size
        self.keep_free = keep_free

    @property
    def present(self) -> bool:
        try:
            return self.path.stat().st_size >= self.size
        except OSError:
            return False

    def ensure(self) -> bool:
        """Make the ballast file if it is missing and the disk has room; True if present."""
        if self.present:
            return True
        try:
            free = shutil.disk_usage(self.path.parent).free
        except OSError as exc:
            log.warning("no ballast file: cannot read the free space (%s)", exc)
            return False
        if free < self.size + self.keep_free:
            log.warning("no ballast file: only %d MB free in %s", free // 2**20, self.path.parent)
            return False
        try:
            with self.path.open("wb") as handle:
                _reserve(handle.fileno(), self.size)
                os.fsync(handle.fileno())
        except OSError as exc:
            log.warning("no ballast file in %s: %s", self.path.parent, exc)
            self.path.unlink(missing_ok=True)
            return False
        log.info("ballast of %d MB kept in %s for a full disk", self.size // 2**20, self.path)
        return True

    def release(self) -> bool:
        """Delete the ballast to give its space to the store; True if there was one."""
        try:
            size = self.path.stat().st_size
            self.path.unlink()
        except FileNotFoundError:
            return False
        except OSError as exc:
            log.error("cannot release the ballast file %s: %s", self.path, exc)
            return False
        log.warning(
            "the disk is full: released the %d MB ballast file %s so answers can be saved; "
            "free some space on the disk",
            size // 2**20,
            self.path,
        )
        return True


def _reserve(fd: int, size: int) -> None:
    """Give the file ``size`` bytes of real blocks (fallocate: no time spent writing)."""
    if hasattr(os, "posix_fallocate"):
        try:
            os.posix_fallocate(fd, 0, size)
            return
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
                raise
    block = b"\0" * 2**20
    written = 0
    while written < size:
        written += os.write(fd, block[: size - written])
