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
            for screen in ("1-question", "2-why-detractor", "2-why-passive", "2-why-promoter",
                           "3-why-reasons-chosen", "4-why-keyboard", "5-thanks",
                           "5-thanks-qr-promoter", "5-thanks-qr-detractor",
                           "6-staff-banner"):
                name = f"{language}-{size}-{screen}.png"
                assert name in files
    image = QImage(str(out / "es-800x1280-1-question.png"))
    assert (image.width(), image.height()) == (800, 1280)
    assert "40 screenshots" in capsys.readouterr().out
