"""What the owner's screens need from the rest of the kiosk, as one small object.

The screens never touch SQLite or HTTP: they call these plain callables. The application
builds them from its store, config path and sync worker (``kiosk.app.admin_services.build``);
tests build them the same way on a temporary store, or swap one callable for a stub.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kiosk.config import Settings
from kiosk.core.contact import FollowUp
from kiosk.core.exports import ExportRequest
from kiosk.core.pin import PinCheck
from kiosk.core.stats import DashboardStats
from kiosk.core.sync import SyncStatus


def _no_follow_ups() -> list[FollowUp]:
    return []


def _cannot_mark_done(answer_id: str, by: str) -> bool:
    return False


def _no_connection_test(endpoint: str, token: str) -> tuple[bool, str]:
    return False, "connection test not available"


@dataclass
class AdminServices:
    """Callables the admin area uses; every one may block briefly except where noted."""

    settings: Callable[[], Settings]
    stats: Callable[[date | None, date | None, bool], DashboardStats]
    sync_status: Callable[[], SyncStatus]
    has_pin: Callable[[], bool]
    set_pin: Callable[[str], None]
    check_pin: Callable[[str], PinCheck]
    pin_wait: Callable[[], tuple[float, bool]]
    # Runs on a worker thread (it may write for seconds to a slow USB stick).
    export: Callable[[ExportRequest, Path], int]
    # Validates (raising kiosk.config.ConfigError) and saves atomically; returns the result.
    save_settings: Callable[[Mapping[str, Any]], Settings]
    # Runs on a worker thread: (ok, message for the owner). An empty token means the
    # configured one (read as the sync reads it).
    test_connection: Callable[[str, str], tuple[bool, str]] = _no_connection_test
    export_folder: Path | None = None
    # Call-back requests, open first and newest first; marking one done (answer id, who).
    follow_ups: Callable[[], list[FollowUp]] = _no_follow_ups
    mark_follow_up_done: Callable[[str, str], bool] = _cannot_mark_done
    today: Callable[[], date] = field(default=lambda: datetime.now().astimezone().date())
