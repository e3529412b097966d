"""One typed settings object. Precedence: CLI flag > environment > settings file > default."""

from __future__ import annotations

import configparser
import os
import socket
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "sanwang-console"
ENV_PREFIX = "CONSOLE_"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.ini"


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=default_data_dir)
    db_url: str = ""  # empty: the SQLite file in data_dir
    language: str = "zh_CN"
    workstation: str = field(default_factory=socket.gethostname)
    timezone: str = "Asia/Shanghai"

    @property
    def database_url(self) -> str:
        if self.db_url:
            return self.db_url
        return f"sqlite:///{self.data_dir / 'console.sqlite3'}"

    @property
    def is_default_database(self) -> bool:
        return not self.db_url


def _coerce(name: str, value: str) -> Any:
    return Path(value).expanduser() if name == "data_dir" else value


def load_settings(
    overrides: dict[str, Any] | None = None,
    *,
    environ: dict[str, str] | None = None,
    config_file: Path | None = None,
) -> Settings:
    """Merge the sources; overrides are the CLI flags that were given (None means absent)."""
    env = os.environ if environ is None else environ
    path = config_file or Path(env.get(ENV_PREFIX + "CONFIG", "") or default_config_file())
    values: dict[str, Any] = {}
    if path.is_file():
        parser = configparser.ConfigParser()
        parser.read(path, encoding="utf-8")
        if parser.has_section("console"):
            values.update(parser.items("console"))
    names = {f.name for f in fields(Settings)}
    for name in names:
        env_value = env.get(ENV_PREFIX + name.upper())
        if env_value:
            values[name] = env_value
    # The documented variable for the database is CONSOLE_DB_URL.
    for name, value in (overrides or {}).items():
        if value is not None:
            values[name] = value
    clean = {k: _coerce(k, str(v)) for k, v in values.items() if k in names}
    return replace(Settings(), **clean)
