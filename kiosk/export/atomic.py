"""Exports are written through :mod:`kiosk.files`: whole under their final name or not at all.

What is particular to an export: the temporary file is a ``.*.part`` beside the target, and
the finished file gets the mode an ordinary new file gets (an export is for people), not
``mkstemp``'s owner-only one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from kiosk import files

# Read once, at import (on the main thread): os.umask only swaps.
_UMASK = os.umask(0)
os.umask(_UMASK)
EXPORT_MODE = 0o666 & ~_UMASK
PART_SUFFIX = ".part"


@contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it is renamed to ``path``.

    For writers that insist on opening the file themselves (openpyxl).
    """
    with files.atomic_path(path, suffix=PART_SUFFIX, file_mode=EXPORT_MODE) as tmp:
        yield tmp


@contextmanager
def atomic_writer(
    path: Path | str,
    mode: str = "w",
    *,
    encoding: str | None = "utf-8",
    newline: str | None = "",
    buffering: int = -1,
) -> Iterator[IO]:
    """An open file handle whose contents appear under ``path`` only when the block ends well."""
    with files.atomic_writer(
        path,
        mode,
        encoding=encoding,
        newline=newline,
        buffering=buffering,
        suffix=PART_SUFFIX,
        file_mode=EXPORT_MODE,
    ) as handle:
        yield handle
