"""Cross-cutting records: settings, the audit trail and the change feed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, BigId


class AppSetting(Base):
    """Center-wide settings kept in the database (name, time zone, demo flag, policies)."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON())


class ReferenceStamp(Base):
    """One row whose version changes whenever reference data changes (db.reference_stamp).

    Triggers on the reference tables give it a value never used before, in the changing
    transaction, so a process may keep those tables in memory and trust them for as long
    as the version it read them under is still the current one.
    """

    __tablename__ = "reference_stamp"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger)


class AuditLog(Base):
    """Tamper-evident audit trail: each row's hash covers its content and the previous hash.

    chain_no is contiguous (assigned under a lock), so a deleted row leaves a visible gap.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    chain_no: Mapped[int] = mapped_column(unique=True)
    at: Mapped[dt.datetime]
    user_id: Mapped[int | None]
    username: Mapped[str] = mapped_column(String(64), default="")
    workstation: Mapped[str] = mapped_column(String(128), default="")
    action: Mapped[str] = mapped_column(String(48))
    entity: Mapped[str] = mapped_column(String(32), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ChangeFeed(Base):
    """One row per committed change, written in the same transaction as the change."""

    __tablename__ = "change_feed"
    __table_args__ = (Index("ix_change_feed_entity", "entity"),)

    seq: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[dt.datetime]
    entity: Mapped[str] = mapped_column(String(32))
    ids: Mapped[list[Any]] = mapped_column(default=list)
    kind: Mapped[str] = mapped_column(String(16))  # created | updated | deleted
    workstation: Mapped[str] = mapped_column(String(128), default="")
