"""The PIN pad: big digit keys, a dot per digit typed, refusals that slow down.

It shows state and emits intents. ``submitted(pin)`` asks the controller to check a PIN;
``new_pin_chosen(pin)`` says the owner typed the same new PIN twice. The controller answers
with :meth:`accept`, :meth:`refuse` (wrong PIN: keys off for a growing delay, or a lock-out of
minutes, with a countdown) or :meth:`ask_for_pin`. The PIN itself is never shown or logged.
"""

from __future__ import annotations

import enum
import math
import time

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.style import mark
from kiosk.core.pin import PIN_MAX_LENGTH, PIN_MIN_LENGTH
from kiosk.ui.theme import TOUCH_FLOOR

KEY_WIDTH = 124  # ~16 mm on a 10-inch screen: a thumb hits one key, not two
KEY_HEIGHT = 84
DOT = "\u25cf"
EMPTY = "\u25cb"


class Mode(enum.Enum):
    ENTER = "enter"
    NEW = "new"
    CONFIRM = "confirm"
    NO_OWNER = "no-owner"  # no PIN set yet: IT sets it, not whoever holds the corner


class PinPadScreen(QWidget):
    """Digits 0-9, erase and OK; enter mode or set-a-new-PIN mode (typed twice)."""

    submitted = Signal(str)
    new_pin_chosen = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark(self, "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.mode = Mode.ENTER
        self._digits = ""
        self._first = ""
        self._blocked_until = 0.0
        self._blocked = False
        self._locked = False
        self._message_kind = ""
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._update_wait)

        self.title = QLabel()
        mark(self.title, "h1")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.prompt = QLabel()
        mark(self.prompt, "muted")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.dots = QLabel()
        mark(self.dots, "dots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        mark(self.message, "error")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(48)

        self.scale = 1.0  # the screen's size factor (set_scale)
        self.grid = grid = QGridLayout()
        grid.setSpacing(14)
        self.digit_keys: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit), index // 3, index % 3)
        self.erase_key = QPushButton("\u232b")
        mark(self.erase_key, "key", special="true")
        self.erase_key.clicked.connect(self._erase)
        grid.addWidget(self.erase_key, 3, 0)
        grid.addWidget(self._key("0"), 3, 1)
        self.ok_key = QPushButton()
        mark(self.ok_key, "key", ok="true")
        self.ok_key.clicked.connect(self._submit)
        grid.addWidget(self.ok_key, 3, 2)
        for key in (*self.digit_keys.values(), self.erase_key, self.ok_key):
            key.setFixedSize(KEY_WIDTH, KEY_HEIGHT)

        self.cancel_button = QPushButton()
        mark(self.cancel_button, "secondary")
        self.cancel_button.clicked.connect(self.cancelled.emit)

        self.panel = panel = QVBoxLayout()
        panel.setSpacing(12)
        panel.addWidget(self.title)
        panel.addWidget(self.prompt)
        panel.addWidget(self.dots)
        panel.addWidget(self.message)
        panel.addLayout(grid)
        panel.addSpacing(8)
        panel.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addLayout(panel, 0)
        centre.addStretch(1)
        self.outer = outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(1)
        self.retranslate()
        self._refresh()

    def set_scale(self, factor: float) -> None:
        """Keys as big as the screen's sizes say (the stylesheet scales their text)."""
        self.scale = factor
        self._fit_keys()

    def _fit_keys(self) -> None:
        """Keys of the screen's size, shorter (not under the touch floor) when the screen is
        short (1024x600), wide enough for their words ("D'acord")."""
        keys = (*self.digit_keys.values(), self.erase_key, self.ok_key)
        current = self.ok_key.height()
        others = self.panel.sizeHint().height() - 4 * current
        margins = self.outer.contentsMargins()
        room = (self.height() - margins.top() - margins.bottom() - others) // 4
        height = max(TOUCH_FLOOR, min(round(KEY_HEIGHT * self.scale), room))
        width = max(
            round(KEY_WIDTH * self.scale), *(key.sizeHint().width() for key in keys if key.text())
        )
        for key in keys:
            key.setFixedSize(width, height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_keys()

    def _key(self, digit: str) -> QPushButton:
        key = QPushButton(digit)
        mark(key, "key")
        key.clicked.connect(lambda: self.press(digit))
        self.digit_keys[digit] = key
        return key

    # --- what the controller calls --------------------------------------------------------

    def ask_for_pin(self) -> None:
        self.mode = Mode.ENTER
        self._reset_entry()

    def ask_for_new_pin(self) -> None:
        """First run or "Change PIN": type a new PIN, then the same again."""
        self.mode = Mode.NEW
        self._first = ""
        self._reset_entry()

    def show_no_owner(self) -> None:
        """No PIN yet: say who sets it, keys off; the controller goes back to the question."""
        self.mode = Mode.NO_OWNER
        self._first = ""
        self._message_kind = ""
        self._reset_entry()

    def refuse(self, wait_seconds: float, locked: bool) -> None:
        """A wrong PIN (or an attempt during a wait): clear, and keep the keys off a while."""
        self._digits = ""
        self._locked = locked
        self._message_kind = "locked" if locked else "wrong"
        self._blocked_until = time.monotonic() + max(0.0, wait_seconds)
        self._blocked = wait_seconds > 0
        if self._blocked:
            self._tick.start()
            QTimer.singleShot(math.ceil(wait_seconds * 1000) + 5, self._update_wait)
        self._update_wait()

    @property
    def waiting(self) -> bool:
        """True while the keys are off after a wrong PIN."""
        return self._blocked

    @property
    def entered_length(self) -> int:
        return len(self._digits)

    # --- typing -----------------------------------------------------------------------------

    def press(self, digit: str) -> None:
        if self.waiting or self.mode is Mode.NO_OWNER or len(self._digits) >= PIN_MAX_LENGTH:
            return
        self._digits += digit
        if self._message_kind in ("mismatch", "short", "wrong"):
            self._message_kind = ""
        self._refresh()

    def _erase(self) -> None:
        self._digits = self._digits[:-1]
        self._refresh()

    def _submit(self) -> None:
        if self.waiting or self.mode is Mode.NO_OWNER:
            return
        pin = self._digits
        if len(pin) < PIN_MIN_LENGTH:
            self._message_kind = "short"
            self._refresh()
            return
        self._digits = ""
        if self.mode is Mode.ENTER:
            self._refresh()
            self.submitted.emit(pin)
        elif self.mode is Mode.NEW:
            self._first = pin
            self.mode = Mode.CONFIRM
            self._message_kind = ""
            self._refresh()
        else:
            first, self._first = self._first, ""
            if pin == first:
                self._refresh()
                self.new_pin_chosen.emit(pin)
            else:
                self.mode = Mode.NEW
                self._message_kind = "mismatch"
                self._refresh()

    def keyPressEvent(self, event) -> None:
        text = event.text()
        if text and text in "0123456789":
            self.press(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self._erase()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)

    # --- showing ----------------------------------------------------------------------------

    def _reset_entry(self) -> None:
        self._digits = ""
        if not self.waiting:
            self._message_kind = ""
        self._refresh()

    def _update_wait(self) -> None:
        if self._blocked and time.monotonic() >= self._blocked_until:
            self._blocked = False
        if not self._blocked:
            self._tick.stop()
            if self._message_kind == "locked":
                self._message_kind = ""
        self._refresh()

    def _refresh(self) -> None:
        waiting = self.waiting
        no_owner = self.mode is Mode.NO_OWNER
        for key in (*self.digit_keys.values(), self.erase_key, self.ok_key):
            key.setEnabled(not waiting and not no_owner)
            key.setVisible(not no_owner)
        self.dots.setVisible(not no_owner)
        length = len(self._digits)
        self.dots.setText(" ".join([DOT] * length + [EMPTY] * max(0, PIN_MIN_LENGTH - length)))
        self.message.setText(self._message_text())
        self.prompt.setText(self._prompt_text())
        if self.mode in (Mode.ENTER, Mode.NO_OWNER):
            self.title.setText(self.tr("Owner access"))
        else:
            self.title.setText(self.tr("Set the owner PIN"))

    def _message_text(self) -> str:
        remaining = max(0, math.ceil(self._blocked_until - time.monotonic()))
        kind = self._message_kind
        if kind == "locked":
            minutes = max(1, math.ceil(remaining / 60))
            return self.tr("Too many wrong PINs. Locked for %1 min.").replace("%1", str(minutes))
        if kind == "wrong":
            if remaining > 0:
                return self.tr("Wrong PIN. Try again in %1 s.").replace("%1", str(remaining))
            return self.tr("Wrong PIN. Try again.")
        if kind == "short":
            return self.tr("A PIN has 4 to 8 digits.")
        if kind == "mismatch":
            return self.tr("The two PINs were not the same. Start again.")
        return ""

    def _prompt_text(self) -> str:
        if self.mode is Mode.NO_OWNER:
            return self.tr("This kiosk has no owner's PIN yet; IT sets it with `kiosk set-pin`.")
        if self.mode is Mode.ENTER:
            return self.tr("Enter your PIN")
        if self.mode is Mode.NEW:
            return self.tr("Choose a PIN of 4 to 8 digits")
        return self.tr("Enter the same PIN again")

    def retranslate(self) -> None:
        self.ok_key.setText(self.tr("OK"))
        self.erase_key.setAccessibleName(self.tr("Erase"))
        self.cancel_button.setText(self.tr("Back to the guest screen"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        self.setFocus()
        super().showEvent(event)
