"""The working calendar: office hours, public holidays and make-up working days (调休)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, BigId


class WorkingHours(Base):
    """Office hours per weekday (0 = Monday), morning and afternoon blocks, local time."""

    __tablename__ = "working_hours"

    weekday: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    am_start: Mapped[str] = mapped_column(String(5), default="08:30")
    am_end: Mapped[str] = mapped_column(String(5), default="12:00")
    pm_start: Mapped[str] = mapped_column(String(5), default="13:30")
    pm_end: Mapped[str] = mapped_column(String(5), default="17:30")


class CalendarDay(Base):
    """An exception to the weekly pattern: a holiday on a weekday, or a make-up workday."""

    __tablename__ = "calendar_day"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    day: Mapped[dt.date] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # holiday | workday
    name: Mapped[str] = mapped_column(String(64), default="")
