"""An unexpected error in a screen's handler is logged and the guest sees the question again."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt

from kiosk.app import guest
from kiosk.app.context import Context
from kiosk.app.errors import ErrorRecovery
from kiosk.config import Settings


@pytest.fixture
def kiosk(qtbot, data_dir):
    ctx = Context(data_dir, data_dir / "kiosk.toml", False, Settings())
    built = guest.build_app(ctx)
    qtbot.addWidget(built.window)
    built.window.resize(1280, 800)
    built.window.show()
    yield built
    built.close()
    ctx.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_handler_returns_to_the_question_and_is_logged(qtbot, kiosk, caplog):
    given_up = []
    recovery = ErrorRecovery(kiosk.flow.back_to_question, lambda: given_up.append(True)).install()
    try:
        qtbot.mouseClick(kiosk.question.score_buttons[2], Qt.MouseButton.LeftButton)
        assert kiosk.window.current_screen() is kiosk.why

        def broken(*_args):
            raise RuntimeError("a bug in a chip handler")

        kiosk.why.reason_chips[0].clicked.connect(broken)
        with caplog.at_level(logging.CRITICAL, logger="kiosk.ui"):
            qtbot.mouseClick(kiosk.why.reason_chips[0], Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: kiosk.window.current_screen() is kiosk.question, timeout=2000)
        assert recovery.count == 1
        [record] = [r for r in caplog.records if "back to the question" in r.getMessage()]
        assert record.exc_info and "a bug in a chip handler" in str(record.exc_info[1])
        assert given_up == []
        # The answer tapped before the error is kept.
        assert kiosk.ctx.store().answers.count() == 1
    finally:
        recovery.uninstall()


@pytest.mark.qt_no_exception_capture
def test_errors_that_keep_coming_end_the_kiosk(qtbot, kiosk):
    given_up = []

    def recover():
        raise RuntimeError("the recovery itself fails")

    recovery = ErrorRecovery(recover, lambda: given_up.append(True), limit=3).install()
    try:
        for _ in range(3):
            try:
                raise ValueError("boom")
            except ValueError as exc:
                recovery._hook(type(exc), exc, exc.__traceback__)
            qtbot.wait(10)
        qtbot.waitUntil(lambda: given_up == [True], timeout=2000)
    finally:
        recovery.uninstall()
