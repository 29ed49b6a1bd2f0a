"""kiosk --self-test passes on a sound install and names what is missing on a broken one."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.commands import self_test as selftest

QUESTION_ES = "¿Qué tan probable es que nos recomiendes a tus amigos y familiares?"


def _qm(folder: Path, language: str, question: str | None) -> None:
    message = (
        f"<message><source>{selftest.QUESTION_SOURCE}</source>"
        f"<translation>{question}</translation></message>"
        if question
        else ""
    )
    ts = folder / f"kiosk_{language}.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS>'
        f'<TS version="2.1" language="{language}"><context><name>QuestionScreen</name>'
        f"{message}</context></TS>",
        encoding="utf-8",
    )
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(lrelease), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
    )


@pytest.fixture
def translations(tmp_path, monkeypatch):
    folder = tmp_path / "translations"
    folder.mkdir()
    monkeypatch.setattr(paths, "translations_dir", lambda: folder)
    return folder


def _run(capsys) -> tuple[int, str]:
    code = selftest.main(argparse.Namespace(config=None))
    return code, capsys.readouterr().out


def test_passes_on_a_sound_install(qapp, translations, capsys):
    from kiosk.core.languages import SUPPORTED_LANGUAGES

    _qm(translations, "es", QUESTION_ES)
    _qm(translations, "en", None)
    for other in set(SUPPORTED_LANGUAGES) - {"es", "en"}:  # each one's file is checked too
        _qm(translations, other, f"{QUESTION_ES} ({other})")
    code, out = _run(capsys)
    assert code == 0, out
    for check in ("translations", "fonts", "store and app", "screens", "guest flow"):
        assert f"ok   {check}" in out
    assert out.strip().endswith("self-test passed")


def test_untranslated_spanish_fails_and_says_so(qapp, translations, capsys):
    _qm(translations, "es", None)
    _qm(translations, "en", None)
    code, out = _run(capsys)
    assert code == 1
    assert "FAIL translations: kiosk_es.qm does not translate the question" in out
    assert "self-test FAILED: translations" in out


def test_missing_fonts_fail_and_say_so(qapp, translations, capsys, tmp_path, monkeypatch):
    _qm(translations, "es", QUESTION_ES)
    _qm(translations, "en", None)
    monkeypatch.setattr(paths, "assets_dir", lambda: tmp_path / "no-assets")
    code, out = _run(capsys)
    assert code == 1
    assert "FAIL fonts: cannot load" in out
    assert "ok   guest flow" in out  # the rest still ran
