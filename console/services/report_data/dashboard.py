"""The live dashboard's figures: today's intake by hour, 7- and 30-day trends, categories,
the two headline rates against their targets and the most overdue cases.

Counts come from the same KPI parts as the reports (report_data.figures), so a figure on
the dashboard and in the daily report agree. dashboard_if_changed is cheap to poll: it
reads nothing but the feed position when nothing has changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from console.services import feed
from console.services.kpi.periods import Period, center_timezone
from console.services.report_data import case_rows
from console.services.report_data.context import target
from console.services.report_data.figures import breakdown, daily_series, hourly_reported

TREND_DAYS = 30
TOP_CATEGORIES = 8
TOP_OVERDUE = 10
RATES = ("community_resolution_rate", "on_time_close_rate")


@dataclass(frozen=True)
class DayPoint:
    day: dt.date
    reported: int  # cases reported that day
    closed: int  # of those, the ones closed now (the KPI cohort), not closures that day


@dataclass(frozen=True)
class DashboardData:
    today: dt.date
    hourly: tuple[int, ...]  # cases reported in each local hour of today
    trend: tuple[DayPoint, ...]  # the last TREND_DAYS days, today included
    categories: tuple[tuple[str, int], ...]  # (class label, reported) over the trend days
    rates: dict[str, float | None]  # over the trend days
    targets: dict[str, float]
    overdue: tuple[tuple[str, ...], ...]  # case_rows.headers() columns
    overdue_total: int
    feed_seq: int

    @property
    def week(self) -> tuple[DayPoint, ...]:
        return self.trend[-7:]


def dashboard(session: Session, *, language: str, now: dt.datetime | None = None) -> DashboardData:
    seq = feed.last_seq(session)  # first: a change made while reading is seen again
    now = now or dt.datetime.now(dt.UTC)
    zone = center_timezone(session)
    today = now.astimezone(zone).date()
    window = Period(today - dt.timedelta(days=TREND_DAYS - 1), today + dt.timedelta(days=1))
    trend = tuple(
        DayPoint(day, f.counts["reported"], f.counts["closed"])
        for day, f in daily_series(session, window, as_of=now)
    )
    classes = breakdown(session, window, "category_class", as_of=now, language=language)
    overdue, total = case_rows.listed(
        session, case_rows.overdue_now(now), zone, language, limit=TOP_OVERDUE
    )
    return DashboardData(
        today=today,
        hourly=tuple(hourly_reported(session, today)),
        trend=trend,
        categories=tuple((r.label, r.counts["reported"]) for r in classes.rows[:TOP_CATEGORIES]),
        rates={name: classes.total.rates[name] for name in RATES},
        targets={name: target(session, name) for name in RATES},
        overdue=tuple(overdue),
        overdue_total=total,
        feed_seq=seq,
    )


def dashboard_if_changed(
    session: Session, seen_seq: int | None, *, language: str, today: dt.date | None = None
) -> DashboardData | None:
    """None when the feed has not moved since seen_seq and the day has not turned."""
    if seen_seq is not None and feed.last_seq(session) == seen_seq:
        zone = center_timezone(session)
        if today is None or dt.datetime.now(dt.UTC).astimezone(zone).date() == today:
            return None
    return dashboard(session, language=language)
