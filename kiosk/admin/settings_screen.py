"""The owner's settings: texts, reasons, timings, look, sync; saved atomically, applied live.

The form is built from the settings' declarations (:mod:`kiosk.config.settings`): every
field with a ``form`` group gets a row, an editor chosen by its kind
(:mod:`kiosk.admin.setting_editors`), its declared label and placeholder. Nothing here names a setting, so a new one on the form is its declaration only.

The screen turns its fields into a config document and emits ``save_requested(dict)``; the
controller validates it with the same code that reads the file at start-up
(:func:`kiosk.config.settings_from_dict`) and, on a :class:`~kiosk.config.ConfigError`, calls
:meth:`show_config_error`, which puts the translated message next to the field it names.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
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

from kiosk.admin.setting_editors import Editor, LanguagesEditor, ReasonsEditor, editor_for
from kiosk.admin.style import mark
from kiosk.admin.sync_text import sync_problem
from kiosk.config import ConfigError, Settings, declared, settings_to_dict
from kiosk.ui.i18n import translated
from kiosk.ui.keyboard import ADMIN_ROWS, OnScreenKeyboard

GROUPS = ("shop", "guest", "sync")  # the form's groups of declared settings, in this order

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
        self.editors: list[Editor] = []
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
        for group in GROUPS:
            self._section(group)
            for one in declared():
                if one.setting.form == group:
                    self._add_editor(editor_for(one.kind)(one))
            if group == "sync":
                self._add_test_row()
        self.language_boxes = next(e.boxes for e in self.editors if isinstance(e, LanguagesEditor))

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

    def _add_test_row(self) -> None:
        """Under the sync settings: try the endpoint and token as typed, before saving."""
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

    def _add_editor(self, editor: Editor) -> None:
        self.editors.append(editor)
        for key, widget in editor.widgets.items():
            self._field(key, widget, editor.extras.get(key))
        if isinstance(editor, ReasonsEditor):
            self.reasons_hint = editor.hint
            self.form.addWidget(editor.hint, self._row, 1)
            self._row += 1

    # --- loading and reading --------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        """Fill the form from ``settings`` and clear every message."""
        self.settings = settings
        for editor in self.editors:
            editor.load(editor.one.value(settings))
        self.test_result.clear()
        self.clear_errors()
        self.status.clear()
        self.scroll.verticalScrollBar().setValue(0)  # opened again: from the top

    def document(self) -> dict[str, Any]:
        """The config document the form describes (the current file plus the edits)."""
        data = copy.deepcopy(settings_to_dict(self.settings))
        data.setdefault("kiosk", {})
        for editor in self.editors:
            editor.read(data.setdefault(editor.one.section, {}))
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
            self.fields["[sync] endpoint"].text().strip(),
            self.fields["[sync] token"].text().strip(),
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
        self.show_error(error.key, translated(error.message))

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

    # --- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        self.back_button.setText(self.tr("Back"))
        self.save_button.setText(self.tr("Save"))
        self.sections["shop"].setText(self.tr("Shop and look"))
        self.sections["guest"].setText(self.tr("What guests see"))
        self.sections["sync"].setText(self.tr("Central endpoint"))
        self.sections["it"].setText(self.tr("Access"))
        for editor in self.editors:
            for key, text in editor.labels().items():
                self.labels[key].setText(text)
            editor.retranslate()
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
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, (QLineEdit, QPlainTextEdit)):
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
