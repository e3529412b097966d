"""Special campaigns (专项整治): a template of steps, targets and items worked off."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, BigId

# What an item is; the parking-lock campaign's items are locks.
ITEM_KINDS = ("lock", "sign", "structure", "other")
# How an item came in: typed by hand, picked on the map, or imported from a sheet.
ITEM_SOURCES = ("hand", "map", "import")
CAMPAIGN_STATES = ("active", "closed")


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
    # An item reaching this step counts as cleared (the lock is gone), from then on a
    # new case nearby is a rebound. The parking-lock method: from the second removal on.
    cleared_from_step: Mapped[int] = mapped_column(default=3)


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
    # Rebound detection looks for a campaign's items in a narrow band of latitude.
    __table_args__ = (Index("ix_campaign_item_campaign_id_lat", "campaign_id", "lat"),)

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
    kind: Mapped[str] = mapped_column(String(16), default="lock")
    source: Mapped[str] = mapped_column(String(16), default="hand")
    # When a new case flagged this cleared item as come back (rebound_case_id says which).
    rebound_at: Mapped[dt.datetime | None]
    updated_at: Mapped[dt.datetime | None]
