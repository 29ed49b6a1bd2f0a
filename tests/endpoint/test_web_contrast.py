"""Every text colour of the pages' stylesheet against the backgrounds it is shown on:
a contrast of at least 4.5:1 (WCAG AA for normal text)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[2] / "kiosk" / "endpoint" / "web" / "static" / "web.css"
VARIABLES = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-fA-F]{6})", CSS.read_text()))
# (text, background) as the stylesheet pairs them.
PAIRS = [
    ("ink", "bg"),
    ("ink", "card"),
    ("muted", "card"),
    ("muted", "bg"),
    ("accent", "card"),
    ("accent", "bg"),
    ("bad", "card"),
    ("good", "card"),
    ("#ffffff", "accent"),
    ("#ffffff", "#12263f"),
    ("#12263f", "#ffffff"),
    ("ink", "#eef1f5"),
    ("bad", "#fdecec"),
    ("ink", "#fdecec"),
    ("accent", "#fdecec"),
    ("muted", "#eef1f5"),
]


def _luminance(colour: str) -> float:
    colour = VARIABLES.get(colour, colour).lstrip("#")
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_stylesheet_declares_the_colours_the_table_checks():
    assert {"ink", "muted", "bg", "card", "accent", "bad", "good"} <= set(VARIABLES)
    for literal in ("#12263f", "#eef1f5", "#fdecec"):
        assert literal in CSS.read_text()


@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_text_contrast_is_at_least_4_5(text, background):
    assert contrast(text, background) >= 4.5, (text, background, contrast(text, background))


def test_the_check_can_fail():
    assert contrast("#777777", "#ffffff") < 4.5
