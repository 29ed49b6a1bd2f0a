"""A real HTTP server on 127.0.0.1 that sends its reply one byte every ``interval`` seconds.

Each byte resets a per-``recv`` read timeout, so only an overall deadline ends a request
to it. ``headers_first=True`` sends the status line and headers at once and drips the body.
"""

from __future__ import annotations

import socket
import threading
import time


class DripServer:
    def __init__(self, *, interval: float = 0.2, headers_first: bool = False) -> None:
        self.interval = interval
        self.headers_first = headers_first
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.requests = 0
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, name="test-drip", daemon=True)
        self._accept.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.requests += 1
            thread = threading.Thread(target=self._drip, args=(conn,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _drip(self, conn: socket.socket) -> None:
        body = b'{"stored": [], "rejected": []}' + b" " * 400
        head = (
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
        )
        with conn:
            conn.settimeout(1.0)
            try:
                conn.recv(65536)  # the request (small enough for one read here)
                if self.headers_first:
                    conn.sendall(head)
                    rest = body
                else:
                    rest = head + body
                for i in range(len(rest)):
                    if self._stop.wait(self.interval):
                        return
                    conn.sendall(rest[i : i + 1])
            except OSError:
                return  # the client gave up: what we want

    def stop(self) -> None:
        self._stop.set()
        self.listener.close()
        self._accept.join(5)
        for thread in self._threads:
            thread.join(5)


def timed(call) -> tuple[float, object]:
    started = time.monotonic()
    try:
        result = call()
    except Exception as exc:  # the caller looks at what came back
        result = exc
    return time.monotonic() - started, result
