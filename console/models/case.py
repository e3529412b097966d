"""Cases (案卷), their append-only timeline and attachments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Float, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, BigId

# DOMAIN.md "Case workflow"; the transitions themselves live in the workflow service.
CASE_STATES = (
    "draft",
    "reported",
    "to_verify",
    "to_open",
    "not_opened",
    "opened",
    "dispatched",
    "in_handling",
    "shelved",
    "to_check",
    "to_close",
    "closed",
    "archived",
    "merged",  # a duplicate folded into another case (merged_into_id)
)
CALLBACK_RESULTS = ("satisfied", "basically_satisfied", "unsatisfied", "unreachable")
CASE_SOURCES = ("inspector", "hotline", "phone", "video", "public", "leader", "media", "other")
URGENCIES = ("normal", "urgent")
PHOTO_KINDS = ("near", "far", "reference", "before", "after", "snapshot", "clip", "other")


class Case(Base):
    __tablename__ = "case_file"
    # The operator queue pages in (sort key, id) order: with the tab's state filter in the
    # index too, a page (even 50,000 rows deep) is read from the index alone. The text
    # search objects (SQLite FTS5 table, PostgreSQL trigram index) live outside the ORM:
    # revision 0003 and console.services.textmatch.
    __table_args__ = (
        Index("ix_case_file_state_due", "state", "handle_due_at"),
        Index("ix_case_file_reported_page", "reported_at", "id", "state"),
        Index("ix_case_file_community_page", "community_id", "reported_at", "id", "state"),
        # Counts the "supervised" tab without a full scan; only supervised rows are in it.
        Index(
            "ix_case_file_supervised",
            "state",
            sqlite_where=text("supervised = 1"),
            postgresql_where=text("supervised"),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    source: Mapped[str] = mapped_column(String(16))
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"), index=True)
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    address: Mapped[str] = mapped_column(String(200), default="")
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"), index=True)
    urgency: Mapped[str] = mapped_column(String(8), default="normal")
    description: Mapped[str] = mapped_column(Text)
    reporter_name: Mapped[str] = mapped_column(String(64), default="")
    reporter_phone: Mapped[str] = mapped_column(String(32), default="")
    reporter_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    state: Mapped[str] = mapped_column(String(16), index=True)
    # A return, extension or shelve request awaiting the shift leader, if any.
    pending_request: Mapped[str | None] = mapped_column(String(16))
    self_handled: Mapped[bool] = mapped_column(default=False)
    # 0 = community level, 1 = escalated to the street (大事不出街道).
    escalation_level: Mapped[int] = mapped_column(default=0)
    supervised: Mapped[bool] = mapped_column(default=False)
    rework_count: Mapped[int] = mapped_column(default=0)
    extension_count: Mapped[int] = mapped_column(default=0)
    return_count: Mapped[int] = mapped_column(default=0)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("responsible_unit.id"), index=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"))

    reported_at: Mapped[dt.datetime]
    verified_at: Mapped[dt.datetime | None]
    opened_at: Mapped[dt.datetime | None]
    dispatched_at: Mapped[dt.datetime | None]
    handled_at: Mapped[dt.datetime | None]
    checked_at: Mapped[dt.datetime | None]
    closed_at: Mapped[dt.datetime | None]
    archived_at: Mapped[dt.datetime | None]

    open_due_at: Mapped[dt.datetime | None]
    dispatch_due_at: Mapped[dt.datetime | None]
    handle_due_at: Mapped[dt.datetime | None]
    check_due_at: Mapped[dt.datetime | None]

    escalated_at: Mapped[dt.datetime | None]
    callback_at: Mapped[dt.datetime | None]
    callback_result: Mapped[str | None] = mapped_column(String(24))

    updated_at: Mapped[dt.datetime]
    # A plain id, not a foreign key: adding one would make SQLite rebuild the table.
    updated_by_id: Mapped[int | None] = mapped_column(BigId)
    # Optimistic locking: a stale version means another workstation changed it first.
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class CaseEvent(Base):
    """One step of a case's timeline; rows are only ever appended."""

    __tablename__ = "case_event"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    at: Mapped[dt.datetime]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    actor: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(16), default="")
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Blob(Base):
    """File content kept in the shared database, once per distinct sha256."""

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    mime: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime]


class Attachment(Base):
    """A photo, snapshot or clip attached to a case or another record."""

    __tablename__ = "attachment"
    __table_args__ = (UniqueConstraint("entity", "entity_id", "sha256", "kind"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    entity: Mapped[str] = mapped_column(String(24))  # case | campaign_item | ...
    entity_id: Mapped[int] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(16))
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"))
    size: Mapped[int]
    mime: Mapped[str] = mapped_column(String(64))
    original_name: Mapped[str] = mapped_column(String(255), default="")
    taken_at: Mapped[dt.datetime | None]
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    camera_id: Mapped[int | None] = mapped_column(ForeignKey("camera.id"))
    created_at: Mapped[dt.datetime]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
