"""QuestionScreen: eleven neutral buttons, anchors, language switch, logo, config text."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap

from kiosk.config import KioskSection, QuestionSection, Settings
from kiosk.ui.question import QuestionScreen

LEFT = Qt.MouseButton.LeftButton


def make(host, i18n, settings=None, size=(1280, 800)):
    return host(QuestionScreen(settings or Settings(), i18n), size)


def test_eleven_buttons_emit_their_score(qtbot, host, i18n):
    screen = make(host, i18n)
    assert [b.text() for b in screen.score_buttons] == [str(n) for n in range(11)]
    for score in (0, 6, 10):
        with qtbot.waitSignal(screen.score_chosen) as blocker:
            qtbot.mouseClick(screen.score_buttons[score], LEFT)
        assert blocker.args == [score]


def test_buttons_are_neutral_unless_the_config_asks_for_colours(qtbot, host, i18n):
    neutral = make(host, i18n)
    assert {b.property("band") for b in neutral.score_buttons} == {"neutral"}
    assert not any(b.isCheckable() for b in neutral.score_buttons)  # no lingering state
    coloured = make(host, i18n, replace(Settings(), question=QuestionSection(colour_scale=True)))
    bands = [b.property("band") for b in coloured.score_buttons]
    assert bands == ["detractor"] * 7 + ["passive"] * 2 + ["promoter"] * 2


def test_language_switch_names_each_language_in_itself(qtbot, host, i18n):
    screen = make(host, i18n)
    buttons = screen.language_switch.buttons
    assert buttons["es"].text() == "Español" and buttons["en"].text() == "English"
    assert buttons["es"].isChecked() and not buttons["en"].isChecked()
    with qtbot.waitSignal(screen.language_chosen) as blocker:
        qtbot.mouseClick(buttons["en"], LEFT)
    assert blocker.args == ["en"]


def test_one_language_hides_the_switch(qtbot, host, i18n):
    from kiosk.ui.i18n import Translations

    only = Translations(("es",), "es", scale=1.0)
    try:
        only.set_language("es")
        screen = make(host, only)
        assert not screen.language_switch.isVisibleTo(screen)
    finally:
        only.close()


def test_portrait_uses_two_rows_and_names_the_ends(qtbot, host, i18n):
    screen = make(host, i18n, size=(800, 1280))
    qtbot.waitUntil(lambda: len({b.y() for b in screen.score_buttons}) == 2)
    assert screen.low_anchor.text().startswith("0 = ")
    assert screen.high_anchor.text().startswith("10 = ")
    screen.window().resize(1280, 800)
    qtbot.waitUntil(lambda: len({b.y() for b in screen.score_buttons}) == 1)
    assert not screen.low_anchor.text().startswith("0 = ")


def test_question_text_from_the_config_per_language(qtbot, host, i18n):
    settings = replace(Settings(), question=QuestionSection(text={"es": "¿Nos recomendarías?"}))
    screen = make(host, i18n, settings)
    assert screen.question_label.text() == "¿Nos recomendarías?"
    i18n.set_language("en")
    assert screen.question_label.text().startswith("How likely")  # no English override


def test_logo_replaces_the_shop_name(qtbot, host, i18n, tmp_path):
    logo = tmp_path / "logo.png"
    pixmap = QPixmap(200, 100)
    pixmap.fill(QColor("#224466"))
    assert pixmap.save(str(logo))
    settings = replace(Settings(), kiosk=KioskSection(logo=str(logo), shop_name="Panadería"))
    screen = make(host, i18n, settings)
    assert screen.shop_label.pixmap().height() == 72
    assert screen.shop_label.accessibleName() == "Panadería"
    plain = make(host, i18n, replace(Settings(), kiosk=KioskSection(shop_name="Panadería")))
    assert plain.shop_label.text() == "Panadería"
