"""Run one blocking call off the UI thread and hear back on it.

Used for the export (seconds on a slow USB stick) and the connection test (network). The
thread is a plain named thread; the result comes back through a queued signal to a QObject
living on the UI thread, so the callback always runs there.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger("kiosk.admin")


class Background(QObject):
    """Starts calls on threads and delivers ``(ok, result_or_error)`` to their callbacks."""

    _done = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callbacks: dict[int, Callable[[bool, Any], None]] = {}
        self._threads: dict[int, threading.Thread] = {}
        self._next = 0
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        name: str,
        call: Callable[[], Any],
        done: Callable[[bool, Any], None],
        *,
        network_only: bool = False,
    ) -> None:
        """Run ``call`` on a thread. ``network_only`` (it writes nothing, only talks to a
        server): a daemon thread that closing the app does not wait for."""
        self._next += 1
        ticket = self._next
        self._callbacks[ticket] = done

        def work() -> None:
            try:
                result = call()
            except Exception as exc:  # the owner sees the reason; the kiosk keeps running
                log.warning("%s failed: %s", name, exc)
                self._done.emit(ticket, False, exc)
            else:
                self._done.emit(ticket, True, result)

        thread = threading.Thread(target=work, name=f"kiosk-admin-{name}", daemon=network_only)
        self._threads[ticket] = thread
        thread.start()

    @property
    def busy(self) -> bool:
        return any(t.is_alive() for t in self._threads.values())

    def wait(self, timeout: float = 30.0, *, network: bool = True) -> None:
        """Join every running call (tests); closing the app passes ``network=False`` and
        never waits for one that only talks to a server."""
        for thread in list(self._threads.values()):
            if network or not thread.daemon:
                thread.join(timeout)

    @Slot(int, bool, object)
    def _deliver(self, ticket: int, ok: bool, result: object) -> None:
        self._threads.pop(ticket, None)
        callback = self._callbacks.pop(ticket, None)
        if callback is not None:
            callback(ok, result)
