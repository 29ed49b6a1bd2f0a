"""The thank-you screen. The flow shows it for ``[thanks] seconds`` and then moves on.

With ``[thanks] promoter_url`` or ``detractor_url`` set, a 9-10 or a 0-6 guest also sees a QR
code to open on their phone (a review page, a contact form); passives never do. A thank-you
with a QR code stays longer (the flow uses ``seconds_with_qr``) and a tap anywhere ends it.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.config import Settings
from kiosk.core import qr_link
from kiosk.core.answer import Category
from kiosk.ui.i18n import Translations
from kiosk.ui.qr import QrCodeView
from kiosk.ui.screen import GuestScreen
from kiosk.ui.theme import Sizes, set_role

QR_PX = 340  # about 6-8 px a module for a URL of up to 106 characters
# A thank-you with a code ignores taps at first: the second tap of a double tap on Send
# (80-250 ms later, at the same place) must not end it before the phone is out.
TAP_GRACE_MS = 1500


class ThanksScreen(GuestScreen):
    """A big thank-you (the config may word it per language) and a quiet second line."""

    dismissed = Signal()  # the guest tapped a thank-you that shows a QR code

    def __init__(
        self, settings: Settings, translations: Translations, parent: QWidget | None = None
    ) -> None:
        super().__init__(settings, translations, parent)
        self.category: Category | None = None
        self._hint_placed = False
        self._shown = QElapsedTimer()
        self.tap_grace_ms = TAP_GRACE_MS
        self.mark_label = QLabel("✓", self)
        set_role(self.mark_label, "mark")
        self.thanks_label = QLabel(self)
        set_role(self.thanks_label, "thanks")
        self.detail_label = QLabel(self)
        set_role(self.detail_label, "subtitle")
        self.qr_prompt = QLabel(self)
        set_role(self.qr_prompt, "title")
        self.qr_scan = QLabel(self)
        set_role(self.qr_scan, "subtitle")
        self.qr_hint = QLabel(self)
        set_role(self.qr_hint, "anchor")
        self.qr_view = QrCodeView(QR_PX, self)
        labels = (
            self.mark_label,
            self.thanks_label,
            self.detail_label,
            self.qr_prompt,
            self.qr_scan,
            self.qr_hint,
        )
        for label in labels:
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)

        text_column = self._text_column = QVBoxLayout()
        text_column.setSpacing(0)
        text_column.addWidget(self.mark_label)
        text_column.addSpacing(12)
        text_column.addWidget(self.thanks_label)
        text_column.addSpacing(16)
        text_column.addWidget(self.detail_label)
        text_column.addSpacing(12)
        text_column.addWidget(self.qr_prompt)
        text_column.addSpacing(8)
        text_column.addWidget(self.qr_scan)
        text_column.addSpacing(28)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.addLayout(text_column, 1)
        self.body.addWidget(self.qr_view, 0, Qt.AlignmentFlag.AlignCenter)
        layout = self._outer = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(self.body)
        layout.addSpacing(28)
        self._hint_row = layout.count()
        layout.addStretch(1)
        self._show_qr("")
        self.apply_sizes(self.sizes)
        self.retranslate()

    def apply_sizes(self, sizes: Sizes) -> None:
        super().apply_sizes(sizes)
        self.body.setSpacing(sizes.margin)
        margin = sizes.margin
        self._outer.setContentsMargins(margin * 2, margin, margin * 2, margin)
        # The code keeps its size in millimetres too (no smaller than at 1280x800).
        self.qr_view.set_target(max(QR_PX, sizes.px(QR_PX)))

    # --- what this guest sees ---------------------------------------------------------------

    def start(self, score: int | None, answer_id: str | None = None) -> bool:
        """Prepare the thank-you for ``score`` (answer ``answer_id``); True when it shows a
        QR code."""
        self.category = Category.of(score) if score is not None else None
        self._show_qr(self.url_for(score, answer_id))
        self._shown.start()
        self.retranslate()
        return self.has_qr

    def url_for(self, score: int | None, answer_id: str | None) -> str:
        """The code's address: the category's [qr] template filled with this answer (in the
        guest's language), else the fixed [thanks] URL; '' for no code."""
        if score is None:
            return ""
        category = Category.of(score)
        settings = self.settings
        language = self._i18n.language
        template = settings.qr.template(category.value, language, settings.kiosk.default_language)
        if template:
            if answer_id is None:
                return ""
            return qr_link.fill(
                template,
                {
                    "answer_id": answer_id,
                    "score": score,
                    "category": category.value,
                    "site": settings.kiosk.site,
                    "kiosk": settings.kiosk.id,
                    "lang": language,
                },
            )
        if category is Category.PROMOTER:
            return settings.thanks.promoter_url
        if category is Category.DETRACTOR:
            return settings.thanks.detractor_url
        return ""

    @property
    def has_qr(self) -> bool:
        return bool(self.qr_view.url)

    def _show_qr(self, url: str) -> None:
        self.qr_view.set_url(url)
        shown = bool(url)
        for widget in (self.qr_view, self.qr_prompt, self.qr_scan, self.qr_hint):
            widget.setVisible(shown)
        self.detail_label.setVisible(not shown)
        self._orient()

    def _orient(self) -> None:
        # Landscape puts the code beside the words: stacked, they would not fit 800 px high.
        wide = self.width() > self.height() and self.has_qr
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.body.direction() == direction and self._hint_placed:
            return
        self.body.setDirection(direction)
        # The "tap anywhere" line goes under the words beside the code, or under the code.
        self._text_column.removeWidget(self.qr_hint)
        self._outer.removeWidget(self.qr_hint)
        if wide:
            self._text_column.addWidget(self.qr_hint)
        else:
            self._outer.insertWidget(self._hint_row, self.qr_hint)
        self._hint_placed = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._orient()
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.has_qr:
            if not self._shown.isValid() or self._shown.elapsed() >= self.tap_grace_ms:
                self.dismissed.emit()
            event.accept()
            return
        super().mousePressEvent(event)

    # --- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.thanks_label.setText(self._i18n.pick(self.settings.thanks.text, self.tr("Thank you!")))
        self.detail_label.setText(self.tr("Your answer helps us get better every day."))
        if self.category is Category.DETRACTOR:
            self.qr_prompt.setText(self.tr("Want us to get back to you?"))
            self.qr_scan.setText(self.tr("Scan to leave your contact."))
        else:
            self.qr_prompt.setText(self.tr("Would you share this in a review?"))
            self.qr_scan.setText(self.tr("Scan with your phone."))
        self.qr_hint.setText(self.tr("Tap anywhere to finish."))
