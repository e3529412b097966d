"""Local time for the generator, and the center's working calendar as seeded.

Deadline arithmetic is the console's own (console.services.workcalendar), so demo
deadlines are exactly the ones the workflow would have set.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from console.services.workcalendar import WorkCalendar
from db.demo.holidays import calendar_days
from db.demo.places import TIME_ZONE

TZ = ZoneInfo(TIME_ZONE)


def local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=TZ)


def demo_calendar() -> WorkCalendar:
    """The calendar the seeded tables describe (standard office hours, the holidays)."""
    days = calendar_days()
    return WorkCalendar(
        timezone=TZ,
        holidays=[day for day, kind, _ in days if kind == "holiday"],
        workdays=[day for day, kind, _ in days if kind == "workday"],
    )


def next_staffed(moment: dt.datetime, opens: float, closes: float) -> dt.datetime:
    """The moment itself if a post is staffed then (local hours opens..closes), else the
    post's next opening."""
    local = moment.astimezone(TZ)
    hour = local.hour + local.minute / 60 + local.second / 3600
    if opens <= hour < closes:
        return local
    day = local.date() if hour < opens else local.date() + dt.timedelta(days=1)
    return local_midnight(day) + dt.timedelta(hours=opens)
