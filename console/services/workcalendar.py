"""The working calendar: when the office works, for deadlines counted in working time.

A day's working time is its morning and afternoon blocks (WorkingHours, local time). A
weekday without a row is not a working day. CalendarDay rows override the week: a
"holiday" is off even on a weekday; a "workday" (调休 make-up day) works even on a
weekend, with that weekday's own hours if it has a row, else the reference hours:
Monday's, or 08:30-12:00 / 13:30-17:30 when Monday has no row. Monday stands for "an
ordinary full working day", which is what a make-up day replaces.

Every method takes aware datetimes in any zone and returns UTC-aware ones, the form the
database hands back, so results compare with and store into Case columns as they are;
local() turns one into the center's local time for display. Naive datetimes are bugs
and raise ValueError. Local times go through zoneinfo, never a fixed offset.

Deadline kinds (taxonomy.DEADLINE_KINDS):
- urgent_hours: elapsed clock hours, day and night; urgent matters do not wait.
- working_hours: working time only.
- working_days: N x the reference day's length of working time, counted from the start
  (see day_length for why).
- natural_days: calendar days on the local wall clock (same local time N days later).
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from console import messages
from console.errors import InputError

log = logging.getLogger("console.calendar")

TIMEZONE_KEY = "timezone"
DEFAULT_TIMEZONE = "Asia/Shanghai"
WORKING_KINDS = ("working_hours", "working_days")
NATURAL_KINDS = ("urgent_hours", "natural_days")
DAY_KINDS = ("holiday", "workday")

_ONE_DAY = dt.timedelta(days=1)
_HHMM = re.compile(r"(\d{1,2}):(\d{2})")

messages.register(
    {
        "calendar.bad_hours": (
            "工作时间设置不正确：{value}（应为 HH:MM，上午开始 ≤ 上午结束 ≤ 下午开始 ≤ 下午结束）",
            "Invalid working hours: {value} (HH:MM, morning start ≤ morning end ≤ "
            "afternoon start ≤ afternoon end)",
        ),
        "calendar.bad_weekday": (
            "工作时间的星期序号不正确：{weekday}（0 = 星期一 … 6 = 星期日）",
            "Invalid weekday in the working hours: {weekday} (0 = Monday … 6 = Sunday)",
        ),
        "calendar.no_working_days": (
            "工作日历中没有任何工作日，请先设置每周的工作时间",
            "The working calendar has no working day; set the weekly working hours first",
        ),
        "calendar.bad_timezone": (
            "未知的时区：{name}（或本机缺少时区数据，需安装 tzdata）",
            "Unknown time zone: {name} (or this computer lacks the time-zone data: install tzdata)",
        ),
        "calendar.day_conflict": (
            "{day} 不能既是节假日又是调休工作日",
            "{day} cannot be both a holiday and a make-up working day",
        ),
        "calendar.unknown_kind": ("未知的时限类型：{kind}", "Unknown deadline kind: {kind}"),
        "calendar.bad_amount": ("时限数值不正确：{amount}", "Invalid deadline amount: {amount}"),
    }
)


def _parse_hhmm(text: str) -> dt.time:
    match = _HHMM.fullmatch(text.strip())
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise InputError("calendar.bad_hours", value=text)
    return dt.time(int(match[1]), int(match[2]))


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


@dataclass(frozen=True)
class DayHours:
    """A working day's two blocks; an empty block (start == end) means no work then."""

    am_start: dt.time
    am_end: dt.time
    pm_start: dt.time
    pm_end: dt.time

    def __post_init__(self) -> None:
        ordered = self.am_start <= self.am_end <= self.pm_start <= self.pm_end
        if not ordered or self.am_start == self.pm_end:
            raise InputError("calendar.bad_hours", value=str(self))

    def __str__(self) -> str:
        pairs = ((self.am_start, self.am_end), (self.pm_start, self.pm_end))
        return " / ".join(f"{start:%H:%M}-{end:%H:%M}" for start, end in pairs)

    @classmethod
    def parse(cls, am_start: str, am_end: str, pm_start: str, pm_end: str) -> DayHours:
        """From the "HH:MM" strings kept in WorkingHours rows."""
        return cls(*(_parse_hhmm(t) for t in (am_start, am_end, pm_start, pm_end)))

    @property
    def blocks(self) -> list[tuple[dt.time, dt.time]]:
        pairs = [(self.am_start, self.am_end), (self.pm_start, self.pm_end)]
        return [(start, end) for start, end in pairs if end > start]

    @property
    def length(self) -> dt.timedelta:
        return dt.timedelta(minutes=sum(_minutes(e) - _minutes(s) for s, e in self.blocks))


STANDARD_HOURS = DayHours(dt.time(8, 30), dt.time(12, 0), dt.time(13, 30), dt.time(17, 30))
STANDARD_WEEK: Mapping[int, DayHours] = {weekday: STANDARD_HOURS for weekday in range(5)}

Interval = tuple[dt.datetime, dt.datetime]


def to_utc(moment: dt.datetime) -> dt.datetime:
    """The same instant in UTC; a naive datetime has no instant and is refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime refused: {moment!r}")
    return moment.astimezone(dt.UTC)


def _zone(timezone: str | dt.tzinfo) -> dt.tzinfo:
    if not isinstance(timezone, str):
        return timezone
    try:
        return ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise InputError("calendar.bad_timezone", name=timezone) from error


class WorkCalendar:
    """Which local days work and when, and deadline arithmetic over them."""

    def __init__(
        self,
        *,
        timezone: str | dt.tzinfo = DEFAULT_TIMEZONE,
        hours: Mapping[int, DayHours] | None = None,
        holidays: Iterable[dt.date] = (),
        workdays: Iterable[dt.date] = (),
    ) -> None:
        """hours: weekday (0 = Monday) -> DayHours; None means Monday-Friday standard."""
        self.zone = _zone(timezone)
        self.hours = dict(STANDARD_WEEK if hours is None else hours)
        for weekday in self.hours:
            if weekday not in range(7):
                raise InputError("calendar.bad_weekday", weekday=weekday)
        if not self.hours:
            raise InputError("calendar.no_working_days")
        self.holidays = frozenset(holidays)
        self.workdays = frozenset(workdays)
        conflicts = sorted(self.holidays & self.workdays)
        if conflicts:
            raise InputError("calendar.day_conflict", day=conflicts[0].isoformat())
        self._cache: dict[dt.date, tuple[Interval, ...]] = {}

    @property
    def reference_hours(self) -> DayHours:
        """The hours of a make-up day whose weekday has none: Monday's, else standard."""
        return self.hours.get(0, STANDARD_HOURS)

    @property
    def day_length(self) -> dt.timedelta:
        """How much working time one working day is worth (the reference day's length).

        "N working days" is N x this much working time from the start, not "the end of
        the Nth working day": it keeps fractional amounts meaningful (0.5 day), makes a
        day worth the same whatever the hour of the report (a case reported Friday 16:00
        with one working day is due Monday 16:00, not Friday 17:30), and lets remaining()
        count working days and working hours on the same working-time scale.
        """
        return self.reference_hours.length

    def local(self, moment: dt.datetime) -> dt.datetime:
        return to_utc(moment).astimezone(self.zone)

    def _local_date(self, moment: dt.datetime) -> dt.date:
        return self.local(moment).date()

    def hours_on(self, day: dt.date) -> DayHours | None:
        """The day's hours, None when it is not a working day (a datetime: its local day)."""
        if isinstance(day, dt.datetime):
            day = self._local_date(day)
        if day in self.holidays:
            return None
        own = self.hours.get(day.weekday())
        if day in self.workdays:
            return own or self.reference_hours
        return own

    def is_working_day(self, day: dt.date) -> bool:
        return self.hours_on(day) is not None

    def working_intervals(self, day: dt.date) -> list[Interval]:
        """The day's working blocks as (start, end) UTC instants, in order."""
        if isinstance(day, dt.datetime):
            day = self._local_date(day)
        return list(self._intervals(day))

    def _intervals(self, day: dt.date) -> tuple[Interval, ...]:
        cached = self._cache.get(day)
        if cached is None:
            hours = self.hours_on(day)
            found = []
            for start, end in hours.blocks if hours is not None else []:
                utc_start = dt.datetime.combine(day, start, self.zone).astimezone(dt.UTC)
                utc_end = dt.datetime.combine(day, end, self.zone).astimezone(dt.UTC)
                if utc_end > utc_start:
                    found.append((utc_start, utc_end))
            cached = self._cache[day] = tuple(found)
        return cached

    def _forward(self, start: dt.datetime) -> Iterator[Interval]:
        """Working time from start onwards, clipped; endless (the week has working days)."""
        day = self._local_date(start)
        while True:
            for begin, end in self._intervals(day):
                if end > start:
                    yield max(begin, start), end
            day += _ONE_DAY

    def _backward(self, end: dt.datetime) -> Iterator[Interval]:
        """Working time before end, latest first, clipped; endless like _forward."""
        day = self._local_date(end)
        while True:
            for begin, finish in reversed(self._intervals(day)):
                if begin < end:
                    yield begin, min(finish, end)
            day -= _ONE_DAY

    def next_working_moment(self, moment: dt.datetime) -> dt.datetime:
        """moment itself during working time, else the start of the next working block."""
        return next(self._forward(to_utc(moment)))[0]

    def add_working_time(self, start: dt.datetime, duration: dt.timedelta) -> dt.datetime:
        """The earliest instant with `duration` of working time between start and it.

        A start outside working time (night, lunch, weekend, holiday) counts from the
        next working moment; so a result may be the end of a block (17:30), never the
        start of the next one. A negative duration walks back to the latest such instant.
        """
        start = to_utc(start)
        if not duration:
            return start
        left = abs(duration)
        if duration > dt.timedelta(0):
            for begin, end in self._forward(start):
                if left <= end - begin:
                    return begin + left
                left -= end - begin
        for begin, end in self._backward(start):
            if left <= end - begin:
                return end - left
            left -= end - begin
        raise AssertionError("unreachable: the walks above never end")  # pragma: no cover

    def working_time_between(self, a: dt.datetime, b: dt.datetime) -> dt.timedelta:
        """Working time from a to b; negative when b is before a."""
        a, b = to_utc(a), to_utc(b)
        if b < a:
            return -self.working_time_between(b, a)
        total = dt.timedelta(0)
        day, last = self._local_date(a), self._local_date(b)
        while day <= last:
            for begin, end in self._intervals(day):
                overlap = min(end, b) - max(begin, a)
                if overlap > dt.timedelta(0):
                    total += overlap
            day += _ONE_DAY
        return total

    def add(self, start: dt.datetime, kind: str, amount: float) -> dt.datetime:
        """start plus amount (fractions allowed) of the deadline kind."""
        if not math.isfinite(amount):
            raise InputError("calendar.bad_amount", amount=amount)
        if kind == "urgent_hours":
            return to_utc(start) + dt.timedelta(hours=amount)
        if kind == "working_hours":
            return self.add_working_time(start, dt.timedelta(hours=amount))
        if kind == "working_days":
            return self.add_working_time(start, self.day_length * amount)
        if kind == "natural_days":
            return (self.local(start) + dt.timedelta(days=amount)).astimezone(dt.UTC)
        raise InputError("calendar.unknown_kind", kind=kind)

    def remaining(self, now: dt.datetime, due: dt.datetime, kind: str) -> dt.timedelta:
        """Time left until due, measured as the kind counts it; negative once overdue.

        For working kinds it is working time, so a case due Friday 17:30 is overdue on
        Saturday with zero working time lost yet; compare now > due to flag overdue.
        """
        if kind in WORKING_KINDS:
            return self.working_time_between(now, due)
        if kind in NATURAL_KINDS:
            return to_utc(due) - to_utc(now)
        raise InputError("calendar.unknown_kind", kind=kind)


def load_calendar(session: Session) -> WorkCalendar:
    """The center's calendar from app_setting, working_hours and calendar_day.

    Built once per version of those tables and kept in memory (services.reference), so
    callers may ask for it per task. An empty working_hours table (not configured yet)
    falls back to the Monday-Friday standard hours rather than a calendar without
    working time.
    """
    from console.services import reference

    calendar: WorkCalendar = reference.current(session).calendar
    return calendar


def build_calendar(
    settings: Mapping[str, Any], hours_rows: Iterable[Any], day_rows: Iterable[Any]
) -> WorkCalendar:
    """A WorkCalendar from the rows of app_setting, working_hours and calendar_day."""
    timezone = settings.get(TIMEZONE_KEY) or DEFAULT_TIMEZONE
    if not isinstance(timezone, str):
        raise InputError("calendar.bad_timezone", name=str(timezone))
    hours = {
        r.weekday: DayHours.parse(r.am_start, r.am_end, r.pm_start, r.pm_end) for r in hours_rows
    }
    if not hours:
        log.warning("no working hours configured: using Monday-Friday %s", STANDARD_HOURS)
    holidays: list[dt.date] = []
    workdays: list[dt.date] = []
    for row in day_rows:
        if row.kind == "holiday":
            holidays.append(row.day)
        elif row.kind == "workday":
            workdays.append(row.day)
        else:
            log.warning("calendar day %s has unknown kind %r: ignored", row.day, row.kind)
    return WorkCalendar(
        timezone=timezone, hours=hours or None, holidays=holidays, workdays=workdays
    )
