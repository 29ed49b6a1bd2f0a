"""Without a screen the kiosk says so in its own words, in its log and on stderr."""

from __future__ import annotations

import os
import subprocess
import sys

from kiosk.app.display import display_problem, platform_plugin


def test_the_platform_follows_the_environment():
    assert platform_plugin({"QT_QPA_PLATFORM": "offscreen"}, "linux") == "offscreen"
    assert platform_plugin({}, "linux") == "xcb"
    assert platform_plugin({"WAYLAND_DISPLAY": "wayland-0"}, "linux") == "wayland"
    assert platform_plugin({}, "win32") == "windows"


def test_no_display_is_named_with_what_to_do():
    problem = display_problem({}, "linux", loadable=lambda name: True)
    assert problem is not None and "DISPLAY is not set" in problem
    assert "QT_QPA_PLATFORM=offscreen" in problem


def test_missing_xcb_libraries_are_named_with_their_packages():
    missing = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    problem = display_problem({"DISPLAY": ":0"}, "linux", loadable=lambda n: n not in missing)
    assert problem is not None
    assert "libxcb-cursor.so.0" in problem and "libxcb-icccm.so.4" in problem
    assert "apt-get install libxcb-cursor0 libxcb-icccm4" in problem


def test_a_sound_setup_has_no_problem():
    assert display_problem({"DISPLAY": ":0"}, "linux", loadable=lambda n: True) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None


def test_the_real_command_without_a_display_exits_with_a_clear_message(data_dir):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 5, result.stderr
    assert "DISPLAY is not set" in result.stderr
    assert "could not connect to display" not in result.stderr  # not Qt's guess
    log = (data_dir / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "the kiosk cannot start" in log
    assert not (data_dir / "kiosk.sqlite").exists()
