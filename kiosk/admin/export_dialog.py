"""Export screen: pick a USB drive or a folder (the touch folder picker,
:mod:`kiosk.admin.folder_picker`), a format, the days; write it safely.

Removable drives are found with ``QStorageInfo`` (mounted, ready, writable, under the usual
mount folders or a drive letter other than the system's). The controller does the writing on
a worker thread; the file appears under its final name only once it is whole.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QLocale, QStorageInfo, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.style import date_format, mark
from kiosk.core.exports import FORMATS, ExportRequest

REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")


def removable_volumes() -> list[tuple[str, Path]]:
    """Mounted, writable volumes that look like USB sticks or cards: (name, folder)."""
    found = []
    system = QStorageInfo.root().rootPath()
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = volume.rootPath()
        if sys.platform == "win32":
            removable = root != system and len(root) <= 3
        else:
            removable = root.startswith(REMOVABLE_ROOTS)
        if removable:
            name = volume.displayName() or root
            found.append((name, Path(root)))
    return found


class ExportScreen(QWidget):
    """Format, range, flagged, destination; emits ``export_requested(request, folder)``."""

    export_requested = Signal(object, object)
    back_requested = Signal()
    browse_requested = Signal()  # the controller opens the touch folder picker

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark(self, "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = QLabel()
        mark(self.title, "h1")
        self.back_button = QPushButton()
        mark(self.back_button, "secondary")
        self.back_button.clicked.connect(self.back_requested.emit)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.back_button)

        self.format_label = QLabel()
        mark(self.format_label, "h2")
        self.format_buttons: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        formats = QHBoxLayout()
        for fmt in FORMATS:
            button = QRadioButton()
            group.addButton(button)
            self.format_buttons[fmt] = button
            formats.addWidget(button)
        formats.addStretch(1)
        self.format_buttons["xlsx"].setChecked(True)

        self.range_label = QLabel()
        mark(self.range_label, "h2")
        self.since_edit = QDateEdit()
        self.until_edit = QDateEdit()
        dates = QHBoxLayout()
        self.from_label = QLabel()
        self.to_label = QLabel()
        for label, edit in ((self.from_label, self.since_edit), (self.to_label, self.until_edit)):
            edit.setCalendarPopup(True)
            dates.addWidget(label)
            dates.addWidget(edit)
        dates.addStretch(1)
        self.include_flagged = QCheckBox()

        self.where_label = QLabel()
        mark(self.where_label, "h2")
        self.destinations = QListWidget()
        self.destinations.setMinimumHeight(150)
        self.destinations.setMaximumHeight(320)
        self.browse_button = QPushButton()
        mark(self.browse_button, "secondary")
        self.browse_button.clicked.connect(self.browse_requested.emit)
        self.refresh_button = QPushButton()
        mark(self.refresh_button, "secondary")
        self.refresh_button.clicked.connect(self.refresh_destinations)
        where_buttons = QHBoxLayout()
        where_buttons.addWidget(self.refresh_button)
        where_buttons.addWidget(self.browse_button)
        where_buttons.addStretch(1)

        self.export_button = QPushButton()
        mark(self.export_button, "primary")
        self.export_button.clicked.connect(self._export)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.format_label)
        layout.addLayout(formats)
        layout.addWidget(self.range_label)
        layout.addLayout(dates)
        layout.addWidget(self.include_flagged)
        layout.addWidget(self.where_label)
        layout.addWidget(self.destinations)
        layout.addLayout(where_buttons)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.fallback_folder: Path | None = None
        self.retranslate()

    # --- what the controller calls --------------------------------------------------------

    def prepare(
        self, since: date, until: date, include_flagged: bool, fallback_folder: Path | None
    ) -> None:
        self.since_edit.setDate(QDate(since.year, since.month, since.day))
        self.until_edit.setDate(QDate(until.year, until.month, until.day))
        self.include_flagged.setChecked(include_flagged)
        self.fallback_folder = fallback_folder
        self.status.clear()
        self.export_button.setEnabled(True)
        self.refresh_destinations()

    def places(self) -> list[tuple[str, Path]]:
        """Where the folder picker starts: the USB drives, then the kiosk's export folder."""
        found = [(f"\U0001f4be  {name}", folder) for name, folder in removable_volumes()]
        if self.fallback_folder is not None:
            found.append((self.tr("This kiosk"), self.fallback_folder))
        return found

    def refresh_destinations(self) -> None:
        self.destinations.clear()
        for name, folder in removable_volumes():
            self._add_destination(f"\U0001f4be  {name} ({folder})", folder)
        if self.fallback_folder is not None:
            self._add_destination(
                self.tr("This kiosk: %1").replace("%1", str(self.fallback_folder)),
                self.fallback_folder,
            )
        if self.destinations.count():
            self.destinations.setCurrentRow(0)

    def add_folder(self, folder: Path) -> None:
        self._add_destination(str(folder), folder)
        self.destinations.setCurrentRow(self.destinations.count() - 1)

    def request(self) -> ExportRequest:
        fmt = next(f for f, b in self.format_buttons.items() if b.isChecked())
        since = self.since_edit.date().toPython()
        until = self.until_edit.date().toPython()
        if since > until:
            since, until = until, since
        return ExportRequest(fmt, since, until, self.include_flagged.isChecked())

    def show_busy(self) -> None:
        self.export_button.setEnabled(False)
        mark(self.status, "muted")
        self._repolish()
        self.status.setText(self.tr("Writing the file…"))

    def show_done(self, count: int, path: Path) -> None:
        self.export_button.setEnabled(True)
        mark(self.status, "ok")
        self._repolish()
        self.status.setText(
            self.tr("Saved %1 answers to %2")
            .replace("%1", QLocale().toString(count))
            .replace("%2", str(path))
        )

    def show_failed(self, reason: str) -> None:
        self.export_button.setEnabled(True)
        mark(self.status, "error")
        self._repolish()
        self.status.setText(
            self.tr("The export failed and no file was left behind: %1").replace("%1", reason)
        )

    # --- internals --------------------------------------------------------------------------

    def _add_destination(self, text: str, folder: Path) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, str(folder))
        self.destinations.addItem(item)

    def _export(self) -> None:
        item = self.destinations.currentItem()
        if item is None:
            self.show_failed(self.tr("choose where to save it first"))
            return
        self.export_requested.emit(self.request(), Path(item.data(Qt.ItemDataRole.UserRole)))

    def _repolish(self) -> None:
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Export answers"))
        self.back_button.setText(self.tr("Back"))
        self.format_label.setText(self.tr("Format"))
        self.format_buttons["csv"].setText(self.tr("CSV (spreadsheets)"))
        self.format_buttons["xlsx"].setText(self.tr("Excel workbook"))
        self.format_buttons["json"].setText(self.tr("JSON (for programs)"))
        self.range_label.setText(self.tr("Days"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.include_flagged.setText(self.tr("Include flagged answers"))
        self.where_label.setText(self.tr("Save to"))
        self.browse_button.setText(self.tr("Choose a folder…"))
        self.refresh_button.setText(self.tr("Look for USB drives again"))
        self.export_button.setText(self.tr("Export"))
        for edit in (self.since_edit, self.until_edit):
            edit.setDisplayFormat(date_format())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
