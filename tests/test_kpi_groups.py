"""KPI breakdowns, 同比/环比 and the working-day filter, on both backends."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from console.models import CalendarDay, WorkingHours
from console.services.kpi import GROUPINGS, KpiTable, Period, compute
from console.services.kpi.workdays import working_days
from console.services.workcalendar import load_calendar
from console.store import Store
from tests.support.kpi_data import Refs, add_cases, case, closed_case, in_handling, local, seed

D = dt.date


def kpis(store: Store, start: dt.date, end: dt.date, **options: Any) -> KpiTable:
    with store.read() as session:
        return compute(session, start=start, end=end, as_of=local(2024, 12, 31), **options)


@pytest.fixture
def refs(store: Store) -> Refs:
    return seed(store)


@pytest.fixture
def mixed(store: Store, refs: Refs) -> Refs:
    """Cases spread over communities, grids, units, categories and reporters."""
    day = local(2024, 3, 5)
    b = refs.communities[1]
    rows = [
        closed_case(refs, day, reporter_user_id=refs.inspector),
        closed_case(refs, day, reporter_user_id=refs.inspector, category_id=refs.subclasses[1]),
        closed_case(
            refs,
            day,
            community_id=b,
            grid_id=refs.grids[1],
            unit_id=refs.units[1],
            reporter_name="李四",
            category_id=refs.subclasses[2],
        ),
        in_handling(refs, day, community_id=b, grid_id=refs.grids[1], reporter_name="李四"),
        case(refs, day, state="to_open", source="hotline", reporter_name="王女士"),
        case(
            refs, day, state="to_open", community_id=None, grid_id=None, category_id=refs.classes[1]
        ),
        case(refs, local(2023, 3, 5), state="to_open", community_id=b, grid_id=refs.grids[1]),
    ]
    add_cases(store, rows)
    return refs


@pytest.mark.parametrize("by", list(GROUPINGS))
def test_rows_add_up_to_the_total(store: Store, mixed: Refs, by: str) -> None:
    table = kpis(store, D(2024, 3, 1), D(2024, 4, 1), by=by)
    assert table.total.counts["reported"] == 6
    for name, total in table.total.counts.items():
        assert sum(row.counts[name] for row in table.rows) == total, name
    for which in ("yoy", "pop"):
        earlier = getattr(table.total, which).counts
        compared = [getattr(row, which).counts["reported"] for row in table.rows]
        assert sum(compared) == earlier["reported"]
    reported = [row.counts["reported"] for row in table.rows]
    assert reported == sorted(reported, reverse=True)


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("street", {"八角街道": 6}),
        ("community", {"甲社区": 3, "乙社区": 2, "（无社区）": 1}),
        ("grid", {"110107001001001": 3, "110107001002001": 2, "（无网格）": 1}),
        ("unit", {"城管执法队": 3, "环卫所": 1, "未派遣": 2}),
        ("category", {"0101 违法建设": 3, "0102 暴露垃圾": 1, "0201 小广告": 1, "02 宣传广告": 1}),
        ("category_class", {"01 市容环境": 4, "02 宣传广告": 2}),
        ("person", {"王网格": 2, "李四": 2, "（群众及其他来源）": 2}),
    ],
)
def test_group_labels(store: Store, mixed: Refs, by: str, expected: dict[str, int]) -> None:
    table = kpis(store, D(2024, 3, 1), D(2024, 4, 1), by=by, compare=False)
    assert {row.label: row.counts["reported"] for row in table.rows} == expected
    assert table.total.label == "合计"


def test_a_group_seen_only_a_year_earlier_still_shows(store: Store, mixed: Refs) -> None:
    table = kpis(store, D(2024, 3, 1), D(2024, 4, 1), by="community")
    b = next(row for row in table.rows if row.label == "乙社区")
    assert b.yoy is not None and b.yoy.counts["reported"] == 1
    assert b.yoy.change["reported"] == 1.0  # 2 now against 1


def test_year_on_year_and_previous_period_around_feb_29(store: Store, refs: Refs) -> None:
    dates = [
        local(2024, 2, 29), local(2024, 2, 29), local(2024, 2, 29, 23, 50), local(2024, 2, 10),
        local(2023, 2, 28), local(2023, 2, 10), local(2023, 3, 1),  # Feb 2023: 2
        local(2024, 1, 15), local(2024, 1, 15), local(2024, 1, 31), local(2023, 12, 31),
    ]  # fmt: skip
    add_cases(store, [case(refs, at) for at in dates])
    february = kpis(store, D(2024, 2, 1), D(2024, 3, 1))
    total = february.total
    assert total.counts["reported"] == 4
    assert total.yoy is not None and total.pop is not None
    assert february.yoy_period is not None and february.pop_period is not None
    assert (february.yoy_period.start, february.yoy_period.last) == (D(2023, 2, 1), D(2023, 2, 28))
    assert (february.pop_period.start, february.pop_period.last) == (D(2024, 1, 1), D(2024, 1, 31))
    assert (total.yoy.counts["reported"], total.yoy.change["reported"]) == (2, 1.0)
    assert (total.pop.counts["reported"], total.pop.change["reported"]) == (3, 0.3333)
    leap_day = kpis(store, D(2024, 2, 29), D(2024, 3, 1)).total
    assert leap_day.counts["reported"] == 3
    assert leap_day.yoy is not None and leap_day.pop is not None
    assert (leap_day.yoy.counts["reported"], leap_day.yoy.change["reported"]) == (1, 2.0)
    assert (leap_day.pop.counts["reported"], leap_day.pop.change["reported"]) == (0, None)


def test_working_days_only(store: Store, refs: Refs) -> None:
    with store.write() as session:
        session.add_all(WorkingHours(weekday=day) for day in range(5))
        session.add(CalendarDay(day=D(2024, 10, 2), kind="holiday", name="国庆节"))
        session.add(CalendarDay(day=D(2024, 10, 12), kind="workday", name="国庆节调休"))
    dates = [
        local(2024, 10, 1),  # Tuesday
        local(2024, 10, 1, 23, 30),  # Tuesday night, local time
        local(2024, 10, 2, 0, 30),  # the holiday, though still Tuesday in UTC
        local(2024, 10, 2, 15),  # the holiday
        local(2024, 10, 5),  # Saturday
        local(2024, 10, 12),  # the make-up Saturday
        local(2024, 10, 13),  # Sunday
    ]
    add_cases(store, [case(refs, at) for at in dates])
    everything = kpis(store, D(2024, 9, 30), D(2024, 10, 14))
    working = kpis(store, D(2024, 9, 30), D(2024, 10, 14), working_days_only=True)
    assert everything.total.counts["reported"] == 7
    assert working.total.counts["reported"] == 3
    assert working.working_days_only
    holiday_only = kpis(store, D(2024, 10, 2), D(2024, 10, 3), working_days_only=True)
    assert holiday_only.total.counts["reported"] == 0


@pytest.mark.parametrize("configured", [True, False])
def test_working_days_agree_with_the_calendar_service(store: Store, configured: bool) -> None:
    with store.write() as session:
        if configured:  # a six-day week, so the service's own hours decide
            session.add_all(WorkingHours(weekday=day) for day in range(6))
        session.add(CalendarDay(day=D(2024, 10, 2), kind="holiday"))
        session.add(CalendarDay(day=D(2024, 10, 12), kind="workday"))
        session.add(CalendarDay(day=D(2024, 10, 13), kind="workday"))
    year = Period(D(2024, 1, 1), D(2025, 1, 1))
    with store.read() as session:
        ours = set(working_days(session, year))
        calendar = load_calendar(session)
    days = [year.start + dt.timedelta(days=k) for k in range(year.days)]
    assert ours == {day for day in days if calendar.is_working_day(day)}
    assert D(2024, 10, 13) in ours and D(2024, 10, 2) not in ours
    assert (D(2024, 10, 5) in ours) is configured  # a Saturday
