"""Keeps the counter's screen on while the kiosk runs, where the platform lets us.

* Windows: ``SetThreadExecutionState`` (display and system required) for the UI thread.
* Linux with a desktop session: the freedesktop ``org.freedesktop.ScreenSaver.Inhibit`` call on
  the session bus (GNOME, KDE, XFCE ... honour it), released at exit.
* X without a desktop (a bare kiosk session): X's own blanking and DPMS timer is reset every
  30 seconds with ``XResetScreenSaver`` from libX11.
Nothing here is required: where none applies, it is logged once and the kiosk runs as before.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger("kiosk.ui")

ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002
X_RESET_SECONDS = 30


class KeepAwake(QObject):
    def __init__(self, parent: QObject | None = None, *, platform: str = sys.platform) -> None:
        super().__init__(parent)
        self.platform = platform
        self.method = "none"
        self._cookie: int | None = None
        self._x_display: int | None = None
        self._xlib: ctypes.CDLL | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(X_RESET_SECONDS * 1000)
        self._timer.timeout.connect(self._reset_x_screensaver)

    def start(self) -> str:
        """Inhibit blanking; returns how ("windows", "dbus", "x11" or "none")."""
        if self.platform == "win32":
            self.method = "windows" if self._windows(True) else "none"
        elif self._dbus_inhibit():
            self.method = "dbus"
        elif self._x_start():
            self.method = "x11"
        if self.method == "none":
            log.info("screen blanking cannot be inhibited here; configure it off in the OS")
        else:
            log.info("screen blanking inhibited (%s)", self.method)
        return self.method

    def stop(self) -> None:
        if self.method == "windows":
            self._windows(False)
        elif self.method == "dbus":
            self._dbus_release()
        self._timer.stop()
        if self._x_display and self._xlib is not None:
            self._xlib.XCloseDisplay(ctypes.c_void_p(self._x_display))
            self._x_display = None
        self.method = "none"

    # --- Windows -------------------------------------------------------------------------

    def _windows(self, on: bool) -> bool:
        try:
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        except AttributeError:
            return False
        flags = ES_CONTINUOUS | (ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED if on else 0)
        return bool(kernel32.SetThreadExecutionState(flags))

    # --- a desktop session on D-Bus ------------------------------------------------------

    def _dbus_inhibit(self) -> bool:
        if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
            return False
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
        except ImportError:
            return False
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        self._interface = QDBusInterface(
            "org.freedesktop.ScreenSaver",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            bus,
        )
        if not self._interface.isValid():
            return False
        reply = self._interface.call("Inhibit", "counter-kiosk", "guests are answering")
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return False
        self._cookie = int(reply.arguments()[0])
        return True

    def _dbus_release(self) -> None:
        if self._cookie is not None:
            self._interface.call("UnInhibit", self._cookie)
            self._cookie = None

    # --- bare X --------------------------------------------------------------------------

    def _x_start(self) -> bool:
        if not os.environ.get("DISPLAY") or not self.platform.startswith("linux"):
            return False
        try:
            xlib = ctypes.CDLL("libX11.so.6")
        except OSError:
            return False
        xlib.XOpenDisplay.restype = ctypes.c_void_p
        xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        xlib.XResetScreenSaver.argtypes = [ctypes.c_void_p]
        xlib.XFlush.argtypes = [ctypes.c_void_p]
        xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        display = xlib.XOpenDisplay(None)
        if not display:
            return False
        self._xlib, self._x_display = xlib, display
        self._reset_x_screensaver()
        self._timer.start()
        return True

    def _reset_x_screensaver(self) -> None:
        if self._xlib is not None and self._x_display:
            self._xlib.XResetScreenSaver(ctypes.c_void_p(self._x_display))
            self._xlib.XFlush(ctypes.c_void_p(self._x_display))
