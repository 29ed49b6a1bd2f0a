"""Nothing clips, in either language, landscape or portrait, even 30% longer than Spanish.

The pseudo-translation (``scale=1.3``) stretches every translated string, so this proves the
layouts have room for translations longer than the ones we have today.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

SIZES = [(1280, 800), (800, 1280)]


def _visible(root: QWidget, kind):
    return [w for w in root.findChildren(kind) if w.isVisibleTo(root) and w.text()]


def clipped(root: QWidget) -> list[str]:
    """Every visible label or button whose text does not fit its actual size."""
    problems = []
    for label in _visible(root, QLabel):
        width, height = label.contentsRect().width(), label.contentsRect().height()
        metrics = label.fontMetrics()
        if label.wordWrap():
            longest = max(label.text().split(), key=metrics.horizontalAdvance)
            if metrics.horizontalAdvance(longest) > width:
                problems.append(f"label word {longest!r} wider than {width}")
            needed = label.heightForWidth(label.width())
            if needed > label.height():
                problems.append(
                    f"label {label.text()!r} needs {needed} px high, has {label.height()}"
                )
        else:
            for line in label.text().split("\n"):
                if metrics.horizontalAdvance(line) > width:
                    problems.append(f"label {line!r} wider than {width}")
            if label.sizeHint().height() > label.height() + 1 or height <= 0:
                problems.append(f"label {label.text()!r} too short")
    for button in _visible(root, QPushButton):
        metrics = button.fontMetrics()
        text_width = metrics.horizontalAdvance(button.text())
        if text_width > button.width() - 8:
            problems.append(f"button {button.text()!r}: text {text_width} px in {button.width()}")
        if button.sizeHint().height() > button.height() + 1:
            problems.append(f"button {button.text()!r} too short")
        if button.property("role") != "key" and button.sizeHint().width() > button.width() + 1:
            problems.append(f"button {button.text()!r} narrower than its size hint")
    return problems


@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait"])
@pytest.mark.parametrize("language", ["es", "en"])
def test_nothing_clips_with_stretched_translations(
    qtbot, make_kiosk, fast_settings, size, language
):
    kiosk = make_kiosk(fast_settings, scale=1.3, size=size)
    kiosk.translations.set_language(language)
    assert kiosk.question.language_switch.buttons[language].isChecked()
    window = kiosk.window
    window.set_staff_notice("test", "Staff: answers cannot be saved (the disk is full).")

    def check(screen, name):
        window.show_screen(screen)
        QApplication.processEvents()
        assert not clipped(window), f"{name} {language} {size}: {clipped(window)}"

    check(kiosk.question, "question")
    for score in (3, 7, 10):
        kiosk.why.start(score)
        check(kiosk.why, f"why {score}")
    for chip in kiosk.why.reason_chips:
        chip.setChecked(True)  # the check mark makes each chip longer
    check(kiosk.why, "why, all chosen")
    kiosk.why.open_keyboard()
    check(kiosk.why, "why with keyboard")
    kiosk.why.close_keyboard()
    check(kiosk.thanks, "thanks")


@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait"])
def test_score_buttons_are_big_and_the_question_readable(qtbot, make_kiosk, fast_settings, size):
    kiosk = make_kiosk(fast_settings, size=size)
    QApplication.processEvents()
    for button in kiosk.question.score_buttons:
        assert min(button.width(), button.height()) >= 80, button.size()
    assert kiosk.question.question_label.font().pixelSize() >= 28
    buttons = kiosk.question.score_buttons
    rows = {b.y() for b in buttons}
    assert len(rows) == (1 if size[0] > size[1] else 2)
    # A thumb must not hit two: clear gaps between neighbours in a row.
    for left, right in zip(buttons, buttons[1:], strict=False):
        if left.y() == right.y():
            assert right.x() - (left.x() + left.width()) >= 12
    # The ends of the scale are labelled: the low anchor sits under 0's side, high under 10's.
    low, high = kiosk.question.low_anchor, kiosk.question.high_anchor
    assert low.geometry().left() <= buttons[0].geometry().left() + 1
    assert high.geometry().right() >= buttons[10].geometry().right() - 1
    assert low.y() > max(b.y() for b in buttons)


@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait"])
@pytest.mark.parametrize("language", ["es", "en"])
def test_qr_thank_yous_do_not_clip_with_stretched_translations(
    qtbot, make_kiosk, fast_settings, size, language
):
    from dataclasses import replace

    thanks = replace(
        fast_settings.thanks,
        promoter_url="https://g.page/r/CdemoCafe/review",
        detractor_url="https://example.org/contact?shop=cafe-demo&kiosk=kiosk-1",
    )
    kiosk = make_kiosk(replace(fast_settings, thanks=thanks), scale=1.3, size=size)
    kiosk.translations.set_language(language)
    window = kiosk.window
    for score in (2, 10):
        kiosk.thanks.start(score)
        window.show_screen(kiosk.thanks)
        QApplication.processEvents()
        assert not clipped(window), f"thanks {score} {language} {size}: {clipped(window)}"
        qr = kiosk.thanks.qr_view
        assert qr.isVisible() and qr.width() >= 220
        assert kiosk.thanks.rect().contains(qr.geometry())
