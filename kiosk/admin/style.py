"""How the owner's screens look: calm cards on the kiosk's paper background.

Applied to the admin area only (``AdminArea.setStyleSheet``), so it never changes a guest
screen. Colours come from the guest theme where they exist; every text colour meets WCAG AA
on its background, and categories carry a word or a symbol as well as a colour.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor

from kiosk import paths
from kiosk.ui.theme import BACKGROUND, BORDER, MUTED, SURFACE, TEXT, safe_accent, text_on

PROMOTER = "#1E7A46"
PASSIVE = "#B7791F"
DETRACTOR = "#C0392B"
NEUTRAL_BAR = "#8A94A3"
GRID = "#E3E6EB"
CATEGORY_COLOURS = {"promoter": PROMOTER, "passive": PASSIVE, "detractor": DETRACTOR}


def colour(name: str) -> QColor:
    return QColor(name)


def icon_url(name: str) -> str:
    """A bundled icon for a stylesheet ``url()`` (forward slashes, also on Windows)."""
    return (paths.assets_dir() / "icons" / name).as_posix()


_PIXELS = re.compile(r"(\d+)px")


def stylesheet(accent: str | None = None, factor: float = 1.0) -> str:
    """The admin area's stylesheet; ``factor`` scales every size in it (the kiosk window's
    :class:`~kiosk.ui.theme.Sizes` factor, so a 4K panel's owner reads it too)."""
    text = _stylesheet(accent)
    if factor == 1.0:
        return text
    return _PIXELS.sub(lambda found: f"{max(1, round(int(found[1]) * factor))}px", text)


def _stylesheet(accent: str | None) -> str:
    accent = safe_accent(accent)
    on_accent = text_on(accent)
    check = icon_url("check-light.svg" if QColor(on_accent).lightness() > 128 else "check-dark.svg")
    chevron = icon_url("chevron-down.svg")
    return f"""
QWidget[admin="area"], QWidget[admin="screen"] {{ background: {BACKGROUND}; }}
QLabel {{ color: {TEXT}; font-size: 17px; }}
QLabel[admin="h1"] {{ font-size: 28px; font-weight: bold; }}
QLabel[admin="h2"] {{ font-size: 17px; font-weight: bold; }}
QLabel[admin="muted"] {{ color: {MUTED}; font-size: 15px; }}
QLabel[admin="big"] {{ font-size: 60px; font-weight: bold; }}
QLabel[admin="bigtext"] {{ font-size: 26px; font-weight: bold; color: {MUTED}; }}
QLabel[admin="error"] {{ color: #A61B1B; font-size: 15px; }}
QLabel[admin="ok"] {{ color: {PROMOTER}; font-size: 15px; }}
QLabel[change="same"] {{ color: {MUTED}; font-size: 15px; }}
QLabel[change="up"] {{ color: {PROMOTER}; font-size: 15px; font-weight: bold; }}
QLabel[change="down"] {{ color: {DETRACTOR}; font-size: 15px; font-weight: bold; }}
QLabel[admin="dots"] {{ font-size: 40px; letter-spacing: 8px; }}
QFrame[admin="card"] {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 14px;
}}
QFrame[admin="card"] QLabel {{ background: transparent; border: none; }}
QFrame[admin="footer"] {{ background: {SURFACE}; border-top: 1px solid {BORDER}; }}
QPushButton[admin="segment"] {{
    background: {SURFACE}; color: {TEXT}; border: 1px solid {BORDER}; border-radius: 10px;
    font-size: 17px; padding: 8px 16px; min-height: 28px;
}}
QPushButton[admin="segment"]:checked {{
    background: {TEXT}; color: {SURFACE}; border: 1px solid {TEXT};
}}
QPushButton[admin="primary"] {{
    background: {accent}; color: {on_accent}; border: none; border-radius: 10px;
    font-size: 18px; font-weight: bold; padding: 10px 22px; min-height: 28px;
}}
QPushButton[admin="primary"]:disabled {{ background: {BORDER}; color: {TEXT}; }}
QPushButton[admin="secondary"] {{
    background: {SURFACE}; color: {TEXT}; border: 1px solid {BORDER}; border-radius: 10px;
    font-size: 18px; padding: 10px 22px; min-height: 28px;
}}
QPushButton[admin="danger"] {{
    background: {SURFACE}; color: #A61B1B; border: 2px solid #A61B1B; border-radius: 10px;
    font-size: 18px; padding: 10px 22px; min-height: 28px;
}}
QPushButton[admin="key"] {{
    background: {SURFACE}; color: {TEXT}; border: 1px solid {BORDER}; border-radius: 16px;
    font-size: 34px; font-weight: bold;
}}
QPushButton[admin="key"]:pressed {{ background: #D5D9E0; }}
QPushButton[admin="key"]:disabled {{ color: #9AA1AC; background: #EEF0F3; }}
QPushButton[admin="key"][special="true"] {{ font-size: 22px; background: #E7EAEE; }}
QPushButton[admin="key"][ok="true"] {{
    background: {accent}; color: {on_accent}; border: none; font-size: 22px;
}}
QPushButton[admin="key"][ok="true"]:disabled {{ background: {BORDER}; color: {TEXT}; }}
QLineEdit, QPlainTextEdit, QDateEdit, QComboBox {{
    background: {SURFACE}; color: {TEXT}; border: 1px solid {BORDER}; border-radius: 8px;
    font-size: 17px; padding: 6px 10px; min-height: 26px;
}}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{ border: 2px solid #A61B1B; }}
QComboBox, QDateEdit {{ padding-right: 36px; }}
QComboBox::drop-down, QDateEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 36px; border: none;
}}
QComboBox::down-arrow, QDateEdit::down-arrow {{
    image: url("{chevron}"); width: 16px; height: 16px;
}}
QComboBox QAbstractItemView {{
    background: {SURFACE}; color: {TEXT}; border: 1px solid {BORDER}; font-size: 17px;
    selection-background-color: {accent}; selection-color: {on_accent}; outline: none;
}}
QCheckBox, QRadioButton {{ color: {TEXT}; font-size: 17px; spacing: 10px; }}
QCheckBox::indicator {{
    width: 20px; height: 20px; border: 2px solid {MUTED}; border-radius: 6px;
    background: {SURFACE};
}}
QCheckBox::indicator:checked {{
    background: {accent}; border: 2px solid {accent}; image: url("{check}");
}}
QRadioButton::indicator {{
    width: 20px; height: 20px; border: 2px solid {MUTED}; border-radius: 12px;
    background: {SURFACE};
}}
QRadioButton::indicator:checked {{
    border: 2px solid {accent};
    background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5,
        stop: 0 {accent}, stop: 0.5 {accent}, stop: 0.56 {SURFACE}, stop: 1 {SURFACE});
}}
QListWidget {{
    background: {SURFACE}; color: {TEXT}; border: 1px solid {BORDER}; border-radius: 8px;
    font-size: 17px;
}}
QListWidget::item {{ padding: 10px; }}
QListWidget::item:selected {{ background: {accent}; color: {on_accent}; }}
QScrollArea {{ background: transparent; border: none; }}
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 0; }}
QScrollBar::handle:vertical {{ background: #C5CBD3; border-radius: 5px; min-height: 32px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
"""


def date_format() -> str:
    """The language's short date with a four-digit year (27/10/2026, not 27/10/26)."""
    text = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return text if "yyyy" in text else text.replace("yy", "yyyy")


def mark(widget, role: str, **extra: object) -> None:
    """Tag a widget for the admin stylesheet."""
    widget.setProperty("admin", role)
    for name, value in extra.items():
        widget.setProperty(name, value)
