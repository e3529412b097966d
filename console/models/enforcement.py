"""The enforcement ledger: what the law-enforcement teams did, counted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, BigId

# Kinds and their unit of count, after the source practice's yearly figures.
ENFORCEMENT_KINDS = {
    "turnout": "person_times",  # 执法出动人次
    "ban": "count",  # 取缔无照经营
    "seizure": "vehicles",  # 暂扣违法车辆
    "frontage": "count",  # 门前三包整改
    "signboard": "count",  # 拆除违规牌匾
    "demolition": "m2",  # 拆除违法建设
    "hazard": "count",  # 排查安全隐患
    "small_ad": "count",  # 清理小广告
}


class EnforcementAction(Base):
    __tablename__ = "enforcement_action"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    occurred_on: Mapped[dt.date] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    quantity: Mapped[Decimal]
    team: Mapped[str] = mapped_column(String(64), default="")
    shift: Mapped[str] = mapped_column(String(16), default="day")
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id"))
    plate: Mapped[str] = mapped_column(String(16), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[dt.datetime]
