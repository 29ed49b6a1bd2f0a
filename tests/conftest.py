"""Qt's environment for the whole suite, and the shared fixtures (tests/helpers/fixtures.py,
tests/helpers/disks.py).

Nothing here imports Qt: the Qt-free folders also run with PySide6 not installed
(``tools/test-without-qt.sh``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")
# The fleet's layers: no machine's /etc/kiosk/config.toml, no KIOSK__SECTION__KEY from the
# developer's shell in the tests (tests that want them set their own).
os.environ["KIOSK_SYSTEM_CONFIG"] = ""
for _name in [n for n in os.environ if n.upper().startswith("KIOSK__")]:
    del os.environ[_name]

pytest_plugins = ["helpers.fixtures", "helpers.disks", "pytester"]


@pytest.fixture(autouse=True)
def _own_state_folder(tmp_path_factory, monkeypatch):
    """Spill files (a full disk's answers) go to ``$XDG_STATE_HOME`` when the data folder
    refuses them, then to a temporary folder: each test gets its own of both, never the
    developer's ~/.local/state or the machine's /var/tmp."""
    from kiosk.store import spill

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    temporary = tmp_path_factory.mktemp("temporary")
    monkeypatch.setattr(spill, "temporary_folders", lambda: [temporary])


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations():
    """Build missing or stale translations/*.qm from their .ts once per run (issue 8).

    A checkout has only the .ts sources (``make translations`` compiles them); the kiosk
    loads .qm files. Nothing to do when the tests run against an installed wheel.
    """
    from kiosk import paths

    folder = paths.translations_dir()
    stale = [
        ts
        for ts in sorted(folder.glob("*.ts"))
        if not ts.with_suffix(".qm").exists()
        or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    lrelease = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if stale and lrelease is None:
        pytest.exit(f"{folder}/*.qm missing or older than the .ts: run `make translations`", 2)
    for ts in stale:
        subprocess.run(
            [lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
            timeout=60,
        )


def pytest_addoption(parser, pluginmanager) -> None:
    """Without pytest-qt (tools/test-without-qt.sh) nothing reads its two ini keys; declare
    them, unused, so that --strict-config still refuses every unknown key in that run."""
    if not pluginmanager.has_plugin("pytest-qt"):
        for key in ("qt_api", "qt_log_level_fail"):
            parser.addini(key, f"pytest-qt's {key} (pytest-qt is not installed in this run)")
