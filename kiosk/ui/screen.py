"""What every guest screen shares: the settings and translations it shows, the styled
"screen" background, a re-translation on every language change, and the language switch.

A screen subclasses :class:`GuestScreen`, builds its widgets, and implements
:meth:`~GuestScreen.retranslate` to set every text it shows (its ``tr()`` calls stay in the
subclass, so their translation context is still the screen's own class name).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from kiosk.config import Settings
from kiosk.ui.i18n import LANGUAGE_NAMES, Translations
from kiosk.ui.theme import MIN_WIDTH, SIZES, Sizes, set_role


class LanguageSwitch(QWidget):
    """One button per enabled language, each in its own name; the current one is marked."""

    language_chosen = Signal(str)

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._i18n = translations
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        for language in translations.languages:
            button = QPushButton(LANGUAGE_NAMES.get(language, language), self)
            set_role(button, "language")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, lang=language: self.language_chosen.emit(lang))
            group.addButton(button)
            layout.addWidget(button)
            self.buttons[language] = button
        self.setVisible(len(translations.languages) > 1)
        self.refresh()

    def refresh(self) -> None:
        for language, button in self.buttons.items():
            button.setChecked(language == self._i18n.language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)


class GuestScreen(QWidget):
    """Base of the question, why and thank-you screens."""

    def __init__(
        self, settings: Settings, translations: Translations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._i18n = translations
        set_role(self, "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.sizes = SIZES

    def apply_sizes(self, sizes: Sizes) -> None:
        """Margins, gaps and fixed heights for the window's sizes (the stylesheet has the
        fonts); a screen extends this and re-arranges for them."""
        self.sizes = sizes

    def retranslate(self) -> None:
        """Set every text the screen shows in the current language."""
        raise NotImplementedError

    def minimumSizeHint(self) -> QSize:
        # Small enough for the window to reach portrait; each screen's resizeEvent then
        # re-arranges it for the new shape.
        return QSize(MIN_WIDTH, MIN_WIDTH)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
