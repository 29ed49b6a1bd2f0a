"""The one HTTP client of the kiosk: a ``requests.Session`` used with care.

* a (connect, read) timeout on every call, and one overall deadline per request
  (:func:`request_deadline`) that holds however the bytes arrive: requests' read timeout
  is per ``recv``, so a server dripping a byte every 0.2 s would never trip it. A watchdog
  shuts the request's socket down when the deadline passes, which ends any blocked read
  at once, in the headers or in the body;
* :meth:`Client.abort` ends the request in flight the same way, so stopping the kiosk never
  waits on the network;
* no redirects followed on POSTs (a redirect would silently turn a POST into a GET);
* TLS always verified, against the system's CAs or the configured CA bundle;
* at most ``max_reply_bytes`` of a reply read (``stream=True`` plus a capped ``iter_content``);
* the ``Authorization`` header is never logged. Retries are the worker's job, not urllib3's;
* never a connection to a link-local or cloud-metadata address (169.254.169.254...), however
  the name resolved: the config refuses such addresses when written, and this catches a name
  that resolves there (checked on the connected socket; through a proxy, on the name
  resolved here first).
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import requests
import requests.adapters
import requests.auth
import requests.utils
import urllib3.connection
import urllib3.connectionpool

from kiosk import __version__
from kiosk.config import SyncSection
from kiosk.config.kinds import is_metadata_host
from kiosk.sync.protocol import encode

log = logging.getLogger("kiosk.sync")

MAX_REPLY_BYTES = 1_000_000


class TransportError(Exception):
    """No usable HTTP reply: refused, reset, timed out, TLS failure, reply too large."""


def request_deadline(section: SyncSection) -> float:
    """Seconds one request may take in all, from connecting to the last byte of the reply."""
    return section.connect_timeout + 2 * section.read_timeout


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
        self.deadline_seconds = request_deadline(section)
        self._lock = threading.Lock()
        self._active: set[_Watch] = set()
        self._aborted = False
        for prefix in ("http://", "https://"):
            self.session.mount(prefix, _WatchedAdapter())

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
        return self._request("GET", self.base_url + path, all_headers, None)

    def post(
        self, url: str, body: Mapping[str, Any], headers: Mapping[str, str] | None = None
    ) -> HttpReply:
        """POST ``body`` as JSON; raise :class:`TransportError` when no full reply came
        within :func:`request_deadline` (or :meth:`abort` was called)."""
        all_headers = {"Content-Type": "application/json", "Accept": "application/json"}
        all_headers.update(headers or {})
        return self._request("POST", url, all_headers, encode(body))

    def _request(
        self, method: str, url: str, all_headers: Mapping[str, str], data: bytes | None
    ) -> HttpReply:
        """One request under one deadline (:class:`_Watch`), however the bytes arrive."""
        watch = _Watch(self.deadline_seconds)
        with self._lock:
            if self._aborted:
                raise TransportError("the sync is stopping")
            self._active.add(watch)
        _current.watch = watch
        watch.start()
        try:
            problem = self._proxied_to_metadata(url)
            if problem:
                raise TransportError(problem)
            reply = self._exchange(method, url, all_headers, data, watch)
        except (TransportError, requests.exceptions.RequestException) as exc:
            if watch.expired:
                raise TransportError(watch.reason(_host(url))) from exc
            if isinstance(exc, TransportError):
                raise
            raise _transport_error(exc, url) from exc
        finally:
            watch.cancel()
            _current.watch = None
            with self._lock:
                self._active.discard(watch)
        if watch.expired:  # the last bytes came as the watchdog fired: still too late
            raise TransportError(watch.reason(_host(url)))
        return reply

    def _exchange(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        data: bytes | None,
        watch: _Watch,
    ) -> HttpReply:
        with self.session.request(
            method,
            url,
            data=data,
            headers=dict(headers),
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
            # Small reads: each returns as soon as bytes are there, so the checks below run
            # often; the watchdog ends a read that waits on a dripping server anyway.
            for chunk in response.iter_content(chunk_size=16384):
                size += len(chunk)
                if size > self.max_reply_bytes:
                    raise TransportError("reply is larger than allowed")
                if watch.expired:
                    raise TransportError(watch.reason(_host(url)))
                chunks.append(chunk)
            return HttpReply(response.status_code, b"".join(chunks), dict(response.headers))

    def _proxied_to_metadata(self, url: str) -> str:
        """Through a proxy the connection's peer is the proxy, so the check at connect time
        cannot see where the request goes: the name is resolved here and refused if it
        resolves to a link-local or metadata address. Best effort: a name that does not
        resolve here is left to the proxy."""
        proxies = dict(self.session.proxies)
        if self.session.trust_env:
            proxies = {**requests.utils.get_environ_proxies(url), **proxies}
        if not requests.utils.select_proxy(url, proxies):
            return ""
        host = urlsplit(url).hostname or ""
        try:
            found = {info[4][0] for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)}
        except (OSError, UnicodeError):
            found = set()
        if is_metadata_host(host) or any(is_metadata_host(str(a)) for a in found):
            return _metadata_refused(host)
        return ""

    def abort(self) -> None:
        """End the request in flight now and refuse new ones (the kiosk is stopping)."""
        with self._lock:
            self._aborted = True
            active = list(self._active)
        for watch in active:
            watch.fire("the sync is stopping")

    def resume(self) -> None:
        """Accept requests again after :meth:`abort` (the sync was started anew)."""
        with self._lock:
            self._aborted = False

    def close(self) -> None:
        self.session.close()


def _transport_error(exc: requests.exceptions.RequestException, url: str) -> TransportError:
    if isinstance(exc, requests.exceptions.SSLError):
        return TransportError(f"TLS verification failed for {_host(url)}")
    if isinstance(exc, requests.exceptions.Timeout):
        return TransportError(f"timed out talking to {_host(url)}")
    if isinstance(exc, requests.exceptions.ConnectionError):
        return TransportError(f"cannot reach {_host(url)}: {_short(exc)}")
    return TransportError(f"request to {_host(url)} failed: {_short(exc)}")


# --- the watchdog -----------------------------------------------------------------------------


class _Watch:
    """One request's deadline: when it passes (or on :meth:`fire`), the socket the request
    uses is shut down, which wakes a ``recv`` blocked in any thread at once."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._why = ""
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self.fire)
        self._timer.name = "kiosk-sync-deadline"
        self._timer.daemon = True

    def start(self) -> None:
        self._timer.start()

    def cancel(self) -> None:
        self._timer.cancel()

    def reason(self, host: str) -> str:
        return self._why or f"no full reply from {host} within {self.seconds:.0f} s"

    def fire(self, why: str = "") -> None:
        with self._lock:
            if not self.expired:
                self.expired = True
                self._why = why
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)
        if sockets:
            log.warning("request ended by its deadline watchdog%s", f" ({why})" if why else "")

    def watch(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            if sock not in self._sockets:
                self._sockets.append(sock)
            late = self.expired
        if late:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        # The plain socket's shutdown, also for TLS: it only touches the file descriptor.
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass  # already closed, or never connected


def _metadata_refused(host: str) -> str:
    return f"{host} is at a link-local or metadata address; refused"


_current = threading.local()  # the watch of the request this thread is making


def _watch_socket(sock: socket.socket | None) -> None:
    watch = getattr(_current, "watch", None)
    if watch is not None:
        watch.watch(sock)


class _WatchedHTTPConnection(urllib3.connection.HTTPConnection):
    """Tells the request's watch which socket it uses (new, wrapped in TLS, or reused)."""

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        try:
            peer = str(sock.getpeername()[0])
        except (OSError, IndexError):
            peer = ""
        if peer and is_metadata_host(peer):
            sock.close()
            raise TransportError(_metadata_refused(self.host))
        _watch_socket(sock)
        return sock

    def connect(self) -> None:
        super().connect()
        _watch_socket(self.sock)

    def request(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        _watch_socket(self.sock)
        super().request(*args, **kwargs)

    def getresponse(self) -> Any:  # type: ignore[override]
        _watch_socket(self.sock)
        return super().getresponse()


class _WatchedHTTPSConnection(urllib3.connection.HTTPSConnection, _WatchedHTTPConnection):
    def connect(self) -> None:
        super().connect()
        _watch_socket(self.sock)


class _WatchedHTTPPool(urllib3.connectionpool.HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(urllib3.connectionpool.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_WATCHED_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class _WatchedAdapter(requests.adapters.HTTPAdapter):
    """requests' adapter with connections the deadline watchdog can see. No retries."""

    def __init__(self) -> None:
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _WATCHED_POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = _WATCHED_POOLS
        return manager


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
