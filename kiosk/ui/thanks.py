"""The thank-you screen. The flow shows it for ``[thanks] seconds`` and then moves on."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.config import Settings
from kiosk.ui.i18n import Translations
from kiosk.ui.theme import SIZES, set_role


class ThanksScreen(QWidget):
    """A big thank-you (the config may word it per language) and a quiet second line."""

    def __init__(
        self, settings: Settings, translations: Translations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._i18n = translations
        set_role(self, "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.mark_label = QLabel("✓", self)
        set_role(self.mark_label, "mark")
        self.thanks_label = QLabel(self)
        set_role(self.thanks_label, "thanks")
        self.detail_label = QLabel(self)
        set_role(self.detail_label, "subtitle")
        for label in (self.mark_label, self.thanks_label, self.detail_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SIZES.margin * 2, SIZES.margin, SIZES.margin * 2, SIZES.margin)
        layout.addStretch(1)
        layout.addWidget(self.mark_label)
        layout.addSpacing(12)
        layout.addWidget(self.thanks_label)
        layout.addSpacing(16)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.thanks_label.setText(
            self._i18n.pick(self.settings.thanks.text, self.tr("Thank you!"))
        )
        self.detail_label.setText(self.tr("Your answer helps us get better every day."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
