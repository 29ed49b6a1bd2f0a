"""``kiosk config show [--json]``: the merged configuration and where each value came from.

One line per setting: its value (secrets masked) and its origin (default, system file,
device file, central, environment variable or ``--set`` flag), so IT can see why a kiosk
behaves as it does without reading four places.
"""

from __future__ import annotations

import argparse
import json
import sys

from kiosk.app.context import Context
from kiosk.config.layers import DEFAULT, system_config_path


def main(args: argparse.Namespace) -> int:
    ctx = Context.from_args(args)
    merged = ctx.merged
    assert merged is not None
    rows = merged.shown()
    files = {
        "system": str(system_config_path() or "(none)"),
        "device": str(ctx.config_path),
    }
    central = merged.layer("central")
    if central is not None:
        files["central"] = central.source
    if getattr(args, "json", False):
        sys.stdout.write(
            json.dumps({"files": files, "settings": rows}, indent=2, ensure_ascii=False) + "\n"
        )
        return 0
    lines = [f"# {name} file: {path}" for name, path in files.items()]
    section = None
    for row in rows:
        if row["section"] != section:
            section = row["section"]
            lines.append(f"[{section}]")
        where = row["origin"] if row["origin"] == DEFAULT else f"{row['origin']}: {row['source']}"
        lines.append(f"{row['name']} = {json.dumps(row['value'], ensure_ascii=False)}  # {where}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
