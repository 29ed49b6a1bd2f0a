"""What every entry point needs: where the data is, which config, the settings, the store.

Built once from the command line and passed down; no module-level global configuration.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kiosk import __version__, paths
from kiosk.config import ConfigError, Settings, resolve_config_path
from kiosk.config.central import load_last_good
from kiosk.config.layers import Merged, load_layers, settled
from kiosk.store.opening import OpenedStore, open_read_only
from kiosk.store.recovery import open_store

log = logging.getLogger("kiosk")


@dataclass
class Context:
    data_dir: Path
    config_path: Path
    config_explicit: bool
    settings: Settings
    merged: Merged | None = field(default=None, repr=False)  # the layers and their origins
    _store: OpenedStore | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.merged is None:  # settings made in code: they are the device layer
            self.merged = settled(self.settings)

    @classmethod
    def from_options(
        cls, config: str | None, data_dir: str | None, assignments: Sequence[str] = ()
    ) -> Context:
        """``assignments``: the ``--set section.key=value`` flags."""
        folder, explicit_folder = paths.data_dir(data_dir)
        config_path, explicit_config = resolve_config_path(config, folder, explicit_folder)
        merged = load_layers(config_path, explicit_config, assignments=assignments)
        central = load_last_good(folder)
        if central is not None:
            try:
                merged = merged.replacing(central.layer())
            except ConfigError as exc:  # it no longer fits this kiosk's own settings
                log.warning("the kept central configuration does not fit: %s", exc)
        return cls(folder, config_path, explicit_config, merged.settings, merged)

    @classmethod
    def from_args(cls, args: Any) -> Context:
        """From a command's parsed options (``--config``, ``--data-dir``, ``--set``)."""
        return cls.from_options(
            getattr(args, "config", None),
            getattr(args, "data_dir", None),
            getattr(args, "set", None) or (),
        )

    @property
    def store_path(self) -> Path:
        return paths.store_path(self.data_dir)

    def store(self, *, check: bool = True, read_only: bool = False) -> OpenedStore:
        """The store, opened (and recovered if damaged) on first use.

        ``read_only`` (the owner's reporting commands): the file is never changed, not even
        checkpointed; a damaged store raises ``DamagedStore`` and is left for the kiosk's own
        start (kiosk.store.recovery, the one path that sets a store aside) to recover.
        """
        if self._store is None:
            if read_only:
                self._store = open_read_only(
                    self.store_path, self.settings.kiosk.id, __version__, check=check
                )
            else:
                self._store = open_store(
                    self.store_path, self.settings.kiosk.id, __version__, check=check
                )
        return self._store

    def reload_settings(self, settings: Settings) -> None:
        self.settings = replace(settings)
        if self.merged is not None and self.merged.settings != settings:
            self.merged = settled(settings)  # applied from outside the layers (a test)

    def remember_layers(self, merged: Merged) -> None:
        """A layer changed (the owner saved, the central service sent a new one)."""
        self.merged = merged

    def close(self) -> None:
        if self._store is not None:
            self._store.db.close()
            self._store = None
