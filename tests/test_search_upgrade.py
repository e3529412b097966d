"""Revision 0003 on a database with cases: upgrade makes them searchable, downgrade
removes every search object, and upgrading again restores the search."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from alembic import command
from sqlalchemy import inspect, text

from console import schema
from console.services.search import search
from console.store import Store
from tests.support.pgserver import PgServer

NOW = dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.UTC)


def migrate(store: Store, revision: str, *, down: bool = False) -> None:
    config = schema.alembic_config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(config, revision)


def seed_at_0002(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO category (code, kind, name_zh, name_en, unit_type, active)"
                " VALUES ('0102', 'event', '暴露垃圾', 'Exposed garbage', 'sanitation', true)"
            )
        )
        for n, description in enumerate(("路边有暴露垃圾未清运", "井盖缺失", "垃圾桶满溢")):
            conn.execute(
                text(
                    "INSERT INTO case_file (number, source, category_id, address, urgency,"
                    " description, reporter_name, reporter_phone, state, self_handled,"
                    " escalation_level, supervised, rework_count, extension_count,"
                    " return_count, reported_at, updated_at, version)"
                    " VALUES (:number, 'inspector', 1, '杨庄路1号', 'normal', :description,"
                    " '李四', '', 'to_open', false, 0, false, 0, 0, 0, :now, :now, 1)"
                ),
                {"number": f"BJ{n}", "description": description, "now": NOW},
            )


def found(store: Store, words: str) -> set[str]:
    with store.read() as session:
        return {row.number for row in search(session, words, now=NOW)}


def search_objects(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        if store.is_sqlite:
            rows = conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name LIKE 'case_search%'"
            )
            return {name for (name,) in rows}
        indexes = {ix["name"] or "" for ix in inspect(conn).get_indexes("case_file")}
        extensions = {name for (name,) in conn.exec_driver_sql("SELECT extname FROM pg_extension")}
        return ({"ix_case_file_search"} & indexes) | ({"pg_trgm"} & extensions)


def test_upgrade_indexes_existing_cases_and_downgrade_removes_it(empty_db_url: str) -> None:
    store = Store(empty_db_url)
    migrate(store, "0002")
    seed_at_0002(store)
    assert search_objects(store) == set()

    assert schema.upgrade(store) is True
    assert found(store, "暴露垃圾") == {"BJ0"}
    assert found(store, "垃圾") == {"BJ0", "BJ2"}
    assert found(store, "李四") == {"BJ0", "BJ1", "BJ2"}
    assert found(store, "BJ1") == {"BJ1"}
    assert search_objects(store)

    migrate(store, "0002", down=True)
    assert search_objects(store) == set()
    with store.engine.connect() as conn:
        indexes = {ix["name"] for ix in inspect(conn).get_indexes("case_file")}
    assert {"ix_case_file_reported_at", "ix_case_file_community_reported"} <= indexes
    assert not indexes & {"ix_case_file_reported_page", "ix_case_file_supervised"}

    assert schema.upgrade(store) is True
    assert found(store, "井盖缺失") == {"BJ1"}
    store.dispose()


@pytest.mark.postgres
def test_postgres_without_chinese_letters_still_finds_cases(
    pg_server: PgServer, caplog: pytest.LogCaptureFixture
) -> None:
    """LC_CTYPE C: pg_trgm extracts no Chinese trigram; the search is a correct scan."""
    name = "search_c_ctype"
    with pg_server.connect(admin=True) as conn:
        conn.execute(
            f"CREATE DATABASE {name} OWNER {pg_server.user} TEMPLATE template0"
            " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
        )
    store = Store(pg_server.url(name))
    try:
        migrate(store, "0002")
        seed_at_0002(store)
        with caplog.at_level(logging.WARNING, logger="console.db"):
            schema.upgrade(store)
        assert "does not treat Chinese characters as letters" in caplog.text
        assert found(store, "暴露垃圾") == {"BJ0"}
        assert found(store, "垃圾") == {"BJ0", "BJ2"}
    finally:
        store.dispose()
        with pg_server.connect(admin=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
