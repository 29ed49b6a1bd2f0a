"""The configured comment length is the one limit a comment meets, from the field to the row."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from kiosk.config import WhySection


def test_a_long_comment_allowed_by_the_config_is_stored_whole(qtbot, make_kiosk, fast_settings):
    # Issue 8: with `[why] comment_max_length = 1000` a comment was still cut to 500.
    settings = replace(fast_settings, why=replace(WhySection(), comment_max_length=1000))
    kiosk = make_kiosk(settings)
    qtbot.mouseClick(kiosk.question.score_buttons[4], Qt.MouseButton.LeftButton)
    text = "La espera fue larga; " * 45  # 945 characters
    kiosk.why.comment_field.setText(text)
    assert kiosk.why.comment_field.text() == text
    qtbot.mouseClick(kiosk.why.send_button, Qt.MouseButton.LeftButton)
    [answer] = list(kiosk.ctx.store().answers.iter_answers())
    assert answer.comment == text.strip()


def test_a_comment_is_cut_to_the_configured_length(qtbot, make_kiosk, fast_settings):
    settings = replace(fast_settings, why=replace(WhySection(), comment_max_length=40))
    kiosk = make_kiosk(settings)
    qtbot.mouseClick(kiosk.question.score_buttons[8], Qt.MouseButton.LeftButton)
    kiosk.why.comment_field.setText("x" * 100)  # the field itself stops at the limit
    qtbot.mouseClick(kiosk.why.send_button, Qt.MouseButton.LeftButton)
    [answer] = list(kiosk.ctx.store().answers.iter_answers())
    assert answer.comment == "x" * 40
