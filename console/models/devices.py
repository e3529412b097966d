"""Devices in the street: cameras on the video wall and grid workers' field terminals."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, BigId

DEVICE_STATES = ("online", "offline", "unknown")


class Camera(Base):
    """A street camera; code is the 20-digit GB/T 28181 device id."""

    __tablename__ = "camera"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(96))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"))
    group_name: Mapped[str] = mapped_column(String(64), default="")
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    main_url: Mapped[str] = mapped_column(String(512), default="")
    sub_url: Mapped[str] = mapped_column(String(512), default="")
    status: Mapped[str] = mapped_column(String(8), default="unknown")
    last_seen_at: Mapped[dt.datetime | None]


class FieldTerminal(Base):
    """A phone carried by a community head or grid worker (网格员)."""

    __tablename__ = "field_terminal"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    holder_name: Mapped[str] = mapped_column(String(64))
    holder_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    holder_post: Mapped[str] = mapped_column(String(32), default="grid_worker")
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"))
    phone: Mapped[str] = mapped_column(String(32), default="")
    status: Mapped[str] = mapped_column(String(8), default="unknown")
    last_seen_at: Mapped[dt.datetime | None]
    # sha256 of the device's API key; the key itself is shown once when issued.
    api_key_hash: Mapped[str | None] = mapped_column(String(64))
    # The key's public head, to find the row before comparing hashes in constant time.
    api_key_prefix: Mapped[str | None] = mapped_column(String(16), unique=True, index=True)
    api_key_issued_at: Mapped[dt.datetime | None]
    active: Mapped[bool] = mapped_column(default=True)
