"""The Qt Linguist sources are current, and every message is translated in every language.

``translations/*.ts`` are the source of truth for the .qm files the kiosk loads. These tests
fail when a string was added to the code without ``make lupdate`` (1), or when a Spanish
message is still unfinished or empty (2): a guest would then see English in the Spanish UI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.core.languages import LANGUAGES, SOURCE_LANGUAGE, SUPPORTED_LANGUAGES
from kiosk.core.messages import placeholders

QT_MARKERS = re.compile(r"%(?:\d+|n)")
ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"


def _find_lupdate() -> str | None:
    beside_python = Path(sys.executable).parent / "pyside6-lupdate"
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("pyside6-lupdate")


LUPDATE = _find_lupdate()
needs_lupdate = pytest.mark.skipif(LUPDATE is None, reason="pyside6-lupdate is not installed")


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <translation> element, leaving out obsolete/vanished entries."""
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("obsolete", "vanished"):
                continue
            found[(name, message.findtext("source") or "")] = translation
    return found


def is_empty(translation: ET.Element | None) -> bool:
    if translation is None:
        return True
    forms = translation.findall("numerusform")
    texts = [f.text for f in forms] if forms else [translation.text]
    return any(not (text or "").strip() for text in texts)


@pytest.fixture(scope="module")
def current_strings(tmp_path_factory) -> set[tuple[str, str]]:
    out = tmp_path_factory.mktemp("lupdate") / "current.ts"
    sources = sorted(str(p) for p in (ROOT / "kiosk").rglob("*.py"))
    result = subprocess.run(
        [LUPDATE, "-no-obsolete", "-locations", "none", *sources, "-ts", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    strings = set(messages(out))
    assert strings, "lupdate found no translatable strings in kiosk/"
    return strings


TRANSLATED = [code for code in SUPPORTED_LANGUAGES if code != SOURCE_LANGUAGE]


def test_there_is_a_ts_file_for_each_language_and_no_other():
    """The language list (kiosk/core/languages.py) and the .ts files the Makefile builds agree."""
    found = sorted(p.stem.removeprefix("kiosk_") for p in TRANSLATIONS.glob("kiosk_*.ts"))
    assert found == sorted(SUPPORTED_LANGUAGES)


@needs_lupdate
@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_ts_files_hold_every_string_in_the_code(current_strings, language):
    ts_file = TRANSLATIONS / f"kiosk_{language}.ts"
    assert ts_file.exists(), f"{ts_file} is missing: run `make lupdate`"
    missing = sorted(current_strings - set(messages(ts_file)))
    assert not missing, (
        f"{len(missing)} string(s) in the code are not in {ts_file.name}; run `make lupdate` "
        f"and translate them. First ones: {missing[:10]}"
    )


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated(language):
    ts_file = TRANSLATIONS / f"kiosk_{language}.ts"
    untranslated = sorted(
        key
        for key, translation in messages(ts_file).items()
        if is_empty(translation) or translation.get("type") == "unfinished"
    )
    assert not untranslated, (
        f"{len(untranslated)} message(s) unfinished or empty in {ts_file.name}. "
        f"First ones: {untranslated[:10]}"
    )


# Texts that read the same in a language (a product name, a format, a bare placeholder).
SAME_AS_SOURCE = {
    "{detail}",
    "https://…",
    "Format",
    "Net Promoter Score",
    "OK",
    "Question ({language})",
    "Dates…",
    "Export",
    "Promoters (9-10)",
    "Detractors",
    "Detractors (0-6)",
    "Catalan",
}


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_really_translated(language):
    """A message left in English (copied instead of translated) is caught, beside the list of
    the few that legitimately read the same."""
    copied = sorted(
        (context, source)
        for (context, source), translation in messages(
            TRANSLATIONS / f"kiosk_{language}.ts"
        ).items()
        if translation is not None
        and (translation.text or "").strip() == source
        and source not in SAME_AS_SOURCE
    )
    assert not copied, copied


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_each_ts_file_declares_its_language(language):
    declared = ET.parse(TRANSLATIONS / f"kiosk_{language}.ts").getroot().get("language", "")
    assert declared.split("_")[0] == language


def test_every_language_has_qts_own_catalogue():
    """Qt's dialogs speak the language too: the qtbase file named in the list ships with Qt."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for language in LANGUAGES:
        if language.code != SOURCE_LANGUAGE:
            assert QTranslator().load(language.qt_catalog, folder), language.qt_catalog


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_translations_keep_every_placeholder(language):
    """A translator who drops or renames {value} would make the person read the English."""
    broken = sorted(
        (context, source)
        for (context, source), translation in messages(
            TRANSLATIONS / f"kiosk_{language}.ts"
        ).items()
        if translation is not None
        and translation.text
        and (
            placeholders(translation.text) != placeholders(source)
            or sorted(QT_MARKERS.findall(translation.text)) != sorted(QT_MARKERS.findall(source))
        )
    )
    assert not broken, broken


def test_the_checks_see_unfinished_and_missing_messages(tmp_path):
    # The helpers above must be able to fail: an unfinished and an empty message are caught.
    ts_file = tmp_path / "x.ts"
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="es">'
        "<context><name>A</name>"
        "<message><source>Done</source><translation>Hecho</translation></message>"
        '<message><source>Todo</source><translation type="unfinished"></translation></message>'
        '<message><source>Gone</source><translation type="vanished">Ido</translation></message>'
        "<message><source>Blank</source><translation> </translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    found = messages(ts_file)
    assert set(found) == {("A", "Done"), ("A", "Todo"), ("A", "Blank")}
    assert not is_empty(found[("A", "Done")])
    assert is_empty(found[("A", "Todo")]) and is_empty(found[("A", "Blank")])


def test_ts_fill_tool_fills_matching_messages_only(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("ts_fill", ROOT / "tools" / "ts_fill.py")
    ts_fill = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ts_fill)
    ts_file = tmp_path / "kiosk_es.ts"
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="es">'
        "<context><name>WhyScreen</name>"
        '<message><source>Send</source><translation type="unfinished"></translation></message>'
        '<message><source>Skip</source><translation type="unfinished"></translation></message>'
        '<message numerus="yes"><source>%n answer(s)</source><translation type="unfinished">'
        "<numerusform></numerusform><numerusform></numerusform></translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    tsv = tmp_path / "es-x.tsv"
    tsv.write_text(
        "WhyScreen\tSend\tEnviar\nWhyScreen\t%n answer(s)\t%n respuesta || %n respuestas\n"
        "Other\tSend\tMandar\n",
        encoding="utf-8",
    )
    filled, unknown, remaining = ts_fill.fill(ts_file, ts_fill.read_tsv([tsv]))
    assert (filled, unknown, remaining) == (2, [("Other", "Send")], [("WhyScreen", "Skip")])
    found = messages(ts_file)
    assert found[("WhyScreen", "Send")].text == "Enviar"
    assert found[("WhyScreen", "Send")].get("type") is None
    plural = [f.text for f in found[("WhyScreen", "%n answer(s)")].findall("numerusform")]
    assert plural == ["%n respuesta", "%n respuestas"]
    assert found[("WhyScreen", "Skip")].get("type") == "unfinished"
    assert ts_file.read_text(encoding="utf-8").startswith('<?xml version="1.0"')
