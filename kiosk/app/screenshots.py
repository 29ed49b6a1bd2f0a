"""Every guest screen, in every language, both orientations, rendered to pixmaps.

Used by ``kiosk screenshots`` and the self-test, always offscreen on a temporary store, so it
never touches a shop's data. ``kiosk screenshots --sizes all --languages all`` renders every
screen size of :data:`kiosk.ui.theme.SCREENS` in every language; ``--pseudo 1.4`` stretches
the texts, ``--dpi`` stands in for a panel's density (a 15-inch 4K panel is 282).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.app.guest import KioskApp

log = logging.getLogger("kiosk.ui")

SIZES = ((1280, 800), (800, 1280))
SCREENS_PER_VIEW = 10  # what render_screens yields per language and size
DEMO_COMMENT = "La atención fue rápida, ¡gracias! Añoranza"
# Shown when the config has no QR pages of its own: realistic lengths (a review link, a form).
DEMO_PROMOTER_URL = "https://g.page/r/CdemoCafeReview1234/review"
DEMO_DETRACTOR_URL = "https://example.org/contact?shop=cafe-demo&kiosk=kiosk-1"


def _grab(window: KioskWindow, screen: QWidget) -> QPixmap:
    window.show_screen(screen)
    QApplication.processEvents()
    return window.grab()


def render_screens(
    kiosk: KioskApp, sizes: tuple[tuple[int, int], ...] = SIZES
) -> Iterator[tuple[str, QPixmap]]:
    """Yield ``(name, pixmap)`` for each guest screen, language and size."""
    window = kiosk.window
    flow = kiosk.flow
    thanks = kiosk.thanks
    configured = thanks.settings
    thanks.settings = replace(
        configured,
        thanks=replace(
            configured.thanks,
            promoter_url=configured.thanks.promoter_url or DEMO_PROMOTER_URL,
            detractor_url=configured.thanks.detractor_url or DEMO_DETRACTOR_URL,
        ),
    )
    for language in kiosk.translations.languages:
        for width, height in sizes:
            kiosk.translations.set_language(language)
            window.resize(width, height)
            stem = f"{language}-{width}x{height}"

            def shot(name: str, screen: QWidget, stem: str = stem) -> tuple[str, QPixmap]:
                return f"{stem}-{name}", _grab(window, screen)

            yield shot("1-question", kiosk.question)
            for score, band in ((3, "detractor"), (7, "passive"), (10, "promoter")):
                kiosk.why.start(score)
                yield shot(f"2-why-{band}", kiosk.why)
            kiosk.why.start(4)
            kiosk.why.reason_chips[0].setChecked(True)
            kiosk.why.reason_chips[-1].setChecked(True)
            yield shot("3-why-reasons-chosen", kiosk.why)
            kiosk.why.open_keyboard()
            kiosk.why.comment_field.setText(DEMO_COMMENT)
            yield shot("4-why-keyboard", kiosk.why)
            kiosk.why.close_keyboard()
            thanks.start(7)
            yield shot("5-thanks", thanks)
            thanks.start(10)
            yield shot("5-thanks-qr-promoter", thanks)
            thanks.start(2)
            yield shot("5-thanks-qr-detractor", thanks)
            thanks.start(None)
            window.set_staff_notice(
                "screenshot", lambda: flow.storage_notice("the disk is full", 2)
            )
            yield shot("6-staff-banner", kiosk.question)
            window.set_staff_notice("screenshot", None)
    thanks.settings = configured
    flow.start()


def offscreen_kiosk(
    config: str | None,
    data_dir: str,
    *,
    languages: tuple[str, ...] | None = None,
    scale: float | None = None,
    pixels_per_inch: float | None = None,
) -> KioskApp:
    """The app built offscreen on ``data_dir`` (a temporary folder); ``languages`` replaces
    the config's, ``scale`` and ``pixels_per_inch`` go to :func:`~kiosk.app.guest.build_app`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app.context import Context
    from kiosk.app.guest import build_app, qt_app

    qt_app()
    ctx = Context.from_options(config, data_dir)
    if languages:
        kiosk_section = replace(
            ctx.settings.kiosk, languages=languages, default_language=languages[0]
        )
        ctx.reload_settings(replace(ctx.settings, kiosk=kiosk_section))
    return build_app(ctx, scale=scale, pixels_per_inch=pixels_per_inch)
