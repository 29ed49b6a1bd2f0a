"""``kiosk export --format csv|xlsx|json --since --until [--include-flagged] -o FILE``."""

from __future__ import annotations

import argparse
import io
import sys

from kiosk.app.context import Context
from kiosk.export.writer import ExportRequest, export_to_file, export_to_stream
from kiosk.store.integrity import check_at_start


def main(args: argparse.Namespace) -> int:
    request = ExportRequest(
        format=args.format,
        since=args.since,
        until=args.until,
        include_flagged=getattr(args, "include_flagged", True),
    )
    output = getattr(args, "output", None)
    if request.format == "xlsx" and not output:
        sys.stderr.write("kiosk export: --format xlsx needs -o FILE (a workbook is binary)\n")
        return 2
    context = Context.from_args(args)
    try:
        # Read-only, never changed: see kiosk.commands.stats.
        db = context.store(check=check_at_start(context.store_path), read_only=True).db
        if output:
            try:
                count = export_to_file(db, request, output)
            except OSError as exc:
                sys.stderr.write(f"kiosk export: cannot write {output}: {exc.strerror or exc}\n")
                return 1
            sys.stderr.write(f"{count} answer(s) written to {output}\n")
        else:
            stream = sys.stdout
            if isinstance(stream, io.TextIOWrapper):
                stream.reconfigure(encoding="utf-8", newline="")
            export_to_stream(db, request, stream)
            stream.flush()
    finally:
        context.close()
    return 0
