"""Reporting periods: local dates, their UTC bounds, and the periods they are compared with.

Dates are the center's local dates. A period is [start, end): start is its first day,
end the day after its last. Local midnights are turned into UTC instants in Python
(zoneinfo), so SQL only ever compares reported_at with UTC bounds and the indexes on
reported_at serve every zone, on both backends.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from console.errors import InputError
from console.models import AppSetting

DEFAULT_TIMEZONE = "Asia/Shanghai"
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # exclusive

    @property
    def last(self) -> dt.date:
        return self.end - ONE_DAY

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def utc_bounds(self, zone: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
        return local_midnight(self.start, zone), local_midnight(self.end, zone)

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.last.isoformat()}"


def local_midnight(day: dt.date, zone: dt.tzinfo) -> dt.datetime:
    """The UTC instant at which day begins in zone."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=zone).astimezone(dt.UTC)


def center_timezone(session: Session) -> ZoneInfo:
    """The zone named by AppSetting "timezone" (default Asia/Shanghai)."""
    row = session.get(AppSetting, "timezone")
    name = row.value if row is not None and row.value else DEFAULT_TIMEZONE
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise InputError("kpi.bad_timezone", zone=name) from error


def _is_month_end(day: dt.date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _shift_year(day: dt.date, years: int) -> dt.date:
    """The same day in another year; Feb 29 becomes Feb 28 where there is none."""
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def year_earlier(period: Period) -> Period:
    """同比: the same dates one year earlier.

    Feb 29 maps to Feb 28. A period of more than one day ending on the last day of
    February ends on the last day of February a year earlier, so that all of February
    2025 compares with all of February 2024 (29 days) and back.
    """
    start = _shift_year(period.start, -1)
    last = _shift_year(period.last, -1)
    if period.last.month == 2 and _is_month_end(period.last) and period.days > 1:
        last = last.replace(day=calendar.monthrange(last.year, 2)[1])
    return Period(start, last + ONE_DAY)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def preceding(period: Period) -> Period:
    """环比: the period of equal length just before.

    Whole calendar months compare with as many whole months before (March with
    February, a quarter with the quarter before); any other period with the same number
    of days before it.
    """
    if period.start.day == 1 and period.end.day == 1:
        months = (period.end.year - period.start.year) * 12 + period.end.month
        months -= period.start.month
        return Period(_add_months(period.start, -months), period.start)
    return Period(period.start - dt.timedelta(days=period.days), period.start)
