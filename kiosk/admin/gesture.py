"""The hidden way in: press and hold a corner of the screen for a few seconds.

Guests tap; they do not hold a blank corner for three seconds. The filter watches the whole
application (a press lands on whatever child widget is under the finger, not on the window),
maps it to the window, and fires ``triggered`` when a press inside the corner is held long
enough without leaving it. It never consumes an event, so the guest screens work as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

_PRESS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}
_MOVE = {QEvent.Type.MouseMove, QEvent.Type.TouchUpdate}
_RELEASE = {QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel}


class CornerHoldGesture(QObject):
    """Emits ``triggered`` after a press held ``hold_seconds`` in the window's top-left corner."""

    triggered = Signal()

    def __init__(self, window: QWidget, hold_seconds: float = 3.0, corner_px: int = 120) -> None:
        super().__init__(window)
        self.window = window
        self.corner_px = corner_px
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self.set_hold_seconds(hold_seconds)
        self.enabled = True
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        window.destroyed.connect(self._uninstall)

    def set_hold_seconds(self, seconds: float) -> None:
        self._timer.setInterval(max(100, round(seconds * 1000)))

    @property
    def holding(self) -> bool:
        return self._timer.isActive()

    def corner(self) -> QRect:
        return QRect(0, 0, self.corner_px, self.corner_px)

    def _uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _window_pos(self, event: QEvent) -> QPoint | None:
        if hasattr(event, "globalPosition"):
            point = event.globalPosition().toPoint()
        elif hasattr(event, "points") and event.points():
            point = event.points()[0].globalPosition().toPoint()
        else:
            return None
        return self.window.mapFromGlobal(point)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _PRESS and kind not in _MOVE and kind not in _RELEASE:
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        if kind in _PRESS:
            if getattr(event, "button", lambda: Qt.MouseButton.LeftButton)() not in (
                Qt.MouseButton.LeftButton,
                Qt.MouseButton.NoButton,
            ):
                return False
            pos = self._window_pos(event)
            if self.enabled and pos is not None and self.corner().contains(pos):
                self._timer.start()
        elif kind in _MOVE:
            pos = self._window_pos(event)
            if self._timer.isActive() and (pos is None or not self.corner().contains(pos)):
                self._timer.stop()
        else:
            self._timer.stop()
        return False

    def _fire(self) -> None:
        if self.enabled:
            self.triggered.emit()
