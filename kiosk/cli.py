"""The ``kiosk`` command: the guest app by default, and the owner's and IT's subcommands.

Each subcommand lives in the module of its area and is imported only when used, so
``kiosk export`` never loads Qt and ``kiosk`` (the app) never loads openpyxl.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date

from kiosk import __version__
from kiosk.config import ConfigError
from kiosk.store.database import StoreError
from kiosk.store.schema import SchemaTooNew

log = logging.getLogger("kiosk")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-11-25, got {text!r}") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Counter feedback kiosk. With no subcommand, starts the guest screen.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--config", metavar="PATH", help="TOML config file (or $KIOSK_CONFIG)")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="folder for the store and logs (or $KIOSK_DATA_DIR)"
    )
    parser.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    parser.add_argument("--windowed", action="store_true", help="run in a window, not fullscreen")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start offscreen, render every screen in every language on a temporary store, exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="start the guest screen (the default)")
    run.add_argument("--windowed", action="store_true", help="run in a window, not fullscreen")

    export = sub.add_parser("export", help="write stored answers as CSV, Excel or JSON")
    export.add_argument("--format", choices=["csv", "xlsx", "json"], default="csv")
    export.add_argument("--since", type=_date, metavar="DATE", help="first day (inclusive)")
    export.add_argument("--until", type=_date, metavar="DATE", help="last day (inclusive)")
    export.add_argument(
        "--include-flagged", action=argparse.BooleanOptionalAction, default=True,
        help="include answers flagged by the abuse filter (default: yes)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")

    stats = sub.add_parser("stats", help="print the NPS and the numbers the dashboard shows")
    stats.add_argument("--since", type=_date, metavar="DATE")
    stats.add_argument("--until", type=_date, metavar="DATE")
    stats.add_argument("--include-flagged", action="store_true")
    stats.add_argument("--json", action="store_true", help="machine-readable output")

    demo = sub.add_parser("demo-data", help="fill the store with realistic demo answers")
    demo.add_argument("--count", type=int, default=500)
    demo.add_argument("--days", type=int, default=30)
    demo.add_argument("--seed", type=int, default=None)
    demo.add_argument("--force", action="store_true", help="even if real answers exist")

    shots = sub.add_parser("screenshots", help="render every guest screen to PNG")
    shots.add_argument("--out", required=True, metavar="DIR")

    sub.add_parser("self-test", help="same as --self-test")

    sync = sub.add_parser("sync", help="send pending answers and alerts to the endpoint")
    sync.add_argument("--once", action="store_true", help="one pass, then exit (the default)")

    status = sub.add_parser("status", help="pending, quarantined, last success, last error")
    status.add_argument("--json", action="store_true")

    from kiosk.endpoint.command import register as register_endpoint

    register_endpoint(sub)

    sub.add_parser("set-pin", help="set the owner's PIN for the kiosk's admin area")
    return parser


def _handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    return {
        "run": _run_app,
        "export": _lazy("kiosk.export.cli", "main"),
        "stats": _lazy("kiosk.admin.stats_cli", "main"),
        "demo-data": _lazy("kiosk.demo", "main"),
        "screenshots": _lazy("kiosk.ui.screenshots", "main"),
        "self-test": _lazy("kiosk.selftest", "main"),
        "sync": _lazy("kiosk.sync.cli", "sync_main"),
        "status": _lazy("kiosk.sync.cli", "status_main"),
        "endpoint": _lazy("kiosk.endpoint.command", "main"),
        "set-pin": _lazy("kiosk.admin.pin_cli", "main"),
    }


def _lazy(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    def call(args: argparse.Namespace) -> int:
        import importlib

        return getattr(importlib.import_module(module), name)(args)

    return call


def _run_app(args: argparse.Namespace) -> int:
    from kiosk.app import main as app_main

    return app_main(args)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or ("self-test" if args.self_test else "run")
    if args.self_test and command == "run":
        command = "self-test"
    args.command = command
    try:
        return _handlers()[command](args)
    except ConfigError as exc:
        print(f"kiosk: configuration error: {exc}", file=sys.stderr)  # noqa: T201
        return 2
    except SchemaTooNew as exc:
        print(f"kiosk: {exc}; upgrade the kiosk to open this store", file=sys.stderr)  # noqa: T201
        return 3
    except StoreError as exc:
        print(f"kiosk: storage error: {exc}", file=sys.stderr)  # noqa: T201
        return 3
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

