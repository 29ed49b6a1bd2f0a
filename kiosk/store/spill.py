"""Answers the store could not take when the kiosk stopped, written somewhere else.

A clean stop (SIGTERM, the owner's Exit) with writes still waiting in memory (the disk is
full or read-only) writes them, as JSON lines, to the first of :func:`spill_folders` that
accepts the file: the data folder itself (once the ballast is gone there may be room), then
the user's state folder, then the system's temporary folder. The next start replays every
spill file of this data folder, in order, through the recorder; a write whose effect is
already in the store is skipped, so replaying twice is harmless. A file is deleted only
once every write in it is in the store.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

log = logging.getLogger("kiosk.store")

SPILL_PREFIX = "kiosk-spill-"


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


def write(data_dir: Path, records: list[dict[str, Any]], stamp: str) -> Path | None:
    """Write ``records`` durably to the first folder that takes them; None if none did."""
    text = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    for folder in spill_folders(data_dir):
        path = folder / f"{SPILL_PREFIX}{stamp}.jsonl"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            log.warning("cannot write the spill file %s: %s", path, exc)
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass
            continue
        return path
    return None


def pending(data_dir: Path) -> list[Path]:
    """The spill files of ``data_dir`` (oldest first, by name: the stamp is UTC)."""
    found: list[Path] = []
    for folder in spill_folders(data_dir):
        try:
            found.extend(folder.glob(f"{SPILL_PREFIX}*.jsonl"))
        except OSError:
            continue
    return sorted(found, key=lambda path: path.name)


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


def forget(paths: Iterable[Path]) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("cannot delete the replayed spill file %s: %s", path, exc)
