"""The question screen: one question, eleven neutral buttons, a language switch.

Nothing here shows which score was tapped (no pressed colour that lingers, no highlight):
a guest's score is not for the queue behind them. The flow ignores any tap after the first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import Settings
from kiosk.core.answer import SCORES, Category
from kiosk.ui.i18n import Translations
from kiosk.ui.screen import GuestScreen, LanguageSwitch
from kiosk.ui.theme import REFERENCE_SCREEN, Sizes, set_role


class QuestionScreen(GuestScreen):
    """Shop name or logo, the question, 0-10, the anchors and the language switch."""

    score_chosen = Signal(int)
    language_chosen = Signal(str)

    def __init__(
        self, settings: Settings, translations: Translations, parent: QWidget | None = None
    ) -> None:
        super().__init__(settings, translations, parent)
        self._one_row: bool | None = None

        self.shop_label = QLabel(self)
        set_role(self.shop_label, "shop")
        self._show_logo_or_name()
        self.language_switch = LanguageSwitch(translations, self)
        self.language_switch.language_chosen.connect(self.language_chosen)

        self.question_label = QLabel(self)
        set_role(self.question_label, "question")
        self.question_label.setWordWrap(True)
        self.question_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.score_buttons: list[QPushButton] = []
        for score in SCORES:
            button = QPushButton(str(score), self)
            band = Category.of(score).value if settings.question.colour_scale else "neutral"
            set_role(button, "score", band=band)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, s=score: self.score_chosen.emit(s))
            self.score_buttons.append(button)
        self.low_anchor = QLabel(self)
        self.high_anchor = QLabel(self)
        for anchor in (self.low_anchor, self.high_anchor):
            set_role(anchor, "anchor")
            anchor.setWordWrap(True)
        self.low_anchor.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.high_anchor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

        # Shop and switch side by side; stacked when the switch leaves the name no room.
        self.top = top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.addWidget(self.shop_label, 1)
        top.addWidget(self.language_switch, 0, Qt.AlignmentFlag.AlignRight)
        self.grid = QGridLayout()
        self.anchors = anchors = QHBoxLayout()
        anchors.addWidget(self.low_anchor, 1)
        self._anchor_gap = QSpacerItem(0, 0)
        anchors.addItem(self._anchor_gap)
        anchors.addWidget(self.high_anchor, 1)

        self.body = layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addStretch(2)
        layout.addWidget(self.question_label)
        self._question_gap = QSpacerItem(0, 0)
        layout.addItem(self._question_gap)
        layout.addLayout(self.grid)
        self._grid_gap = QSpacerItem(0, 0)
        layout.addItem(self._grid_gap)
        layout.addLayout(anchors)
        layout.addStretch(3)
        self.apply_sizes(self.sizes)
        self.retranslate()

    def apply_sizes(self, sizes: Sizes) -> None:
        super().apply_sizes(sizes)
        for button in self.score_buttons:
            button.setMinimumSize(sizes.score_min, sizes.score_min)
            button.setFixedHeight(sizes.score_min + sizes.px(16))
        self.grid.setHorizontalSpacing(sizes.gap)
        self.grid.setVerticalSpacing(sizes.gap + sizes.px(8))
        self._anchor_gap.changeSize(sizes.gap * 2, 0)
        self._question_gap.changeSize(0, sizes.px(56))
        self._grid_gap.changeSize(0, sizes.px(12))
        self.top.setSpacing(sizes.px(12))
        margin = sizes.margin
        self.body.setContentsMargins(margin, margin - sizes.px(8), margin, margin)
        self._show_logo_or_name()
        self._one_row = None
        if self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            self._arrange(self.width(), self.height())
        else:  # not laid out yet: arranged for the screen the sizes were made for
            self._arrange(*REFERENCE_SCREEN)

    def one_row_fits(self, width: int) -> bool:
        """Eleven buttons of at least the floor side by side, with the gaps a thumb needs."""
        s = self.sizes
        return 11 * s.score_min + 10 * s.gap + 2 * s.margin <= width

    def _show_logo_or_name(self) -> None:
        logo = self.settings.kiosk.logo
        pixmap = QPixmap(logo) if logo else QPixmap()
        if not pixmap.isNull():
            self.shop_label.setPixmap(
                pixmap.scaledToHeight(self.sizes.px(72), Qt.TransformationMode.SmoothTransformation)
            )
            self.shop_label.setAccessibleName(self.settings.kiosk.shop_name)
        else:
            self.shop_label.setText(self.settings.kiosk.shop_name)

    def _arrange(self, width: int, height: int) -> None:
        """One row of eleven in landscape; 0-5 over 6-10 in portrait, or when the eleven do
        not fit a narrow landscape screen (1024x600)."""
        top = (
            QBoxLayout.Direction.LeftToRight
            if self._top_fits(width)
            else QBoxLayout.Direction.TopToBottom
        )
        self.top.setDirection(top)
        landscape = width >= height and self.one_row_fits(width)
        if landscape == self._one_row:
            return
        self._one_row = landscape
        for button in self.score_buttons:
            self.grid.removeWidget(button)
        if landscape:
            for score, button in enumerate(self.score_buttons):
                self.grid.addWidget(button, 0, score)
        else:
            # Two rows of half-width cells so the five of the second row sit centred.
            for score, button in enumerate(self.score_buttons):
                if score <= 5:
                    self.grid.addWidget(button, 0, score * 2, 1, 2)
                else:
                    self.grid.addWidget(button, 1, (score - 6) * 2 + 1, 1, 2)
        used = 11 if landscape else 12
        for column in range(12):
            self.grid.setColumnStretch(column, 1 if column < used else 0)
        self.retranslate()

    def _top_fits(self, width: int) -> bool:
        self.shop_label.ensurePolished()
        self.language_switch.ensurePolished()
        needed = (
            self.shop_label.sizeHint().width()
            + self.top.spacing()
            + self.language_switch.sizeHint().width()
            + 2 * self.sizes.margin
        )
        return needed <= width

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self._arrange(size.width(), size.height())
        super().resizeEvent(event)

    def retranslate(self) -> None:
        i18n = self._i18n
        self.question_label.setText(
            i18n.pick(
                self.settings.question.text,
                self.tr("How likely are you to recommend us to your friends and family?"),
            )
        )
        low = self.tr("Not at all likely")
        high = self.tr("Extremely likely")
        if not self._one_row:
            # On two rows 0 and 10 are on different rows: say which end is which.
            low, high = f"0 = {low}", f"10 = {high}"
        self.low_anchor.setText(low)
        self.high_anchor.setText(high)
        self.language_switch.refresh()
