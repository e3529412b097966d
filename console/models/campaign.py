"""Special campaigns (专项整治): a template of steps, targets and items worked off."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, BigId


class Campaign(Base):
    __tablename__ = "campaign"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(96))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date | None]
    target_count: Mapped[int] = mapped_column(default=0)
    # A new case of the category this close to a cleared item counts as a rebound.
    rebound_radius_m: Mapped[float] = mapped_column(Float, default=50.0)
    community_ids: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(16), default="active")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime]


class CampaignStep(Base):
    __tablename__ = "campaign_step"
    __table_args__ = (UniqueConstraint("campaign_id", "ordinal"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    ordinal: Mapped[int]
    name: Mapped[str] = mapped_column(String(64))


class CampaignItem(Base):
    """One lock, sign or structure the campaign has to clear."""

    __tablename__ = "campaign_item"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), index=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    address: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    step_ordinal: Mapped[int] = mapped_column(default=1)
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    cleared_at: Mapped[dt.datetime | None]
    rebound_case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"))
    created_at: Mapped[dt.datetime]
