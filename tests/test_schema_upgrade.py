"""Schema revisions: they match the models, and an older database upgrades with its data."""

from __future__ import annotations

import datetime as dt

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from console import schema
from console.models import Base
from console.store import Store
from db.unmapped import include_object


def test_revisions_match_models(store: Store) -> None:
    with store.engine.connect() as conn:
        opts = {"compare_type": True, "include_object": include_object}
        context = MigrationContext.configure(conn, opts=opts)
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_upgrade_from_first_revision_keeps_data(empty_db_url: str) -> None:
    store = Store(empty_db_url)
    config = schema.alembic_config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    now = dt.datetime(2026, 1, 5, 8, 0)
    with store.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO app_setting (key, value) VALUES ('center_name', '\"某街道\"')")
        )
        conn.execute(
            text(
                "INSERT INTO street (code, name, district_name, boundary, center_lon, center_lat)"
                " VALUES ('110107005', '八角街道', '石景山区', '[]', 116.2, 39.9)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO category (code, kind, name_zh, name_en, unit_type, active)"
                " VALUES ('0102', 'event', '暴露垃圾', 'Exposed garbage', 'sanitation', true)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO case_file (number, source, category_id, address, urgency,"
                " description, reporter_name, reporter_phone, state, self_handled,"
                " escalation_level, supervised, rework_count, extension_count, return_count,"
                " reported_at, updated_at, version)"
                " VALUES ('BJ1', 'inspector', 1, '', 'normal', '路边垃圾', '', '', 'to_open',"
                " false, 0, false, 0, 0, 0, :now, :now, 1)"
            ),
            {"now": now},
        )

    assert schema.upgrade(store) is True
    current, head = schema.status(store)
    assert current == head
    with store.read() as session:
        row = session.execute(text("SELECT number, escalated_at FROM case_file")).one()
        name = session.execute(text("SELECT name FROM street")).scalar_one()
    assert tuple(row) == ("BJ1", None) and name == "八角街道"
    path = store.sqlite_path
    if path is not None:
        backups = list(path.parent.glob(f"{path.name}.bak-0001-*"))
        assert len(backups) == 1 and backups[0].stat().st_size > 0
    store.dispose()
