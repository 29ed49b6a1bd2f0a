"""What every entry point needs: where the data is, which config, the settings, the store.

Built once from the command line and passed down; no module-level global configuration.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from kiosk import __version__, paths
from kiosk.config import Settings, load_for_path, resolve_config_path
from kiosk.store.opening import OpenedStore, open_read_only
from kiosk.store.recovery import open_store

log = logging.getLogger("kiosk")


@dataclass
class Context:
    data_dir: Path
    config_path: Path
    config_explicit: bool
    settings: Settings
    _store: OpenedStore | None = field(default=None, repr=False)

    @classmethod
    def from_options(cls, config: str | None, data_dir: str | None) -> Context:
        folder, explicit_folder = paths.data_dir(data_dir)
        config_path, explicit_config = resolve_config_path(config, folder, explicit_folder)
        settings = load_for_path(config_path, explicit_config)
        return cls(folder, config_path, explicit_config, settings)

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

    def close(self) -> None:
        if self._store is not None:
            self._store.db.close()
            self._store = None
