"""What the real ``kiosk`` command has loaded when the question's first frame is drawn (issue 13).

The owner's side, the sync and its HTTP client, the exports and the central service are
loaded after the first frame (kiosk.app.shell) or on first use; one import moved back to the
top of a module on the start-up path would make every boot slower again, and nothing else
would notice.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kiosk.app.startup_marker import ENV

# Prefixes that must not be in sys.modules before the first frame.
HEAVY = (
    "kiosk.admin",
    "kiosk.app.admin",
    "kiosk.app.admin_services",
    "kiosk.app.sync_bridge",
    "kiosk.app.single_instance",  # the second-start listener (QtNetwork) comes after it
    "kiosk.sync",
    "kiosk.export",
    "kiosk.store.exports",
    "kiosk.endpoint",
    "kiosk.ui.contact",  # only with [callback] enabled
    "kiosk.ui.why",  # the screens after the question are built after its first frame
    "kiosk.ui.thanks",
    "kiosk.ui.keyboard",
    "kiosk.ui.qr",
    "kiosk.ui.reason_labels",
    "kiosk.store.pin",  # the owner's PIN: the start's recovery needs only its meta keys
    "kiosk.core.pin",
    "hmac",
    "secrets",
    "tomli_w",  # only a save writes TOML
    "difflib",  # only a file with a mistake in it
    "ctypes",  # only on X (xcb), to look for Qt's libraries
    "uuid",  # the first tap's answer id
    "platform",
    "requests",
    "urllib3",
    "openpyxl",
    "qrcode",
    "PySide6.QtNetwork",
    "PySide6.QtSvg",
    "flask",
    "sqlalchemy",
    "waitress",
)

# Runs the console command's own main() and, at the first frame the marker reports, prints
# the loaded modules and ends the process.
PROBE = """
import os, sys
import kiosk.app.startup_marker as marker

drawn = marker._FirstFrame.eventFilter

def first_frame(self, watched, event):
    handled = drawn(self, watched, event)
    if handled:
        sys.stdout.write("\\n".join(sorted(sys.modules)) + "\\n")
        sys.stdout.flush()
        os._exit(0)
    return handled

marker._FirstFrame.eventFilter = first_frame
from kiosk.commands.main import main
sys.exit(main(["--windowed"]))
"""


@pytest.mark.slow
def test_nothing_heavy_is_loaded_before_the_question_is_on_screen(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_DATA_DIR=str(tmp_path), **{ENV: "1"})
    env.pop("KIOSK_CONFIG", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert "kiosk.ui.question" in loaded  # the probe really saw the question's frame
    early = sorted(
        name for name in loaded if any(name == h or name.startswith(h + ".") for h in HEAVY)
    )
    assert early == [], f"loaded before the first frame: {early}"
