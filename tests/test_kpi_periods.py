"""KPI periods without a database: local-day bounds, 同比 and 环比 shifts, working-day runs."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from console.services.kpi import Period, preceding, year_earlier
from console.services.kpi.definitions import ratio
from console.services.kpi.render import percent
from console.services.kpi.workdays import runs

D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # February of a leap year and of the year before: whole month to whole month.
        (D(2024, 2, 1), D(2024, 3, 1), Period(D(2023, 2, 1), D(2023, 3, 1))),
        (D(2025, 2, 1), D(2025, 3, 1), Period(D(2024, 2, 1), D(2024, 3, 1))),
        # Feb 29 alone becomes Feb 28.
        (D(2024, 2, 29), D(2024, 3, 1), Period(D(2023, 2, 28), D(2023, 3, 1))),
        # A period starting on Feb 29 starts on Feb 28 a year earlier.
        (D(2024, 2, 29), D(2024, 3, 11), Period(D(2023, 2, 28), D(2023, 3, 11))),
        # One day, Feb 28 of a common year: stays one day.
        (D(2025, 2, 28), D(2025, 3, 1), Period(D(2024, 2, 28), D(2024, 2, 29))),
        (D(2024, 1, 1), D(2025, 1, 1), Period(D(2023, 1, 1), D(2024, 1, 1))),
    ],
)
def test_year_earlier(start: dt.date, end: dt.date, expected: Period) -> None:
    assert year_earlier(Period(start, end)) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2024, 3, 1), D(2024, 4, 1), Period(D(2024, 2, 1), D(2024, 3, 1))),  # 29-day Feb
        (D(2024, 4, 1), D(2024, 7, 1), Period(D(2024, 1, 1), D(2024, 4, 1))),  # a quarter
        (D(2024, 1, 1), D(2025, 1, 1), Period(D(2023, 1, 1), D(2024, 1, 1))),  # a year
        (D(2024, 3, 1), D(2024, 3, 8), Period(D(2024, 2, 23), D(2024, 3, 1))),  # a week
        (D(2024, 3, 10), D(2024, 3, 11), Period(D(2024, 3, 9), D(2024, 3, 10))),
    ],
)
def test_preceding(start: dt.date, end: dt.date, expected: Period) -> None:
    assert preceding(Period(start, end)) == expected


def test_local_midnights_in_utc() -> None:
    lower, upper = Period(D(2024, 3, 1), D(2024, 4, 1)).utc_bounds(ZoneInfo("Asia/Shanghai"))
    assert lower == dt.datetime(2024, 2, 29, 16, tzinfo=dt.UTC)
    assert upper == dt.datetime(2024, 3, 31, 16, tzinfo=dt.UTC)
    # A zone with summer time: New York's 31 March began at 04:00 UTC, 1 March at 05:00.
    lower, upper = Period(D(2024, 3, 1), D(2024, 4, 1)).utc_bounds(ZoneInfo("America/New_York"))
    assert (lower.hour, upper.hour) == (5, 4)


def test_working_days_merge_into_runs() -> None:
    days = [D(2024, 9, 2), D(2024, 9, 3), D(2024, 9, 4), D(2024, 9, 6), D(2024, 9, 7)]
    assert runs(days) == [
        Period(D(2024, 9, 2), D(2024, 9, 5)),
        Period(D(2024, 9, 6), D(2024, 9, 8)),
    ]
    assert runs([]) == []


def test_ratio_and_percent() -> None:
    assert ratio(911, 972) == 0.9372
    assert ratio(737, 972) == 0.7582
    assert ratio(5, 0) is None
    assert percent(ratio(911, 972)) == "93.72%"
    assert percent(ratio(737, 972)) == "75.82%"
    assert percent(None) == "—"
    assert percent(0.125, signed=True) == "+12.50%"
