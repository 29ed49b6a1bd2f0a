"""Fill a web catalog's empty entries from a Python dict file (``ES = {msgid: msgstr}``).

    python tools/po_fill.py translations/web/es/LC_MESSAGES/messages.po /tmp/es.py
    python tools/po_fill.py translations/web/en/LC_MESSAGES/messages.po --source

``--source`` copies each msgid as its own msgstr (the English catalog). Entries that already
have a translation are left alone.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def main() -> int:
    po = Path(sys.argv[1])
    table: dict[str, str] = {}
    if sys.argv[2] != "--source":
        found = runpy.run_path(sys.argv[2])
        table = next(v for k, v in found.items() if isinstance(v, dict) and not k.startswith("_"))
    with po.open("rb") as f:
        catalog = read_po(f)
    missing = []
    for message in catalog:
        if not message.id or message.string:
            continue
        if isinstance(message.id, tuple):
            message.string = tuple(table.get(m, m) for m in message.id) if table else message.id
            continue
        if sys.argv[2] == "--source":
            message.string = message.id
        elif message.id in table:
            message.string = table[message.id]
        else:
            missing.append(message.id)
    with po.open("wb") as f:
        write_po(f, catalog, omit_header=False, width=100)
    for text in missing:
        sys.stderr.write(f"no translation: {text!r}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
