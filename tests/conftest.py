"""Qt's environment for the whole suite, and the shared fixtures (tests/helpers/fixtures.py).

Nothing here imports Qt: the Qt-free folders also run with PySide6 not installed
(``tools/test-without-qt.sh``).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

pytest_plugins = ["helpers.fixtures", "pytester"]
