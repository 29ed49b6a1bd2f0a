"""The shipped systemd user unit parses and says what docs/deployment.md promises."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UNIT = ROOT / "assets" / "systemd" / "kiosk.service"


def read_unit(path: Path) -> configparser.ConfigParser:
    """A unit file is INI-like: sections, key=value, # comments (no interpolation)."""
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in systemd
    parser.read_string(path.read_text(encoding="utf-8"), source=str(path))
    return parser


def test_the_unit_has_the_restart_policy_and_the_session_ordering():
    unit = read_unit(UNIT)
    assert unit.sections() == ["Unit", "Service", "Install"]
    assert unit["Unit"]["After"] == "graphical-session.target"
    assert unit["Unit"]["StartLimitIntervalSec"] == "0"
    assert unit["Service"]["Restart"] == "always"
    assert float(unit["Service"]["RestartSec"]) > 0
    assert unit["Service"]["ExecStart"].split()[0].endswith("/kiosk")
    assert unit["Install"]["WantedBy"] == "graphical-session.target"


def test_the_deployment_guide_ships_the_same_unit():
    guide = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    assert "assets/systemd/kiosk.service" in guide
    for line in ("Restart=always", "After=graphical-session.target"):
        assert line in guide


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_analyze_verifies_the_unit(tmp_path):
    # verify wants ExecStart's program to exist: point it at a real one, keep the rest.
    text = UNIT.read_text(encoding="utf-8").replace("%h/.local/bin/kiosk", shutil.which("true"))
    copy = tmp_path / "kiosk.service"
    copy.write_text(text, encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(copy)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    problems = [line for line in result.stderr.splitlines() if "kiosk.service" in line]
    assert result.returncode == 0 and not problems, result.stderr
