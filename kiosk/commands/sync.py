"""``kiosk sync --once``: one sync pass from the command line, now."""

from __future__ import annotations

import argparse
import sys

from kiosk.app.context import Context
from kiosk.core.sync import SyncStatus
from kiosk.sync.token import TokenError, load_token
from kiosk.sync.worker import SyncWorker, read_status

OFFLINE = "offline mode (no endpoint configured)"
MAX_PASSES = 5


def command_context(args: argparse.Namespace) -> Context:
    from kiosk.logs import setup_logging

    ctx = Context.from_args(args)
    setup_logging(ctx.data_dir, getattr(args, "log_level", "INFO"), console=True)
    return ctx


def main(args: argparse.Namespace) -> int:
    """One sync, now. Exit 0 only when nothing is left to send."""
    ctx = command_context(args)
    try:
        settings = ctx.settings
        db = ctx.store().db
        if not settings.sync.endpoint and not settings.alerts.webhook_url:
            status = read_status(db, settings)
            sys.stdout.write(f"{OFFLINE}; {status.pending} pending\n")
            return 0 if status.pending == 0 else 1
        try:
            token = load_token(
                settings.sync.token, settings.sync.token_file, ctx.config_path.parent
            )
        except TokenError as exc:
            sys.stderr.write(f"kiosk sync: {exc}\n")
            return 2
        worker = SyncWorker(settings, db, token=token)
        try:
            for _ in range(MAX_PASSES):
                result = worker.run_once(force=True)
                if result.failed or result.delivered == 0 or worker.status().pending == 0:
                    break
            status = worker.status()
        finally:
            worker.client.close()
        sys.stdout.write(_summary(status) + "\n")
        return 0 if status.pending == 0 else 1
    finally:
        ctx.close()


def when(moment: object) -> str:
    return "never" if moment is None else moment.isoformat(timespec="seconds")  # type: ignore[attr-defined]


def describe_error(status: SyncStatus) -> str:
    if not status.last_error:
        return "none"
    return f"{status.last_error} (at {when(status.last_error_at)})"


def _summary(status: SyncStatus) -> str:
    text = f"pending: {status.pending}, quarantined: {status.quarantined}"
    if status.pending and status.last_error:
        text += f"; last error: {status.last_error}"
    return text
