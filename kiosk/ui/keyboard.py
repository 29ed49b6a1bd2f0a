"""An on-screen keyboard inside the app: the target tablets have no OS keyboard.

Spanish/English QWERTY with ``ñ`` as its own key, a row of the accented letters the current
language needs (Spanish á é í ó ú ü ¿ ¡, Portuguese ã õ â ê ô ç ..., French è ê ë î ï ô ù û
œ ..., Catalan à è ò ï ç l·l ...: each language's ``accents`` in kiosk/core/languages.py),
shift (one letter), backspace, space and a "Done" key. Keys never take the focus, so the
comment field keeps its cursor while the guest types. :meth:`OnScreenKeyboard.apply_sizes`
sets the key size for the screen; :meth:`~OnScreenKeyboard.fit_height` shrinks the keys (not
under the touch floor) so every row fits the room it has.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kiosk.core.languages import accents_of
from kiosk.ui.theme import SIZES, TOUCH_FLOOR, Sizes, set_role

# Each row: (key, columns). Special keys are named in angle brackets; ``<accents>`` is the
# row of the current language's accented letters (its keys change with the language).
ROWS: tuple[tuple[tuple[str, int], ...], ...] = (
    tuple((k, 2) for k in "1234567890") + (("<backspace>", 4),),
    tuple((k, 2) for k in "qwertyuiop") + (("'", 2), ("-", 2)),
    (("<gap>", 1),) + tuple((k, 2) for k in "asdfghjklñ") + ((",", 2), ("<gap>", 1)),
    (("<shift>", 3),) + tuple((k, 2) for k in "zxcvbnm.?!") + (("<gap>", 1),),
    (("<accents>", 24),),
    (("<space>", 18), ("<done>", 6)),
)
# The owner's settings also need what addresses, tokens and the reasons list are made of.
ADMIN_ROWS: tuple[tuple[tuple[str, int], ...], ...] = ROWS[:4] + (
    (("<accents>", 24),),
    tuple((k, 2) for k in ":/_|#@") + (("<space>", 5), ("<enter>", 3), ("<done>", 4)),
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
        self.sizes = SIZES
        self.rows = len(rows)
        self._key_height = SIZES.key_height
        self._accent_keys: list[QPushButton] = []
        self._accents_for: tuple[str, ...] = ()
        self.accent_row = QHBoxLayout()
        self.accent_row.setContentsMargins(0, 0, 0, 0)
        self.grid = layout = QGridLayout(self)
        for column in range(COLUMNS):
            layout.setColumnStretch(column, 1)
        for row_index, row in enumerate(rows):
            column = 0
            for key, span in row:
                if key == "<accents>":
                    layout.addLayout(self.accent_row, row_index, column, 1, span)
                elif key != "<gap>":
                    button = self._make_key(key)
                    layout.addWidget(button, row_index, column, 1, span)
                column += span
        self._fixed_keys = set(self.keys)
        self.apply_sizes(SIZES)
        self.retranslate()

    def apply_sizes(self, sizes: Sizes) -> None:
        """Keys, gaps and margins for the screen's :class:`~kiosk.ui.theme.Sizes`."""
        self.sizes = sizes
        margin = sizes.px(12)
        self.grid.setContentsMargins(margin, margin, margin, margin)
        self.grid.setHorizontalSpacing(sizes.px(6))
        self.grid.setVerticalSpacing(sizes.px(8))
        self.accent_row.setSpacing(sizes.px(6))
        self._set_key_height(sizes.key_height)

    def fit_height(self, room: int) -> bool:
        """Keys as tall as the screen's size, or shorter so all rows fit in ``room`` pixels;
        False when even keys at the touch floor do not fit."""
        grid = self.grid
        margins = grid.contentsMargins()
        fixed = margins.top() + margins.bottom() + (self.rows - 1) * grid.verticalSpacing()
        per_row = (room - fixed) // max(self.rows, 1)
        self._set_key_height(max(TOUCH_FLOOR, min(self.sizes.key_height, per_row)))
        return per_row >= TOUCH_FLOOR

    def needed_height(self, key_height: int | None = None) -> int:
        """The height of every row at ``key_height`` (the screen's key size by default)."""
        margins = self.grid.contentsMargins()
        rows = self.rows
        height = key_height or self.sizes.key_height
        return (
            margins.top()
            + margins.bottom()
            + rows * height
            + (rows - 1) * self.grid.verticalSpacing()
        )

    def _set_key_height(self, height: int) -> None:
        self._key_height = height
        for button in self.keys.values():
            button.setFixedHeight(height)

    def _make_key(self, key: str) -> QPushButton:
        button = QPushButton(key, self)
        button.setProperty("key", key)
        special = key.startswith("<")
        set_role(button, "key", special="true" if special else "false")
        if key == "<done>":
            button.setProperty("done", "true")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRepeat(key == "<backspace>")
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        button.setFixedHeight(self._key_height)
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

    def _show_accents(self) -> None:
        """The accent row of the current language (its letters not already on the keyboard)."""
        accents = accents_of(QLocale().name().split("_")[0])
        if accents == self._accents_for:
            return
        self._accents_for = accents
        for button in self._accent_keys:
            self.accent_row.removeWidget(button)
            del self.keys[button.property("key")]
            button.deleteLater()
        self._accent_keys = []
        for key in accents:
            if key in self._fixed_keys:
                continue
            button = self._make_key(key)
            button.setText(key.upper() if self.shifted else key)
            self.accent_row.addWidget(button, 1)
            button.show()  # a child added to a shown keyboard stays hidden otherwise
            self._accent_keys.append(button)

    def retranslate(self) -> None:
        self._show_accents()
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
