"""Build hook: the wheel carries the kiosk's data files inside the ``kiosk`` package.

Everything else is declared in pyproject.toml. The top-level ``assets/`` and
``translations/*.ts`` stay the source of truth; when the wheel is built, ``build_py`` copies
``assets/`` to ``kiosk/assets/`` and compiles each ``.ts`` with Qt's lrelease (from
PySide6-Essentials, a build requirement) into ``kiosk/translations/*.qm``, where
:mod:`kiosk.paths` finds them through ``importlib.resources``; the web pages' catalogs
(``translations/web``) are compiled with Babel (also a build requirement) into
``kiosk/endpoint/web/catalogs``. ``.qm`` files are never
committed. An editable install (``pip install -e .``) compiles them beside the ``.ts`` instead,
which is where a source checkout looks.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
ASSETS = ROOT / "assets"
TRANSLATIONS = ROOT / "translations"


def lrelease() -> str:
    """Qt's lrelease from the PySide6 wheel (found without importing PySide6)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin:
        binary = Path(spec.origin).parent / (
            "lrelease.exe" if sys.platform == "win32" else "lrelease"
        )
        if binary.exists():
            return str(binary)
    wrapper = shutil.which("pyside6-lrelease")
    if wrapper:
        return wrapper
    sys.exit("setup.py: Qt's lrelease not found; install PySide6-Essentials to build the kiosk")


def compile_translations(out_dir: Path) -> list[Path]:
    sources = sorted(TRANSLATIONS.glob("*.ts"))
    if not sources:
        sys.exit(f"setup.py: no .ts files in {TRANSLATIONS}")
    out_dir.mkdir(parents=True, exist_ok=True)
    tool = lrelease()
    built = []
    for ts in sources:
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)  # noqa: S603
        if not qm.is_file():
            sys.exit(f"setup.py: lrelease wrote no {qm}")
        built.append(qm)
    return built


def compile_web_catalogs(out_dir: Path) -> list[Path]:
    """The web pages' ``messages.po`` (translations/web) as ``.mo`` under ``out_dir``."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    built = []
    for po in sorted((TRANSLATIONS / "web").glob("*/LC_MESSAGES/messages.po")):
        language = po.parent.parent.name
        mo = out_dir / language / "LC_MESSAGES" / "messages.mo"
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as source, mo.open("wb") as target:
            write_mo(target, read_po(source, locale=language))
        built.append(mo)
    if not built:
        sys.exit(f"setup.py: no web catalogs in {TRANSLATIONS / 'web'}")
    return built


class build_py_with_data(build_py):
    """``build_py`` that also puts assets and compiled translations into the package."""

    def run(self) -> None:
        if self.editable_mode:
            compile_translations(TRANSLATIONS)  # a checkout reads them from translations/
            return super().run()
        super().run()
        package = Path(self.build_lib) / "kiosk"
        target = package / "assets"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ASSETS, target)
        compile_translations(package / "translations")
        compile_web_catalogs(package / "endpoint" / "web" / "catalogs")


# build.spec imports this file for compile_translations(); setuptools runs it as __main__.
if __name__ == "__main__":
    setup(cmdclass={"build_py": build_py_with_data})
