"""A real reference endpoint on 127.0.0.1 for the sync and endpoint tests, with faults.

The WSGI app runs under waitress (as in production) on an ephemeral port, in a thread that
is stopped and joined by :meth:`LiveServer.stop`. :class:`Faults` is a WSGI middleware that
misbehaves on purpose; it lives here, in the tests, never in the shipped server.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import waitress.server

from kiosk.endpoint.app import create_app
from kiosk.endpoint.config import EndpointConfig
from kiosk.endpoint.store.service import CentralStore

TOKEN = "kiosk-test-token-5f1c"
OWNER_TOKEN = "owner-test-token-9a2e"


class LiveServer:
    """Serve ``app`` with waitress on a free loopback port until :meth:`stop`."""

    def __init__(
        self, app: Callable, *, threads: int = 4, port: int = 0, max_body: int | None = None
    ) -> None:
        options: dict[str, Any] = {
            "host": "127.0.0.1",
            "port": port,
            "threads": threads,
            "clear_untrusted_proxy_headers": True,
            "asyncore_loop_timeout": 0.05,
        }
        if max_body is not None:
            options["max_request_body_size"] = max_body
        self.server = waitress.server.create_server(app, **options)
        self.port = self.server.effective_port
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self._run, name="test-endpoint", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.server.run()
        except OSError:
            pass  # the map was closed under the loop by stop()

    def stop(self) -> None:
        self.server.task_dispatcher.shutdown(cancel_pending=True, timeout=5)
        for dispatcher in list(self.server._map.values()):
            if dispatcher is self.server:
                dispatcher.close()  # the listener (its handle_close only logs a warning)
            else:
                dispatcher.handle_close()  # also frees a channel's spooled output
        self.server._map.clear()
        self.thread.join(5)
        assert not self.thread.is_alive(), "the test endpoint did not stop"


class ServedAsInProduction(LiveServer):
    """``app`` served as ``kiosk endpoint`` serves it (``kiosk.endpoint.serve.make_server``:
    its connection limit, request timeout and body cap), on a free loopback port."""

    def __init__(self, app: Callable, limits: Any = None) -> None:
        from kiosk.endpoint.config import MAX_BODY_BYTES, ServerLimits
        from kiosk.endpoint.serve import make_server

        self.server = make_server(
            app,
            "127.0.0.1",
            0,
            limits or ServerLimits(),
            MAX_BODY_BYTES,
            asyncore_loop_timeout=0.05,
        )
        self.port = self.server.effective_port
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self._run, name="test-endpoint", daemon=True)
        self.thread.start()


class HttpReply:
    """A reply over real HTTP with the few methods of Flask's test response the tests use."""

    def __init__(self, response: Any) -> None:
        self.status_code = response.status_code
        self._body = response.content

    def get_data(self, as_text: bool = False) -> bytes | str:
        return self._body.decode("utf-8", "replace") if as_text else self._body

    def get_json(self) -> Any:
        return json.loads(self._body)


class HttpPoster:
    """Posts raw bodies to a served endpoint over a real socket, like Flask's test client's
    ``post`` (``data``, ``content_type``, ``headers``); a deadline on every request."""

    def __init__(self, url: str, timeout: float = 10.0) -> None:
        import requests

        self.url = url
        self.timeout = timeout
        self.session = requests.Session()

    def post(
        self, path: str, *, data: bytes, content_type: str, headers: dict[str, str]
    ) -> HttpReply:
        reply = self.session.post(
            self.url + path,
            data=data,
            headers={"Content-Type": content_type, **headers},
            timeout=self.timeout,
        )
        return HttpReply(reply)

    def close(self) -> None:
        self.session.close()


class Faults:
    """Middleware that answers the next requests wrongly, from a queue of fault names.

    Names: "500", "503" (with Retry-After: 1), "slow" (sleeps past the client's read timeout,
    then lets the request through, so the server stores what the client never heard of),
    "reset" (headers and half a body, then the connection drops), "garbage" (200 with a body
    that is not the protocol's), "drop" (passes through but removes ids from "stored"),
    "401", "413", "429", "409-page" (a 409 whose body is a proxy's HTML page, no conflicts).
    """

    def __init__(self, app: Callable, *, slow_seconds: float = 1.5) -> None:
        self.app = app
        self.queue: deque[str] = deque()
        self.slow_seconds = slow_seconds
        self.seen: list[tuple[str, str]] = []  # (path, fault or "ok")
        self.lock = threading.Lock()
        self.down = False  # every request gets 503 without Retry-After

    def add(self, *faults: str) -> None:
        with self.lock:
            self.queue.extend(faults)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        with self.lock:
            fault = "down" if self.down else (self.queue.popleft() if self.queue else "ok")
            self.seen.append((environ.get("PATH_INFO", ""), fault))
        if fault == "ok":
            return self.app(environ, start_response)
        if fault == "down":
            return _reply(start_response, "503 Service Unavailable", b"down")
        if fault == "500":
            return _reply(start_response, "500 Internal Server Error", b"boom")
        if fault == "503":
            return _reply(
                start_response, "503 Service Unavailable", b"busy", [("Retry-After", "1")]
            )
        if fault == "429":
            return _reply(
                start_response, "429 Too Many Requests", b"slow down", [("Retry-After", "1")]
            )
        if fault == "401":
            return _reply(start_response, "401 Unauthorized", b'{"error": "unknown token"}')
        if fault == "413":
            return _reply(start_response, "413 Content Too Large", b'{"error": "too large"}')
        if fault == "409-page":
            return _reply(start_response, "409 Conflict", b"<html>Conflict</html>")
        if fault == "garbage":
            return _reply(start_response, "200 OK", b'{"ok": true, "stored": "everything"}')
        if fault == "slow":
            time.sleep(self.slow_seconds)
            return self.app(environ, start_response)
        if fault == "reset":
            return self._reset(environ, start_response)
        if fault == "drop":
            return self._drop(environ, start_response)
        raise AssertionError(f"unknown fault {fault}")

    def _reset(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        # The request is processed (stored), then the reply is cut half-way.
        body = b"".join(self.app(environ, lambda *a, **k: None))

        def broken() -> Iterable[bytes]:
            yield body[: len(body) // 2]
            raise ConnectionResetError("fault injection: connection reset mid-reply")

        start_response(
            "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
        )
        return broken()

    def _drop(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list, exc_info: Any = None) -> None:
            captured["status"] = status

        body = json.loads(b"".join(self.app(environ, capture)))
        body["stored"] = body["stored"][::2]  # "forget" every other id
        return _reply(start_response, captured["status"], json.dumps(body).encode())


def _reply(
    start_response: Callable, status: str, body: bytes, headers: Iterable[tuple[str, str]] = ()
) -> list[bytes]:
    start_response(
        status, [("Content-Type", "application/json"), ("Content-Length", str(len(body))), *headers]
    )
    return [body]


def central(db: Path | str, **app_options: Any) -> tuple[CentralStore, Callable]:
    """The central service on ``db`` (a SQLite path or a postgresql:// address), with TOKEN
    registered for kiosk "test-kiosk" (its site bound at first contact) and OWNER_TOKEN as
    an admin's API token."""
    store = CentralStore.open(db)
    store.change("import-tokens", "tests", [(TOKEN, "test-kiosk"), (OWNER_TOKEN, None)])
    return store, create_app(EndpointConfig(db=str(db)), store, **app_options)
