"""Fixtures for the sync tests: a live reference endpoint with faults, and kiosk settings."""

from __future__ import annotations

import pytest
from endpoint_server import Faults, LiveServer, central
from sync_helpers import sync_settings

from kiosk.config import Settings


@pytest.fixture
def endpoint(tmp_path):
    """(central store, faults middleware, live server) on 127.0.0.1."""
    store, app = central(tmp_path / "central.sqlite")
    faults = Faults(app, slow_seconds=0.8)
    server = LiveServer(faults)
    yield store, faults, server
    server.stop()
    store.close()


@pytest.fixture
def kiosk_settings(endpoint) -> Settings:
    return sync_settings(endpoint[2].url)
