"""Facts kept beside the store file, so a damaged store cannot take them with it.

``kiosk.sqlite.keep`` (JSON, written through :mod:`kiosk.files`, so it is always either the
old or the new version) holds:

* ``seq_reserved``: a number no ``seq`` the kiosk ever gave is above. It is raised ahead of
  the answers, :data:`SEQ_MARGIN` at a time, in the transaction that hands out the first
  number past it and before that transaction commits. After a recovery (or when the store
  is found empty or missing) numbering continues above it, so the central side sees lost
  answers as a gap, never as the same number given twice.
* ``pin_hash``: the owner's PIN hash (salted scrypt, as in the store), so a store that
  loses its ``meta`` table does not open the admin area to anyone.

Written rarely (once per :data:`SEQ_MARGIN` answers, once per PIN change). A write the disk
refuses is logged and does not stop the answer being stored.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path
from typing import Any

from kiosk.files import write_text_atomically

log = logging.getLogger("kiosk.store")

KEEP_SUFFIX = ".keep"
SEQ_MARGIN = 100
SEQ_RESERVED = "seq_reserved"
PIN_HASH = "pin_hash"

_lock = threading.Lock()


def keep_path(store_path: Path | str) -> Path:
    store_path = Path(store_path)
    return store_path.with_name(store_path.name + KEEP_SUFFIX)


def read(store_path: Path | str) -> dict[str, Any]:
    """What is kept beside ``store_path`` ({} when nothing is, or the file is unreadable)."""
    path = keep_path(store_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("cannot read %s: %s", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


def seq_reserved(store_path: Path | str) -> int:
    value = read(store_path).get(SEQ_RESERVED, 0)
    return value if isinstance(value, int) else 0


def pin_hash(store_path: Path | str) -> str | None:
    value = read(store_path).get(PIN_HASH)
    return value if isinstance(value, str) and value else None


def remember(store_path: Path | str, **facts: Any) -> bool:
    """Merge ``facts`` into the file, durably. ``seq_reserved`` only ever grows.

    False (and a log line) when the disk refused: the caller carries on.
    """
    path = keep_path(store_path)
    with _lock:
        data = read(store_path)
        if SEQ_RESERVED in facts:
            facts[SEQ_RESERVED] = max(int(facts[SEQ_RESERVED]), int(data.get(SEQ_RESERVED, 0) or 0))
        data.update(facts)
        try:
            write_text_atomically(path, json.dumps(data))
        except OSError as exc:
            log.warning("cannot keep %s beside the store (%s): %s", ", ".join(facts), path, exc)
            return False
    return True


_raising: dict[Path, threading.Thread] = {}  # store path -> a raise in progress


def settle(store_path: Path | str, timeout: float = 5.0) -> None:
    """Let a raise of ``seq_reserved`` in progress for this store finish."""
    thread = _raising.get(Path(store_path))
    if thread is not None:
        thread.join(timeout)


RETRY_SECONDS = 60.0  # after a failed raise, before the next try


class SeqReserve:
    """Keeps ``seq_reserved`` ahead of the numbers handed out by one store.

    The file is raised a margin at a time, on a short-lived thread once half the margin is
    used, so the guest's tap does not wait for its fsync; only if numbering ever caught up
    with the mark (the disk slower than 50 guests) does the tap write it itself, first.
    """

    def __init__(self, store_path: Path | str, margin: int = SEQ_MARGIN) -> None:
        self.store_path = Path(store_path)
        self.margin = margin
        self._reserved: int | None = None
        self._lock = threading.Lock()
        self._retry_after = 0.0  # time.monotonic(): a full or read-only disk is not retried per tap

    def cover(self, seq: int) -> None:
        """Call before the transaction that gives out ``seq`` commits."""
        if seq <= 0:
            return  # demo answers and empty imports take no guest number
        with self._lock:
            if self._reserved is None:
                self._reserved = seq_reserved(self.store_path)
            reserved = self._reserved
            running = _raising.get(self.store_path)
            busy = running is not None and running.is_alive()
            resting = time.monotonic() < self._retry_after
        if resting:
            return  # the last raise failed: the disk refuses writes; try again in a while
        if seq > reserved:
            self._raise_to(seq + self.margin)  # must be on disk before this seq commits
        elif seq > reserved - self.margin // 2 and not busy:
            thread = threading.Thread(
                target=self._raise_to,
                args=(reserved + self.margin,),
                name="kiosk-keep",
                daemon=True,
            )
            _raising[self.store_path] = thread
            thread.start()

    def _raise_to(self, target: int) -> None:
        try:
            if remember(self.store_path, **{SEQ_RESERVED: target}):
                with self._lock:
                    self._reserved = max(self._reserved or 0, target)
            else:
                with self._lock:
                    self._retry_after = time.monotonic() + RETRY_SECONDS
        finally:
            if _raising.get(self.store_path) is threading.current_thread():
                del _raising[self.store_path]
