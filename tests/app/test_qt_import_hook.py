"""PySide6's import hook, quickened (kiosk.app.qt_import_hook): the same answers, sooner."""

from __future__ import annotations

import sys
import types

import PySide6.support.feature as feature

from kiosk.app import qt_import_hook


def test_the_kiosk_installs_the_check_once():
    import kiosk.app.shell  # noqa: F401  (imports the hook first of the kiosk's modules)

    check = feature._mod_uses_pyside
    assert check.original is not None
    assert qt_import_hook.quicken() is False  # twice is once
    assert feature._mod_uses_pyside is check


def test_every_loaded_module_gets_pysides_own_answer():
    import kiosk.app.guest  # noqa: F401  (a realistic set of modules: the app's)

    original = feature._mod_uses_pyside.original
    modules = [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)]
    answers = {m.__name__: qt_import_hook.uses_pyside_by_bytes(m, original) for m in modules}
    assert answers == {m.__name__: original(m) for m in modules}
    assert answers["kiosk.ui.question"] is True
    assert answers["kiosk.store.database"] is False
    assert answers["sys"] is False  # built in: no file, PySide's check answers


def test_a_module_whose_file_is_gone_gets_pysides_answer(tmp_path):
    module = types.ModuleType("vanished")
    module.__file__ = str(tmp_path / "vanished.py")
    asked = []

    def fallback(m):
        asked.append(m)
        return False

    assert qt_import_hook.uses_pyside_by_bytes(module, fallback) is False
    assert asked == [module]
