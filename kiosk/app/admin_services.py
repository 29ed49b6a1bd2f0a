"""Builds the owner's :class:`~kiosk.admin.services.AdminServices` from the real parts.

The admin screens may not import the store or the network (an import-linter contract says
so); this module is where the store, the config file and the sync client are plugged into
the plain callables the screens use. The application calls :func:`build` once.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.admin.services import AdminServices
from kiosk.config import Settings, SyncSection, save_settings, settings_from_dict
from kiosk.config.files import save_document
from kiosk.config.layers import DEVICE, Merged, device_document, file_layer
from kiosk.core.exports import ExportRequest
from kiosk.core.pin import LockoutPolicy
from kiosk.core.stats import DashboardStats
from kiosk.core.sync import SyncStatus
from kiosk.export.writer import export_to_file
from kiosk.store.contacts import ContactStore
from kiosk.store.database import Database
from kiosk.store.pin import PinStore
from kiosk.store.stats import dashboard_stats
from kiosk.sync.token import TokenError, clean_token, load_token
from kiosk.sync.worker import read_status

log = logging.getLogger("kiosk.admin")


class _SettingsHolder:
    """The current settings, replaced when the owner saves new ones."""

    def __init__(self, settings: Settings) -> None:
        self.value = settings


def build(
    db: Database,
    settings: Settings,
    config_path: Path | None,
    *,
    sync_status: Callable[[], SyncStatus] | None = None,
    test_connection: Callable[[str, str], tuple[bool, str]] | None = None,
    pin_policy: LockoutPolicy | None = None,
    scrypt_n: int | None = None,
    export_folder: Path | None = None,
    layers: Callable[[], Merged | None] | None = None,
    remember_layers: Callable[[Merged], None] | None = None,
) -> AdminServices:
    """The admin's services over ``db`` and the config at ``config_path``.

    ``sync_status`` is the running sync worker's :meth:`status` (it knows whether it runs);
    without it the status is read from the store. Either way it is the one
    :class:`kiosk.core.sync.SyncStatus`.

    ``layers`` gives the running configuration's layers (system file, device file, central,
    environment, flags): then a save writes only the device file's own keys and the owner's
    changes to it, and the saved settings are merged again with the other layers
    (``remember_layers`` hears the new merge).
    """
    holder = _SettingsHolder(settings)
    pins = PinStore(db, pin_policy, scrypt_n=scrypt_n)
    contacts = ContactStore(db)
    path = config_path or settings.path
    config_dir = Path(path).parent if path is not None else None

    def stats(since: date | None, until: date | None, include_flagged: bool) -> DashboardStats:
        found = dashboard_stats(
            db,
            since,
            until,
            include_flagged=include_flagged,
            offline=not holder.value.sync.endpoint,
        )
        return dataclasses.replace(found, sync=read_sync()) if sync_status else found

    def read_sync() -> SyncStatus:
        if sync_status is not None:
            return sync_status()
        return read_status(db, holder.value)

    def test_endpoint(endpoint: str, token: str) -> tuple[bool, str]:
        """The owner's connection test; an empty ``token`` means the configured one, read
        by the same loader as the sync."""
        current = holder.value
        try:
            if token:
                token = clean_token(token)
            else:
                token = load_token(current.sync.token, current.sync.token_file, config_dir)
        except TokenError as exc:
            return False, str(exc)
        if test_connection is not None:
            return test_connection(endpoint, token)
        return probe_endpoint(endpoint, token, kiosk_id=current.kiosk.id, site=current.kiosk.site)

    def pin_wait() -> tuple[float, bool]:
        wait = pins.wait_seconds()
        return wait, wait > 0 and pins.policy.is_lockout(pins.failures())

    def export(request: ExportRequest, target: Path) -> int:
        try:
            return export_to_file(db, request, target)
        finally:
            db.close_thread_connection()  # it ran on a worker thread with its own connection

    def save(data: Mapping[str, Any]) -> Settings:
        if path is None:
            raise RuntimeError("no configuration file to save to")
        checked = settings_from_dict(data, Path(path))
        merged = layers() if layers is not None else None
        if merged is None:
            saved = save_settings(checked, Path(path))
        else:
            save_document(device_document(checked, merged), Path(path))
            remerged = merged.replacing(file_layer(DEVICE, Path(path), required=True))
            if remember_layers is not None:
                remember_layers(remerged)
            saved = remerged.settings
        holder.value = saved
        log.info("settings saved to %s", path)
        return saved

    def current() -> Settings:
        """The merged layers when there are some (a central change shows here too)."""
        merged = layers() if layers is not None else None
        return merged.settings if merged is not None else holder.value

    return AdminServices(
        settings=current,
        stats=stats,
        sync_status=read_sync,
        has_pin=pins.has_pin,
        set_pin=pins.set_pin,
        check_pin=pins.check,
        pin_wait=pin_wait,
        export=export,
        save_settings=save,
        test_connection=test_endpoint,
        export_folder=export_folder,
        follow_ups=contacts.follow_ups,
        mark_follow_up_done=lambda answer_id, by: contacts.mark_done(
            answer_id, by, datetime.now(timezone.utc)
        ),
    )


def probe_endpoint(
    endpoint: str,
    token: str,
    *,
    kiosk_id: str = "connection-test",
    site: str = "",
    timeout: float = 5.0,
) -> tuple[bool, str]:
    """POST an empty batch to ``endpoint``: proves the address, TLS and the token at once.

    Runs on the admin's worker thread. The token is sent, never returned or logged.
    """
    from kiosk.sync.client import Client, TransportError
    from kiosk.sync.protocol import ANSWERS_PATH, answers_body, kiosk_block
    from kiosk.sync.worker import status_problem

    if not endpoint:
        return False, "no endpoint address"
    section = SyncSection(
        endpoint=endpoint.rstrip("/"), connect_timeout=timeout, read_timeout=timeout
    )
    client = Client(section, token)
    try:
        body = answers_body(kiosk_block(kiosk_id, site or kiosk_id, __version__), [])
        reply = client.post_endpoint(ANSWERS_PATH, body)
    except TransportError as exc:
        return False, str(exc)
    finally:
        client.close()
    if 200 <= reply.status < 300:
        return True, "ok"
    return False, status_problem(reply.status)
