"""The question screen: one question, eleven neutral buttons, a language switch.

Nothing here shows which score was tapped (no pressed colour that lingers, no highlight):
a guest's score is not for the queue behind them. The flow ignores any tap after the first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import Settings
from kiosk.core.answer import SCORES, Category
from kiosk.ui.i18n import Translations
from kiosk.ui.screen import GuestScreen, LanguageSwitch
from kiosk.ui.theme import SIZES, set_role


class QuestionScreen(GuestScreen):
    """Shop name or logo, the question, 0-10, the anchors and the language switch."""

    score_chosen = Signal(int)
    language_chosen = Signal(str)

    def __init__(
        self, settings: Settings, translations: Translations, parent: QWidget | None = None
    ) -> None:
        super().__init__(settings, translations, parent)
        self._landscape: bool | None = None

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
            button.setMinimumSize(SIZES.score_min, SIZES.score_min)
            button.setFixedHeight(SIZES.score_min + 16)
            button.clicked.connect(lambda _=False, s=score: self.score_chosen.emit(s))
            self.score_buttons.append(button)
        self.low_anchor = QLabel(self)
        self.high_anchor = QLabel(self)
        for anchor in (self.low_anchor, self.high_anchor):
            set_role(anchor, "anchor")
            anchor.setWordWrap(True)
        self.low_anchor.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.high_anchor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

        top = QHBoxLayout()
        top.addWidget(self.shop_label, 1)
        top.addWidget(self.language_switch, 0, Qt.AlignmentFlag.AlignRight)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(SIZES.gap)
        self.grid.setVerticalSpacing(SIZES.gap + 8)
        anchors = QHBoxLayout()
        anchors.addWidget(self.low_anchor, 1)
        anchors.addSpacing(SIZES.gap * 2)
        anchors.addWidget(self.high_anchor, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SIZES.margin, SIZES.margin - 8, SIZES.margin, SIZES.margin)
        layout.addLayout(top)
        layout.addStretch(2)
        layout.addWidget(self.question_label)
        layout.addSpacing(56)
        layout.addLayout(self.grid)
        layout.addSpacing(12)
        layout.addLayout(anchors)
        layout.addStretch(3)
        self._arrange(landscape=True)
        self.retranslate()

    def _show_logo_or_name(self) -> None:
        logo = self.settings.kiosk.logo
        pixmap = QPixmap(logo) if logo else QPixmap()
        if not pixmap.isNull():
            self.shop_label.setPixmap(
                pixmap.scaledToHeight(72, Qt.TransformationMode.SmoothTransformation)
            )
            self.shop_label.setAccessibleName(self.settings.kiosk.shop_name)
        else:
            self.shop_label.setText(self.settings.kiosk.shop_name)

    def _arrange(self, landscape: bool) -> None:
        """One row of eleven in landscape; 0-5 over 6-10 in portrait."""
        if landscape == self._landscape:
            return
        self._landscape = landscape
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self._arrange(landscape=size.width() >= size.height())
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
        if not self._landscape:
            # In portrait 0 and 10 are on different rows: say which end is which.
            low, high = f"0 = {low}", f"10 = {high}"
        self.low_anchor.setText(low)
        self.high_anchor.setText(high)
        self.language_switch.refresh()
