"""The admin area on a real temporary store, with a fast PIN hash and short delays."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
import shiboken6

from kiosk.admin.area import AdminArea
from kiosk.app.admin_services import build
from kiosk.config import AdminSection
from kiosk.core.pin import LockoutPolicy

FAST_POLICY = LockoutPolicy(base_delay=0.4, max_delay=2, lock_after=4, lock_minutes=1)


@pytest.fixture
def config_path(data_dir):
    return data_dir / "kiosk.toml"


@pytest.fixture
def services(opened_store, settings, config_path, data_dir):
    settings = dataclasses.replace(settings, admin=AdminSection(idle_seconds=60, hold_seconds=1))
    built = build(
        opened_store.db,
        settings,
        config_path,
        pin_policy=FAST_POLICY,
        scrypt_n=2**8,
        export_folder=data_dir,
    )
    built.today = lambda: date(2026, 11, 21)
    return built


@pytest.fixture
def area(qtbot, services):
    widget = AdminArea(services, language="en")
    qtbot.addWidget(widget)
    # An explicit minimum keeps layouts from resizing the top-level window, which the
    # offscreen platform answers with a warning (and warnings fail tests).
    widget.setMinimumSize(400, 300)
    widget.resize(1280, 800)
    widget.show()
    yield widget
    widget.shutdown()
    # Deleted now rather than at some later event loop: the PIN pad's lock-out timer and its
    # pending single shot end with it instead of running on into the next test.
    shiboken6.delete(widget)
