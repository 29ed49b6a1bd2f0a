"""``kiosk sync --once`` and ``kiosk status``: the sync from the command line."""

from __future__ import annotations

import argparse
import json
import sys

from kiosk.context import Context
from kiosk.store import outbox
from kiosk.sync.client import TokenError, load_token
from kiosk.sync.status import SyncStatus
from kiosk.sync.worker import SyncWorker, read_status

OFFLINE = "offline mode (no endpoint configured)"
MAX_PASSES = 5


def _context(args: argparse.Namespace) -> Context:
    from kiosk.logs import setup_logging

    ctx = Context.from_options(args.config, args.data_dir)
    setup_logging(ctx.data_dir, getattr(args, "log_level", "INFO"), console=True)
    return ctx


def sync_main(args: argparse.Namespace) -> int:
    """One sync, now. Exit 0 only when nothing is left to send."""
    ctx = _context(args)
    try:
        settings = ctx.settings
        db = ctx.store().db
        if not settings.sync.endpoint and not settings.alerts.webhook_url:
            status = read_status(db, settings)
            sys.stdout.write(f"{OFFLINE}; {status.pending} pending\n")
            return 0 if status.pending == 0 else 1
        try:
            token = load_token(settings.sync, ctx.config_path.parent)
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


def status_main(args: argparse.Namespace) -> int:
    """Pending, quarantined, last success, last error (``--json`` for scripts)."""
    ctx = _context(args)
    try:
        db = ctx.store().db
        status = read_status(db, ctx.settings)
        quarantined = outbox.quarantined(db.connection(), limit=20)
    finally:
        ctx.close()
    if getattr(args, "json", False):
        data = status.as_dict()
        data["mode"] = "offline" if status.offline else "online"
        data["endpoint"] = ctx.settings.sync.endpoint or None
        data["quarantined_items"] = [
            {"kind": q.kind, "answer_id": q.answer_id, "seq": q.seq, "reason": q.reason}
            for q in quarantined
        ]
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return 0
    lines = [
        f"sync:         {OFFLINE if status.offline else ctx.settings.sync.endpoint}",
        f"pending:      {status.pending} ({status.pending_answers} answers,"
        f" {status.pending_alerts} alerts)",
        f"quarantined:  {status.quarantined}",
        f"last success: {_when(status.last_success)}",
        f"last error:   {_error(status)}",
    ]
    if status.auth_failing:
        lines.append("WARNING: the endpoint refuses this kiosk's token; check [sync] token")
    for q in quarantined:
        lines.append(f"  quarantined {q.kind} seq {q.seq} ({q.answer_id}): {q.reason}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _when(moment: object) -> str:
    return "never" if moment is None else moment.isoformat(timespec="seconds")  # type: ignore[attr-defined]


def _error(status: SyncStatus) -> str:
    if not status.last_error:
        return "none"
    return f"{status.last_error} (at {_when(status.last_error_at)})"


def _summary(status: SyncStatus) -> str:
    text = f"pending: {status.pending}, quarantined: {status.quarantined}"
    if status.pending and status.last_error:
        text += f"; last error: {status.last_error}"
    return text
