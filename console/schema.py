"""Schema versions: upgrade a database to the code's head revision, safely.

A SQLite file is copied aside (with SQLite's backup API, so the WAL is included) before
any upgrade. A database stamped with a revision this code does not know was made by a
newer version: refuse it rather than guess.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from console.errors import DatabaseError
from console.store import Store
from db import MIGRATIONS_DIR

log = logging.getLogger("console.db")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def backup_sqlite(path: Path, revision: str | None) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.bak-{revision or 'none'}-{stamp}")
    with sqlite3.connect(path) as source, sqlite3.connect(target) as dest:
        source.backup(dest)
    log.info("copied %s to %s before upgrading", path, target)
    return target


def status(store: Store) -> tuple[str | None, str]:
    """(the database's revision, the code's head revision)."""
    with store.guard(), store.engine.connect() as conn:
        return current_revision(conn), head_revision()


def upgrade(store: Store) -> bool:
    """Bring the schema to head; True when anything was done."""
    with store.guard():
        with store.engine.connect() as conn:
            current = current_revision(conn)
            tables = set(inspect(conn).get_table_names())
        head = head_revision()
        if current == head:
            return False
        if current is not None and current not in _known_revisions():
            raise DatabaseError("db.newer", revision=current)
        if current is None and tables - {"alembic_version"}:
            raise DatabaseError("db.foreign", tables=", ".join(sorted(tables)[:5]))
        path = store.sqlite_path
        if current is not None and path is not None and path.exists():
            backup_sqlite(path, current)
        config = alembic_config()
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        log.info("schema upgraded from %s to %s on %s", current, head, store.describe())
        return True


def require_current(store: Store) -> None:
    """Refuse to work on a database whose schema is not the code's head."""
    current, head = status(store)
    if current == head:
        return
    if current is None:
        raise DatabaseError("db.not_initialised")
    if current not in _known_revisions():
        raise DatabaseError("db.newer", revision=current)
    raise DatabaseError("db.not_initialised")
