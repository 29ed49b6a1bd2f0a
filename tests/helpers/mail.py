"""Real local servers for what the central service sends: SMTP (aiosmtpd) and a chat webhook.

``MailServer`` is an SMTP server on 127.0.0.1 that keeps every message it accepts (parsed);
``WebhookServer`` is an HTTP server on 127.0.0.1 that keeps every JSON body POSTed to it and
answers with ``status``. Both stop (and join their threads) in ``close``.
"""

from __future__ import annotations

import json
import socket
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class MailServer:
    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.messages: list[EmailMessage] = []
        self.port = free_port()
        self.refuse = False
        owner = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                if owner.refuse:
                    return "451 try again later"
                parsed = message_from_bytes(envelope.content, policy=policy.default)
                owner.messages.append(parsed)  # type: ignore[arg-type]
                return "250 OK"

        self._controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    def close(self) -> None:
        self._controller.stop()


class WebhookServer:
    def __init__(self, status: int = 200) -> None:
        self.bodies: list[dict] = []
        self.status = status
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                owner.bodies.append(json.loads(self.rfile.read(length)))
                self.send_response(owner.status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/hook"
        self._thread = threading.Thread(target=self._server.serve_forever, name="test-webhook")
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
