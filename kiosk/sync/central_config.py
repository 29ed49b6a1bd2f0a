"""The central configuration, fetched on the sync thread beside the outbox pass.

``GET /v1/config`` with ``If-None-Match`` set to the version last received: while nothing
changed the endpoint answers 304 with no body. A new document is checked (``check``: the
same rules as the local file, the central subset, and the merge with this kiosk's own
layers); a good one becomes the last good one on disk and is offered to the app, which
applies it at the next idle moment; a refused one is reported and the last good one kept.
An endpoint without the route (404) or out of reach changes nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

from kiosk.config import ConfigError
from kiosk.config.central import CentralConfig, load_last_good, save_last_good
from kiosk.sync.client import Client

log = logging.getLogger("kiosk.sync")

CONFIG_PATH = "/v1/config"


class RefusedConfig(Exception):
    """A central configuration this kiosk will not run; ``str()`` says why (no secrets)."""


class CentralConfigPoll:
    """What the sync worker calls once per pass (on its own thread, never the UI's)."""

    def __init__(
        self,
        data_dir: Path,
        *,
        check: Callable[[CentralConfig], object] = CentralConfig.layer,
        on_new: Callable[[CentralConfig], None] | None = None,
        on_refused: Callable[[str, str], None] | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.check = check
        self.on_new = on_new
        self.on_refused = on_refused  # (version, reason)
        self.last_good = load_last_good(data_dir)
        # What If-None-Match sends: the last version received, good or refused, so a refused
        # one is not fetched and reported again at every pass.
        self.seen = self.last_good.version if self.last_good else ""

    def poll(self, client: Client) -> str:
        """One request; returns "unchanged", "new", "refused" or "none" (no such route)."""
        headers = {"If-None-Match": f'"{self.seen}"'} if self.seen else {}
        reply = client.get_endpoint(CONFIG_PATH, headers)
        if reply.status == 304:
            return "unchanged"
        if reply.status == 404:
            return "none"
        if reply.status != 200:
            log.info("central configuration: the endpoint answered %d", reply.status)
            return "unchanged"
        try:
            found = _parse(reply.body)
        except RefusedConfig as exc:
            self._refused("", str(exc))
            return "refused"
        self.seen = found.version
        if self.last_good is not None and found.version == self.last_good.version:
            return "unchanged"
        try:
            self.check(found)
        except ConfigError as exc:
            self._refused(found.version, str(exc))
            return "refused"
        save_last_good(self.data_dir, found)
        self.last_good = found
        log.info(
            "central configuration %s received (%s)",
            found.version[:12],
            ", ".join(found.scopes) or "no layers",
        )
        if self.on_new is not None:
            self.on_new(found)
        return "new"

    def _refused(self, version: str, reason: str) -> None:
        log.warning(
            "central configuration %s refused, keeping the last good one: %s",
            version[:12] or "(unreadable)",
            reason,
        )
        if self.on_refused is not None:
            self.on_refused(version, reason)


def _parse(raw: bytes) -> CentralConfig:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise RefusedConfig("the reply is not JSON") from exc
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("version"), str)
        or not data["version"]
        or not isinstance(data.get("config"), dict)
    ):
        raise RefusedConfig("the reply has no version and config")
    scopes = data.get("scopes", [])
    if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
        raise RefusedConfig("the reply's scopes are not a list of texts")
    return CentralConfig(data["version"][:200], data["config"], tuple(scopes))
