"""The difficulty list (难点清单): hard problems, each owned and written off one by one."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, BigId

DIFFICULTY_STATES = ("open", "written_off")


class DifficultyItem(Base):
    __tablename__ = "difficulty_item"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    title: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"))
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    deadline: Mapped[dt.date]
    state: Mapped[str] = mapped_column(String(16), default="open", index=True)
    created_at: Mapped[dt.datetime]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # 销账: who wrote it off, when and how; evidence attachments have kind "evidence".
    written_off_at: Mapped[dt.datetime | None]
    written_off_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    write_off_note: Mapped[str] = mapped_column(Text, default="")
