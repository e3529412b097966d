"""Duty roster (值班表), including staggered shifts, and the handover log (交接班)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, BigId

SHIFT_KINDS = ("day", "staggered", "evening", "night", "weekend")


class DutyShift(Base):
    __tablename__ = "duty_shift"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    on_date: Mapped[dt.date] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(16))
    starts_at: Mapped[dt.datetime]
    ends_at: Mapped[dt.datetime]
    leader_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class DutyAssignment(Base):
    __tablename__ = "duty_assignment"
    __table_args__ = (UniqueConstraint("shift_id", "user_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("duty_shift.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    post: Mapped[str] = mapped_column(String(32), default="")


class HandoverLog(Base):
    """What one shift hands to the next, with the open items carried over."""

    __tablename__ = "handover_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    from_shift_id: Mapped[int] = mapped_column(ForeignKey("duty_shift.id"))
    to_shift_id: Mapped[int | None] = mapped_column(ForeignKey("duty_shift.id"))
    written_at: Mapped[dt.datetime]
    written_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    summary: Mapped[str] = mapped_column(Text, default="")
    open_items: Mapped[list[Any]] = mapped_column(default=list)
    accepted_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    accepted_at: Mapped[dt.datetime | None]
