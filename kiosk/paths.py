"""Where things are: bundled resources (read-only) and the writable data folder.

The only module that knows how the kiosk was installed. The resources are found through
``importlib.resources`` from the ``kiosk`` package's own folder, whichever way it was
installed:

- a wheel (``pip install .``, ``pipx install .``) and the PyInstaller build carry them
  *inside* the package, as ``kiosk/assets/`` and ``kiosk/translations/*.qm`` (setup.py's
  build hook and build.spec put them there; PyInstaller's importer serves
  ``importlib.resources`` from ``_internal/kiosk/``);
- a source checkout (or an editable install of one) reads the top-level ``assets/`` and
  ``translations/`` beside the package, the source of truth the other two are built from.

So the code never branches on ``sys._MEIPASS``, and callers ask only for
:func:`assets_dir` and :func:`translations_dir`.
"""

from __future__ import annotations

import functools
import os
import sys
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "counter-kiosk"
APP_AUTHOR = "counter-kiosk"
ENV_DATA_DIR = "KIOSK_DATA_DIR"
STORE_FILENAME = "kiosk.sqlite"


@functools.cache
def _package_folder() -> Path:
    """The ``kiosk`` package's folder, as ``importlib.resources`` sees it."""
    folder = resources.files("kiosk")
    if not isinstance(folder, Path):
        # Qt loads fonts and translations from real files: a zipped install cannot work.
        raise RuntimeError(f"the kiosk package must be installed as files, not in {folder}")
    return folder


def resource_root() -> Path:
    """The folder holding ``assets/`` and ``translations/``.

    Inside the package for a wheel or a frozen build, else the source checkout's top level.
    """
    package = _package_folder()
    if (package / "assets").is_dir():
        return package
    return package.parent


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
