"""``kiosk endpoint``: run the reference endpoint with waitress (Linux and Windows alike)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from kiosk.endpoint.app import MAX_BODY_BYTES, EndpointApp, load_tokens
from kiosk.store.central import CentralStore

log = logging.getLogger("kiosk.endpoint")


def build_app(db: Path | str, token_file: Path | str) -> EndpointApp:
    return EndpointApp(CentralStore(db), load_tokens(token_file))


def main(args: argparse.Namespace) -> int:
    import waitress.server as waitress

    from kiosk.logs import setup_logging

    setup_logging(None, getattr(args, "log_level", "INFO"))
    try:
        app = build_app(args.db, args.token_file)
    except (OSError, ValueError) as exc:
        sys.stderr.write(f"kiosk endpoint: {exc}\n")
        return 2
    log.info("central endpoint on http://%s:%d, store %s, %d token(s)", args.host, args.port,
             args.db, len(app.tokens))
    # create_server().run(), not waitress.serve(): serve() calls logging.basicConfig(), which
    # would print every line of ours twice.
    server = waitress.create_server(
        app,
        host=args.host,
        port=args.port,
        threads=args.threads,
        # waitress refuses larger bodies itself, before they reach the app.
        max_request_body_size=MAX_BODY_BYTES,
        ident="kiosk-endpoint",
    )
    try:
        server.run()
    except KeyboardInterrupt:
        log.info("endpoint stopped")
    finally:
        server.close()
    return 0
