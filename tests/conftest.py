"""Qt's environment for the whole suite, and the shared fixtures (tests/helpers/fixtures.py).

Nothing here imports Qt: the Qt-free folders also run with PySide6 not installed
(``tools/test-without-qt.sh``).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

pytest_plugins = ["helpers.fixtures", "pytester"]


def pytest_addoption(parser, pluginmanager) -> None:
    """Without pytest-qt (tools/test-without-qt.sh) nothing reads its two ini keys; declare
    them, unused, so that --strict-config still refuses every unknown key in that run."""
    if not pluginmanager.has_plugin("pytest-qt"):
        for key in ("qt_api", "qt_log_level_fail"):
            parser.addini(key, f"pytest-qt's {key} (pytest-qt is not installed in this run)")
