"""The ``kiosk`` command: the argparse tree, and the dispatch to one module per subcommand.

The guest app by default; the owner's and IT's subcommands otherwise.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import date

from kiosk import __version__
from kiosk.config import ConfigError
from kiosk.store.database import StoreError, is_corruption
from kiosk.store.schema import SchemaTooNew

log = logging.getLogger("kiosk")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-11-25, got {text!r}") from exc


def _common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """The options every command takes, defined once.

    They may stand before or after the subcommand (``kiosk --windowed run`` and ``kiosk run
    --windowed`` mean the same). On the subcommands their default is SUPPRESS, so a subparser
    never overwrites what was given before the subcommand with its own default.
    """

    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    parser.add_argument(
        "--config",
        metavar="PATH",
        default=default(None),
        help="TOML config file (or $KIOSK_CONFIG)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default(None),
        help="folder for the store and logs (or $KIOSK_DATA_DIR)",
    )
    parser.add_argument(
        "--set",
        metavar="SECTION.KEY=VALUE",
        action="append",
        default=default(None),
        help="override one setting (repeatable; above the files and $KIOSK__SECTION__KEY)",
    )
    parser.add_argument(
        "--log-level", default=default("INFO"), choices=["DEBUG", "INFO", "WARNING", "ERROR"]
    )


def _windowed_option(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    parser.add_argument(
        "--windowed",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="run in a window, not fullscreen",
    )


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole tree; given ``argv``, the central service's subtree only if it may be used.

    ``kiosk endpoint`` has a large subtree in :mod:`kiosk.endpoint.command` (and its imports):
    the guest app, started on every boot, neither imports nor builds it. ``--help`` builds it
    all, and a mistyped command still lists ``endpoint`` among the choices. A command line
    that can only mean the guest app (options, at most ``run``) gets the top and ``run``
    alone: it parses the same, without building the other commands first (issue 13).
    """
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Counter feedback kiosk. With no subcommand, starts the guest screen.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _common_options(parser, suppress=False)
    _windowed_option(parser, suppress=False)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start offscreen, render every screen in every language on a temporary store, exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, **kwargs: object) -> argparse.ArgumentParser:
        child = sub.add_parser(name, **kwargs)  # type: ignore[arg-type]
        _common_options(child, suppress=True)
        return child

    run = command("run", help="start the guest screen (the default)")
    _windowed_option(run, suppress=True)
    if argv is not None and _names_only_the_guest_app(argv):
        return parser

    export = command("export", help="write stored answers as CSV, Excel or JSON")
    export.add_argument("--format", choices=["csv", "xlsx", "json"], default="csv")
    export.add_argument("--since", type=_date, metavar="DATE", help="first day (inclusive)")
    export.add_argument("--until", type=_date, metavar="DATE", help="last day (inclusive)")
    export.add_argument(
        "--include-flagged",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="include answers flagged by the abuse filter (default: yes)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")

    stats = command("stats", help="print the NPS and the numbers the dashboard shows")
    stats.add_argument("--since", type=_date, metavar="DATE")
    stats.add_argument("--until", type=_date, metavar="DATE")
    stats.add_argument("--include-flagged", action="store_true")
    stats.add_argument("--json", action="store_true", help="machine-readable output")

    demo = command("demo-data", help="fill the store with realistic demo answers")
    demo.add_argument("--count", type=int, default=500)
    demo.add_argument("--days", type=int, default=30)
    demo.add_argument("--seed", type=int, default=None)
    demo.add_argument("--force", action="store_true", help="even if real answers exist")

    shots = command("screenshots", help="render every guest screen to PNG")
    shots.add_argument("--out", required=True, metavar="DIR")
    shots.add_argument(
        "--sizes",
        metavar="WxH,...",
        help="screen sizes, like 1024x600,3840x2160, or all (default: 1280x800,800x1280)",
    )
    shots.add_argument(
        "--languages",
        metavar="CODE,...",
        help="languages, like ca,fr, or all (default: the config's)",
    )
    shots.add_argument(
        "--pseudo",
        type=float,
        metavar="FACTOR",
        help="pseudo-translation: every text this many times longer (1.4)",
    )
    shots.add_argument(
        "--dpi",
        type=float,
        metavar="PPI",
        help="the panel's pixels per inch, for the sizes (a 15-inch 4K panel: 282)",
    )

    command("self-test", help="same as --self-test")

    sync = command("sync", help="send pending answers and alerts to the endpoint")
    sync.add_argument("--once", action="store_true", help="one pass, then exit (the default)")

    status = command("status", help="pending, quarantined, last success, last error")
    status.add_argument("--json", action="store_true")

    if argv is None or _may_name_endpoint(argv):
        from kiosk.endpoint.command import register as register_endpoint

        register_endpoint(sub)
    else:
        sub.add_parser("endpoint")  # the name alone: a mistyped command lists it

    command("set-pin", help="set the owner's PIN for the kiosk's admin area")

    config_command = command("config", help="the merged configuration and where each value is from")
    config_sub = config_command.add_subparsers(
        dest="config_command", metavar="ACTION", required=True
    )
    show = config_sub.add_parser("show", help="print every setting, its value and its origin")
    _common_options(show, suppress=True)
    show.add_argument("--json", action="store_true", help="machine-readable output")

    doctor = command(
        "doctor", help="check config, store, disk, endpoint and display; exit 1 if wrong"
    )
    doctor.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


# The options that take a value, with it as the next word (``--config PATH``).
_VALUE_OPTIONS = ("--config", "--data-dir", "--set", "--log-level")


def _names_only_the_guest_app(argv: Sequence[str]) -> bool:
    """Whether every word of ``argv`` is an option, an option's value or ``run``: no other
    command can be meant, nor help asked for. An abbreviated option with its value apart
    (``--data DIR``) answers no, which only costs the whole tree."""
    words = iter(argv)
    for word in words:
        if word in _VALUE_OPTIONS:
            next(words, None)
        elif word in ("-h", "--help", "--") or not (word.startswith("-") or word == "run"):
            return False
    return True


def _may_name_endpoint(argv: Sequence[str]) -> bool:
    """Whether ``argv`` may run or ask about ``kiosk endpoint`` (or ask for help at all)."""
    return any(arg == "endpoint" or arg in ("-h", "--help") for arg in argv)


# Each command's code lives in its own module under kiosk.commands and is imported only when
# used, so ``kiosk export`` never loads Qt and ``kiosk`` (the app) never loads openpyxl.
HANDLERS: dict[str, str] = {
    "run": "kiosk.app.shell",
    "export": "kiosk.commands.export",
    "stats": "kiosk.commands.stats",
    "demo-data": "kiosk.commands.demo_data",
    "screenshots": "kiosk.commands.screenshots",
    "self-test": "kiosk.commands.self_test",
    "sync": "kiosk.commands.sync",
    "status": "kiosk.commands.status",
    "endpoint": "kiosk.endpoint.command",
    "set-pin": "kiosk.commands.set_pin",
    "doctor": "kiosk.commands.doctor",
    "config": "kiosk.commands.config",
}


def _handler(command: str) -> Callable[[argparse.Namespace], int]:
    import importlib

    return importlib.import_module(HANDLERS[command]).main


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if args.self_test and args.command not in (None, "self-test"):
        parser.error(f"--self-test runs on its own; it cannot be combined with {args.command!r}")
    command = args.command or ("self-test" if args.self_test else "run")
    args.command = command
    try:
        return _handler(command)(args)
    except ConfigError as exc:
        print(f"kiosk: configuration error: {exc}", file=sys.stderr)  # noqa: T201
        return 2
    except SchemaTooNew as exc:
        print(f"kiosk: {exc}; upgrade the kiosk to open this store", file=sys.stderr)  # noqa: T201
        return 3
    except StoreError as exc:
        print(f"kiosk: storage error: {exc}", file=sys.stderr)  # noqa: T201
        return 3
    except sqlite3.DatabaseError as exc:
        # Damage met while reading (a page past the start-up check): a sentence, no
        # traceback; the store is left as it is for the kiosk's start to recover.
        if not is_corruption(exc):
            raise
        print(  # noqa: T201
            f"kiosk: storage error: the store is damaged ({exc}). It was left exactly as it "
            "is; start the kiosk to set it aside in corrupt/ and recover what can be read",
            file=sys.stderr,
        )
        return 3
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
