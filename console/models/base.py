"""Declarative base and the column types every model shares."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Dialect,
    Insert,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    insert,
)
from sqlalchemy.orm import DeclarativeBase, Session
from sqlalchemy.types import TypeDecorator

# Deterministic constraint names keep Alembic revisions identical on both backends.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets 64-bit keys.
BigId = BigInteger().with_variant(Integer(), "sqlite")


def _to_utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValueError("naive datetime refused: give a time zone")
    return value if value.tzinfo is dt.UTC else value.astimezone(dt.UTC)


def _sqlite_bind(value: dt.datetime | None) -> str | None:
    # SQLAlchemy's own SQLite text format, produced by the C isoformat: a bulk load of a
    # million cases spends most of its time here.
    if value is None:
        return None
    return _to_utc(value).isoformat(" ", "microseconds")[:-6]  # drop "+00:00"


def _sqlite_result(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores aware datetimes as UTC; naive values are refused so no local time sneaks in.

    SQLite keeps them as 'YYYY-MM-DD HH:MM:SS.ffffff' text (UTC), which sorts and compares
    correctly; PostgreSQL as timestamptz.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> Any:
        if dialect.name == "sqlite":
            return _sqlite_bind
        return super().bind_processor(dialect)

    def result_processor(self, dialect: Dialect, coltype: Any) -> Any:
        if dialect.name == "sqlite":
            return _sqlite_result
        return super().result_processor(dialect, coltype)

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        return None if value is None else _to_utc(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads it as a class attribute
        dt.datetime: UTCDateTime(),
        dt.date: Date(),
        Decimal: Numeric(14, 2),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
        str: String(),
    }


def table_of(model: type[Base]) -> Table:
    """A model's Table, for Core statements that skip the unit of work on hot paths."""
    return cast(Table, model.__table__)


def append_row(session: Session, model: type[Base], values: dict[str, Any]) -> None:
    """Insert one row of model in the session's transaction, past the unit of work.

    For rows nothing else in the session refers to (audit, feed, timeline, submissions),
    written on every report: a Core insert given as a one-row list asks nothing back
    (no RETURNING of the new id), which the unit of work would.
    """
    statement = _INSERTS.get(model)
    if statement is None:
        statement = _INSERTS[model] = insert(table_of(model))
    session.execute(statement, [values])


# One insert statement per model, built on first use: building it anew for every audit,
# feed and timeline row cost more than a tenth of the row.
_INSERTS: dict[type[Base], Insert] = {}
