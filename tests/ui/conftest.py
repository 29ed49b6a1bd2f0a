"""Fixtures for the guest screens: the real app on a real store in a temp folder."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.app.context import Context
from kiosk.config import Settings, ThanksSection, TimeoutsSection


def make_context(data_dir, settings: Settings) -> Context:
    return Context(data_dir, data_dir / "kiosk.toml", False, settings)


@pytest.fixture
def fast_settings() -> Settings:
    """Defaults with timers short enough for tests (the config's own limits are not checked)."""
    return replace(
        Settings(),
        timeouts=TimeoutsSection(idle_seconds=0.3),
        thanks=ThanksSection(seconds=0.2),
    )


@pytest.fixture
def make_kiosk(qtbot, data_dir):
    """Build the whole guest app (``build_app``) on ``data_dir`` with the given settings."""
    from kiosk.app.guest import build_app

    built = []

    def make(settings: Settings | None = None, *, scale: float | None = None, size=(1280, 800)):
        ctx = make_context(data_dir, settings or Settings())
        kiosk = build_app(ctx, scale=scale)
        qtbot.addWidget(kiosk.window)
        kiosk.window.resize(*size)
        kiosk.window.show()
        qtbot.waitExposed(kiosk.window)
        built.append(kiosk)
        return kiosk

    yield make
    for kiosk in built:
        kiosk.close()  # the app's own shutdown: disk watch, flow timers, translations, window
        kiosk.ctx.close()


@pytest.fixture
def kiosk(make_kiosk, fast_settings):
    return make_kiosk(fast_settings)


def compile_qm(folder, language: str, messages: dict[tuple[str, str], str]) -> None:
    """Write ``kiosk_<language>.qm`` into ``folder`` from (context, source) -> translation."""
    import subprocess
    import sys
    from pathlib import Path
    from xml.sax.saxutils import escape

    contexts: dict[str, list[tuple[str, str]]] = {}
    for (context, source), text in messages.items():
        contexts.setdefault(context, []).append((source, text))
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{language}">',
    ]
    for context, pairs in contexts.items():
        parts.append(f"<context><name>{escape(context)}</name>")
        for source, text in pairs:
            parts.append(
                f"<message><source>{escape(source)}</source>"
                f"<translation>{escape(text)}</translation></message>"
            )
        parts.append("</context>")
    parts.append("</TS>")
    ts = Path(folder) / f"kiosk_{language}.ts"
    ts.write_text("\n".join(parts), encoding="utf-8")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(lrelease), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
    )


SPANISH = {
    (
        "QuestionScreen",
        "How likely are you to recommend us to your friends and family?",
    ): "¿Qué tan probable es que nos recomiendes a tus amigos y familiares?",
    ("QuestionScreen", "Not at all likely"): "Nada probable",
    ("WhyScreen", "What could we do better?"): "¿Qué podríamos hacer mejor?",
    ("Reason", "Price"): "Precio",
    ("ThanksScreen", "Thank you!"): "¡Gracias!",
}


@pytest.fixture
def translations_dir(tmp_path, monkeypatch):
    """A translations folder with small real .qm files, used instead of the project's."""
    from kiosk import paths

    folder = tmp_path / "translations"
    folder.mkdir()
    compile_qm(folder, "es", SPANISH)
    compile_qm(folder, "en", {})
    monkeypatch.setattr(paths, "translations_dir", lambda: folder)
    return folder


@pytest.fixture
def i18n(qapp):
    """Translations in the default language (es), removed again after the test."""
    from kiosk.ui.i18n import Translations

    translations = Translations(("es", "en"), "es", scale=1.0)
    translations.set_language("es")
    yield translations
    translations.close()


@pytest.fixture
def host(qtbot):
    """Show a screen the way the app does: inside a KioskWindow, at a given size."""
    from kiosk.ui.window import KioskWindow

    windows = []  # qtbot holds widgets weakly; the test's screens must outlive this call

    def show(widget, size=(1280, 800)):
        window = KioskWindow()
        windows.append(window)
        qtbot.addWidget(window)
        window.show_screen(widget)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return widget

    yield show
    for window in windows:
        window.close()
        window.deleteLater()
