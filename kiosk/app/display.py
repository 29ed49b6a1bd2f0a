"""Can Qt open a screen here? Asked before Qt is started, because Qt's own answer to a missing
display or library is to abort the process with a guess ("could not connect to display",
"Could not load the Qt platform plugin") that names neither the cause nor the fix, and writes
nothing to the kiosk's log.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

# The system libraries Qt's xcb platform plugin loads, and the Debian/Ubuntu package of each.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def platform_plugin(environ: dict[str, str] | None = None, platform: str = sys.platform) -> str:
    """The Qt platform plugin a start here would use."""
    environ = os.environ if environ is None else environ
    chosen = environ.get("QT_QPA_PLATFORM")
    if chosen:
        return chosen.split(":")[0].split(";")[0]
    if platform.startswith("linux"):
        return "wayland" if environ.get("WAYLAND_DISPLAY") else "xcb"
    return {"win32": "windows", "darwin": "cocoa"}.get(platform, "default")


def _loadable(name: str) -> bool:
    import ctypes  # only on X (xcb): the other platforms need no library looked for

    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_xcb_libraries(loadable: Callable[[str], bool] | None = None) -> list[str]:
    loadable = loadable or _loadable
    return [name for name in XCB_LIBRARIES if not loadable(name)]


def install_hint(libraries: list[str]) -> str:
    packages = " ".join(XCB_LIBRARIES.get(name, name) for name in libraries)
    return f"Debian/Ubuntu: apt-get install {packages}"


def display_problem(
    environ: dict[str, str] | None = None,
    platform: str = sys.platform,
    loadable: Callable[[str], bool] | None = None,
) -> str | None:
    """Why Qt could not open a screen here, in words IT can act on; None when it can."""
    environ = os.environ if environ is None else environ
    plugin = platform_plugin(environ, platform)
    if plugin == "xcb":
        if not environ.get("DISPLAY"):
            return (
                "no X display: DISPLAY is not set. Start the kiosk inside the counter's X "
                "session (see docs/deployment.md), or try it without a screen with "
                "QT_QPA_PLATFORM=offscreen kiosk screenshots --out DIR"
            )
        missing = missing_xcb_libraries(loadable)
        if missing:
            return (
                f"Qt's xcb platform plugin needs {', '.join(missing)}, which this system lacks"
                f" ({install_hint(missing)})"
            )
    if plugin == "wayland" and not environ.get("WAYLAND_DISPLAY"):
        return "no Wayland display: WAYLAND_DISPLAY is not set"
    return None
