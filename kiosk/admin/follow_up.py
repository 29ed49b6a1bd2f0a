"""The follow-up list: guests who asked a manager to call them back, for shops without a
central service (and as the kiosk's own record where there is one).

Open requests come first, newest first, each with its answer (score, reasons, comment) and
the contact; "Done" marks it called back by this PIN session, now. A contact erased after
the retention time shows as gone, so the owner knows why there is nothing to call.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.style import mark
from kiosk.config import Settings
from kiosk.core.contact import FollowUp
from kiosk.core.reasons import Reason
from kiosk.ui.reason_labels import reason_label


class FollowUpRow(QFrame):
    """One request: when, the score and what the guest said, the contact, and "Done"."""

    def __init__(self, item: FollowUp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark(self, "card")
        self.item = item
        self.when = QLabel()
        mark(self.when, "h2")
        self.said = QLabel()
        self.said.setWordWrap(True)
        mark(self.said, "muted")
        self.contact = QLabel()
        self.contact.setWordWrap(True)
        self.contact.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.state = QLabel()
        mark(self.state, "muted")
        self.done_button = QPushButton()
        mark(self.done_button, "primary")
        self.done_button.setVisible(item.is_open)
        text = QVBoxLayout()
        for label in (self.when, self.said, self.contact, self.state):
            text.addWidget(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(text, 1)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignVCenter)


class FollowUpScreen(QWidget):
    """The list of call-back requests; emits what the owner did."""

    done_requested = Signal(str)  # answer id
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark(self, "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.items: list[FollowUp] = []
        self.rows: list[FollowUpRow] = []
        self.retention_days = 30
        self.reasons: dict[str, Reason] = {}
        self.language = "en"
        self.title = QLabel()
        mark(self.title, "h1")
        self.summary = QLabel()
        mark(self.summary, "muted")
        self.back_button = QPushButton()
        mark(self.back_button, "secondary")
        self.back_button.clicked.connect(self.back_requested.emit)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.back_button)
        self.list_host = QWidget()
        self.list_layout = QVBoxLayout(self.list_host)
        self.list_layout.setSpacing(10)
        self.list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.list_host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def show_follow_ups(
        self, items: Sequence[FollowUp], settings: Settings, language: str = "en"
    ) -> None:
        """Show ``items`` (open first, newest first, as the store gives them)."""
        self.items = list(items)
        self.retention_days = settings.callback.retention_days
        self.reasons = {reason.id: reason for reason in settings.why.reasons}
        self.language = language
        for row in self.rows:
            self.list_layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for index, item in enumerate(self.items):
            row = FollowUpRow(item, self.list_host)
            row.done_button.clicked.connect(
                lambda _=False, answer_id=item.answer.id: self.done_requested.emit(answer_id)
            )
            self.list_layout.insertWidget(index, row)
            self.rows.append(row)
        self.retranslate()

    def _when(self, moment: datetime) -> str:
        local = moment.astimezone().replace(tzinfo=None)
        return QLocale().toString(local, "ddd d MMM HH:mm")

    def _fill(self, row: FollowUpRow) -> None:
        item = row.item
        answer = item.answer
        row.when.setText(
            self.tr("%1 · scored %2")
            .replace("%1", self._when(item.consented_utc))
            .replace("%2", str(answer.score))
        )
        said = [reason_label(self._reason(r), self.language) for r in answer.reasons]
        if answer.comment:
            said.append(f"“{answer.comment}”")
        row.said.setText(" · ".join(said) or self.tr("No reasons or comment"))
        if item.contact is None:
            row.contact.setText(
                self.tr("Contact deleted after %1 days, as the guest was promised.").replace(
                    "%1", str(self.retention_days)
                )
            )
        else:
            row.contact.setText(f"{item.contact.name} · {item.contact.reach}")
        if item.is_open:
            row.state.setText(self.tr("Waiting for a call"))
        else:
            row.state.setText(
                self.tr("Done %1 by %2")
                .replace("%1", self._when(item.done_utc))
                .replace("%2", item.done_by or "")
            )
        row.done_button.setText(self.tr("Done"))

    def _reason(self, reason_id: str) -> Reason:
        """The configured reason (its own labels), else the built-in one or the bare id."""
        return self.reasons.get(reason_id) or Reason(reason_id)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Call-backs"))
        self.back_button.setText(self.tr("Back"))
        waiting = sum(1 for item in self.items if item.is_open)
        self.summary.setText(
            self.tr("Waiting for a call: %1").replace("%1", str(waiting))
            if self.items
            else self.tr("No guest has asked for a call-back.")
        )
        for row in self.rows:
            self._fill(row)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
