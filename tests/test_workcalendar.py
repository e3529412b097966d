"""The working calendar on its own (no database): working days, working time, deadlines.

The holidays are those of the State Council notice for 2026 (国办, 2025-11-04), the parts
these tests walk through: Mid-Autumn Fri 25 Sep; National Day Thu 1 - Wed 7 Oct, with
make-up working days Sun 20 Sep and Sat 10 Oct.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.errors import InputError
from console.services.workcalendar import STANDARD_HOURS, DayHours, WorkCalendar

SH = ZoneInfo("Asia/Shanghai")
H = dt.timedelta(hours=1)
MIN = dt.timedelta(minutes=1)

HOLIDAYS_2026 = [dt.date(2026, 9, 25)] + [dt.date(2026, 10, d) for d in range(1, 8)]
WORKDAYS_2026 = [dt.date(2026, 9, 20), dt.date(2026, 10, 10)]


def sh(month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """A Shanghai local time in 2026."""
    return dt.datetime(2026, month, day, hour, minute, tzinfo=SH)


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar(holidays=HOLIDAYS_2026, workdays=WORKDAYS_2026)


def test_working_days(cal: WorkCalendar) -> None:
    assert cal.is_working_day(dt.date(2026, 3, 16))  # Monday
    assert not cal.is_working_day(dt.date(2026, 3, 14))  # Saturday
    assert not cal.is_working_day(dt.date(2026, 3, 15))  # Sunday
    assert not cal.is_working_day(dt.date(2026, 10, 1))  # National Day, a Thursday
    assert not cal.is_working_day(dt.date(2026, 9, 25))  # Mid-Autumn, a Friday
    assert cal.is_working_day(dt.date(2026, 10, 10))  # make-up Saturday
    assert cal.is_working_day(dt.date(2026, 9, 20))  # make-up Sunday
    # A datetime counts by its local day: Sunday 17:00 UTC is Monday 01:00 in Shanghai.
    assert cal.is_working_day(dt.datetime(2026, 3, 15, 17, 0, tzinfo=dt.UTC))


def test_working_intervals_are_utc(cal: WorkCalendar) -> None:
    intervals = cal.working_intervals(dt.date(2026, 3, 16))
    assert intervals == [(sh(3, 16, 8, 30), sh(3, 16, 12)), (sh(3, 16, 13, 30), sh(3, 16, 17, 30))]
    assert all(t.tzinfo is dt.UTC for pair in intervals for t in pair)
    assert intervals[0][0] == dt.datetime(2026, 3, 16, 0, 30, tzinfo=dt.UTC)
    assert cal.working_intervals(dt.date(2026, 10, 1)) == []
    assert cal.working_intervals(dt.date(2026, 10, 10))[1][1] == sh(10, 10, 17, 30)


@pytest.mark.parametrize(
    ("start", "hours", "due"),
    [
        (sh(3, 16, 7, 0), 1, sh(3, 16, 9, 30)),  # before opening
        (sh(3, 16, 12, 30), 1, sh(3, 16, 14, 30)),  # during lunch
        (sh(3, 16, 11, 30), 1, sh(3, 16, 14, 0)),  # across lunch
        (sh(3, 16, 18, 0), 1, sh(3, 17, 9, 30)),  # after hours
        (sh(3, 16, 23, 59), 0.5, sh(3, 17, 9, 0)),  # late at night
        (sh(3, 13, 18, 0), 2, sh(3, 16, 10, 30)),  # Friday evening -> Monday
        (sh(3, 14, 10, 0), 4, sh(3, 16, 13, 30) + 0.5 * H),  # reported on Saturday
        (sh(3, 16, 8, 30), 7.5, sh(3, 16, 17, 30)),  # ends at a block's end, not next day
        (sh(3, 16, 11, 45), 0.5, sh(3, 16, 13, 45)),  # fractional hours
        (sh(3, 16, 9, 0), 0.01, sh(3, 16, 9, 0) + 36 * dt.timedelta(seconds=1)),
        (sh(9, 24, 17, 0), 1, sh(9, 28, 9, 0)),  # Thursday -> Mid-Autumn Friday -> Monday
        (sh(10, 9, 17, 0), 1, sh(10, 10, 9, 0)),  # Friday -> make-up Saturday
        (sh(9, 19, 10, 0), 2, sh(9, 20, 10, 30)),  # Saturday report -> make-up Sunday
        (sh(9, 30, 16, 0), 4, sh(10, 8, 11, 0)),  # across the National Day week
        (sh(10, 3, 10, 0), 7.5, sh(10, 8, 17, 30)),  # reported during the holiday
    ],
)
def test_add_working_hours(
    cal: WorkCalendar, start: dt.datetime, hours: float, due: dt.datetime
) -> None:
    result = cal.add(start, "working_hours", hours)
    assert result == due
    assert result.tzinfo is dt.UTC


def test_zero_and_negative_working_time(cal: WorkCalendar) -> None:
    night = sh(3, 16, 22, 0)
    assert cal.add_working_time(night, dt.timedelta(0)) == night
    assert cal.add_working_time(sh(3, 17, 9, 0), -H) == sh(3, 16, 17, 0)
    assert cal.add_working_time(sh(3, 16, 14, 0), -H) == sh(3, 16, 11, 30)
    assert cal.add_working_time(sh(10, 8, 9, 0), -H) == sh(9, 30, 17, 0)


def test_next_working_moment(cal: WorkCalendar) -> None:
    assert cal.next_working_moment(sh(3, 16, 10, 0)) == sh(3, 16, 10, 0)
    assert cal.next_working_moment(sh(3, 16, 12, 0)) == sh(3, 16, 13, 30)
    assert cal.next_working_moment(sh(9, 30, 17, 30)) == sh(10, 8, 8, 30)


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (sh(3, 13, 16, 0), 1, sh(3, 16, 16, 0)),  # Friday 16:00 + 1 day -> Monday 16:00
        (sh(3, 16, 8, 30), 1, sh(3, 16, 17, 30)),  # a whole day from opening
        (sh(3, 16, 8, 30), 0.5, sh(3, 16, 13, 45)),  # half a day is 3 h 45 min
        (sh(3, 16, 20, 0), 2, sh(3, 18, 17, 30)),  # evening report: two full days
        (sh(10, 3, 10, 0), 1, sh(10, 8, 17, 30)),
        (sh(10, 3, 10, 0), 3, sh(10, 10, 17, 30)),  # the make-up Saturday counts
        (sh(10, 3, 10, 0), 4, sh(10, 12, 17, 30)),  # Sunday 11 Oct does not
        (sh(9, 18, 16, 0), 20, sh(10, 22, 16, 0)),  # demolition: 20 days over the holidays
    ],
)
def test_add_working_days(
    cal: WorkCalendar, start: dt.datetime, days: float, due: dt.datetime
) -> None:
    assert cal.day_length == 7.5 * H
    assert cal.add(start, "working_days", days) == due


def test_natural_kinds(cal: WorkCalendar) -> None:
    assert cal.add(sh(3, 13, 23, 0), "urgent_hours", 2) == sh(3, 14, 1, 0)
    assert cal.add(sh(10, 1, 10, 0), "urgent_hours", 5 / 60) == sh(10, 1, 10, 5)
    assert cal.add(sh(3, 13, 10, 0), "natural_days", 3) == sh(3, 16, 10, 0)
    assert cal.add(sh(3, 13, 10, 0), "natural_days", 0.5) == sh(3, 13, 22, 0)
    assert cal.add(sh(9, 30, 10, 0), "natural_days", 7).tzinfo is dt.UTC


def test_working_time_between(cal: WorkCalendar) -> None:
    assert cal.working_time_between(sh(3, 13, 16, 0), sh(3, 16, 10, 0)) == 3 * H
    assert cal.working_time_between(sh(3, 16, 10, 0), sh(3, 13, 16, 0)) == -3 * H
    assert cal.working_time_between(sh(3, 14, 9, 0), sh(3, 15, 18, 0)) == dt.timedelta(0)
    assert cal.working_time_between(sh(3, 16, 12, 10), sh(3, 16, 13, 20)) == dt.timedelta(0)
    # 30 Sep afternoon tail, then nothing until 8 Oct.
    assert cal.working_time_between(sh(9, 30, 17, 0), sh(10, 8, 9, 0)) == 60 * MIN
    # 14-18 Sep (5 days) + make-up Sun 20 Sep, then 21-24 Sep: 10 working days.
    assert cal.working_time_between(sh(9, 14), sh(9, 25)) == 10 * 7.5 * H


def test_remaining_both_signs(cal: WorkCalendar) -> None:
    due = sh(3, 16, 14, 0)
    assert cal.remaining(sh(3, 16, 10, 0), due, "working_hours") == 2.5 * H
    assert cal.remaining(sh(3, 16, 10, 0), due, "urgent_hours") == 4 * H
    overdue = cal.remaining(sh(3, 17, 9, 0), sh(3, 16, 17, 0), "working_days")
    assert overdue == -H
    assert cal.remaining(sh(3, 17, 9, 0), sh(3, 16, 17, 0), "natural_days") == -16 * H
    # Due Friday 17:30, looked at on Saturday: overdue, but no working time lost yet.
    assert cal.remaining(sh(3, 14, 10, 0), sh(3, 13, 17, 30), "working_hours") == dt.timedelta(0)


def test_any_input_zone_same_answer(cal: WorkCalendar) -> None:
    local = sh(3, 13, 18, 0)
    utc = local.astimezone(dt.UTC)
    berlin = local.astimezone(ZoneInfo("Europe/Berlin"))
    assert cal.add(local, "working_hours", 2) == cal.add(utc, "working_hours", 2)
    assert cal.add(berlin, "working_hours", 2) == sh(3, 16, 10, 30)
    assert cal.local(utc).tzinfo is SH


def test_refuses_naive_and_unknown(cal: WorkCalendar) -> None:
    with pytest.raises(ValueError, match="naive"):
        cal.add(dt.datetime(2026, 3, 16, 9, 0), "working_hours", 1)
    with pytest.raises(InputError) as info:
        cal.add(sh(3, 16), "fortnights", 1)
    assert info.value.code == "calendar.unknown_kind"
    with pytest.raises(InputError):
        cal.remaining(sh(3, 16), sh(3, 17), "fortnights")
    with pytest.raises(InputError):
        cal.add(sh(3, 16), "working_hours", float("nan"))


@pytest.mark.parametrize(
    ("hours", "code"),
    [
        (("8:30", "12:00", "13:30", "17:30"), None),
        (("08:30", "12:00", "11:00", "17:30"), "calendar.bad_hours"),
        (("08:30", "12:00", "13:30", "25:00"), "calendar.bad_hours"),
        (("0830", "12:00", "13:30", "17:30"), "calendar.bad_hours"),
        (("09:00", "09:00", "09:00", "09:00"), "calendar.bad_hours"),
    ],
)
def test_parse_hours(hours: tuple[str, str, str, str], code: str | None) -> None:
    if code is None:
        assert DayHours.parse(*hours) == STANDARD_HOURS
        return
    with pytest.raises(InputError) as info:
        DayHours.parse(*hours)
    assert info.value.code == code
    assert info.value.message("en").startswith("Invalid working hours")


def test_bad_calendars_refused() -> None:
    for kwargs, code in [
        ({"hours": {}}, "calendar.no_working_days"),
        ({"hours": {7: STANDARD_HOURS}}, "calendar.bad_weekday"),
        ({"timezone": "Mars/Olympus"}, "calendar.bad_timezone"),
        (
            {"holidays": [dt.date(2026, 1, 4)], "workdays": [dt.date(2026, 1, 4)]},
            "calendar.day_conflict",
        ),
    ]:
        with pytest.raises(InputError) as info:
            WorkCalendar(**kwargs)  # type: ignore[arg-type]
        assert info.value.code == code


def test_custom_week_and_make_up_hours() -> None:
    morning_only = DayHours.parse("09:00", "12:00", "12:00", "12:00")
    short_friday = DayHours.parse("08:30", "12:00", "13:30", "16:00")
    hours = {0: STANDARD_HOURS, 1: STANDARD_HOURS, 4: short_friday, 5: morning_only}
    cal = WorkCalendar(hours=hours, workdays=[dt.date(2026, 3, 15)])
    assert cal.working_intervals(dt.date(2026, 3, 14)) == [(sh(3, 14, 9), sh(3, 14, 12))]
    # Friday ends at 16:00; Saturday works mornings; Sunday is a make-up day on Monday's hours.
    assert cal.add(sh(3, 13, 15, 0), "working_hours", 4) == sh(3, 14, 12, 0)
    assert cal.add(sh(3, 13, 15, 0), "working_hours", 5) == sh(3, 15, 9, 30)
    assert cal.working_intervals(dt.date(2026, 3, 15))[1] == (sh(3, 15, 13, 30), sh(3, 15, 17, 30))
    # Without a Monday row a make-up day takes the standard hours.
    tuesday_only = WorkCalendar(hours={1: morning_only}, workdays=[dt.date(2026, 3, 14)])
    assert tuesday_only.reference_hours == STANDARD_HOURS
    assert tuesday_only.day_length == 7.5 * H
    assert tuesday_only.working_intervals(dt.date(2026, 3, 14))[0][0] == sh(3, 14, 8, 30)


def test_zone_with_daylight_saving() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    cal = WorkCalendar(timezone="Europe/Berlin")
    friday = dt.datetime(2026, 3, 27, 17, 0, tzinfo=berlin)  # clocks go forward on 29 Mar
    due = cal.add(friday, "working_hours", 1)
    assert due == dt.datetime(2026, 3, 30, 9, 0, tzinfo=berlin)
    assert due == dt.datetime(2026, 3, 30, 7, 0, tzinfo=dt.UTC)  # UTC+2 by then
    saturday = dt.datetime(2026, 3, 28, 10, 0, tzinfo=berlin)
    sunday = cal.add(saturday, "natural_days", 1)
    assert sunday == dt.datetime(2026, 3, 29, 10, 0, tzinfo=berlin)
    assert sunday - saturday == 23 * H  # a natural day is a calendar day, not 24 h
    assert cal.add(saturday, "urgent_hours", 24) == dt.datetime(2026, 3, 29, 11, 0, tzinfo=berlin)


_starts = st.datetimes(
    min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2026, 12, 31), timezones=st.just(SH)
)
_durations = st.integers(min_value=-400 * 3600 * 10**6, max_value=400 * 3600 * 10**6).map(
    lambda us: dt.timedelta(microseconds=us)
)


_CALENDARS = {
    "shanghai": WorkCalendar(holidays=HOLIDAYS_2026, workdays=WORKDAYS_2026),
    "berlin": WorkCalendar(timezone="Europe/Berlin"),  # with daylight-saving changes
}


@settings(max_examples=300, deadline=None)
@given(start=_starts, duration=_durations, zone=st.sampled_from(sorted(_CALENDARS)))
def test_round_trip(start: dt.datetime, duration: dt.timedelta, zone: str) -> None:
    cal = _CALENDARS[zone]
    end = cal.add_working_time(start, duration)
    assert cal.working_time_between(start, end) == duration
    assert (end >= start) == (duration >= dt.timedelta(0))
    if duration > dt.timedelta(0):
        # The earliest such instant: a moment earlier leaves some working time unspent.
        assert cal.working_time_between(start, end - dt.timedelta(microseconds=1)) < duration
