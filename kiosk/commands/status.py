"""``kiosk status [--json]``: the store, the queue and the sync's last result."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from kiosk.commands.sync import OFFLINE, command_context, describe_error, when
from kiosk.store import outbox, spill
from kiosk.store.answers import StoreSummary, store_summary
from kiosk.store.integrity import check_at_start
from kiosk.store.opening import store_size
from kiosk.sync.worker import read_status


def main(args: argparse.Namespace) -> int:
    """Pending, quarantined, last success, last error (``--json`` for scripts)."""
    ctx = command_context(args)
    try:
        # Read-only: a report never changes the store, damaged or not.
        db = ctx.store(check=check_at_start(ctx.store_path), read_only=True).db
        status = read_status(db, ctx.settings)
        quarantined = outbox.quarantined(db.connection(), limit=20)
        summary = store_summary(db)
    finally:
        ctx.close()
    store = _store_facts(ctx.store_path, summary)
    spilled = spill.waiting(ctx.data_dir)
    if getattr(args, "json", False):
        data = status.as_dict()
        data["store"] = store
        data["mode"] = "offline" if status.offline else "online"
        data["endpoint"] = ctx.settings.sync.endpoint or None
        data["spilled_writes"] = spilled.writes
        data["spill_files"] = [str(path) for path in spilled.files]
        data["quarantined_items"] = [
            {"kind": q.kind, "answer_id": q.answer_id, "seq": q.seq, "reason": q.reason}
            for q in quarantined
        ]
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return 0
    free = "unknown" if store["disk_free_bytes"] is None else _mb(store["disk_free_bytes"])
    lines = [
        f"store:        {store['path']} ({_mb(store['size_bytes'])}; {free} free on its disk)",
        f"answers:      {summary.guest_answers} from guests, last at"
        f" {summary.last_answer_utc or 'never'}"
        + (f"; {summary.demo_answers} demo" if summary.demo_answers else ""),
        f"sync:         {OFFLINE if status.offline else ctx.settings.sync.endpoint}",
        f"pending:      {status.pending} ({status.pending_answers} answers,"
        f" {status.pending_alerts} alerts)",
        f"quarantined:  {status.quarantined}",
        f"last success: {when(status.last_success)}",
        f"last error:   {describe_error(status)}",
    ]
    if spilled.files:
        lines.append(
            f"spilled:      {spilled.writes} write(s) the store refused (a full or read-only"
            f" disk) wait in {', '.join(str(path) for path in spilled.files)};"
            " the kiosk saves them when it next starts with room"
        )
    if status.auth_failing:
        lines.append("WARNING: the endpoint refuses this kiosk's token; check [sync] token")
    for q in quarantined:
        lines.append(f"  quarantined {q.kind} seq {q.seq} ({q.answer_id}): {q.reason}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _store_facts(path: Path, summary: StoreSummary) -> dict[str, object]:
    size = store_size(path)
    try:
        free: int | None = shutil.disk_usage(path.parent).free
    except OSError:
        free = None
    return {
        "path": str(path),
        "size_bytes": size,
        "disk_free_bytes": free,
        "guest_answers": summary.guest_answers,
        "demo_answers": summary.demo_answers,
        "open_answers": summary.open_answers,
        "last_answer_utc": summary.last_answer_utc,
    }


def _mb(size: object) -> str:
    return f"{int(size) / 2**20:,.1f} MB"  # type: ignore[call-overload]
