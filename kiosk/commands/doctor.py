"""``kiosk doctor [--json]``: what IT asks first about a counter, in one look.

The config in use (secrets masked), the folders, free disk, the store's health (SQLite's
quick check on a read-only connection, so a damaged store is never changed), what waits to be
sent, whether the endpoint answers and accepts this kiosk's token, whether the owner's PIN is
set, and whether Qt can open a screen here (the platform plugin and the system libraries it
needs). One line per check; exit 0 when nothing is wrong, 1 otherwise.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from kiosk import __version__, paths
from kiosk.app.context import Context
from kiosk.app.display import (
    display_problem,
    install_hint,
    missing_xcb_libraries,
    platform_plugin,
)
from kiosk.config import ConfigError, Settings

LOW_DISK_BYTES = 100 * 2**20
MASK = "********"


@dataclass(frozen=True)
class Finding:
    check: str
    ok: bool
    detail: str
    warning: bool = False  # worth knowing, but nothing is broken

    @property
    def label(self) -> str:
        return "ok  " if self.ok else ("warn" if self.warning else "FAIL")


def main(args: argparse.Namespace) -> int:
    findings: list[Finding] = []
    config_shown: dict[str, object] = {}
    try:
        ctx = Context.from_args(args)
    except ConfigError as exc:
        findings.append(Finding("config", False, str(exc)))
        ctx = None
    if ctx is not None:
        config_shown = masked_settings(ctx.settings)
        source = str(ctx.config_path) if ctx.settings.path else "built-in demo defaults"
        findings.append(Finding("config", True, f"{source}"))
        findings.append(Finding("version", True, __version__))
        findings += _folders(ctx)
        findings += _store(ctx)
        findings.append(_endpoint(ctx))
    findings += _display()
    failed = [f for f in findings if not f.ok and not f.warning]
    if getattr(args, "json", False):
        document = {
            "ok": not failed,
            "checks": [dataclasses.asdict(f) for f in findings],
            "config": config_shown,
        }
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    else:
        for finding in findings:
            sys.stdout.write(f"{finding.label}  {finding.check:<12} {finding.detail}\n")
        if config_shown:
            sys.stdout.write("\nconfig in use (secrets masked):\n")
            for section, values in config_shown.items():
                for key, value in values.items():  # type: ignore[attr-defined]
                    sys.stdout.write(
                        f"  [{section}] {key} = {json.dumps(value, ensure_ascii=False)}\n"
                    )
    return 1 if failed else 0


def masked_settings(settings: Settings) -> dict[str, dict[str, object]]:
    """Every setting with its value, a secret shown only as set or not."""
    shown: dict[str, dict[str, object]] = {}
    for section_field in dataclasses.fields(settings):
        if section_field.name == "path":
            continue
        section = getattr(settings, section_field.name)
        values: dict[str, object] = {}
        for item in dataclasses.fields(section):
            value = getattr(section, item.name)
            secret = item.metadata.get("secret", False) or item.name == "token"
            if secret:
                values[item.name] = MASK if value else ""
            else:
                values[item.name] = _plain(value)
        shown[section_field.name] = values
    return shown


def _plain(value: object) -> object:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def _folders(ctx: Context) -> list[Finding]:
    found = [Finding("data folder", True, str(ctx.data_dir))]
    folder = ctx.data_dir if ctx.data_dir.exists() else ctx.data_dir.parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        return [*found, Finding("disk", False, f"cannot read free space: {exc.strerror}")]
    if not os.access(folder, os.W_OK):
        found.append(Finding("data folder", False, f"{folder} is not writable by this user"))
    low = free < LOW_DISK_BYTES
    found.append(Finding("disk", not low, f"{free / 2**20:,.0f} MB free"))
    return found


def _store(ctx: Context) -> list[Finding]:
    path = ctx.store_path
    if not path.exists():
        return [
            Finding("store", False, f"{path} (not created yet: a new kiosk)", warning=True),
            _pin_finding(False),
        ]
    from kiosk.store import meta, sync_state
    from kiosk.store.integrity import connect_read_only, structural_problems
    from kiosk.store.opening import store_size
    from kiosk.store.pin import PIN_HASH

    try:
        con = connect_read_only(path)
    except sqlite3.Error as exc:
        return [Finding("store", False, f"{path} cannot be opened: {exc}")]
    try:
        try:
            problems = structural_problems(con)
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        if problems:
            return [Finding("store", False, f"{path} is damaged: {'; '.join(problems[:3])}")]
        size = store_size(path)
        answers = con.execute("SELECT count(*) FROM answers WHERE origin != 'demo'").fetchone()[0]
        status = sync_state.read_status(con, offline=not ctx.settings.sync.endpoint)
        has_pin = meta.get(con, PIN_HASH) is not None
    except sqlite3.DatabaseError as exc:
        return [Finding("store", False, f"{path} cannot be read: {exc}")]
    finally:
        con.close()
    found = [
        Finding(
            "store", True, f"{path} ({size / 2**20:,.1f} MB, {answers} answers, quick check ok)"
        ),
        Finding(
            "queue",
            status.quarantined == 0,
            f"{status.pending} pending ({status.pending_alerts} alerts),"
            f" {status.quarantined} quarantined",
        ),
        _pin_finding(has_pin),
    ]
    if status.auth_failing:
        found.append(Finding("sync", False, "the endpoint refuses this kiosk's token"))
    return found


def _pin_finding(has_pin: bool) -> Finding:
    detail = (
        "set" if has_pin else "not set: run `kiosk set-pin` before the kiosk goes to the counter"
    )
    return Finding("admin PIN", has_pin, detail)


def _endpoint(ctx: Context) -> Finding:
    settings = ctx.settings
    if not settings.sync.endpoint:
        return Finding("endpoint", True, "none configured: the kiosk works offline by design")
    from kiosk.app.admin_services import probe_endpoint
    from kiosk.sync.token import TokenError, load_token

    try:
        token = load_token(settings.sync.token, settings.sync.token_file, ctx.config_path.parent)
    except TokenError as exc:
        return Finding("endpoint", False, str(exc))
    ok, message = probe_endpoint(
        settings.sync.endpoint,
        token,
        kiosk_id=settings.kiosk.id,
        site=settings.kiosk.site,
        timeout=min(settings.sync.connect_timeout, 5.0),
    )
    detail = f"{settings.sync.endpoint}: " + ("reachable, token accepted" if ok else message)
    return Finding("endpoint", ok, detail)


# --- can Qt open a screen here? ---------------------------------------------------------------


def _display() -> list[Finding]:
    plugin = platform_plugin()
    found: list[Finding] = []
    folder = _plugins_folder()
    if folder is None:
        return [Finding("qt", False, "PySide6 is not installed")]
    files = sorted(folder.glob(f"*q{plugin}*"))
    if not files and plugin not in ("default",):
        return [Finding("qt", False, f"no Qt platform plugin {plugin!r} in {folder}")]
    found.append(Finding("qt plugin", True, f"{plugin} ({files[0].name})" if files else plugin))
    if plugin == "xcb":
        missing = missing_xcb_libraries()
        if missing:
            found.append(
                Finding(
                    "qt libraries", False, f"missing {', '.join(missing)} ({install_hint(missing)})"
                )
            )
    # The kiosk's own words at start; the libraries are reported above, line by line.
    problem = display_problem(loadable=lambda name: True)
    if problem is not None:
        found.append(Finding("display", False, problem))
    return found


def _plugins_folder() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    base = Path(PySide6.__file__).resolve().parent
    for candidate in (base / "Qt" / "plugins" / "platforms", base / "plugins" / "platforms"):
        if candidate.is_dir():
            return candidate
    if paths.is_frozen():
        frozen = Path(sys.executable).resolve().parent
        for candidate in frozen.rglob("platforms"):
            return candidate
    return None
