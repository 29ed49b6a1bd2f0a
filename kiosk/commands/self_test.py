"""``kiosk --self-test``: prove that this install (source or frozen build) can run a kiosk.

Offscreen, on a temporary store: the translation files load and really translate, the bundled
fonts load, every guest screen renders in every language at both sizes, and one full guest
flow is written and read back. One line per check; exit 0, or 1 naming what failed. It finds
resources only through :mod:`kiosk.paths`, so a data file missing from a build fails here,
in CI, and not in a shop.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.app.guest import KioskApp

QUESTION_SOURCE = "How likely are you to recommend us to your friends and family?"


class CheckFailed(Exception):
    pass


def _check_translations() -> str:
    from PySide6.QtCore import QTranslator

    from kiosk import paths
    from kiosk.config import SUPPORTED_LANGUAGES

    folder = paths.translations_dir()
    found = []
    for language in SUPPORTED_LANGUAGES:
        translator = QTranslator()
        if not translator.load(f"kiosk_{language}", str(folder)):
            raise CheckFailed(f"cannot load kiosk_{language}.qm from {folder}")
        found.append(language)
        if language == "en":
            continue  # English is the source text
        text = translator.translate("QuestionScreen", QUESTION_SOURCE)
        if not text or text == QUESTION_SOURCE:
            raise CheckFailed(f"kiosk_{language}.qm does not translate the question")
    return f"{', '.join(found)} from {folder}"


def _check_fonts() -> str:
    from PySide6.QtGui import QFontDatabase

    from kiosk import paths
    from kiosk.ui import theme

    families = set()
    for name in theme.FONT_FILES:
        path = paths.assets_dir() / "fonts" / name
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise CheckFailed(f"cannot load {path}")
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    if theme.FONT_FAMILY not in families:
        raise CheckFailed(f"expected {theme.FONT_FAMILY}, got {sorted(families)}")
    return ", ".join(sorted(families))


def _check_screens(kiosk: KioskApp) -> str:
    from kiosk.app.screenshots import SCREENS_PER_VIEW, SIZES, render_screens

    count = 0
    for name, pixmap in render_screens(kiosk):
        width, height = (int(n) for n in name.split("-")[1].split("x"))
        if pixmap.isNull() or (pixmap.width(), pixmap.height()) != (width, height):
            raise CheckFailed(f"{name}: got {pixmap.width()}x{pixmap.height()}")
        image = pixmap.toImage()
        samples = {image.pixel(x, y) for x in range(0, width, 41) for y in range(0, height, 41)}
        if len(samples) < 2:
            raise CheckFailed(f"{name}: the screen is blank")
        count += 1
    expected = len(kiosk.translations.languages) * len(SIZES) * SCREENS_PER_VIEW
    if count != expected:
        raise CheckFailed(f"rendered {count} screens, expected {expected}")
    return f"{count} screens ({', '.join(kiosk.translations.languages)})"


def _check_flow(kiosk: KioskApp) -> str:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from kiosk.core.answer import Completion

    left = Qt.MouseButton.LeftButton
    kiosk.flow.start()
    kiosk.window.resize(1280, 800)
    QTest.mouseClick(kiosk.question.score_buttons[9], left)
    answer_id = kiosk.flow.answer_id
    if answer_id is None or kiosk.window.current_screen() is not kiosk.why:
        raise CheckFailed("a tap on 9 did not open the why screen")
    QTest.mouseClick(kiosk.why.reason_chips[0], left)
    kiosk.why.open_keyboard()
    for key in ("ñ", "á"):
        QTest.mouseClick(kiosk.why.keyboard.keys[key], left)
    QTest.mouseClick(kiosk.why.send_button, left)
    stored = kiosk.ctx.store().answers.get(answer_id)
    if stored is None:
        raise CheckFailed("the answer is not in the store")
    expected_reason = kiosk.ctx.settings.why.reasons[0].id
    if (stored.score, stored.reasons, stored.comment, stored.completion) != (
        9,
        (expected_reason,),
        "ñá",
        Completion.SENT,
    ):
        raise CheckFailed(f"read back {stored!r}")
    return f"answer {answer_id} stored with seq {stored.seq} and read back"


def main(args: argparse.Namespace) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    failures: list[str] = []

    def run(name: str, check: Callable[[], str]) -> None:
        try:
            detail = check()
        except CheckFailed as exc:
            failures.append(name)
            sys.stdout.write(f"FAIL {name}: {exc}\n")
        except Exception as exc:  # the self-test reports; it never crashes with a trace
            failures.append(name)
            sys.stdout.write(f"FAIL {name}: {type(exc).__name__}: {exc}\n")
            traceback.print_exc(file=sys.stderr)
        else:
            sys.stdout.write(f"ok   {name}: {detail}\n")
        sys.stdout.flush()

    from kiosk.app.context import Context
    from kiosk.app.guest import build_app, qt_app

    qt_app()
    run("translations", _check_translations)
    run("fonts", _check_fonts)
    with tempfile.TemporaryDirectory(prefix="kiosk-selftest-") as scratch:
        holder: dict[str, object] = {}

        def build() -> str:
            ctx = Context.from_options(getattr(args, "config", None), scratch)
            holder["kiosk"] = build_app(ctx)
            return f"temporary store {ctx.store_path}"

        run("store and app", build)
        kiosk = holder.get("kiosk")
        if kiosk is not None:
            run("screens", lambda: _check_screens(kiosk))
            run("guest flow", lambda: _check_flow(kiosk))
            kiosk.close()
            kiosk.ctx.close()
    if failures:
        sys.stdout.write(f"self-test FAILED: {', '.join(failures)}\n")
        return 1
    sys.stdout.write("self-test passed\n")
    return 0
