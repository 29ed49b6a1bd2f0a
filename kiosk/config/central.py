"""The central configuration on the kiosk: the last good one, kept in the data folder.

The sync thread fetches ``GET /v1/config`` (:mod:`kiosk.sync.central_config`); a document
that passes the same checks as the local file (and the central subset,
:data:`kiosk.config.layers.CENTRAL_KEYS`) is written here atomically, so the kiosk starts
with it after a restart and keeps it through offline days. A refused one never replaces it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.config.errors import ConfigError
from kiosk.config.layers import CENTRAL, Layer, document_layer
from kiosk.files import write_text_atomically

log = logging.getLogger("kiosk.config")

LAST_GOOD_FILENAME = "central-config.json"


@dataclass(frozen=True)
class CentralConfig:
    """One configuration from the central service: its version (the ETag) and its tables."""

    version: str
    document: dict[str, Any]
    scopes: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        """How errors and ``kiosk config show`` name it."""
        return f"central {self.version[:12]}"

    def layer(self) -> Layer:
        """The checked layer (raises :class:`ConfigError` naming the key)."""
        return document_layer(CENTRAL, self.document, self.source)


def last_good_path(data_dir: Path) -> Path:
    return data_dir / LAST_GOOD_FILENAME


def load_last_good(data_dir: Path) -> CentralConfig | None:
    """The last good central configuration, or None (none yet, or the file is unusable)."""
    path = last_good_path(data_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = CentralConfig(
            str(data["version"]), dict(data["config"]), tuple(data.get("scopes", ()))
        )
        found.layer()
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, ConfigError) as exc:
        log.warning(
            "the kept central configuration in %s is unusable (%s); running without it", path, exc
        )
        return None
    return found


def save_last_good(data_dir: Path, config: CentralConfig) -> None:
    """Write ``config`` as the last good one, atomically (:mod:`kiosk.files`)."""
    path = last_good_path(data_dir)
    text = json.dumps(
        {"version": config.version, "scopes": list(config.scopes), "config": config.document},
        ensure_ascii=False,
        indent=1,
    )
    data_dir.mkdir(parents=True, exist_ok=True)
    write_text_atomically(path, text)
