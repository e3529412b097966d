"""What the report dialog offers: communities and campaigns, as plain (id, name) pairs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Campaign, Community
from console.services.kpi.periods import center_timezone


@dataclass(frozen=True)
class ReportChoices:
    communities: tuple[tuple[int, str], ...]
    campaigns: tuple[tuple[int, str], ...]
    today: dt.date  # the center's local date


def report_choices(session: Session) -> ReportChoices:
    communities = session.execute(select(Community.id, Community.name).order_by(Community.code))
    campaigns = session.execute(
        select(Campaign.id, Campaign.name).order_by(Campaign.starts_on.desc(), Campaign.id)
    )
    today = dt.datetime.now(dt.UTC).astimezone(center_timezone(session)).date()
    return ReportChoices(
        tuple((int(i), str(n)) for i, n in communities),
        tuple((int(i), str(n)) for i, n in campaigns),
        today,
    )
