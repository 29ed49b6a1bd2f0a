"""Every guest screen at every screen size, in every language and in the pseudo-translation.

One app per language (built once, then resized through the sizes): at 1024x600, 1280x800,
800x1280, 1920x1080 and 3840x2160, each at a real panel's density, no widget sticks out of
the window or its parent, no two overlap, and no text clips (tests/helpers/layout.py reads it
from the geometry). The pseudo-translation stretches every text by 40%.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers.layout import layout_problems
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.core.languages import SUPPORTED_LANGUAGES
from kiosk.ui.theme import SCORE_FLOOR, SCREENS

PSEUDO = 1.4
# Pixels per inch of a real panel of each size: a 7-inch 1024x600, the 10-inch tablet, a
# 15.6-inch full-HD and a 15.6-inch 4K panel.
DENSITY = {
    (1024, 600): 170,
    (1280, 800): 150,
    (800, 1280): 150,
    (1920, 1080): 141,
    (3840, 2160): 282,
}
assert set(DENSITY) == set(SCREENS)
# (language, text stretch); the pseudo-translation stretches the longest real one, Spanish.
# The whole matrix takes about 2 s a case: no case is marked slow.
CASES = [(code, 1.0) for code in SUPPORTED_LANGUAGES] + [("es", PSEUDO)]


def _id(case):
    language, scale = case
    return f"{language}-pseudo" if scale != 1.0 else language


def screens(kiosk):
    """Show each guest screen in turn; yields its name once it is laid out."""
    window = kiosk.window

    def show(screen):
        window.show_screen(screen)
        QApplication.processEvents()

    show(kiosk.question)
    yield "question"
    for score in (3, 7, 10):
        kiosk.why.start(score)
        show(kiosk.why)
        yield f"why {score}"
    for chip in kiosk.why.reason_chips:
        chip.setChecked(True)  # the check mark makes each chip longer
    QApplication.processEvents()
    yield "why, all chosen"
    kiosk.why.open_keyboard()
    kiosk.why.comment_field.setText("Très bien, merci ! Atenció ràpida. Ótimo serviço")
    QApplication.processEvents()
    yield "why with keyboard"
    kiosk.why.close_keyboard()
    for score in (None, 10, 2):
        kiosk.thanks.start(score)
        show(kiosk.thanks)
        yield f"thanks {score}"
    kiosk.thanks.start(None)


@pytest.fixture
def every_language(fast_settings):
    """Settings with all five languages on the switch (its widest) and both QR pages."""
    thanks = replace(
        fast_settings.thanks,
        promoter_url="https://g.page/r/CdemoCafe/review",
        detractor_url="https://example.org/contact?shop=cafe-demo&kiosk=kiosk-1",
    )
    kiosk_section = replace(fast_settings.kiosk, languages=SUPPORTED_LANGUAGES)
    return replace(fast_settings, thanks=thanks, kiosk=kiosk_section)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_every_screen_fits_every_size(qtbot, make_kiosk, every_language, case):
    language, scale = case
    kiosk = make_kiosk(every_language, scale=scale)
    kiosk.translations.set_language(language)
    window = kiosk.window
    window.set_staff_notice("test", "Staff: answers cannot be saved (the disk is full).")
    found = []
    for size in SCREENS:
        window.set_look(None, DENSITY[size])
        window.resize(*size)
        QApplication.processEvents()
        assert window.size().toTuple() == size
        for name in screens(kiosk):
            found += [f"{size[0]}x{size[1]} {name}: {one}" for one in layout_problems(window)]
        question = kiosk.question
        window.show_screen(question)
        QApplication.processEvents()
        for button in question.score_buttons:
            assert min(button.width(), button.height()) >= SCORE_FLOOR, (size, button.size())
    assert not found, f"{_id(case)}: {len(found)} problem(s):\n" + "\n".join(found[:40])


def test_the_checks_see_overlaps_clipped_text_and_widgets_outside(
    qtbot, make_kiosk, every_language
):
    # Keys that do not fit their room (as before they were fitted to it) overlap.
    kiosk = make_kiosk(every_language, size=(1024, 600))
    window = kiosk.window
    kiosk.why.start(3)
    window.show_screen(kiosk.why)
    kiosk.why.open_keyboard()
    QApplication.processEvents()  # the page's resize first: it fits the keys again
    assert not layout_problems(window)
    kiosk.why.title_label.show()
    kiosk.why.keyboard._set_key_height(72)
    QApplication.processEvents()
    problems = layout_problems(window)
    assert any("overlaps" in one for one in problems), problems
    kiosk.why.close_keyboard()
    kiosk.why.send_button.setText("Enviar " * 30)
    kiosk.why.title_label.setFixedHeight(10)
    stray = QLabel("x", kiosk.why)  # no layout places it: it stays where it was put
    stray.setGeometry(1000, 10, 80, 30)
    stray.show()
    QApplication.processEvents()
    problems = layout_problems(window)
    assert any("'Enviar Enviar" in one for one in problems), problems
    assert any("needs" in one and "px high" in one for one in problems), problems
    assert any("sticks out" in one for one in problems), problems
