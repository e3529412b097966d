"""What every report builder is given: the session, the reader's language and clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import AppSetting, User
from console.services.actor import Actor
from console.services.kpi.periods import center_timezone
from console.services.report_data.labels import local_time
from console.services.summary import center_name
from reports.blocks import ReportMeta

# Goals the dashboard and bulletins draw as target lines; a center sets its own in
# app_setting (a fraction, e.g. 0.95), these are the defaults.
TARGETS = {
    "community_resolution_rate": ("target.community_resolution_rate", 0.95),
    "on_time_close_rate": ("target.on_time_close_rate", 0.90),
}


@dataclass(frozen=True)
class BuildContext:
    session: Session
    actor: Actor
    language: str
    now: dt.datetime  # aware, UTC
    zone: ZoneInfo

    @classmethod
    def make(
        cls, session: Session, actor: Actor, language: str, now: dt.datetime | None = None
    ) -> BuildContext:
        return cls(
            session, actor, language, now or dt.datetime.now(dt.UTC), center_timezone(session)
        )

    @property
    def today(self) -> dt.date:
        return self.now.astimezone(self.zone).date()

    def as_of(self, end: dt.date) -> dt.datetime:
        """The clock overdue is measured against: the end of the period, if it is past."""
        end_at = dt.datetime.combine(end, dt.time(0), tzinfo=self.zone).astimezone(dt.UTC)
        return min(self.now, end_at)

    def meta(self, title: str, subtitle: str) -> ReportMeta:
        return ReportMeta(
            center_name=center_name(self.session),
            title=title,
            subtitle=subtitle,
            generated_at=local_time(self.now, self.zone),
            generated_by=actor_name(self.session, self.actor),
            language=self.language,
        )


def actor_name(session: Session, actor: Actor) -> str:
    if actor.user_id is None:
        return actor.username
    name = session.scalar(select(User.display_name).where(User.id == actor.user_id))
    return f"{name}（{actor.username}）" if name else actor.username


def target(session: Session, rate: str) -> float:
    key, default = TARGETS[rate]
    row = session.get(AppSetting, key)
    try:
        return float(row.value) if row is not None and row.value is not None else default
    except (TypeError, ValueError):
        return default
