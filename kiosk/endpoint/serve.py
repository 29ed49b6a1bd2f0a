"""Serving the central service with waitress (Linux and Windows alike), slow clients bounded.

waitress reads requests on its event loop and hands only complete ones to its threads, so a
slow client never holds a thread; what it holds is a connection. Two limits keep such clients
from starving the kiosks:

* ``connection_limit`` (1000, not waitress's 100): at the default, 150 clients trickling
  header lines made waitress stop accepting, and every kiosk's request timed out;
* ``request_timeout``: waitress's ``channel_timeout`` only closes *idle* connections, and a
  client sending a byte every few seconds is never idle. Here a request that is not fully
  received within ``request_timeout`` seconds of its first byte is cut off (checked every
  ``cleanup_interval``).

Past a few thousand hostile connections, a front server (nginx, Caddy, HAProxy) should do
this job; see docs/central.md.
"""

from __future__ import annotations

import gc
import logging
import time
from typing import Any

from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import create_server

from kiosk.endpoint.config import ServerLimits

log = logging.getLogger("kiosk.endpoint")


class _TimedParser(HTTPRequestParser):
    def __init__(self, adj: Any) -> None:
        super().__init__(adj)
        self.started = time.monotonic()


class _TimedChannel(HTTPChannel):
    parser_class = _TimedParser


def make_server(
    app: Any, host: str, port: int, limits: ServerLimits, max_body: int, **extra: Any
) -> Any:
    # create_server().run(), not waitress.serve(): serve() calls logging.basicConfig(), which
    # would print every line of ours twice.
    server = create_server(
        app,
        host=host,
        port=port,
        threads=limits.threads,
        connection_limit=limits.connection_limit,
        channel_timeout=limits.channel_timeout,
        cleanup_interval=limits.cleanup_interval,
        max_request_body_size=max_body,  # waitress refuses larger bodies before the app
        ident="kiosk-endpoint",
        **extra,
    )
    server.channel_class = _TimedChannel
    # What lives as long as the process (modules, the app, its templates) leaves the
    # collector's generations, so a full collection during a request walks that request's
    # objects only: on a year's overview of 500 sites, 75-120 ms a collection before, 3-18
    # after (measured; the page makes one or two).
    gc.freeze()
    plain_maintenance = server.maintenance

    def maintenance(now: float) -> None:
        plain_maintenance(now)
        cutoff = time.monotonic() - limits.request_timeout
        for channel in list(server.active_channels.values()):
            partial = getattr(channel, "request", None)
            if partial is not None and getattr(partial, "started", cutoff) < cutoff:
                log.info(
                    "closing a connection whose request took over %.0f s to arrive",
                    limits.request_timeout,
                )
                channel.will_close = True

    server.maintenance = maintenance
    return server
