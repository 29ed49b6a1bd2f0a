"""The real kiosk on a real X server (Xvfb), with and without a window manager (openbox):
close, Alt+F4, Escape, Ctrl+Q, minimise and unmapping do not end or hide it; SIGTERM does;
a second start brings the first to the front and exits."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

NEEDED = ("Xvfb", "xdotool", "xwininfo")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        any(shutil.which(tool) is None for tool in NEEDED) and not os.environ.get("CI"),
        reason="needs Xvfb, xdotool and x11-utils (CI installs them)",
    ),
]
TITLE = "Counter feedback|Opinión en mostrador"  # the window title, in either language


def _free_display() -> int:
    for number in range(90, 140):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture(params=["no window manager", "openbox"])
def x_display(request):
    if request.param == "openbox" and shutil.which("openbox") is None and not os.environ.get("CI"):
        pytest.skip("openbox is not installed")
    number = _free_display()
    xvfb = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = f":{number}"
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        assert time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    wm = None
    if request.param == "openbox":
        wm = subprocess.Popen(
            ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(0.5)
    yield env, request.param
    if wm is not None:
        wm.terminate()
        wm.wait(5)
    xvfb.terminate()
    xvfb.wait(5)


def _x(env, *argv, check=True) -> str:
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=20, check=False)
    if check:
        assert result.returncode == 0, f"{argv}: {result.stderr}"
    return result.stdout.strip()


def _kiosk_window(env) -> str:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        found = _x(env, "xdotool", "search", "--onlyvisible", "--name", TITLE, check=False)
        if found:
            return found.splitlines()[-1]
        time.sleep(0.1)
    raise AssertionError("the kiosk window never appeared")


def _viewable(env, window: str) -> bool:
    info = _x(env, "xwininfo", "-id", window, check=False)
    return "IsViewable" in info


def _start(env, data_dir) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _log(data_dir) -> str:
    return (data_dir / "logs" / "kiosk.log").read_text(encoding="utf-8")


def _still_up(env, child, window_holder: list[str], data_dir) -> None:
    """The process lives and a kiosk window is (again) viewable, within 3 s."""
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        assert child.poll() is None, "the kiosk ended"
        found = _x(env, "xdotool", "search", "--onlyvisible", "--name", TITLE, check=False)
        if found and _viewable(env, found.splitlines()[-1]):
            window_holder[0] = found.splitlines()[-1]
            return
        time.sleep(0.1)
    raise AssertionError(f"the kiosk window did not come back; its log:\n{_log(data_dir)}")


def test_nothing_but_a_stop_ends_the_fullscreen_kiosk(x_display, data_dir):
    env, manager = x_display
    child = _start(env, data_dir)
    try:
        window = [_kiosk_window(env)]
        geometry = _x(env, "xdotool", "getwindowgeometry", window[0])
        assert "1280x800" in geometry  # covers the screen
        for keys in ("alt+F4", "Escape", "ctrl+q", "ctrl+w"):
            _x(env, "xdotool", "key", "--window", window[0], keys, check=False)
            _x(env, "xdotool", "key", keys, check=False)
            time.sleep(0.3)
            _still_up(env, child, window, data_dir)
        _x(env, "xdotool", "windowminimize", window[0], check=False)
        time.sleep(0.5)
        _still_up(env, child, window, data_dir)
        _x(env, "xdotool", "windowunmap", window[0], check=False)
        time.sleep(0.5)
        _still_up(env, child, window, data_dir)
        # A second start: the first comes to the front; the second exits at once, storeless.
        second = subprocess.run(
            [sys.executable, "-m", "kiosk", "--data-dir", str(data_dir)],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert second.returncode == 3, second.stderr
        assert "brought it to the front" in second.stderr
        _still_up(env, child, window, data_dir)
        child.send_signal(signal.SIGTERM)
        assert child.wait(10) == 0
        log = _log(data_dir)
        assert "a request to close the kiosk window was refused" in log or manager != "openbox"
        assert "a key that would leave the kiosk was ignored" in log
        assert "kiosk stopped" in log
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
