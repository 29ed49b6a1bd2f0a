"""The call-back screen: a guest who asked for a manager's call leaves a name and a phone
number or an e-mail address, and ticks the consent line, shown in their language.

Nothing is stored unless the line is ticked and the contact has a plausible shape
(:func:`kiosk.core.contact.check_contact`); the guest can always skip, and the answer stays
anonymous. The screen emits what the guest asked for; the flow stores it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.config import Settings
from kiosk.core.contact import (
    NAME_MAX_LENGTH,
    REACH_MAX_LENGTH,
    InvalidContact,
    check_contact,
    consent_message,
)
from kiosk.ui.i18n import Translations, translated
from kiosk.ui.keyboard import CONTACT_ROWS, OnScreenKeyboard
from kiosk.ui.screen import GuestScreen, LanguageSwitch
from kiosk.ui.theme import SIZES, set_role

TICKED, UNTICKED = "☑  ", "☐  "


class TapField(QLineEdit):
    """A one-line field; a tap on it sends the on-screen keyboard's keys there."""

    tapped = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self.tapped.emit()


class ConsentLine(QLabel):
    """The consent sentence with a tick box; a tap anywhere on it ticks or unticks it.

    A label rather than a check box, so a long sentence wraps on a portrait screen.
    """

    toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "subtitle")
        self.setWordWrap(True)
        self._checked = False
        self._sentence = ""

    def isChecked(self) -> bool:
        return self._checked

    def setChecked(self, on: bool) -> None:
        self._checked = on
        self.setText((TICKED if on else UNTICKED) + self._sentence)

    def setSentence(self, sentence: str) -> None:
        self._sentence = sentence
        self.setChecked(self._checked)

    def sentence(self) -> str:
        """The consent exactly as shown (without the tick box)."""
        return self._sentence

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.setChecked(not self._checked)
        self.toggled.emit(self._checked)
        super().mouseReleaseEvent(event)


class ContactScreen(GuestScreen):
    """Name, phone or e-mail, consent; Send stores it (through the flow), Skip does not."""

    send = Signal(str, str, str)  # name, reach, the consent text as shown
    skip = Signal()
    activity = Signal()
    language_chosen = Signal(str)

    def __init__(
        self, settings: Settings, translations: Translations, parent: QWidget | None = None
    ) -> None:
        super().__init__(settings, translations, parent)
        self.title_label = QLabel(self)
        set_role(self.title_label, "title")
        self.title_label.setWordWrap(True)
        self.language_switch = LanguageSwitch(translations, self)
        self.language_switch.language_chosen.connect(self.language_chosen)
        self.language_switch.language_chosen.connect(self.activity)

        self.name_field = TapField(self)
        self.name_field.setMaxLength(NAME_MAX_LENGTH)
        self.reach_field = TapField(self)
        self.reach_field.setMaxLength(REACH_MAX_LENGTH)
        self.keyboard = OnScreenKeyboard(self, CONTACT_ROWS)
        self.keyboard.hide()
        self.keyboard.done.connect(self.close_keyboard)
        self.keyboard.key_pressed.connect(self.activity)
        for field in (self.name_field, self.reach_field):
            set_role(field, "comment")
            field.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            field.tapped.connect(lambda f=field: self.open_keyboard(f))
            field.textChanged.connect(self._changed)

        self.consent_line = ConsentLine(self)
        self.consent_line.toggled.connect(self._changed)
        self.problem_label = QLabel(self)
        set_role(self.problem_label, "subtitle")
        self.problem_label.setWordWrap(True)
        self.problem_label.setProperty("problem", "true")

        self.skip_button = QPushButton(self)
        set_role(self.skip_button, "secondary")
        self.send_button = QPushButton(self)
        set_role(self.send_button, "primary")
        for button in (self.skip_button, self.send_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.skip_button.clicked.connect(self.skip)
        self.send_button.clicked.connect(self._send)

        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(
            self.language_switch, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
        )
        actions = QHBoxLayout()
        actions.addWidget(self.skip_button)
        actions.addStretch(1)
        actions.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SIZES.margin, SIZES.margin - 8, SIZES.margin, SIZES.margin - 8)
        layout.setSpacing(SIZES.gap)
        layout.addLayout(header)
        layout.addWidget(self.name_field)
        layout.addWidget(self.reach_field)
        layout.addWidget(self.keyboard)
        layout.addWidget(self.consent_line)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        layout.addLayout(actions)
        self.retranslate()

    # --- what the flow calls -------------------------------------------------------------

    def start(self) -> None:
        """A fresh, empty screen: nothing of the previous guest, the consent unticked."""
        for field in (self.name_field, self.reach_field):
            field.blockSignals(True)
            field.clear()
            field.blockSignals(False)
        self.consent_line.setChecked(False)
        self.problem_label.clear()
        self.close_keyboard()
        self.retranslate()

    def consent_text(self) -> str:
        return self.consent_line.sentence()

    def open_keyboard(self, field: QLineEdit) -> None:
        self.keyboard.attach(field)
        self.keyboard.show()
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.activity.emit()

    def close_keyboard(self) -> None:
        self.keyboard.hide()
        self.name_field.clearFocus()
        self.reach_field.clearFocus()

    # --- internals -----------------------------------------------------------------------

    def _changed(self, *_: object) -> None:
        self.problem_label.clear()
        self.activity.emit()

    def _send(self) -> None:
        self.activity.emit()
        name, reach = self.name_field.text(), self.reach_field.text()
        try:
            check_contact(name, reach)
        except InvalidContact as problem:
            self.problem_label.setText(translated(problem.message))
            return
        if not self.consent_line.isChecked():
            self.problem_label.setText(
                self.tr("Tick the line above to let us contact you, or tap Skip.")
            )
            return
        self.close_keyboard()
        self.send.emit(name, reach, self.consent_text())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.activity.emit()
        super().mousePressEvent(event)

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("A manager will contact you"))
        self.name_field.setPlaceholderText(self.tr("Your name"))
        self.reach_field.setPlaceholderText(self.tr("Phone number or e-mail"))
        callback = self.settings.callback
        self.consent_line.setSentence(
            translated(consent_message(self.settings.kiosk.shop_name, callback.retention_days))
        )
        self.skip_button.setText(self.tr("Skip"))
        self.send_button.setText(self.tr("Send"))
        self.language_switch.refresh()
