"""Working days of a period, as the UTC ranges that --working-days-only filters on.

A local date is a working day if calendar_day marks it 'workday' (调休), or if its
weekday has a working_hours row and calendar_day does not mark it 'holiday'; with no
working_hours rows at all (calendar not set up), Monday to Friday. That is the rule of
console.services.workcalendar, read here straight from the tables in two small queries
(tests/test_kpi_groups.py checks that both agree).

Consecutive working days merge into one run (Monday to Friday is one range), so a year
needs about 60 ranges whatever the number of cases. Each becomes
`reported_at >= lo AND reported_at < hi`, OR-ed together: an index range scan per run
on PostgreSQL, a cheap comparison per row on SQLite. No temporary table is needed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, and_, false, or_, select
from sqlalchemy.orm import Session

from console.models import CalendarDay, Case, WorkingHours
from console.services.kpi.periods import ONE_DAY, Period

STANDARD_WEEK = frozenset(range(5))  # Monday to Friday


def working_days(session: Session, period: Period) -> list[dt.date]:
    weekdays = set(session.scalars(select(WorkingHours.weekday))) or STANDARD_WEEK
    rows = session.execute(
        select(CalendarDay.day, CalendarDay.kind).where(
            CalendarDay.day >= period.start, CalendarDay.day < period.end
        )
    )
    exceptions = {day: kind for day, kind in rows}
    days = []
    day = period.start
    while day < period.end:
        kind = exceptions.get(day)
        if kind == "workday" or (day.weekday() in weekdays and kind != "holiday"):
            days.append(day)
        day += ONE_DAY
    return days


def runs(days: list[dt.date]) -> list[Period]:
    """Consecutive days merged into periods; days must be sorted."""
    merged: list[Period] = []
    for day in days:
        if merged and merged[-1].end == day:
            merged[-1] = Period(merged[-1].start, day + ONE_DAY)
        else:
            merged.append(Period(day, day + ONE_DAY))
    return merged


def working_filter(session: Session, period: Period, zone: dt.tzinfo) -> ColumnElement[bool]:
    """The condition on reported_at that keeps cases reported on working days."""
    ranges = [run.utc_bounds(zone) for run in runs(working_days(session, period))]
    if not ranges:
        return false()
    return or_(*(and_(Case.reported_at >= lo, Case.reported_at < hi) for lo, hi in ranges))
