"""The HTTP client against real loopback servers: timeouts, redirects, reply cap, TLS."""

from __future__ import annotations

import time

import pytest
from endpoint_server import LiveServer

from kiosk.config import SyncSection
from kiosk.sync.client import Client, TokenError, TransportError, load_token


def serve(status: str, body: bytes = b"{}", headers=(), delay: float = 0.0):
    calls = []

    def app(environ, start_response):
        calls.append((environ["REQUEST_METHOD"], environ["PATH_INFO"],
                      environ.get("HTTP_AUTHORIZATION")))
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


def test_token_from_a_file_relative_to_the_config(tmp_path):
    (tmp_path / "token.txt").write_text("abc123\n", encoding="utf-8")
    assert load_token(SyncSection(token_file="token.txt"), tmp_path) == "abc123"
    assert load_token(SyncSection(token="  xyz "), tmp_path) == "xyz"
    assert load_token(SyncSection(), tmp_path) == ""
    with pytest.raises(TokenError, match="cannot read"):
        load_token(SyncSection(token_file="missing.txt"), tmp_path)
