"""Choose the export's folder by touch: no desktop file dialog on the owner's screens.

The places are the kiosk's own export folder and the mounted removable volumes (USB sticks,
cards); a tap on a place or a folder in the list opens it, "Up" goes back towards the place
it started from, and the path field takes a typed path on the on-screen keyboard. "Use this
folder" emits ``chosen(path)``; "Back" emits ``cancelled``. A folder that cannot be read or
a typed path that is not a folder is said so on the screen, never raised.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.style import mark
from kiosk.ui.keyboard import ADMIN_ROWS, OnScreenKeyboard

MOST_FOLDERS = 500  # listed per folder: a stick with more is browsed by typing the path
ROW_HEIGHT = 56  # a thumb's row


def subfolders(folder: Path) -> list[Path]:
    """Visible subfolders of ``folder``, by name (case-insensitive); OSError if unreadable."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    found.append(Path(entry.path))
            except OSError:
                continue
    return sorted(found, key=lambda p: p.name.casefold())[:MOST_FOLDERS]


class FolderPickerScreen(QWidget):
    """Places, the current folder's subfolders, a path field; emits the chosen folder."""

    chosen = Signal(object)  # Path
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark(self, "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.places: list[tuple[str, Path]] = []
        self.root: Path | None = None  # the place being browsed: "Up" stops there
        self.current: Path | None = None

        self.title = QLabel()
        mark(self.title, "h1")
        self.back_button = QPushButton()
        mark(self.back_button, "secondary")
        self.back_button.clicked.connect(self.cancelled.emit)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.back_button)

        self.places_label = QLabel()
        mark(self.places_label, "h2")
        self.place_row = QHBoxLayout()
        self.place_buttons: list[QPushButton] = []

        self.path_field = QLineEdit()
        self.path_field.installEventFilter(self)
        self.path_field.returnPressed.connect(self.go_to_typed_path)
        self.go_button = QPushButton()
        mark(self.go_button, "secondary")
        self.go_button.clicked.connect(self.go_to_typed_path)
        self.up_button = QPushButton()
        mark(self.up_button, "secondary")
        self.up_button.clicked.connect(self.go_up)
        path_row = QHBoxLayout()
        path_row.addWidget(self.up_button)
        path_row.addWidget(self.path_field, 1)
        path_row.addWidget(self.go_button)

        self.folders = QListWidget()
        self.folders.setMinimumHeight(160)
        self.folders.itemClicked.connect(self._open_item)
        self.message = QLabel()
        self.message.setWordWrap(True)
        mark(self.message, "error")
        self.use_button = QPushButton()
        mark(self.use_button, "primary")
        self.use_button.clicked.connect(self._use)

        self.keyboard = OnScreenKeyboard(self, rows=ADMIN_ROWS)
        self.keyboard.hide()
        self.keyboard.done.connect(self.close_keyboard)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.places_label)
        layout.addLayout(self.place_row)
        layout.addLayout(path_row)
        layout.addWidget(self.folders, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.keyboard)
        self.retranslate()

    # --- what the controller calls --------------------------------------------------------

    def prepare(self, places: list[tuple[str, Path]]) -> None:
        """Offer ``places`` (name, folder) and open the first."""
        self.places = list(places)
        for button in self.place_buttons:
            self.place_row.removeWidget(button)
            button.deleteLater()
        self.place_buttons = []
        for name, folder in self.places:
            button = QPushButton(name)
            mark(button, "secondary")
            button.clicked.connect(lambda _=False, f=folder: self.open_place(f))
            self.place_row.addWidget(button)
            self.place_buttons.append(button)
        self.place_row.addStretch(1)
        self.close_keyboard()
        if self.places:
            self.open_place(self.places[0][1])
        else:
            self.root = self.current = None
            self.folders.clear()
            self.path_field.clear()
            self._say(self.tr("No USB drive or export folder found; type a path."))

    def open_place(self, folder: Path) -> None:
        self.root = folder
        self.open_folder(folder)

    def open_folder(self, folder: Path) -> None:
        """Show ``folder``'s subfolders (or say why it cannot be read)."""
        try:
            children = subfolders(folder)
        except OSError as exc:
            self._say(
                self.tr("This folder cannot be opened (%1).").replace(
                    "%1", exc.strerror or str(exc)
                )
            )
            return
        self.current = folder
        self.path_field.setText(str(folder))
        self.folders.clear()
        for child in children:
            item = QListWidgetItem("\U0001f4c1  " + child.name)
            item.setData(Qt.ItemDataRole.UserRole, str(child))
            item.setSizeHint(QSize(0, ROW_HEIGHT))
            self.folders.addItem(item)
        self.up_button.setEnabled(self._can_go_up())
        self._say("")

    def go_up(self) -> None:
        if self.current is not None and self._can_go_up():
            self.open_folder(self.current.parent)

    def go_to_typed_path(self) -> None:
        typed = Path(self.path_field.text().strip()).expanduser()
        if not self.path_field.text().strip() or not typed.is_dir():
            self._say(self.tr("There is no folder %1.").replace("%1", str(typed)))
            return
        self.root = typed
        self.open_folder(typed)

    # --- internals --------------------------------------------------------------------------

    def _can_go_up(self) -> bool:
        current, root = self.current, self.root
        return (
            current is not None and root is not None and current != root and root in current.parents
        )

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_folder(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _use(self) -> None:
        typed = self.path_field.text().strip()
        if typed and (self.current is None or Path(typed) != self.current):
            self.go_to_typed_path()
        if self.current is None or not self.current.is_dir():
            self._say(self.tr("Choose a folder first."))
            return
        self.close_keyboard()
        self.chosen.emit(self.current)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.path_field and event.type() == QEvent.Type.FocusIn:
            self.keyboard.attach(self.path_field)
            self.keyboard.show()
        return super().eventFilter(watched, event)

    def close_keyboard(self) -> None:
        self.keyboard.hide()
        self.path_field.clearFocus()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Choose a folder"))
        self.back_button.setText(self.tr("Back"))
        self.places_label.setText(self.tr("Places"))
        self.up_button.setText(self.tr("Up"))
        self.go_button.setText(self.tr("Open"))
        self.use_button.setText(self.tr("Use this folder"))
        self.path_field.setPlaceholderText(self.tr("Type a folder's path"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
