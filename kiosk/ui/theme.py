"""How the guest screens look: colours, the bundled font, sizes, one stylesheet.

Every text colour below meets WCAG AA (4.5:1) against the background it sits on; the
accent's text colour is chosen by computing the contrast, so any accent from the config stays
readable. Selected chips carry a check mark as well as a colour: nothing is said by colour
alone. Widgets opt in with a ``role`` property, so the owner's screens are free to differ.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, fields, replace

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import paths

log = logging.getLogger("kiosk.ui")

FONT_FAMILY = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")

BACKGROUND = "#F6F4EF"  # warm paper: calmer than white under shop lights
SURFACE = "#FFFFFF"
TEXT = "#18202B"
MUTED = "#4A5361"
BORDER = "#AEB6C2"
BANNER_BACKGROUND = "#8A4B00"
BANNER_TEXT = "#FFFFFF"
SCALE_TINTS = {"detractor": "#FBE1DE", "passive": "#FBEFD2", "promoter": "#DCF2E2"}
DEFAULT_ACCENT = "#1F5FA8"


@dataclass(frozen=True, slots=True)
class Sizes:
    """Pixel sizes, chosen for a 10-inch 1280x800 screen seen from a step back.

    :meth:`scaled` gives them for another screen (see :func:`sizes_for`); ``factor`` is the
    scale they were made with, for the stylesheet's smaller paddings and radii.
    """

    question: int = 36
    title: int = 36
    subtitle: int = 22
    shop: int = 26
    score: int = 40
    score_min: int = 88  # short side of a score button; the floor is 80
    gap: int = 16
    anchor: int = 20
    chip: int = 24
    chip_height: int = 72
    action: int = 24
    action_height: int = 76
    key: int = 24
    key_height: int = 58
    comment: int = 24
    thanks: int = 56
    banner: int = 18
    margin: int = 40
    factor: float = 1.0

    def px(self, value: float) -> int:
        """``value`` (a size at 1280x800) at this scale."""
        return max(1, round(value * self.factor))

    def scaled(self, factor: float) -> Sizes:
        """Every size times ``factor``, never under the floors a guest's eyes and thumbs need."""
        values = {
            one.name: round(getattr(self, one.name) * factor)
            for one in fields(self)
            if one.name != "factor"
        }
        values["question"] = max(values["question"], QUESTION_FLOOR)
        values["score_min"] = max(values["score_min"], SCORE_FLOOR)
        for name in ("chip_height", "action_height", "key_height"):
            values[name] = max(values[name], TOUCH_FLOOR)
        for name in ("subtitle", "anchor", "chip", "action", "key", "comment", "banner"):
            values[name] = max(values[name], TEXT_FLOOR)
        values["gap"] = max(values["gap"], GAP_FLOOR)
        return replace(self, factor=factor, **values)


# The guide's floors (docs and STYLE.md): a question readable from a step back, a score
# button a thumb hits alone, text a guest reads without leaning in, keys for a fingertip.
QUESTION_FLOOR = 28
SCORE_FLOOR = 80
TOUCH_FLOOR = 48
TEXT_FLOOR = 16
GAP_FLOOR = 12

REFERENCE_SCREEN = (1280, 800)  # what Sizes() are made for ...
REFERENCE_PPI = 150.0  # ... a 10.1-inch tablet: 1509 px across the diagonal
# X reports 96 DPI when the monitor gave no size: that figure says nothing about the panel.
UNKNOWN_PPI = (95.0, 97.0)


def scale_for(width: int, height: int, pixels_per_inch: float | None = None) -> float:
    """How much bigger than :data:`SIZES` a window of ``width`` x ``height`` should draw.

    The physical density decides (a 4K 15-inch panel, 282 pixels an inch, draws everything
    1.9 times bigger, so the question keeps its size in millimetres), never below the
    design size, and never more than the window has room for (a 1024x600 panel draws 0.75
    times as big, with the floors of :meth:`Sizes.scaled`). Without a believable density
    the window's size alone decides. ``pixels_per_inch`` counts the window's own (logical)
    pixels: see :func:`screen_density`.
    """
    long_side, short_side = max(width, height), min(width, height)
    room = min(long_side / REFERENCE_SCREEN[0], short_side / REFERENCE_SCREEN[1])
    if not pixels_per_inch or UNKNOWN_PPI[0] <= pixels_per_inch <= UNKNOWN_PPI[1]:
        return room
    return min(max(1.0, pixels_per_inch / REFERENCE_PPI), room)


def sizes_for(width: int, height: int, pixels_per_inch: float | None = None) -> Sizes:
    """:data:`SIZES` for this window, to the nearest 5% (so a small resize changes nothing)."""
    factor = round(scale_for(width, height, pixels_per_inch) * 20) / 20
    return SIZES if factor == 1.0 else SIZES.scaled(factor)


def screen_density(widget: QWidget) -> float | None:
    """Logical pixels per physical inch of the screen ``widget`` is on, None if unknown."""
    screen = widget.screen()
    if screen is None:
        return None
    return screen.physicalDotsPerInch() / max(screen.devicePixelRatio(), 1.0)


SIZES = Sizes()
# The screens the layouts are checked on (tests, ``kiosk screenshots --sizes all``): a 7-inch
# 1024x600 panel, the 10-inch tablet both ways, a full-HD monitor and a 4K panel.
SCREENS: tuple[tuple[int, int], ...] = (
    (1024, 600),
    (1280, 800),
    (800, 1280),
    (1920, 1080),
    (3840, 2160),
)
MIN_WIDTH = 600  # narrowest screen the layouts are made for (portrait tablets are 800)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#RRGGBB``."""
    text = colour.lstrip("#")
    r, g, b = (int(text[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio (1..21)."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def text_on(background: str) -> str:
    """White or near-black, whichever reads better on ``background``."""
    return "#FFFFFF" if contrast("#FFFFFF", background) >= contrast(TEXT, background) else TEXT


def safe_accent(accent: str | None) -> str:
    """The configured accent, or the default when it is not ``#RRGGBB``."""
    if accent and len(accent) == 7 and accent.startswith("#"):
        try:
            int(accent[1:], 16)
        except ValueError:
            return DEFAULT_ACCENT
        return accent
    return DEFAULT_ACCENT


@functools.cache
def load_fonts() -> str:
    """Register the bundled DejaVu Sans so every machine draws the same; returns the family.

    Once per process: Qt registers the same file again on every call (settings re-apply the
    theme), keeping another copy each time.
    """
    family = FONT_FAMILY
    for name in FONT_FILES:
        path = paths.assets_dir() / "fonts" / name
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("cannot load bundled font %s", path)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families:
            family = families[0]
    return family


def build_stylesheet(accent: str | None = None, sizes: Sizes = SIZES) -> str:
    """The one stylesheet of the guest screens, for a given accent colour."""
    accent = safe_accent(accent)
    on_accent = text_on(accent)
    # The accent as text on the background, only where it stays readable.
    accent_text = accent if contrast(accent, BACKGROUND) >= 4.5 else TEXT
    s = sizes
    return f"""
QWidget[role="screen"], QWidget#KioskWindow {{ background: {BACKGROUND}; }}
QLabel {{ color: {TEXT}; }}
QLabel[role="shop"] {{ font-size: {s.shop}px; font-weight: bold; color: {TEXT}; }}
QLabel[role="question"] {{ font-size: {s.question}px; font-weight: bold; color: {TEXT}; }}
QLabel[role="title"] {{ font-size: {s.title}px; font-weight: bold; color: {TEXT}; }}
QLabel[role="subtitle"] {{ font-size: {s.subtitle}px; color: {MUTED}; }}
QLabel[role="anchor"] {{ font-size: {s.anchor}px; color: {MUTED}; }}
QLabel[role="mark"] {{ font-size: {s.thanks * 2}px; font-weight: bold; color: {accent_text}; }}
QLabel[role="thanks"] {{ font-size: {s.thanks}px; font-weight: bold; color: {TEXT}; }}
QLabel[role="banner"] {{
    background: {BANNER_BACKGROUND}; color: {BANNER_TEXT}; font-size: {s.banner}px;
    padding: {s.px(8)}px {s.px(16)}px;
}}
QPushButton[role="score"] {{
    background: {SURFACE}; color: {TEXT}; border: 2px solid {BORDER}; border-radius: {s.px(16)}px;
    font-size: {s.score}px; font-weight: bold;
}}
QPushButton[role="score"]:pressed, QPushButton[role="score"]:focus {{
    background: {SURFACE}; border: 2px solid {BORDER};
}}
QPushButton[role="score"][band="detractor"] {{ background: {SCALE_TINTS["detractor"]}; }}
QPushButton[role="score"][band="passive"] {{ background: {SCALE_TINTS["passive"]}; }}
QPushButton[role="score"][band="promoter"] {{ background: {SCALE_TINTS["promoter"]}; }}
QPushButton[role="language"] {{
    background: transparent; color: {MUTED}; border: 2px solid transparent;
    border-radius: {s.px(12)}px; font-size: {s.anchor}px; padding: {s.px(6)}px {s.px(12)}px;
    min-height: {s.px(40)}px;
}}
QPushButton[role="language"]:checked {{
    color: {TEXT}; border: 2px solid {TEXT};
}}
QPushButton[role="chip"] {{
    background: {SURFACE}; color: {TEXT}; border: 2px solid {BORDER}; border-radius: {s.chip_height // 2}px;
    font-size: {s.chip}px; padding: {s.px(8)}px {s.px(24)}px; min-height: {s.chip_height - 20}px;
}}
QPushButton[role="chip"]:checked {{
    background: {accent}; color: {on_accent}; border: 2px solid {accent}; font-weight: bold;
}}
QPushButton[role="primary"] {{
    background: {accent}; color: {on_accent}; border: none; border-radius: {s.px(14)}px;
    font-size: {s.action}px; font-weight: bold; padding: {s.px(10)}px {s.px(48)}px;
    min-height: {s.action_height - 20}px;
}}
QPushButton[role="secondary"] {{
    background: transparent; color: {TEXT}; border: 2px solid {BORDER}; border-radius: {s.px(14)}px;
    font-size: {s.action}px; padding: {s.px(10)}px {s.px(40)}px; min-height: {s.action_height - 24}px;
}}
QLineEdit[role="comment"] {{
    background: {SURFACE}; color: {TEXT}; border: 2px solid {BORDER}; border-radius: {s.px(14)}px;
    font-size: {s.comment}px; padding: {s.px(12)}px {s.px(18)}px; min-height: {s.px(36)}px;
}}
QLineEdit[role="comment"]:focus {{ border: 2px solid {accent}; }}
QWidget[role="keyboard"] {{ background: #E7E3DA; border-radius: {s.px(16)}px; }}
QPushButton[role="key"] {{
    background: {SURFACE}; color: {TEXT}; border: 1px solid {BORDER}; border-radius: {s.px(10)}px;
    font-size: {s.key}px; min-height: {TOUCH_FLOOR - 8}px;
}}
QPushButton[role="key"]:pressed {{ background: #D5D9E0; }}
QPushButton[role="key"][special="true"] {{ background: #D9DDE4; }}
QPushButton[role="key"]:checked {{ background: {TEXT}; color: {BACKGROUND}; }}
QPushButton[role="key"][done="true"] {{
    background: {accent}; color: {on_accent}; border: none; font-weight: bold;
}}
"""


def set_role(widget: QWidget, role: str, **extra: str) -> None:
    """Tag a widget for the stylesheet (``role`` and optional extra properties)."""
    widget.setProperty("role", role)
    for name, value in extra.items():
        widget.setProperty(name, value)


def apply(app: QApplication, accent: str | None = None) -> str:
    """Load the font, make it the app font and install the stylesheet; returns the family."""
    family = load_fonts()
    font = QFont(family)
    font.setPixelSize(SIZES.subtitle)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    app.setStyleSheet(build_stylesheet(accent))
    return family
