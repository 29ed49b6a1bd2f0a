"""An unexpected error in the UI is logged with its traceback and the kiosk goes back to the
question screen, instead of leaving a guest in front of a half-drawn screen.

Qt calls Python's ``sys.excepthook`` for an exception raised in a slot or an event handler and
carries on, so the hook is where the kiosk recovers. Errors that keep coming (a fault in the
recovery itself) end the process after ``limit`` in ``window_seconds``, so that the service
manager starts a fresh kiosk.
"""

from __future__ import annotations

import logging
import sys
import time
from collections import deque
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QTimer

log = logging.getLogger("kiosk.ui")


class ErrorRecovery:
    def __init__(
        self,
        recover: Callable[[], None],
        give_up: Callable[[], None],
        *,
        limit: int = 20,
        window_seconds: float = 60.0,
    ) -> None:
        self.recover = recover
        self.give_up = give_up
        self.limit = limit
        self.window_seconds = window_seconds
        self._recent: deque[float] = deque()
        self._previous = sys.excepthook
        self.count = 0

    def install(self) -> ErrorRecovery:
        sys.excepthook = self._hook
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self._hook:
            sys.excepthook = self._previous

    def _hook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, value, tb)
            return
        self.count += 1
        log.critical("unexpected error; back to the question screen", exc_info=(kind, value, tb))
        now = time.monotonic()
        self._recent.append(now)
        while self._recent and now - self._recent[0] > self.window_seconds:
            self._recent.popleft()
        if len(self._recent) >= self.limit:
            log.critical(
                "%d errors within %.0f s: ending the kiosk", self.limit, self.window_seconds
            )
            QTimer.singleShot(0, self.give_up)
            return
        QTimer.singleShot(0, self._safely_recover)

    def _safely_recover(self) -> None:
        try:
            self.recover()
        except Exception:
            log.exception("cannot go back to the question screen")
