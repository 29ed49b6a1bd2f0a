"""The why screen: a title that fits the score, reason chips, an optional comment, Skip/Send.

The comment is typed on :class:`~kiosk.ui.keyboard.OnScreenKeyboard`, which takes the place
of the chips while it is open (the chips chosen so far stay chosen), so everything fits on a
1280x800 screen without scrolling. On a short screen (1024x600) the keys get shorter, and when
even keys at the touch floor would not fit, the title steps aside while the guest types.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import Settings
from kiosk.core.answer import Category, Why
from kiosk.ui.i18n import Translations
from kiosk.ui.keyboard import OnScreenKeyboard
from kiosk.ui.reason_labels import reason_label
from kiosk.ui.screen import GuestScreen, LanguageSwitch
from kiosk.ui.theme import Sizes, set_role

CHECK = "✓  "


class CommentField(QLineEdit):
    """A one-line comment box; a tap on it opens the on-screen keyboard."""

    tapped = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self.tapped.emit()


class WhyScreen(GuestScreen):
    """Asks why, without insisting: every part is optional."""

    send = Signal(list, str)
    skip = Signal()
    callback = Signal(list, str)  # "I'd like a manager to contact me", with reasons, comment
    activity = Signal()
    language_chosen = Signal(str)

    def __init__(
        self, settings: Settings, translations: Translations, parent: QWidget | None = None
    ) -> None:
        super().__init__(settings, translations, parent)
        self.category = Category.PROMOTER
        self.why = Why()
        self._columns = 0

        self.title_label = QLabel(self)
        set_role(self.title_label, "title")
        self.title_label.setWordWrap(True)
        self.subtitle_label = QLabel(self)
        set_role(self.subtitle_label, "subtitle")
        self.subtitle_label.setWordWrap(True)
        self.language_switch = LanguageSwitch(translations, self)
        self.language_switch.language_chosen.connect(self.language_chosen)
        self.language_switch.language_chosen.connect(self.activity)

        self.reason_chips: list[QPushButton] = []
        self._reason_ids: list[str] = []
        self.chips = QWidget(self)
        self.chip_grid = QGridLayout(self.chips)
        self.chip_grid.setContentsMargins(0, 0, 0, 0)
        for reason in settings.why.reasons:
            chip = QPushButton(self.chips)
            set_role(chip, "chip")
            chip.setCheckable(True)
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            chip.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            chip.toggled.connect(lambda on, rid=reason.id: self._toggle(rid, on))
            self.reason_chips.append(chip)
            self._reason_ids.append(reason.id)

        self.comment_field = CommentField(self)
        set_role(self.comment_field, "comment")
        self.comment_field.setMaxLength(settings.why.comment_max_length)
        # Focus only by a tap: when the stack changes page it gives focus to the first field
        # that takes Tab focus, and the next guest would find a caret and a focus frame.
        self.comment_field.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.comment_field.setVisible(settings.why.comment)
        self.comment_field.tapped.connect(self.open_keyboard)
        self.comment_field.textChanged.connect(self._comment_changed)
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard.attach(self.comment_field)
        self.keyboard.hide()
        self.keyboard.done.connect(self.close_keyboard)
        self.keyboard.key_pressed.connect(self.activity)

        self.skip_button = QPushButton(self)
        set_role(self.skip_button, "secondary")
        self.send_button = QPushButton(self)
        set_role(self.send_button, "primary")
        for button in (self.skip_button, self.send_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.skip_button.clicked.connect(self.skip)
        self.send_button.clicked.connect(self._send)
        self.callback_button = QPushButton(self)
        set_role(self.callback_button, "secondary")
        self.callback_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.callback_button.hide()
        self.callback_button.clicked.connect(
            lambda: self.callback.emit(self.chosen_reasons(), self.comment_text())
        )

        self.header = header = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        titles = QVBoxLayout()
        titles.setSpacing(6)
        titles.addWidget(self.title_label)
        titles.addWidget(self.subtitle_label)
        header.addLayout(titles, 1)
        header.addWidget(
            self.language_switch, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
        )
        actions = QHBoxLayout()
        actions.addWidget(self.skip_button)
        actions.addStretch(1)
        actions.addWidget(self.callback_button)
        actions.addWidget(self.send_button)

        self.body = layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addStretch(1)
        layout.addWidget(self.chips)
        self._chips_gap = QSpacerItem(0, 0)
        layout.addItem(self._chips_gap)
        layout.addWidget(self.comment_field)
        layout.addWidget(self.keyboard)
        layout.addStretch(2)
        layout.addLayout(actions)
        self._arrange_chips(3)
        self.apply_sizes(self.sizes)
        self.retranslate()

    def apply_sizes(self, sizes: Sizes) -> None:
        super().apply_sizes(sizes)
        self.chip_grid.setHorizontalSpacing(sizes.gap)
        self.chip_grid.setVerticalSpacing(sizes.gap)
        for chip in self.reason_chips:
            chip.setFixedHeight(sizes.chip_height)
        margin = sizes.margin
        self.body.setContentsMargins(margin, margin - sizes.px(8), margin, margin - sizes.px(8))
        self.body.setSpacing(sizes.gap + sizes.px(4))
        self._chips_gap.changeSize(0, sizes.px(12))
        self.keyboard.apply_sizes(sizes)
        self._fit_chips(self.width(), self.height())
        self._fit_keyboard(self.height())

    def _fit_keyboard(self, height: int) -> None:
        """Keys that fit what the open keyboard has left; without the title if need be."""
        if not self.keyboard.isVisibleTo(self) or height <= 0:
            return
        body = self.body
        margins = body.contentsMargins()
        actions = max(self.skip_button.sizeHint().height(), self.send_button.sizeHint().height())
        # Header, stretch, gap, comment, keyboard, stretch, actions: six spacings between.
        room = (
            height
            - margins.top()
            - margins.bottom()
            - 6 * body.spacing()
            - self._chips_gap.sizeHint().height()
            - self.comment_field.sizeHint().height()
            - actions
        )
        self.title_label.show()
        title = max(
            self.title_label.heightForWidth(self._title_width()),
            self.title_label.sizeHint().height(),
        )
        if self.header.direction() == QBoxLayout.Direction.BottomToTop:
            header = title + self.header.spacing() + self.language_switch.sizeHint().height()
        else:
            header = max(title, self.language_switch.sizeHint().height())
        if not self.keyboard.fit_height(room - header - 1):
            self.title_label.hide()
            self.keyboard.fit_height(room - self.language_switch.sizeHint().height() - 1)

    def _title_width(self) -> int:
        width = self.width() - 2 * self.sizes.margin
        if self.header.direction() == QBoxLayout.Direction.LeftToRight:
            width -= self.language_switch.sizeHint().width() + self.header.spacing()
        return max(width, 1)

    # --- what the flow calls -------------------------------------------------------------

    def start(self, score: int) -> None:
        """Fresh screen for a guest who just tapped ``score``."""
        self.category = Category.of(score)
        self.why = Why()
        for chip in self.reason_chips:
            chip.blockSignals(True)
            chip.setChecked(False)
            chip.blockSignals(False)
        self.comment_field.blockSignals(True)
        self.comment_field.clear()
        self.comment_field.blockSignals(False)
        self.close_keyboard()
        callback = self.settings.callback
        self.callback_button.setVisible(
            callback.enabled and (callback.everyone or self.category is Category.DETRACTOR)
        )
        self.retranslate()

    def chosen_reasons(self) -> list[str]:
        """Reason ids in the order the guest chose them."""
        return list(self.why.reasons)

    def comment_text(self) -> str:
        return self.comment_field.text()

    def open_keyboard(self) -> None:
        self.chips.hide()
        self.subtitle_label.hide()
        self.keyboard.show()
        self._fit_keyboard(self.height())
        self.comment_field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.activity.emit()

    def close_keyboard(self) -> None:
        self.keyboard.hide()
        self.chips.show()
        self.title_label.show()
        self.subtitle_label.show()
        self.comment_field.clearFocus()

    # --- internals -----------------------------------------------------------------------

    def _toggle(self, reason_id: str, on: bool) -> None:
        if (reason_id in self.why.reasons) != on:
            self.why.toggle(reason_id)
        self._label_chips()
        self.activity.emit()

    def _comment_changed(self, _text: str) -> None:
        self.why.comment = self.comment_field.text()
        self.activity.emit()

    def _send(self) -> None:
        self.send.emit(self.chosen_reasons(), self.comment_text())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.activity.emit()
        super().mousePressEvent(event)

    def _arrange_chips(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for chip in self.reason_chips:
            self.chip_grid.removeWidget(chip)
        for index, chip in enumerate(self.reason_chips):
            self.chip_grid.addWidget(chip, index // columns, index % columns)
        for column in range(3):
            self.chip_grid.setColumnStretch(column, 1 if column < columns else 0)

    def _fit_chips(self, width: int, height: int) -> None:
        """As many columns as fit the longest label (with its check mark); 3 at most."""
        if width <= 0:
            return
        available = width - 2 * self.sizes.margin
        needed = 0
        for chip in self.reason_chips:
            chip.ensurePolished()
            extra = 0 if chip.isChecked() else chip.fontMetrics().horizontalAdvance(CHECK)
            needed = max(needed, chip.sizeHint().width() + extra)
        most = 3 if width >= height else 2
        for columns in range(most, 0, -1):
            if columns * needed + (columns - 1) * self.sizes.gap <= available:
                break
        self._arrange_chips(columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        # Portrait: the language switch goes above the title, which gets the full width.
        self.header.setDirection(
            QBoxLayout.Direction.LeftToRight
            if size.width() >= size.height()
            else QBoxLayout.Direction.BottomToTop
        )
        self._fit_chips(size.width(), size.height())
        self._fit_keyboard(size.height())
        super().resizeEvent(event)

    def _label_chips(self) -> None:
        language = self._i18n.language
        for chip, reason in zip(self.reason_chips, self.settings.why.reasons, strict=True):
            label = reason_label(reason, language)
            # A check mark as well as the colour: the choice is not shown by colour alone.
            chip.setText(f"{CHECK}{label}" if chip.isChecked() else label)
        self._fit_chips(self.width(), self.height())

    def retranslate(self) -> None:
        titles = {
            Category.DETRACTOR: self.tr("What could we do better?"),
            Category.PASSIVE: self.tr("What would make it a 10?"),
            Category.PROMOTER: self.tr("What did you like most?"),
        }
        self.title_label.setText(titles[self.category])
        self.subtitle_label.setText(self.tr("Tap all that apply. Everything here is optional."))
        self.comment_field.setPlaceholderText(self.tr("Add a comment (optional)"))
        self.skip_button.setText(self.tr("Skip"))
        self.send_button.setText(self.tr("Send"))
        self.callback_button.setText(self.tr("I'd like a manager to contact me"))
        self._label_chips()
        self.language_switch.refresh()
