"""A marker on stderr once the question screen's first frame is drawn (start-up benchmark).

``bench/bench_startup.py`` times the real ``kiosk`` command, source or frozen, from exec to
the question on screen, and only the app knows when that is. With ``$KIOSK_STARTUP_MARKER``
set, the first expose of the kiosk's window is drawn at once (Qt paints every widget and
flushes the frame while handling it), and then :data:`LINE` goes to stderr if the question
screen is the one showing. Without the variable, :func:`arm` does nothing.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

ENV = "KIOSK_STARTUP_MARKER"
LINE = "kiosk-startup-marker: question screen shown"


class _FirstFrame(QObject):
    def __init__(self, screen: QWidget) -> None:
        super().__init__(screen)
        self._screen = screen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Expose or not watched.isExposed():
            return False
        watched.removeEventFilter(self)
        QCoreApplication.sendEvent(watched, event)  # paints and flushes the frame now
        if self._screen.isVisible():
            sys.stderr.write(LINE + "\n")
            sys.stderr.flush()
        return True  # handled: the frame is drawn


def arm(window: QWidget, screen: QWidget) -> None:
    """Report ``screen`` in ``window``'s first frame on stderr if ``$KIOSK_STARTUP_MARKER``."""
    handle = window.windowHandle()
    if os.environ.get(ENV) and handle is not None:
        handle.installEventFilter(_FirstFrame(screen))
