"""Sizes follow the physical screen and the window's room, and a rotation re-lays out."""

from __future__ import annotations

import pytest
from helpers.layout import layout_problems
from PySide6.QtWidgets import QApplication

from kiosk.ui.theme import (
    QUESTION_FLOOR,
    REFERENCE_PPI,
    SCORE_FLOOR,
    SIZES,
    TOUCH_FLOOR,
    scale_for,
    sizes_for,
)


def millimetres(pixels: int, pixels_per_inch: float) -> float:
    return pixels / pixels_per_inch * 25.4


def test_the_tablet_the_sizes_were_made_for_draws_them_as_they_are():
    assert sizes_for(1280, 800, REFERENCE_PPI) is SIZES
    assert sizes_for(800, 1280, REFERENCE_PPI) is SIZES
    assert sizes_for(1280, 800, None) is SIZES  # no density known: the room decides


def test_a_4k_15_inch_panel_shows_the_question_as_big_as_the_tablet_does():
    tablet = millimetres(SIZES.question, REFERENCE_PPI)
    panel = sizes_for(3840, 2160, 282)
    assert millimetres(panel.question, 282) == pytest.approx(tablet, rel=0.05)
    assert millimetres(panel.score_min, 282) >= millimetres(SIZES.score_min, REFERENCE_PPI) * 0.95
    assert panel.question >= 2 * QUESTION_FLOOR  # not a footnote in pixels either


def test_a_big_low_density_monitor_keeps_the_design_size():
    # A 32-inch 4K monitor (137 ppi) is already big: nothing grows, nothing shrinks.
    assert scale_for(3840, 2160, 137) == 1.0
    assert scale_for(1920, 1080, 102) == 1.0


def test_x_s_made_up_96_dpi_does_not_count_as_a_density():
    assert scale_for(3840, 2160, 96.0) == scale_for(3840, 2160, None) == 2160 / 800


def test_a_small_window_shrinks_to_its_room_but_not_under_the_floors():
    small = sizes_for(1024, 600, 170)
    assert small.factor == 0.75
    assert small.question >= QUESTION_FLOOR and small.score_min >= SCORE_FLOOR
    assert min(small.key_height, small.chip_height, small.action_height) >= TOUCH_FLOOR


def test_the_window_reads_the_screen_unless_told(qtbot, make_kiosk, fast_settings):
    kiosk = make_kiosk(fast_settings)
    window = kiosk.window
    assert window.sizes == SIZES  # offscreen: 96 dpi, the room of 1280x800
    window.set_look(None, 282)
    window.resize(3840, 2160)
    QApplication.processEvents()
    assert window.sizes.factor == pytest.approx(1.9)
    assert kiosk.question.question_label.font().pixelSize() == window.sizes.question
    assert kiosk.question.score_buttons[0].height() >= window.sizes.score_min


@pytest.mark.parametrize("language", ["ca", "fr"])
def test_a_rotation_while_running_re_lays_out_every_screen(
    qtbot, make_kiosk, fast_settings, language
):
    from dataclasses import replace

    settings = replace(
        fast_settings, kiosk=replace(fast_settings.kiosk, languages=("es", "fr", "ca"))
    )
    kiosk = make_kiosk(settings, size=(1280, 800))
    kiosk.translations.set_language(language)
    window = kiosk.window
    question, why = kiosk.question, kiosk.why
    QApplication.processEvents()
    assert len({b.y() for b in question.score_buttons}) == 1
    why.start(3)
    window.show_screen(why)
    why.open_keyboard()  # typing when the tablet is turned
    for size, rows in (((800, 1280), 2), ((1280, 800), 1), ((800, 1280), 2), ((1024, 600), 2)):
        window.resize(*size)
        QApplication.processEvents()
        assert not layout_problems(window), (size, layout_problems(window))
        assert why.keyboard.isVisible()
        window.show_screen(question)
        QApplication.processEvents()
        assert len({b.y() for b in question.score_buttons}) == rows, size
        assert question.low_anchor.text().startswith("0 = ") == (rows == 2)
        assert not layout_problems(window), (size, layout_problems(window))
        window.show_screen(why)
        QApplication.processEvents()
