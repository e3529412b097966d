"""What each user chose for the window at this workstation: layout, theme, alert sound,
the map's layers and basemap.

Kept in <data dir>/window.ini (QSettings, INI format), one group per user name, so two
operators sharing a workstation each find their own layout after signing in.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QByteArray, QSettings

from console.views.theme import normalise_theme

FILE_NAME = "window.ini"


class WindowPrefs:
    def __init__(self, path: Path, username: str) -> None:
        self.path = path
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)
        # "/" separates groups in QSettings; any user name must stay one group.
        self._group = "users/" + quote(username, safe="")

    @classmethod
    def for_user(cls, data_dir: Path, username: str) -> WindowPrefs:
        return cls(data_dir / FILE_NAME, username)

    def _key(self, name: str) -> str:
        return f"{self._group}/{name}"

    def _bytes(self, name: str) -> QByteArray | None:
        value = self._settings.value(self._key(name))
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("geometry")

    @property
    def state(self) -> QByteArray | None:
        return self._bytes("state")

    def save_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue(self._key("geometry"), geometry)
        self._settings.setValue(self._key("state"), state)
        self._settings.sync()

    @property
    def theme(self) -> str:
        return normalise_theme(self._settings.value(self._key("theme")))

    @theme.setter
    def theme(self, name: str) -> None:
        self._settings.setValue(self._key("theme"), normalise_theme(name))
        self._settings.sync()

    @property
    def alert_sound(self) -> bool:
        value = self._settings.value(self._key("alert_sound"), False)
        return value is True or str(value).lower() in ("true", "1")

    @alert_sound.setter
    def alert_sound(self, on: bool) -> None:
        self._settings.setValue(self._key("alert_sound"), bool(on))
        self._settings.sync()

    @property
    def map_layers(self) -> dict[str, bool]:
        """Overlay key -> shown, for the overlays the user has ticked or unticked."""
        try:
            value = json.loads(str(self._settings.value(self._key("map_layers"), "{}")))
        except ValueError:
            return {}
        if not isinstance(value, dict):
            return {}
        return {str(k): v for k, v in value.items() if isinstance(v, bool)}

    def set_map_layer(self, key: str, shown: bool) -> None:
        self._settings.setValue(
            self._key("map_layers"), json.dumps({**self.map_layers, key: bool(shown)})
        )
        self._settings.sync()

    @property
    def map_basemap(self) -> str:
        return str(self._settings.value(self._key("map_basemap"), "") or "")

    @map_basemap.setter
    def map_basemap(self, key: str) -> None:
        self._settings.setValue(self._key("map_basemap"), key)
        self._settings.sync()
