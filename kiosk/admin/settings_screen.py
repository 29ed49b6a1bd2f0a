"""The owner's settings: texts, reasons, timings, look, sync; saved atomically, applied live.

The form is built from the settings' declarations (:mod:`kiosk.config.settings`): every
field with a ``form`` group gets a row, an editor chosen by its kind, its declared label and
placeholder. Nothing here names a setting, so a new one on the form is its declaration only.

The screen turns its fields into a config document and emits ``save_requested(dict)``; the
controller validates it with the same code that reads the file at start-up
(:func:`kiosk.config.settings_from_dict`) and, on a :class:`~kiosk.config.ConfigError`, calls
:meth:`show_config_error`, which puts the translated message next to the field it names.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
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

from kiosk.admin.style import mark
from kiosk.admin.sync_text import sync_problem
from kiosk.config import ConfigError, Settings, declared, settings_to_dict
from kiosk.config.kinds import (
    Colour,
    Flag,
    Kind,
    LanguageList,
    Number,
    OneLanguage,
    PerLanguageText,
    ReasonList,
    Secret,
)
from kiosk.config.settings import Declared
from kiosk.core.languages import LANGUAGES
from kiosk.core.reasons import BUILTIN_REASONS, Reason
from kiosk.ui.i18n import translated
from kiosk.ui.keyboard import ADMIN_ROWS, OnScreenKeyboard

GROUPS = ("shop", "guest", "sync")  # the form's groups of declared settings, in this order


def reasons_to_text(reasons: tuple[Reason, ...]) -> str:
    """One line per reason: ``id`` for a built-in, ``id | label | label`` (in the order of
    the languages) for one's own."""
    lines = []
    for reason in reasons:
        if reason.labels:
            labels = [reason.labels.get(language.code, "") for language in LANGUAGES]
            lines.append(" | ".join([reason.id, *labels]).rstrip(" |"))
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
        for language, label in zip(LANGUAGES, parts[1:], strict=False):
            if label:
                item[language.code] = label
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


# --- one editor per kind of setting -------------------------------------------------------


class Editor:
    """A declared setting on the form: its widgets (by the key errors name), filled from the
    settings and read back into the config document."""

    def __init__(self, one: Declared) -> None:
        self.one = one
        self.widgets: dict[str, QWidget] = {}
        self.extras: dict[str, QWidget] = {}
        self.build()

    def build(self) -> None:
        self.widgets[self.one.key] = QLineEdit()

    def labels(self) -> dict[str, str]:
        """Each widget's label in the current language."""
        assert self.one.setting.label is not None
        return {self.one.key: translated(self.one.setting.label)}

    def retranslate(self) -> None:
        placeholder = self.one.setting.placeholder
        if placeholder is not None:
            for widget in self.widgets.values():
                widget.setPlaceholderText(translated(placeholder))

    @property
    def line(self) -> QLineEdit:
        return self.widgets[self.one.key]  # type: ignore[return-value]

    def load(self, value: Any) -> None:
        self.line.setText(value)

    def read(self, table: dict[str, Any]) -> None:
        table[self.one.name] = self.line.text().strip()


class SecretEditor(Editor):
    def build(self) -> None:
        super().build()
        self.line.setEchoMode(QLineEdit.EchoMode.Password)

    def read(self, table: dict[str, Any]) -> None:
        token = self.line.text().strip()
        if token:
            table[self.one.name] = token
        else:  # empty: the token is in token_file, or there is none
            table.pop(self.one.name, None)


class NumberEditor(Editor):
    def load(self, value: Any) -> None:
        self.line.setText(f"{value:g}")

    def read(self, table: dict[str, Any]) -> None:
        table[self.one.name] = number(self.line.text())


class ColourEditor(Editor):
    """A ``#rrggbb`` field with a swatch of the colour beside it."""

    def build(self) -> None:
        super().build()
        self.swatch = QLabel()
        self.swatch.setFixedSize(40, 36)
        self.extras[self.one.key] = self.swatch
        self.line.textChanged.connect(self._show)

    def _show(self, text: str) -> None:
        colour = text.strip() if len(text.strip()) == 7 else "transparent"
        self.swatch.setStyleSheet(
            f"background: {colour}; border: 1px solid #AEB6C2; border-radius: 6px;"
        )


class FlagEditor(Editor):
    def build(self) -> None:
        self.widgets[self.one.key] = QCheckBox()

    def load(self, value: Any) -> None:
        self.widgets[self.one.key].setChecked(bool(value))  # type: ignore[attr-defined]

    def read(self, table: dict[str, Any]) -> None:
        table[self.one.name] = self.widgets[self.one.key].isChecked()  # type: ignore[attr-defined]


class LanguagesEditor(Editor):
    """A box per language, in the order of the language list."""

    def build(self) -> None:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for language in LANGUAGES:
            box = QCheckBox()
            self.boxes[language.code] = box
            row.addWidget(box)
        row.addStretch(1)
        self.widgets[self.one.key] = holder

    def retranslate(self) -> None:
        for language in LANGUAGES:
            self.boxes[language.code].setText(translated(language.name))

    def load(self, value: Any) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in value)

    def read(self, table: dict[str, Any]) -> None:
        table[self.one.name] = [code for code, box in self.boxes.items() if box.isChecked()]


class LanguageEditor(Editor):
    def build(self) -> None:
        self.combo = QComboBox()
        for language in LANGUAGES:
            self.combo.addItem(language.code, language.code)
        self.widgets[self.one.key] = self.combo

    def retranslate(self) -> None:
        for language in LANGUAGES:
            self.combo.setItemText(self.combo.findData(language.code), translated(language.name))

    def load(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(value)))

    def read(self, table: dict[str, Any]) -> None:
        table[self.one.name] = self.combo.currentData()


class PerLanguageEditor(Editor):
    """One field per language (``[question] text.es``); all empty: the built-in text."""

    def build(self) -> None:
        for language in LANGUAGES:
            self.widgets[f"{self.one.key}.{language.code}"] = QLineEdit()

    def labels(self) -> dict[str, str]:
        assert self.one.setting.label is not None
        return {
            f"{self.one.key}.{language.code}": translated(
                self.one.setting.label.with_params(language=translated(language.name)))
            for language in LANGUAGES
        }

    def load(self, value: Any) -> None:
        for language in LANGUAGES:
            widget = self.widgets[f"{self.one.key}.{language.code}"]
            widget.setText(value.get(language.code, ""))  # type: ignore[attr-defined]

    def read(self, table: dict[str, Any]) -> None:
        texts = {
            language.code: self.widgets[f"{self.one.key}.{language.code}"].text().strip()  # type: ignore[attr-defined]
            for language in LANGUAGES
        }
        texts = {code: text for code, text in texts.items() if text}
        if texts:
            table[self.one.name] = texts
        else:
            table.pop(self.one.name, None)


class ReasonsEditor(Editor):
    """A line per reason, with a hint that lists the built-in ids and the label columns."""

    def build(self) -> None:
        box = QPlainTextEdit()
        box.setMinimumHeight(150)
        self.widgets[self.one.key] = box
        self.hint = QLabel()
        mark(self.hint, "muted")
        self.hint.setWordWrap(True)

    def retranslate(self) -> None:
        columns = " | ".join(
            QCoreApplication.translate("SettingsScreen", "{language} label").format(
                language=translated(language.name))
            for language in LANGUAGES
        )
        self.hint.setText(QCoreApplication.translate(
            "SettingsScreen", "One reason per line: a built-in id ({ids}) or your own as id | {columns}."
        ).format(ids=", ".join(BUILTIN_REASONS), columns=columns))

    def load(self, value: Any) -> None:
        self.widgets[self.one.key].setPlainText(reasons_to_text(value))  # type: ignore[attr-defined]

    def read(self, table: dict[str, Any]) -> None:
        text = self.widgets[self.one.key].toPlainText()  # type: ignore[attr-defined]
        table[self.one.name] = reasons_from_text(text)


def editor_for(kind: Kind) -> type[Editor]:
    """The editor of a kind (the first match: Secret and OneLanguage are kinds of Text)."""
    for cls, editor in (
        (Secret, SecretEditor), (OneLanguage, LanguageEditor), (Colour, ColourEditor),
        (Number, NumberEditor), (Flag, FlagEditor), (LanguageList, LanguagesEditor),
        (PerLanguageText, PerLanguageEditor), (ReasonList, ReasonsEditor),
    ):
        if isinstance(kind, cls):
            return editor
    return Editor


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
        self.language_boxes = next(
            e.boxes for e in self.editors if isinstance(e, LanguagesEditor))

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
