#!/usr/bin/env bash
# The Qt-free half of the suite with PySide6 NOT installed (napari's headless run): proves that
# the domain, the store, the sync and the exports need no Qt, and that their tests import none.
#
# A throwaway venv outside the checkout gets the project without its dependencies
# (`pip install --no-deps .`) plus every runtime and dev dependency pyproject.toml declares,
# except Qt and the tools that need it or are not tests (read from pyproject, so a new
# dependency is picked up here without a second list). The venv is removed at the end.
#   bash tools/test-without-qt.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
# The folders (and files) whose tests need no Qt.
QT_FREE=(tests/core tests/store tests/sync tests/export tests/test_config.py tests/test_logs.py)

VENV=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-no-qt.XXXXXX")
trap 'rm -rf "$VENV"' EXIT
"$PYTHON" -m venv "$VENV"
PY=$VENV/bin/python
"$PY" -m pip install --quiet --upgrade pip

# Runtime + dev requirements from pyproject.toml, without Qt, pytest-qt and the build/lint tools.
mapfile -t DEPS < <("$PY" - "$ROOT/pyproject.toml" <<'EOF'
import re, sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
needs_qt_or_not_a_test = {"pyside6", "pyside6-essentials", "shiboken6", "pytest-qt",
                          "pyinstaller", "ruff", "import-linter"}
for requirement in project["dependencies"] + project["optional-dependencies"]["dev"]:
    name = re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]
    if name.lower().replace("_", "-") not in needs_qt_or_not_a_test:
        print(requirement)
EOF
)
"$PY" -m pip install --quiet "${DEPS[@]}"
"$PY" -m pip install --quiet --no-deps "$ROOT"
if "$PY" -c "import PySide6" 2>/dev/null; then
    echo "test-without-qt: PySide6 got installed after all; this run would prove nothing" >&2
    exit 1
fi

# From a scratch folder, so `kiosk` is the installed copy and not the checkout's.
# pytest-qt is absent: required_plugins keeps only what this run has (tests/conftest.py
# declares pytest-qt's two ini keys when it is missing, so --strict-config still holds).
cd "$VENV"
QT_FREE_PATHS=("${QT_FREE[@]/#/$ROOT/}")
"$PY" -m pytest -c "$ROOT/pyproject.toml" --rootdir "$ROOT" -p no:cacheprovider \
    -p no:pytest-qt -o required_plugins=pytest_httpserver \
    "${QT_FREE_PATHS[@]}" "$@"
