"""Keeps a fullscreen kiosk on the screen: nothing a guest (or a stray keyboard) does closes,
hides or leaves it. Only the admin's "Exit kiosk" (or a service stop) ends it.

* Close requests (the window manager's close, Alt+F4) are refused while locked.
* Escape, Ctrl+Q, Ctrl+W, Alt+F4 and the platform's Close/Quit shortcuts are swallowed.
* No context menu opens anywhere (a right-click or a long press in the comment field used to
  offer the desktop's Cut/Copy/Paste menu).
* Minimised, iconified or hidden by anything but us: the window is put back at once; and a
  watchdog checks every few seconds, so that a window that cannot be restored ends the process
  (a service manager then starts a fresh one) instead of leaving a live process with no window,
  which refuses every restart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger("kiosk.ui")

WATCH_SECONDS = 2.0
RESTORE_ATTEMPTS = 3

_BLOCKED_KEYS = {
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.ControlModifier),
}
_BLOCKED_SEQUENCES = (QKeySequence.StandardKey.Close, QKeySequence.StandardKey.Quit)
_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _to_front(window: QWidget) -> None:
    # Screenless platforms (offscreen, minimal) have no stacking order to change.
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        window.raise_()
        window.activateWindow()


def is_leaving_key(event: QKeyEvent) -> bool:
    """A key combination that would close or leave the window."""
    modifiers = event.modifiers() & _MODIFIERS
    key = Qt.Key(event.key())
    if (key, Qt.KeyboardModifier(modifiers.value)) in _BLOCKED_KEYS:
        return True
    return any(event.matches(sequence) for sequence in _BLOCKED_SEQUENCES)


class Lockdown(QObject):
    """Locks ``window`` while :attr:`locked`; :meth:`release` lets the next close through."""

    def __init__(
        self,
        window: QWidget,
        *,
        on_lost: Callable[[], None] | None = None,
        watch_seconds: float = WATCH_SECONDS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.locked = False
        self.on_lost = on_lost  # the window could not be restored: end the process
        self._failed_restores = 0
        self._restoring = False
        self.watchdog = QTimer(self)
        self.watchdog.setInterval(int(watch_seconds * 1000))
        self.watchdog.timeout.connect(self.check)
        window.installEventFilter(self)

    # --- lifecycle --------------------------------------------------------------------------

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.watchdog.start()
        log.info("kiosk locked: close, minimise and context menus are refused")

    def release(self) -> None:
        """The owner asked to exit (or the service stops): let the window close."""
        self.locked = False
        self.watchdog.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # --- events -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked:
            return False
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ):
            if is_leaving_key(event):
                if kind == QEvent.Type.ShortcutOverride:
                    # Accepted, the override tells Qt "no shortcut for this key"; the key
                    # press that follows is swallowed below.
                    event.accept()
                else:
                    log.info("a key that would leave the kiosk was ignored")
                return True
            return False
        if watched is self.window:
            if kind == QEvent.Type.Close:
                log.warning("a request to close the kiosk window was refused")
                event.ignore()
                QTimer.singleShot(0, self.restore)
                return True
            if kind == QEvent.Type.WindowStateChange and self.window.isMinimized():
                log.warning("the kiosk window was minimised; restoring it")
                QTimer.singleShot(0, self.restore)
            elif kind == QEvent.Type.Hide and not self._restoring:
                log.warning("the kiosk window was hidden; showing it again")
                QTimer.singleShot(0, self.restore)
        return False

    # --- keeping the window up --------------------------------------------------------------

    def on_screen(self) -> bool:
        """Shown, not minimised, and mapped by the windowing system (another program can
        unmap a window behind Qt's back: Qt then still calls it visible, but not exposed)."""
        window = self.window
        handle = window.windowHandle()
        exposed = handle is None or handle.isExposed()
        return window.isVisible() and not window.isMinimized() and exposed

    def restore(self) -> None:
        if not self.locked:
            return
        window = self.window
        self._restoring = True
        try:
            if window.isVisible() and not self.on_screen():
                window.hide()  # Qt re-maps a window only through a hide and a show
            window.setWindowState(
                (window.windowState() & ~Qt.WindowState.WindowMinimized)
                | Qt.WindowState.WindowFullScreen
            )
            window.showFullScreen()
            _to_front(window)
        finally:
            self._restoring = False

    def bring_to_front(self) -> None:
        """A second start asked for the kiosk: show it (fullscreen when locked)."""
        if self.locked:
            self.restore()
        else:
            self.window.showNormal()
            _to_front(self.window)

    def check(self) -> None:
        """The watchdog: a window that is gone is put back; one that stays gone ends us."""
        if not self.locked:
            return
        if self.on_screen():
            self._failed_restores = 0
            return
        self._failed_restores += 1
        if self._failed_restores > RESTORE_ATTEMPTS:
            log.error("the kiosk window cannot be shown again; ending so it can be restarted")
            self.watchdog.stop()
            if self.on_lost is not None:
                self.on_lost()
            return
        log.warning("the kiosk window is gone (attempt %d); restoring it", self._failed_restores)
        self.restore()
