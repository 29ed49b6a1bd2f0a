"""The one HTTP client of the kiosk: a ``requests.Session`` used with care.

* a (connect, read) timeout on every call, and an overall deadline for reading a reply;
* no redirects followed on POSTs (a redirect would silently turn a POST into a GET);
* TLS always verified, against the system's CAs or the configured CA bundle;
* at most ``max_reply_bytes`` of a reply read (``stream=True`` plus a capped ``iter_content``);
* the ``Authorization`` header is never logged. Retries are the worker's job, not urllib3's.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import requests
import requests.auth

from kiosk import __version__
from kiosk.config import SyncSection
from kiosk.sync.protocol import encode

log = logging.getLogger("kiosk.sync")

MAX_REPLY_BYTES = 1_000_000


class TransportError(Exception):
    """No usable HTTP reply: refused, reset, timed out, TLS failure, reply too large."""


@dataclass(frozen=True)
class HttpReply:
    status: int
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)


class Client:
    """POSTs JSON to the endpoint (or a webhook) and returns the status and a capped body."""

    def __init__(
        self,
        section: SyncSection,
        token: str,
        *,
        max_reply_bytes: int = MAX_REPLY_BYTES,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = section.endpoint.rstrip("/")
        self.timeout = (section.connect_timeout, section.read_timeout)
        self.verify: bool | str = section.ca_bundle or True
        self.max_reply_bytes = max_reply_bytes
        self._token = token
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = f"counter-kiosk/{__version__}"
        # Proxies and a CA bundle from the environment are fine; a netrc must not add
        # credentials (it would replace the bearer token, or reach a webhook). requests reads
        # ~/.netrc only when the session has no auth of its own.
        self.session.trust_env = True
        self.session.auth = _OwnHeadersOnly()

    def __repr__(self) -> str:  # never show the token
        return f"Client({self.base_url!r})"

    def post_endpoint(self, path: str, body: Mapping[str, Any]) -> HttpReply:
        headers = {"Authorization": f"Bearer {self._token}"} if self._token else {}
        return self.post(self.base_url + path, body, headers)

    def get_endpoint(self, path: str, headers: Mapping[str, str] | None = None) -> HttpReply:
        """GET a path of the endpoint (``/v1/config``) with the token; same limits as a POST."""
        all_headers = {"Accept": "application/json"}
        if self._token:
            all_headers["Authorization"] = f"Bearer {self._token}"
        all_headers.update(headers or {})
        return self._send("GET", self.base_url + path, None, all_headers)

    def post(self, url: str, body: Mapping[str, Any], headers: Mapping[str, str] | None = None) -> HttpReply:
        """POST ``body`` as JSON; raise :class:`TransportError` when no full reply came."""
        all_headers = {"Content-Type": "application/json", "Accept": "application/json"}
        all_headers.update(headers or {})
        return self._send("POST", url, encode(body), all_headers)

    def _send(self, method: str, url: str, data: bytes | None,
              all_headers: Mapping[str, str]) -> HttpReply:
        deadline = time.monotonic() + self.timeout[0] + 2 * self.timeout[1]
        try:
            with self.session.request(
                method,
                url,
                data=data,
                headers=dict(all_headers),
                timeout=self.timeout,
                allow_redirects=False,
                verify=self.verify,
                stream=True,
            ) as response:
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.max_reply_bytes:
                    raise TransportError(f"reply of {declared} bytes is larger than allowed")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_content(chunk_size=16384):
                    size += len(chunk)
                    if size > self.max_reply_bytes:
                        raise TransportError("reply is larger than allowed")
                    if time.monotonic() > deadline:
                        raise TransportError("reply took too long to arrive")
                    chunks.append(chunk)
                return HttpReply(response.status_code, b"".join(chunks), dict(response.headers))
        except requests.exceptions.SSLError as exc:
            raise TransportError(f"TLS verification failed for {_host(url)}") from exc
        except requests.exceptions.Timeout as exc:
            raise TransportError(f"timed out talking to {_host(url)}") from exc
        except requests.exceptions.ConnectionError as exc:
            raise TransportError(f"cannot reach {_host(url)}: {_short(exc)}") from exc
        except requests.exceptions.RequestException as exc:
            raise TransportError(f"request to {_host(url)} failed: {_short(exc)}") from exc

    def close(self) -> None:
        self.session.close()


class _OwnHeadersOnly(requests.auth.AuthBase):
    """Credentials come only from the headers we set ourselves."""

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        return request


def _host(url: str) -> str:
    from urllib.parse import urlparse

    return urlparse(url).netloc or url


def _short(exc: BaseException) -> str:
    """The exception's class and first line: enough to diagnose, no headers or bodies."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text[:200]}"
