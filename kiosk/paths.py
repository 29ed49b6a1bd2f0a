"""Where things are: bundled resources (read-only) and the writable data folder.

The only module that knows about being frozen by PyInstaller. ``build.spec`` ships
``assets/`` and ``translations/`` beside the ``kiosk`` package (in ``_internal/``), which is
exactly where they sit relative to the package in a source checkout, so the same lookup works
in both and the code never branches on ``sys._MEIPASS``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "counter-kiosk"
APP_AUTHOR = "counter-kiosk"
ENV_DATA_DIR = "KIOSK_DATA_DIR"
STORE_FILENAME = "kiosk.sqlite"

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_root() -> Path:
    """The folder holding ``assets/`` and ``translations/``."""
    candidates = [_PACKAGE_DIR.parent, Path(sys.prefix) / "share" / APP_NAME]
    for candidate in candidates:
        if (candidate / "assets").is_dir():
            return candidate
    return candidates[0]


def assets_dir() -> Path:
    return resource_root() / "assets"


def translations_dir() -> Path:
    return resource_root() / "translations"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def data_dir(cli_value: str | None = None) -> tuple[Path, bool]:
    """The writable data folder and whether it was chosen explicitly.

    ``--data-dir``, then ``$KIOSK_DATA_DIR``, then the platform's user data folder.
    """
    chosen = cli_value or os.environ.get(ENV_DATA_DIR)
    if chosen:
        return Path(chosen).expanduser().resolve(), True
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)), False


def user_config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def store_path(folder: Path) -> Path:
    return folder / STORE_FILENAME


def log_dir(folder: Path) -> Path:
    return folder / "logs"
