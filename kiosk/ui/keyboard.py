"""An on-screen keyboard inside the app: the target tablets have no OS keyboard.

Spanish/English QWERTY with ``ñ`` as its own key, a row of accented letters (á é í ó ú ü)
and the opening marks ¿ ¡, shift (one letter), backspace, space and a "Done" key. Keys never
take the focus, so the comment field keeps its cursor while the guest types.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kiosk.ui.theme import SIZES, set_role

# Each row: (key, columns). Special keys are named in angle brackets.
ROWS: tuple[tuple[tuple[str, int], ...], ...] = (
    tuple((k, 2) for k in "1234567890") + (("<backspace>", 4),),
    tuple((k, 2) for k in "qwertyuiop") + (("'", 2), ("-", 2)),
    (("<gap>", 1),) + tuple((k, 2) for k in "asdfghjklñ") + ((",", 2), ("<gap>", 1)),
    (("<shift>", 3),) + tuple((k, 2) for k in "zxcvbnm.?!") + (("<gap>", 1),),
    (("<gap>", 3),) + tuple((k, 2) for k in "áéíóúü¿¡@") + (("<gap>", 3),),
    (("<space>", 18), ("<done>", 6)),
)
# The owner's settings also need what addresses, tokens and the reasons list are made of.
ADMIN_ROWS: tuple[tuple[tuple[str, int], ...], ...] = ROWS[:4] + (
    tuple((k, 2) for k in "áéíóúü:/_|#@"),
    (("<space>", 12), ("¿", 2), ("¡", 2), ("<enter>", 4), ("<done>", 4)),
)
# A guest's name and phone or e-mail (the call-back): digits, +, @, . and - at hand.
CONTACT_ROWS: tuple[tuple[tuple[str, int], ...], ...] = (
    ROWS[0],
    tuple((k, 2) for k in "qwertyuiop") + (("+", 2), ("-", 2)),
    (("<gap>", 1),) + tuple((k, 2) for k in "asdfghjklñ") + (("@", 2), ("<gap>", 1)),
    (("<shift>", 3),) + tuple((k, 2) for k in "zxcvbnm.") + (("_", 2), ("<gap>", 5)),
    (("<gap>", 3),) + tuple((k, 2) for k in "áéíóúüàèç") + (("<gap>", 3),),
    (("<space>", 18), ("<done>", 6)),
)
COLUMNS = 24


class OnScreenKeyboard(QWidget):
    """Big keys that type into a :class:`QLineEdit` (or a :class:`QPlainTextEdit`); ``done``
    when the guest closes it. ``rows`` picks the layout (:data:`ADMIN_ROWS` for the owner)."""

    done = Signal()
    key_pressed = Signal()  # any key: the flow restarts its idle timer

    def __init__(
        self,
        parent: QWidget | None = None,
        rows: tuple[tuple[tuple[str, int], ...], ...] = ROWS,
    ) -> None:
        super().__init__(parent)
        set_role(self, "keyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.target: QLineEdit | QPlainTextEdit | None = None
        self.shifted = False
        self.keys: dict[str, QPushButton] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(8)
        for column in range(COLUMNS):
            layout.setColumnStretch(column, 1)
        for row_index, row in enumerate(rows):
            column = 0
            for key, span in row:
                if key != "<gap>":
                    button = self._make_key(key)
                    layout.addWidget(button, row_index, column, 1, span)
                column += span
        self.retranslate()

    def _make_key(self, key: str) -> QPushButton:
        button = QPushButton(key, self)
        special = key.startswith("<")
        set_role(button, "key", special="true" if special else "false")
        if key == "<done>":
            button.setProperty("done", "true")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRepeat(key == "<backspace>")
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        button.setFixedHeight(SIZES.key_height)
        if key == "<shift>":
            button.setCheckable(True)
        button.clicked.connect(lambda _=False, k=key: self.press(k))
        self.keys[key] = button
        return button

    def attach(self, target: QLineEdit | QPlainTextEdit) -> None:
        self.target = target

    def press(self, key: str) -> None:
        """Act as if ``key`` was tapped (``"ñ"``, ``"<space>"``, ``"<backspace>"`` ...)."""
        self.key_pressed.emit()
        if key == "<done>":
            self.done.emit()
            return
        if key == "<shift>":
            self._set_shift(not self.shifted)
            return
        target = self.target
        if target is None:
            return
        if key == "<backspace>":
            if isinstance(target, QPlainTextEdit):
                target.textCursor().deletePreviousChar()
            else:
                target.backspace()
            return
        if key == "<enter>":
            if isinstance(target, QPlainTextEdit):
                target.insertPlainText("\n")
            return
        text = " " if key == "<space>" else key
        if self.shifted:
            text = text.upper()
            self._set_shift(False)
        if isinstance(target, QPlainTextEdit):
            target.insertPlainText(text)
        else:
            target.insert(text)

    def _set_shift(self, on: bool) -> None:
        self.shifted = on
        self.keys["<shift>"].setChecked(on)
        for key, button in self.keys.items():
            if not key.startswith("<"):
                button.setText(key.upper() if on else key)

    def retranslate(self) -> None:
        self.keys["<backspace>"].setText("⌫")
        self.keys["<backspace>"].setAccessibleName(self.tr("Delete"))
        self.keys["<shift>"].setText("⇧")
        self.keys["<shift>"].setAccessibleName(self.tr("Capital letter"))
        self.keys["<space>"].setText(self.tr("space"))
        self.keys["<done>"].setText(self.tr("Done"))
        if "<enter>" in self.keys:
            self.keys["<enter>"].setText("⏎")
            self.keys["<enter>"].setAccessibleName(self.tr("New line"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
