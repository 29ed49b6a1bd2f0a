"""Packaging: resources found inside an installed package, the wheel's contents and its
self-test from a fresh install, and the smaller ICU data library of the frozen build."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from kiosk import paths

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import icu_subset  # noqa: E402

PRINT_PATHS = "from kiosk import paths; print(paths.assets_dir()); print(paths.translations_dir())"


def test_a_checkout_reads_the_top_level_folders():
    assert paths.assets_dir() == ROOT / "assets"
    assert paths.translations_dir() == ROOT / "translations"


def test_an_installed_package_reads_its_own_folders(tmp_path):
    # The layout of a wheel or a frozen build: assets/ and translations/ inside kiosk/.
    site = tmp_path / "site"
    shutil.copytree(ROOT / "kiosk", site / "kiosk", ignore=shutil.ignore_patterns("__pycache__"))
    (site / "kiosk" / "assets").mkdir()
    (site / "kiosk" / "translations").mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", PRINT_PATHS],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(site), "PATH": ""},
        timeout=60,
        check=True,
    )
    assert result.stdout.split() == [
        str(site / "kiosk" / "assets"),
        str(site / "kiosk" / "translations"),
    ]


@pytest.mark.slow
def test_the_wheel_carries_its_data_and_passes_its_self_test(tmp_path):
    """Build sdist and wheel as pip does (isolated, the wheel from the sdist), install the
    wheel outside the checkout and run ``kiosk --self-test`` from it."""
    if importlib_missing("build"):
        pytest.skip("the 'build' package is not installed (pip install -e '.[dev]')")
    out = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "kiosk/assets/fonts/DejaVuSans.ttf",
        "kiosk/assets/example-config.toml",
        "kiosk/translations/kiosk_es.qm",
        "kiosk/translations/kiosk_en.qm",
    ):
        assert needed in names
    assert not [n for n in names if n.endswith(".ts")]
    members = {m.split("/", 1)[1] for m in tarfile.open(sdist).getnames() if "/" in m}
    assert {"setup.py", "translations/kiosk_es.ts", "assets/fonts/DejaVuSans.ttf"} <= members
    assert not [m for m in members if m.endswith(".qm")]

    # The dev venv provides the dependencies; the wheel's own files come first on the path
    # and the checkout is neither the cwd nor on the path.
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        "PYTHONPATH": str(site),
        "PATH": "",
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [str(site / "bin" / "kiosk"), "--self-test"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"from {site / 'kiosk' / 'translations'}" in result.stdout
    assert result.stdout.strip().endswith("self-test passed")


def importlib_missing(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is None


def _blob(names: list[str]) -> bytes:
    header = bytes([32, 0, 0xDA, 0x27]) + bytes(28)
    return icu_subset.pack(header, [(n, n.encode() * 3) for n in names])


def test_icu_common_data_round_trips_and_keeps_only_the_kiosk_languages():
    names = [
        "icudt73l/coll/de.res",
        "icudt73l/coll/es.res",
        "icudt73l/coll/root.res",
        "icudt73l/coll/ucadata.icu",
        "icudt73l/en_GB.res",
        "icudt73l/fr.res",
        "icudt73l/gb18030.cnv",
        "icudt73l/brkitr/cjdict.dict",
        "icudt73l/res_index.res",
        "icudt73l/supplementalData.res",
        "icudt73l/uprops.icu",
    ]
    header, found = icu_subset.items(_blob(names))
    assert [n for n, _ in found] == names
    assert all(data.startswith(name.encode() * 3) for name, data in found)
    kept = [n for n in names if icu_subset.wanted(n, ("es", "en"))]
    assert kept == [
        "icudt73l/coll/es.res",
        "icudt73l/coll/root.res",
        "icudt73l/coll/ucadata.icu",
        "icudt73l/en_GB.res",
        "icudt73l/res_index.res",
        "icudt73l/supplementalData.res",
        "icudt73l/uprops.icu",
    ]


def _qt_icu_data() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    folder = Path(spec.origin).parent / "Qt" / "lib" if spec and spec.origin else None
    found = sorted(folder.glob("libicudata.so.*")) if folder and folder.is_dir() else []
    return found[0] if found else None


ICU_CHECK = """
import functools
from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QTimeZone
app = QCoreApplication([])
words = ["zorro", "árbol", "Ñandú", "nube", "ñu", "Oso", "Árbol"]
print(sorted(words, key=functools.cmp_to_key(QCollator(QLocale("es")).compare)))
print(QLocale("es").toUpper("ñandú straße"))
print(QTimeZone(b"Europe/Madrid").displayName(
    QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("es")))
"""


@pytest.mark.slow
@pytest.mark.skipif(
    _qt_icu_data() is None or not all(shutil.which(t) for t in ("readelf", "as", "ld")),
    reason="needs PySide6's bundled ICU (Linux) and binutils",
)
def test_the_smaller_icu_library_gives_qt_the_same_spanish_answers(tmp_path):
    original = _qt_icu_data()
    small = icu_subset.subset(original, tmp_path / original.name, ("es", "en"))
    assert small.stat().st_size < original.stat().st_size / 4
    symbol, common = icu_subset.extract(small)
    assert symbol.startswith("icudt")
    names = [n for n, _ in icu_subset.items(common)[1]]
    assert any(n.endswith("/coll/es.res") for n in names)
    assert not any(n.endswith(("/fr.res", ".cnv")) for n in names)

    def run(preload: Path | None) -> subprocess.CompletedProcess:
        env = {"QT_QPA_PLATFORM": "offscreen", "PATH": ""}
        if preload is not None:
            env["LD_PRELOAD"] = str(preload)  # same soname: Qt's ICU links to this one
            env["LD_DEBUG"] = "libs"
        return subprocess.run(
            [sys.executable, "-c", ICU_CHECK],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=True,
        )

    with_small, with_full = run(small), run(None)
    assert f"calling init: {small}" in with_small.stderr  # the small library was the one used
    assert with_small.stdout == with_full.stdout
    assert "'árbol', 'Árbol', 'nube', 'Ñandú', 'ñu', 'Oso', 'zorro'" in with_full.stdout
