"""PySide6's import hook, made cheap before the kiosk's own modules load (issue 13).

Once PySide6 is loaded, every module imported after it goes through its ``__feature__``
hook (``PySide6.support.feature.feature_imported``), which asks whether the module uses
PySide by reading its whole source with ``inspect.getsource`` and looking for "PySide6":
linecache, tokenize and inspect's search for each of the hundred-odd modules the kiosk
imports before its first frame, about 20 ms of a start (a bare PySide window imports ten).

:func:`quicken` gives the hook the same answer from the file's bytes. For a module that is
not a ``.py`` file, or one that cannot be read, PySide's own check still answers. Import
this module before the kiosk's screens (:mod:`kiosk.app.shell` does, first of the kiosk's
modules); importing it loads PySide6 and installs the check.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads PySide6.support.feature, the hook tuned here)

FEATURE_MODULE = "PySide6.support.feature"


def uses_pyside_by_bytes(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """PySide's question ("PySide6" in the module's source?) answered from the file."""
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    return fallback(module)


def quicken() -> bool:
    """Install the check in PySide6's hook once; False if this PySide6 has no such hook.

    PySide's own check stays reachable as the new one's ``original``.
    """
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or hasattr(original, "original"):
        return False

    def check(module: ModuleType) -> bool:
        return uses_pyside_by_bytes(module, original)

    check.original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = check  # type: ignore[union-attr]
    return True


quicken()
