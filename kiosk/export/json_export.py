"""JSON: one object with the export's parameters and the list of answers, streamed."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TextIO

from kiosk.export.cells import json_record


def write_json(rows: Iterable[tuple], handle: TextIO, header: Mapping[str, object]) -> int:
    """Write ``{**header, "answers": [...]}`` without holding all answers in memory."""
    head = json.dumps(dict(header), ensure_ascii=False, indent=1)
    handle.write(head[:-2] + ',\n "answers": [')
    count = 0
    for row in rows:
        handle.write(",\n  " if count else "\n  ")
        handle.write(json.dumps(json_record(row), ensure_ascii=False))
        count += 1
    handle.write("\n ]\n}\n")
    return count
