"""ThanksScreen: the thank-you, from the config per language when given."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt

from kiosk.config import Settings, ThanksSection
from kiosk.ui.thanks import ThanksScreen


def test_default_and_configured_thanks(qtbot, i18n):
    default = ThanksScreen(Settings(), i18n)
    qtbot.addWidget(default)
    assert default.thanks_label.text() == QCoreApplication.translate("ThanksScreen", "Thank you!")
    settings = replace(Settings(), thanks=ThanksSection(text={"es": "¡Gracias, vuelve pronto!"}))
    custom = ThanksScreen(settings, i18n)
    qtbot.addWidget(custom)
    assert custom.thanks_label.text() == "¡Gracias, vuelve pronto!"
    i18n.set_language("en")
    assert custom.thanks_label.text() == "Thank you!"
    assert default.detail_label.text() == "Your answer helps us get better every day."


REVIEW = "https://g.page/r/CdemoCafeReview1234/review"
CONTACT = "https://example.org/contact"


def qr_settings(**thanks) -> Settings:
    return replace(
        Settings(), thanks=ThanksSection(promoter_url=REVIEW, detractor_url=CONTACT, **thanks)
    )


def test_qr_code_only_for_the_category_it_is_meant_for(qtbot, i18n, host):
    screen = host(ThanksScreen(qr_settings(), i18n))
    for score in (9, 10):
        assert screen.start(score) is True
        assert screen.qr_view.url == REVIEW and screen.qr_view.isVisible()
        assert screen.qr_prompt.text() == QCoreApplication.translate(
            "ThanksScreen", "Would you share this in a review?"
        )
        assert not screen.detail_label.isVisible()
    for score in (0, 3, 6):
        assert screen.start(score) is True
        assert screen.qr_view.url == CONTACT and screen.qr_view.isVisible()
        assert screen.qr_prompt.text() == QCoreApplication.translate(
            "ThanksScreen", "Want us to get back to you?"
        )
    for score in (7, 8):
        assert screen.start(score) is False
        assert not screen.qr_view.isVisible() and not screen.qr_prompt.isVisible()
        assert screen.detail_label.isVisible()


def test_no_qr_without_a_configured_page(qtbot, i18n, host):
    only_review = replace(Settings(), thanks=ThanksSection(promoter_url=REVIEW))
    screen = host(ThanksScreen(only_review, i18n))
    assert screen.start(2) is False and not screen.qr_view.isVisible()
    assert screen.start(10) is True and screen.qr_view.isVisible()


def test_qr_fits_beside_or_under_the_words_in_both_orientations(qtbot, i18n, host):
    for size in ((1280, 800), (800, 1280)):
        screen = host(ThanksScreen(qr_settings(), i18n), size)
        screen.start(10)
        qtbot.wait(10)
        qr = screen.qr_view.geometry()
        assert screen.rect().contains(qr)
        assert qr.width() >= 220
        for label in (screen.thanks_label, screen.qr_prompt, screen.qr_scan, screen.qr_hint):
            assert screen.rect().contains(label.geometry())
            assert not label.geometry().intersects(qr)
            assert label.height() >= label.heightForWidth(label.width())  # not clipped


def test_a_tap_on_a_qr_thank_you_asks_to_finish(qtbot, i18n, host):
    screen = host(ThanksScreen(qr_settings(), i18n))
    taps = []
    screen.dismissed.connect(lambda: taps.append(1))
    screen.start(7)
    qtbot.mouseClick(screen, Qt.MouseButton.LeftButton)
    assert taps == []  # no code: the thank-you runs its course
    screen.tap_grace_ms = 200
    screen.start(10)
    qtbot.mouseClick(screen, Qt.MouseButton.LeftButton)
    assert taps == []  # a tap at once is the second half of a double tap: ignored
    qtbot.wait(250)
    qtbot.mouseClick(screen.qr_prompt, Qt.MouseButton.LeftButton)  # on a label: still the screen
    assert taps == [1]
