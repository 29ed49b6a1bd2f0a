"""One kiosk per data folder, and a second start brings the first to the front.

The lock file (taken first) is what guarantees that two kiosks never write beside each other;
the local socket only carries "come to the front" from a second start, which then exits
without opening the store.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("kiosk.ui")

RAISE = b"raise\n"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"counter-kiosk-{digest}"


class FrontDoor(QObject):
    """Listens (in the running kiosk) for a second start, and calls ``on_raise``."""

    def __init__(self, data_dir: Path, on_raise: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self.on_raise = on_raise
        self.name = server_name(data_dir)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a socket left by a killed kiosk
        if not self.server.listen(self.name):
            log.warning("cannot listen for a second start: %s", self.server.errorString())
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            log.info("a second start asked for the kiosk: bringing it to the front")
            self.on_raise()
        socket.disconnectFromServer()

    def close(self) -> None:
        self.server.close()


def ask_running_kiosk_to_come_forward(data_dir: Path, timeout_ms: int = 1000) -> bool:
    """From a second start: True when the running kiosk heard the request."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE)
    sent = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return sent
