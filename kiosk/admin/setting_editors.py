"""The editors of the owner's settings form: one per kind of setting.

Each takes a declared setting (:class:`kiosk.config.settings.Declared`) and gives its widgets
by the key errors name (``[thanks] seconds``; ``[question] text.es`` per language), fills
them from the settings and reads them back into the config document. Labels and placeholders
are the declaration's messages, translated here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from kiosk.admin.style import mark
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
                self.one.setting.label.with_params(language=translated(language.name))
            )
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
                language=translated(language.name)
            )
            for language in LANGUAGES
        )
        self.hint.setText(
            QCoreApplication.translate(
                "SettingsScreen",
                "One reason per line: a built-in id ({ids}) or your own as id | {columns}.",
            ).format(ids=", ".join(BUILTIN_REASONS), columns=columns)
        )

    def load(self, value: Any) -> None:
        self.widgets[self.one.key].setPlainText(reasons_to_text(value))  # type: ignore[attr-defined]

    def read(self, table: dict[str, Any]) -> None:
        text = self.widgets[self.one.key].toPlainText()  # type: ignore[attr-defined]
        table[self.one.name] = reasons_from_text(text)


def editor_for(kind: Kind) -> type[Editor]:
    """The editor of a kind (the first match: Secret and OneLanguage are kinds of Text)."""
    for cls, editor in (
        (Secret, SecretEditor),
        (OneLanguage, LanguageEditor),
        (Colour, ColourEditor),
        (Number, NumberEditor),
        (Flag, FlagEditor),
        (LanguageList, LanguagesEditor),
        (PerLanguageText, PerLanguageEditor),
        (ReasonList, ReasonsEditor),
    ):
        if isinstance(kind, cls):
            return editor
    return Editor
