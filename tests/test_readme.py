"""The README's command list works as written: each ``.venv/bin/kiosk …`` line parses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.commands import main as cli

README = Path(__file__).resolve().parent.parent / "README.md"
PLACEHOLDERS = {
    "DIR": "/tmp/kiosk-readme",
    "FILE": "x.toml",
    "N": "10",
    "D": "7",
    "DATE": "2026-11-01",
}


def command_lines() -> list[str]:
    lines = []
    for line in README.read_text(encoding="utf-8").splitlines():
        found = re.match(r"\s+(?:QT_QPA_PLATFORM=offscreen )?\.venv/bin/kiosk(.*)", line)
        if found:
            lines.append(re.split(r"\s{2,}|#", found.group(1).strip())[0])
    return lines


def test_the_readme_lists_the_commands_and_keeps_its_first_two():
    text = README.read_text(encoding="utf-8").splitlines()
    assert text[2].strip().startswith("make run") and text[3].strip().startswith("make test")
    named = {line.split()[0] for line in command_lines() if line and not line.startswith("-")}
    assert {
        "export",
        "stats",
        "demo-data",
        "screenshots",
        "sync",
        "status",
        "set-pin",
        "doctor",
        "config",
        "endpoint",
    } <= named


@pytest.mark.parametrize("line", command_lines())
def test_each_command_line_parses(line):
    line = line.replace("csv|xlsx|json", "csv")
    words = [PLACEHOLDERS.get(w, w) for w in line.replace("[", " ").replace("]", " ").split()]
    cli.build_parser().parse_args(words)
