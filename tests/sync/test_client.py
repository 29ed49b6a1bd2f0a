"""The HTTP client against real loopback servers: timeouts, redirects, reply cap, TLS."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import threading
import time

import pytest
from endpoint_server import LiveServer

from kiosk.config import SyncSection
from kiosk.sync.client import Client, TransportError


def serve(status: str, body: bytes = b"{}", headers=(), delay: float = 0.0):
    calls = []

    def app(environ, start_response):
        calls.append(
            (environ["REQUEST_METHOD"], environ["PATH_INFO"], environ.get("HTTP_AUTHORIZATION"))
        )
        time.sleep(delay)
        start_response(status, [("Content-Length", str(len(body))), *headers])
        return [body]

    return LiveServer(app), calls


def section(url: str, **extra) -> SyncSection:
    return SyncSection(endpoint=url, connect_timeout=0.5, read_timeout=0.3, **extra)


def test_posts_json_with_the_bearer_token():
    server, calls = serve("200 OK", b'{"stored": [], "rejected": []}')
    client = Client(section(server.url), "s3cret")
    try:
        reply = client.post_endpoint("/v1/answers", {"a": 1})
        assert reply.status == 200 and reply.body == b'{"stored": [], "rejected": []}'
        assert calls == [("POST", "/v1/answers", "Bearer s3cret")]
    finally:
        client.close()
        server.stop()


def test_redirects_are_not_followed():
    server, calls = serve("307 Temporary Redirect", b"", [("Location", "/elsewhere")])
    client = Client(section(server.url), "s3cret")
    try:
        assert client.post_endpoint("/v1/answers", {}).status == 307
        assert len(calls) == 1
    finally:
        client.close()
        server.stop()


def test_a_reply_slower_than_the_read_timeout_fails_fast():
    server, _ = serve("200 OK", b"{}", delay=1.0)
    client = Client(section(server.url), "")
    try:
        started = time.monotonic()
        with pytest.raises(TransportError, match="timed out"):
            client.post_endpoint("/v1/answers", {})
        assert time.monotonic() - started < 0.9
    finally:
        client.close()
        server.stop()


def test_a_huge_reply_is_not_read_whole():
    server, _ = serve("200 OK", b"x" * 3_000_000)
    client = Client(section(server.url), "", max_reply_bytes=100_000)
    try:
        with pytest.raises(TransportError, match="larger than allowed"):
            client.post_endpoint("/v1/answers", {})
    finally:
        client.close()
        server.stop()


def test_nothing_listening_is_a_transport_error():
    server, _ = serve("200 OK")
    url = server.url
    server.stop()
    client = Client(section(url), "")
    try:
        with pytest.raises(TransportError, match="cannot reach"):
            client.post_endpoint("/v1/answers", {})
    finally:
        client.close()


def test_tls_is_always_verified_with_an_optional_ca_bundle(tmp_path):
    assert Client(section("https://example.invalid"), "").verify is True
    bundle = tmp_path / "ca.pem"
    assert Client(section("https://x", ca_bundle=str(bundle)), "").verify == str(bundle)


def test_tls_failure_against_a_plain_http_port_is_reported():
    server, _ = serve("200 OK")
    client = Client(section(server.url.replace("http://", "https://")), "")
    try:
        with pytest.raises(TransportError):
            client.post_endpoint("/v1/answers", {})
    finally:
        client.close()
        server.stop()


def _tls_server(tmp_path):
    """A loopback HTTPS server with a self-signed certificate for 127.0.0.1 (a 'private CA')."""
    import shutil
    import ssl
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            body = b'{"stored": [], "rejected": []}'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, name="test-tls", daemon=True)
    thread.start()
    return server, thread, cert


def test_tls_is_verified_and_a_private_ca_bundle_is_honoured(tmp_path):
    server, thread, cert = _tls_server(tmp_path)
    url = f"https://127.0.0.1:{server.server_address[1]}"
    untrusted = Client(section(url), "")
    trusted = Client(section(url, ca_bundle=str(cert)), "")
    try:
        with pytest.raises(TransportError, match="TLS verification failed"):
            untrusted.post_endpoint("/v1/answers", {})
        assert trusted.post_endpoint("/v1/answers", {}).status == 200
    finally:
        untrusted.close()
        trusted.close()
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_a_netrc_never_replaces_the_token_nor_adds_credentials(tmp_path, monkeypatch):
    server, calls = serve("200 OK")
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login alice password wonderland\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    client = Client(section(server.url), "s3cret")
    try:
        client.post_endpoint("/v1/answers", {})
        client.post(server.url + "/hook", {})  # a webhook gets no credentials at all
        assert [auth for _, _, auth in calls] == ["Bearer s3cret", None]
    finally:
        client.close()
        server.stop()


@pytest.mark.parametrize("headers_first", [False, True], ids=["dripped-headers", "dripped-body"])
def test_a_reply_dripping_a_byte_every_fifth_of_a_second_ends_at_the_deadline(headers_first):
    """Issue 9: each byte reset requests' per-recv read timeout, so the request never ended."""
    from helpers.drip import DripServer, timed

    from kiosk.sync.client import request_deadline

    server = DripServer(interval=0.2, headers_first=headers_first)
    settings = section(server.url)  # connect 0.5 s + 2 x read 0.3 s = 1.1 s in all
    client = Client(settings, "")
    try:
        elapsed, result = timed(lambda: client.post_endpoint("/v1/answers", {}))
    finally:
        client.close()
        server.stop()
    assert isinstance(result, TransportError), result
    assert "within" in str(result)
    assert request_deadline(settings) <= elapsed < request_deadline(settings) + 0.5


def test_abort_ends_a_request_in_flight_at_once():
    import threading

    from helpers.drip import DripServer, timed

    server = DripServer(interval=0.2)
    client = Client(SyncSection(endpoint=server.url, connect_timeout=5, read_timeout=30), "")
    try:
        threading.Timer(0.5, client.abort).start()
        elapsed, result = timed(lambda: client.post_endpoint("/v1/answers", {}))
        assert isinstance(result, TransportError) and "stopping" in str(result)
        assert elapsed < 1.5
        with pytest.raises(TransportError, match="stopping"):
            client.post_endpoint("/v1/answers", {})  # refused until resumed
    finally:
        client.close()
        server.stop()


@contextlib.contextmanager
def recording_listener(address: str):
    """A listener on ``address`` that records what each connection sent: (port, received)."""
    server = socket.socket()
    server.bind((address, 0))
    server.listen(4)
    server.settimeout(0.2)
    received: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                con, _ = server.accept()
            except OSError:
                continue
            with con:
                con.settimeout(1)
                try:
                    received.append(con.recv(65536))
                except OSError:
                    pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1], received
    finally:
        stop.set()
        thread.join(5)
        server.close()


@pytest.fixture
def link_local_listener():
    """A real listener on a link-local address (added to ``lo``; root only) and what it got."""
    address = "169.254.77.1"
    if os.geteuid() != 0:
        pytest.skip("adding a link-local address to lo needs root")
    added = subprocess.run(
        ["ip", "addr", "add", f"{address}/32", "dev", "lo"], capture_output=True, check=False
    )
    if added.returncode != 0:
        pytest.skip(f"cannot add {address} to lo: {added.stderr!r}")
    try:
        with recording_listener(address) as (port, received):
            yield address, port, received
    finally:
        subprocess.run(["ip", "addr", "del", f"{address}/32", "dev", "lo"], check=False)


def test_a_name_that_resolves_to_a_link_local_address_is_refused(link_local_listener, monkeypatch):
    """The config refuses 169.254.x.x when written; a harmless-looking name resolving there
    (a webhook at hooks.shop.test) is refused at connect time, before a byte is sent."""
    address, port, received = link_local_listener
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):  # the one thing not real here: the DNS answer
        return real(address if host == "hooks.shop.test" else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    client = Client(section(f"http://hooks.shop.test:{port}"), "secret-token-123")
    try:
        with pytest.raises(TransportError, match="link-local or metadata"):
            client.post_endpoint("/v1/answers", {"answers": []})
    finally:
        client.close()
    time.sleep(0.3)
    assert all(b"secret-token-123" not in data for data in received)
    assert received in ([], [b""])  # connected, then closed without a request


@pytest.fixture
def listener():
    """A loopback listener that records what each connection sent."""
    with recording_listener("127.0.0.1") as found:
        yield found


def test_the_connect_time_check_holds_for_any_user(listener, monkeypatch):
    """The same refusal without root: the check's address list is made to cover 127.0.0.1."""
    from kiosk.sync import client as client_module

    port, received = listener
    monkeypatch.setattr(client_module, "is_metadata_host", lambda host: host == "127.0.0.1")
    client = Client(section(f"http://127.0.0.1:{port}"), "secret-token-123")
    try:
        with pytest.raises(TransportError, match="link-local or metadata"):
            client.post_endpoint("/v1/answers", {"answers": []})
    finally:
        client.close()
    time.sleep(0.3)
    assert received in ([], [b""])


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_through_a_proxy_a_name_resolving_to_a_metadata_address_is_refused(
    listener, monkeypatch, scheme
):
    """Through a proxy the peer is the proxy: the name is resolved first, and nothing (no
    CONNECT, no request with the token) reaches the proxy."""
    port, received = listener
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):  # the one thing not real here: the DNS answer
        if host == "hooks.shop.test":
            return real("169.254.169.254", *args, **kwargs)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    monkeypatch.setenv(f"{scheme.upper()}_PROXY", f"http://127.0.0.1:{port}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    client = Client(section(f"{scheme}://hooks.shop.test/v1"), "secret-token-123")
    try:
        with pytest.raises(TransportError, match="link-local or metadata"):
            client.post_endpoint("/v1/answers", {"answers": []})
    finally:
        client.close()
    time.sleep(0.3)
    assert received == []
