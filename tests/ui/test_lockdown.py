"""A locked kiosk window: no close, no leaving keys, no context menu, no minimise."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from kiosk.ui.lockdown import RESTORE_ATTEMPTS


def _locked(kiosk):
    kiosk.lockdown.lock()
    return kiosk


def test_a_close_request_is_refused_until_released(qtbot, kiosk):
    _locked(kiosk)
    assert kiosk.window.close() is False
    qtbot.wait(20)
    assert kiosk.window.isVisible()
    kiosk.lockdown.release()
    assert kiosk.window.close() is True


def test_keys_that_would_leave_are_swallowed(qtbot, kiosk):
    _locked(kiosk)
    fired = []
    for sequence in ("Esc", "Ctrl+Q", "Ctrl+W", "Alt+F4"):
        shortcut = QShortcut(QKeySequence(sequence), kiosk.window)
        shortcut.activated.connect(lambda s=sequence: fired.append(s))
    kiosk.window.activateWindow()
    for key, modifier in (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    ):
        qtbot.keyClick(kiosk.question, key, modifier)
    assert fired == []
    assert kiosk.window.isVisible()


def test_typing_still_works_while_locked(qtbot, kiosk):
    _locked(kiosk)
    qtbot.mouseClick(kiosk.question.score_buttons[5], Qt.MouseButton.LeftButton)
    field = kiosk.why.comment_field
    field.setFocus()
    qtbot.keyClicks(field, "muy rico")
    assert field.text() == "muy rico"


def test_no_context_menu_opens_in_the_comment_field(qtbot, kiosk):
    _locked(kiosk)
    qtbot.mouseClick(kiosk.question.score_buttons[3], Qt.MouseButton.LeftButton)
    field = kiosk.why.comment_field
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(5, 5), field.mapToGlobal(QPoint(5, 5))
    )
    QApplication.sendEvent(field, event)
    qtbot.wait(50)
    assert QApplication.activePopupWidget() is None


def test_a_minimised_window_is_restored(qtbot, kiosk):
    _locked(kiosk)
    kiosk.window.showMinimized()
    qtbot.waitUntil(
        lambda: not kiosk.window.isMinimized() and kiosk.window.isVisible(), timeout=2000
    )


def test_a_window_that_stays_gone_ends_the_process(qtbot, kiosk, monkeypatch):
    lost = []
    kiosk.lockdown.on_lost = lambda: lost.append(True)
    _locked(kiosk)
    monkeypatch.setattr(kiosk.lockdown, "restore", lambda: None)  # a platform that won't show it
    kiosk.window.hide()
    for _ in range(RESTORE_ATTEMPTS + 1):
        kiosk.lockdown.check()
    assert lost == [True]
    assert not kiosk.lockdown.watchdog.isActive()


def test_an_unlocked_window_closes_normally(qtbot, kiosk):
    assert kiosk.window.close() is True
