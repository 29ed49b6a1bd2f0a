"""kiosk screenshots: every guest screen, both languages, both sizes, as PNG."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtGui import QImage

from kiosk.commands import screenshots


@pytest.mark.slow
def test_writes_every_screen_in_both_languages_and_sizes(qapp, tmp_path, capsys):
    out = tmp_path / "shots"
    assert screenshots.main(argparse.Namespace(out=str(out), config=None)) == 0
    files = sorted(p.name for p in out.glob("*.png"))
    assert len(files) == 2 * 2 * 10
    for language in ("es", "en"):
        for size in ("1280x800", "800x1280"):
            for screen in (
                "1-question",
                "2-why-detractor",
                "2-why-passive",
                "2-why-promoter",
                "3-why-reasons-chosen",
                "4-why-keyboard",
                "5-thanks",
                "5-thanks-qr-promoter",
                "5-thanks-qr-detractor",
                "6-staff-banner",
            ):
                name = f"{language}-{size}-{screen}.png"
                assert name in files
    image = QImage(str(out / "es-800x1280-1-question.png"))
    assert (image.width(), image.height()) == (800, 1280)
    assert "40 screenshots" in capsys.readouterr().out


def test_sizes_and_languages_are_chosen_on_the_command_line(qapp, tmp_path, capsys):
    out = tmp_path / "shots"
    args = argparse.Namespace(
        out=str(out), config=None, sizes="1024x600", languages="ca,fr", pseudo=1.4, dpi=170.0
    )
    assert screenshots.main(args) == 0
    files = sorted(p.name for p in out.glob("*.png"))
    assert len(files) == 2 * 10
    assert "ca-1024x600-4-why-keyboard.png" in files and "fr-1024x600-1-question.png" in files
    image = QImage(str(out / "ca-1024x600-1-question.png"))
    assert (image.width(), image.height()) == (1024, 600)


def test_every_size_and_language_by_name_and_bad_values_refused(capsys, tmp_path):
    from kiosk.core.languages import SUPPORTED_LANGUAGES
    from kiosk.ui.theme import SCREENS

    assert screenshots.parse_sizes("all") == SCREENS
    assert screenshots.parse_sizes("800x1280, 3840x2160") == ((800, 1280), (3840, 2160))
    assert screenshots.parse_languages("all") == SUPPORTED_LANGUAGES
    for sizes, languages in (("big", None), ("10x10", None), (None, "de")):
        args = argparse.Namespace(
            out=str(tmp_path / "x"), config=None, sizes=sizes, languages=languages
        )
        assert screenshots.main(args) == 2
        assert "kiosk screenshots:" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()
