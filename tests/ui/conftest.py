"""Fixtures for the guest screens: the real app on a real store in a temp folder."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.config import Settings, ThanksSection, TimeoutsSection
from kiosk.context import Context


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
    from kiosk.app import build_app

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
        kiosk.flow.idle_timer.stop()
        kiosk.flow.thanks_timer.stop()
        kiosk.flow.retry_timer.stop()
        kiosk.translations.close()
        kiosk.ctx.close()


@pytest.fixture
def kiosk(make_kiosk, fast_settings):
    return make_kiosk(fast_settings)
