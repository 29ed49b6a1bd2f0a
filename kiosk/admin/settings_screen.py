"""The owner's settings: texts, reasons, timings, look, sync; saved atomically, applied live.

The screen turns its fields into a config document and emits ``save_requested(dict)``; the
controller validates it with the same code that reads the file at start-up
(:func:`kiosk.config.settings_from_dict`) and, on a :class:`~kiosk.config.ConfigError`, calls
:meth:`show_error`, which puts the message next to the field the error names.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.config_errors import owner_message
from kiosk.admin.style import mark
from kiosk.admin.sync_text import sync_problem
from kiosk.config import SUPPORTED_LANGUAGES, ConfigError, Settings, settings_to_dict
from kiosk.core.reasons import Reason
from kiosk.ui.keyboard import ADMIN_ROWS, OnScreenKeyboard


def reasons_to_text(reasons: tuple[Reason, ...]) -> str:
    """One line per reason: ``id`` for a built-in, ``id | Spanish | English`` for one's own."""
    lines = []
    for reason in reasons:
        if reason.labels:
            lines.append(" | ".join([reason.id, reason.labels.get("es", ""),
                                     reason.labels.get("en", "")]).rstrip(" |"))
        else:
            lines.append(reason.id)
    return "\n".join(lines)


def reasons_from_text(text: str) -> list[Any]:
    items: list[Any] = []
    for line in text.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if not parts[0]:
            continue
        if len(parts) == 1:
            items.append(parts[0])
            continue
        item: dict[str, str] = {"id": parts[0]}
        for language, label in zip(("es", "en"), parts[1:], strict=False):
            if label:
                item[language] = label
        items.append(item)
    return items


def number(text: str) -> Any:
    """The number typed, or the text itself so the validator can say what was expected."""
    cleaned = text.strip().replace(",", ".")
    try:
        return int(cleaned)
    except ValueError:
        try:
            return float(cleaned)
        except ValueError:
            return text


EXIT_CONFIRM_MS = 4000  # how long a first tap on "Exit kiosk" waits for the second


class SettingsScreen(QWidget):
    """A form; emits intents, never writes a file itself."""

    save_requested = Signal(dict)
    test_connection_requested = Signal(str, str)
    change_pin_requested = Signal()
    exit_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark(self, "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.settings = Settings()
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.sections: dict[str, QLabel] = {}

        self.title = QLabel()
        mark(self.title, "h1")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.back_button = QPushButton()
        mark(self.back_button, "secondary")
        self.back_button.clicked.connect(self.back_requested.emit)
        self.save_button = QPushButton()
        mark(self.save_button, "primary")
        self.save_button.clicked.connect(self._save)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.back_button)
        header.addWidget(self.save_button)

        form_host = QWidget()
        self.form = QGridLayout(form_host)
        self.form.setContentsMargins(0, 0, 12, 0)
        self.form.setHorizontalSpacing(18)
        self.form.setVerticalSpacing(10)
        self.form.setColumnStretch(1, 1)
        self._row = 0
        self._build_fields()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(form_host)
        self.scroll = scroll

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(10)
        outer.addLayout(header)
        outer.addWidget(self.status)
        outer.addWidget(scroll, 1)
        # A counter tablet has no keyboard: ours comes up under the field being edited.
        self.keyboard = OnScreenKeyboard(self, rows=ADMIN_ROWS)
        self.keyboard.hide()
        self.keyboard.done.connect(self.close_keyboard)
        outer.addWidget(self.keyboard)
        for widget in self.fields.values():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.installEventFilter(self)
        self.retranslate()

    # --- construction -----------------------------------------------------------------------

    def _section(self, key: str) -> None:
        label = QLabel()
        mark(label, "h2")
        label.setContentsMargins(0, 14 if self._row else 0, 0, 2)
        self.sections[key] = label
        self.form.addWidget(label, self._row, 0, 1, 2)
        self._row += 1

    def _field(self, key: str, widget: QWidget, extra: QWidget | None = None) -> None:
        label = QLabel()
        label.setWordWrap(True)
        label.setMinimumWidth(250)
        self.labels[key] = label
        self.fields[key] = widget
        error = QLabel()
        mark(error, "error")
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget, 1)
        if extra is not None:
            row.addWidget(extra)
        self.form.addWidget(label, self._row, 0, Qt.AlignmentFlag.AlignTop)
        self.form.addWidget(holder, self._row, 1)
        self.form.addWidget(error, self._row + 1, 1)
        self._row += 2

    def _build_fields(self) -> None:
        self._section("shop")
        self._field("[kiosk] shop_name", QLineEdit())
        self._field("[kiosk] logo", QLineEdit())
        self.accent_swatch = QLabel()
        self.accent_swatch.setFixedSize(40, 36)
        self._field("[kiosk] accent_colour", QLineEdit(), self.accent_swatch)
        self.fields["[kiosk] accent_colour"].textChanged.connect(self._show_swatch)
        languages = QWidget()
        row = QHBoxLayout(languages)
        row.setContentsMargins(0, 0, 0, 0)
        self.language_boxes = {}
        for code in SUPPORTED_LANGUAGES:
            box = QCheckBox()
            self.language_boxes[code] = box
            row.addWidget(box)
        row.addStretch(1)
        self._field("[kiosk] languages", languages)
        combo = QComboBox()
        for code in SUPPORTED_LANGUAGES:
            combo.addItem(code, code)
        self._field("[kiosk] default_language", combo)

        self._section("guest")
        self._field("[question] text.es", QLineEdit())
        self._field("[question] text.en", QLineEdit())
        reasons = QPlainTextEdit()
        reasons.setMinimumHeight(150)
        self._field("[why] reasons", reasons)
        self.reasons_hint = QLabel()
        mark(self.reasons_hint, "muted")
        self.reasons_hint.setWordWrap(True)
        self.form.addWidget(self.reasons_hint, self._row, 1)
        self._row += 1
        self._field("[thanks] text.es", QLineEdit())
        self._field("[thanks] text.en", QLineEdit())
        self._field("[thanks] seconds", QLineEdit())
        self._field("[thanks] promoter_url", QLineEdit())
        self._field("[thanks] detractor_url", QLineEdit())
        self._field("[thanks] seconds_with_qr", QLineEdit())
        self._field("[timeouts] idle_seconds", QLineEdit())

        self._section("sync")
        self._field("[sync] endpoint", QLineEdit())
        token = QLineEdit()
        token.setEchoMode(QLineEdit.EchoMode.Password)
        self._field("[sync] token", token)
        self.test_button = QPushButton()
        mark(self.test_button, "secondary")
        self.test_button.clicked.connect(self._test)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        self.form.addLayout(test_row, self._row, 1)
        self._row += 1

        self._section("it")
        self.pin_button = QPushButton()
        mark(self.pin_button, "secondary")
        self.pin_button.clicked.connect(self.change_pin_requested.emit)
        self.exit_button = QPushButton()
        mark(self.exit_button, "danger")
        self.exit_button.clicked.connect(self._exit_tapped)
        # Leaving the kiosk shows the desktop to the guests: one tap only arms the button.
        self.exit_armed = QTimer(self)
        self.exit_armed.setSingleShot(True)
        self.exit_armed.setInterval(EXIT_CONFIRM_MS)
        self.exit_armed.timeout.connect(self._label_exit)
        it_row = QHBoxLayout()
        it_row.setSpacing(12)
        it_row.addWidget(self.pin_button)
        it_row.addWidget(self.exit_button)
        it_row.addStretch(1)
        self.form.addLayout(it_row, self._row, 0, 1, 2)
        self._row += 1
        self.form.setRowStretch(self._row, 1)

    # --- loading and reading --------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        """Fill the form from ``settings`` and clear every message."""
        self.settings = settings
        f = self.fields
        f["[kiosk] shop_name"].setText(settings.kiosk.shop_name)
        f["[kiosk] logo"].setText(settings.kiosk.logo)
        f["[kiosk] accent_colour"].setText(settings.kiosk.accent_colour)
        for code, box in self.language_boxes.items():
            box.setChecked(code in settings.kiosk.languages)
        combo = f["[kiosk] default_language"]
        combo.setCurrentIndex(max(0, combo.findData(settings.kiosk.default_language)))
        for language in ("es", "en"):
            f[f"[question] text.{language}"].setText(settings.question.text.get(language, ""))
            f[f"[thanks] text.{language}"].setText(settings.thanks.text.get(language, ""))
        f["[why] reasons"].setPlainText(reasons_to_text(settings.why.reasons))
        f["[thanks] seconds"].setText(f"{settings.thanks.seconds:g}")
        f["[thanks] promoter_url"].setText(settings.thanks.promoter_url)
        f["[thanks] detractor_url"].setText(settings.thanks.detractor_url)
        f["[thanks] seconds_with_qr"].setText(f"{settings.thanks.seconds_with_qr:g}")
        f["[timeouts] idle_seconds"].setText(f"{settings.timeouts.idle_seconds:g}")
        f["[sync] endpoint"].setText(settings.sync.endpoint)
        f["[sync] token"].setText(settings.sync.token)
        self.test_result.clear()
        self.clear_errors()
        self.status.clear()
        self.scroll.verticalScrollBar().setValue(0)  # opened again: from the top

    def document(self) -> dict[str, Any]:
        """The config document the form describes (the current file plus the edits)."""
        data = copy.deepcopy(settings_to_dict(self.settings))
        f = self.fields
        kiosk = data.setdefault("kiosk", {})
        kiosk["shop_name"] = f["[kiosk] shop_name"].text().strip()
        kiosk["logo"] = f["[kiosk] logo"].text().strip()
        kiosk["accent_colour"] = f["[kiosk] accent_colour"].text().strip()
        kiosk["languages"] = [c for c, box in self.language_boxes.items() if box.isChecked()]
        kiosk["default_language"] = f["[kiosk] default_language"].currentData()
        for section in ("question", "thanks"):
            texts = {lang: f[f"[{section}] text.{lang}"].text().strip() for lang in ("es", "en")}
            texts = {lang: text for lang, text in texts.items() if text}
            table = data.setdefault(section, {})
            if texts:
                table["text"] = texts
            else:
                table.pop("text", None)
        data.setdefault("why", {})["reasons"] = reasons_from_text(
            f["[why] reasons"].toPlainText()
        )
        data["thanks"]["seconds"] = number(f["[thanks] seconds"].text())
        for key in ("promoter_url", "detractor_url"):
            data["thanks"][key] = f[f"[thanks] {key}"].text().strip()
        data["thanks"]["seconds_with_qr"] = number(f["[thanks] seconds_with_qr"].text())
        data.setdefault("timeouts", {})["idle_seconds"] = number(
            f["[timeouts] idle_seconds"].text()
        )
        sync = data.setdefault("sync", {})
        sync["endpoint"] = f["[sync] endpoint"].text().strip()
        token = f["[sync] token"].text().strip()
        if token:
            sync["token"] = token
        else:
            sync.pop("token", None)
        return {name: table for name, table in data.items() if table or name == "kiosk"}

    # --- intents and answers ----------------------------------------------------------------

    def _save(self) -> None:
        self.clear_errors()
        self.status.clear()
        self.save_requested.emit(self.document())

    def _test(self) -> None:
        self.test_button.setEnabled(False)
        mark(self.test_result, "muted")
        self._repolish(self.test_result)
        self.test_result.setText(self.tr("Testing…"))
        self.test_connection_requested.emit(
            self.fields["[sync] endpoint"].text().strip(), self.fields["[sync] token"].text().strip()
        )

    def show_test_result(self, ok: bool, message: str) -> None:
        self.test_button.setEnabled(True)
        mark(self.test_result, "ok" if ok else "error")
        self._repolish(self.test_result)
        if ok:
            self.test_result.setText(self.tr("Connection works: the endpoint accepted the token."))
        else:
            self.test_result.setText(
                self.tr("Connection failed: %1").replace("%1", sync_problem(message))
            )

    def show_config_error(self, error: ConfigError) -> None:
        """Show a refused value next to its field, in the owner's language."""
        self.show_error(error.key, owner_message(error))

    def show_error(self, key: str, problem: str) -> None:
        """Show ``problem`` next to the field that config key ``key`` names."""
        field = self._field_for(key)
        error = self.errors[field]
        error.setText(problem)
        error.show()
        widget = self.fields[field]
        widget.setProperty("invalid", "true")
        self._repolish(widget)
        self.scroll.ensureWidgetVisible(widget, 50, 120)
        mark(self.status, "error")
        self._repolish(self.status)
        self.status.setText(self.tr("Not saved: please correct the field marked below."))

    def show_saved(self) -> None:
        mark(self.status, "ok")
        self._repolish(self.status)
        self.status.setText(self.tr("Saved. The kiosk uses the new settings now."))

    def show_message(self, text: str) -> None:
        mark(self.status, "ok")
        self._repolish(self.status)
        self.status.setText(text)

    def clear_errors(self) -> None:
        for key, error in self.errors.items():
            error.hide()
            error.clear()
            widget = self.fields[key]
            if widget.property("invalid"):
                widget.setProperty("invalid", None)
                self._repolish(widget)

    def visible_errors(self) -> dict[str, str]:
        return {k: e.text() for k, e in self.errors.items() if not e.isHidden()}

    def _field_for(self, key: str) -> str:
        best = ""
        for field in self.fields:
            if key.startswith(field) and len(field) > len(best):
                best = field
        if best:
            return best
        section = key.split("]")[0] + "]"
        for field in self.fields:
            if field.startswith(section):
                return field
        return "[kiosk] shop_name"

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _show_swatch(self, text: str) -> None:
        colour = text.strip() if len(text.strip()) == 7 else "transparent"
        self.accent_swatch.setStyleSheet(
            f"background: {colour}; border: 1px solid #AEB6C2; border-radius: 6px;"
        )

    # --- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        self.back_button.setText(self.tr("Back"))
        self.save_button.setText(self.tr("Save"))
        self.sections["shop"].setText(self.tr("Shop and look"))
        self.sections["guest"].setText(self.tr("What guests see"))
        self.sections["sync"].setText(self.tr("Central endpoint"))
        self.sections["it"].setText(self.tr("Access"))
        names = {
            "[kiosk] shop_name": self.tr("Shop name"),
            "[kiosk] logo": self.tr("Logo file (PNG or SVG)"),
            "[kiosk] accent_colour": self.tr("Accent colour"),
            "[kiosk] languages": self.tr("Languages offered"),
            "[kiosk] default_language": self.tr("Default language"),
            "[question] text.es": self.tr("Question (Spanish)"),
            "[question] text.en": self.tr("Question (English)"),
            "[why] reasons": self.tr("Reasons"),
            "[thanks] text.es": self.tr("Thank-you text (Spanish)"),
            "[thanks] text.en": self.tr("Thank-you text (English)"),
            "[thanks] seconds": self.tr("Thank-you shown for (seconds)"),
            "[thanks] promoter_url": self.tr("Review page for happy guests (QR code for 9-10)"),
            "[thanks] detractor_url": self.tr(
                "Contact page for unhappy guests (QR code for 0-6)"),
            "[thanks] seconds_with_qr": self.tr("Thank-you with a QR code shown for (seconds)"),
            "[timeouts] idle_seconds": self.tr("Back to the question after (seconds idle)"),
            "[sync] endpoint": self.tr("Endpoint address"),
            "[sync] token": self.tr("Kiosk token"),
        }
        for key, text in names.items():
            self.labels[key].setText(text)
        self.language_boxes["es"].setText(self.tr("Spanish"))
        self.language_boxes["en"].setText(self.tr("English"))
        combo = self.fields["[kiosk] default_language"]
        combo.setItemText(combo.findData("es"), self.tr("Spanish"))
        combo.setItemText(combo.findData("en"), self.tr("English"))
        for language in ("es", "en"):
            self.fields[f"[question] text.{language}"].setPlaceholderText(
                self.tr("Leave empty for the built-in question"))
            self.fields[f"[thanks] text.{language}"].setPlaceholderText(
                self.tr("Leave empty for the built-in text"))
        self.fields["[sync] endpoint"].setPlaceholderText("https://…")
        for key in ("promoter_url", "detractor_url"):
            self.fields[f"[thanks] {key}"].setPlaceholderText(
                self.tr("https://… (leave empty for no QR code)"))
        self.fields["[sync] token"].setPlaceholderText(self.tr("Leave empty when the token is in a file"))
        self.reasons_hint.setText(self.tr(
            "One reason per line: a built-in id (speed, friendliness, quality, price, "
            "cleanliness, waiting_time, choice, atmosphere) or your own as "
            "id | Spanish label | English label."
        ))
        self.test_button.setText(self.tr("Test connection"))
        self.pin_button.setText(self.tr("Change PIN"))
        self._label_exit()

    def _exit_tapped(self) -> None:
        if self.exit_armed.isActive():
            self.exit_armed.stop()
            self._label_exit()
            self.exit_requested.emit()
            return
        self.exit_armed.start()
        self._label_exit()

    def _label_exit(self) -> None:
        self.exit_button.setText(
            self.tr("Tap again to exit") if self.exit_armed.isActive() else self.tr("Exit kiosk")
        )

    # --- on-screen keyboard -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(
            watched, (QLineEdit, QPlainTextEdit)
        ):
            self.open_keyboard(watched)
        return super().eventFilter(watched, event)

    def open_keyboard(self, field: QLineEdit | QPlainTextEdit) -> None:
        self.keyboard.attach(field)
        self.keyboard.show()
        # After the layout gave the keyboard its room, bring the field back into view.
        QTimer.singleShot(0, self, lambda: self.scroll.ensureWidgetVisible(field, 0, 40))

    def close_keyboard(self) -> None:
        target = self.keyboard.target
        self.keyboard.hide()
        if target is not None:
            target.clearFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        self.keyboard.hide()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
