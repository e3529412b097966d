"""What every subcommand gets: merged settings, the store, and a way to print."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

from console.settings import Settings
from console.store import Store


@dataclass
class CommandContext:
    settings: Settings
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _store: Store | None = None

    def store(self) -> Store:
        """Open (once) the configured database; creates the default data folder."""
        if self._store is None:
            if self.settings.is_default_database:
                self.settings.data_dir.mkdir(parents=True, exist_ok=True)
            self._store = Store(self.settings.database_url, workstation=self.settings.workstation)
        return self._store

    def print(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def close(self) -> None:
        if self._store is not None:
            self._store.dispose()
            self._store = None
