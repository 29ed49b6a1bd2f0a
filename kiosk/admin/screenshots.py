"""Render the owner's screens to images: PIN pad, dashboard, export, settings.

Used by ``tools/admin_screenshots.py`` (and available to ``kiosk screenshots``) to look at
every screen in each language and orientation, and to check that nothing clips.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.admin.area import AdminArea
from kiosk.config import ConfigError, settings_from_dict

SIZES = ((1280, 800), (800, 1280))


def render_admin_screens(
    area: AdminArea,
    window: QWidget,
    languages: tuple[str, ...],
    set_language: Callable[[str], None],
    pin: str,
    sizes: tuple[tuple[int, int], ...] = SIZES,
) -> Iterator[tuple[str, QPixmap]]:
    """Yield ``(name, pixmap)`` for each admin screen, language and size."""
    for language in languages:
        set_language(language)
        area.set_language(language)
        for width, height in sizes:
            window.resize(width, height)
            stem = f"admin-{language}-{width}x{height}"

            def grab(name: str, stem: str = stem) -> tuple[str, QPixmap]:
                QApplication.processEvents()
                return f"{stem}-{name}", window.grab()

            area.open()
            area.pinpad.press("1")
            area.pinpad.press("2")
            yield grab("1-pinpad")
            area.pinpad.refuse(4, locked=False)
            yield grab("2-pinpad-wrong")
            area.pinpad.refuse(0, locked=False)
            area.pinpad.submitted.emit(pin)
            area.dashboard.select_period("30d")
            yield grab("3-dashboard-30d")
            area.dashboard.select_period("today")
            yield grab("4-dashboard-today")
            area.dashboard.select_period("30d")
            area.show_export()
            yield grab("5-export")
            area.show_settings()
            yield grab("6-settings")
            try:
                settings_from_dict({"thanks": {"seconds": 0.5}})
            except ConfigError as refused:
                area.settings_screen.show_config_error(refused)
            yield grab("7-settings-error")
            area.close_area()
