"""Deadline rules, stage due times and case clocks, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session

from console.models import AppSetting, CalendarDay, Case, Category, DeadlineRule, WorkingHours
from console.services.deadlines import (
    CaseClock,
    case_clock,
    default_rules,
    resolve_rule,
    stage_due,
)
from console.services.workcalendar import WorkCalendar, load_calendar
from console.store import Store

SH = ZoneInfo("Asia/Shanghai")
H = dt.timedelta(hours=1)


def sh(month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=SH)


def _category(session: Session, code: str, kind: str | None, amount: float | None) -> int:
    row = Category(
        code=code, kind="event", name_zh=code, deadline_kind=kind, deadline_amount=amount
    )
    session.add(row)
    session.flush()
    return row.id


def _calendar_rows(session: Session) -> None:
    session.add(AppSetting(key="timezone", value="Asia/Shanghai"))
    session.add_all(WorkingHours(weekday=d) for d in range(5))  # column defaults
    session.add(CalendarDay(day=dt.date(2026, 9, 25), kind="holiday", name="中秋节"))
    session.add(CalendarDay(day=dt.date(2026, 9, 20), kind="workday", name="国庆调休"))


def _rule(
    stage: str, category_id: int | None, urgency: str | None, kind: str, amount: float
) -> DeadlineRule:
    return DeadlineRule(
        stage=stage, category_id=category_id, urgency=urgency, kind=kind, amount=amount
    )


@pytest.fixture
def cats(store: Store) -> dict[str, int]:
    """Exposed garbage (4 working hours of its own), a class without one, and a calendar."""
    with store.write() as session:
        _calendar_rows(session)
        return {
            "garbage": _category(session, "0102", "working_hours", 4),
            "plain": _category(session, "01", None, None),
        }


def test_rule_specificity(store: Store, cats: dict[str, int]) -> None:
    garbage, plain = cats["garbage"], cats["plain"]
    with store.write() as session:
        session.add_all(
            [
                _rule("open", None, None, "working_hours", 0.5),
                _rule("open", None, "urgent", "urgent_hours", 0.25),
                _rule("open", garbage, None, "working_hours", 1),
                _rule("open", garbage, "urgent", "urgent_hours", 0.1),
                _rule("open", garbage, None, "working_hours", 9),  # later duplicate: loses
                _rule("dispatch", garbage, None, "working_days", 2),
            ]
        )

    def resolve(category_id: int | None, urgency: str | None) -> Any:
        with store.read() as session:
            return resolve_rule(session, stage="open", category_id=category_id, urgency=urgency)

    assert resolve(garbage, "urgent") == ("urgent_hours", 0.1)
    assert resolve(garbage, "normal") == ("working_hours", 1.0)
    assert resolve(plain, "urgent") == ("urgent_hours", 0.25)
    assert resolve(plain, "normal") == ("working_hours", 0.5)
    assert resolve(None, None) == ("working_hours", 0.5)
    with store.write() as session:
        session.execute(delete(DeadlineRule).where(DeadlineRule.category_id.is_(None)))
    assert resolve(plain, "normal") is None
    assert resolve(garbage, "urgent") == ("urgent_hours", 0.1)
    with store.read() as session:
        assert resolve_rule(session, stage="check", category_id=garbage, urgency=None) is None
        with pytest.raises(ValueError, match="unknown stage"):
            resolve_rule(session, stage="lunch", category_id=garbage, urgency=None)


def test_handle_falls_back_to_the_category(store: Store, cats: dict[str, int]) -> None:
    garbage, plain = cats["garbage"], cats["plain"]

    def resolve(category_id: int, urgency: str) -> Any:
        with store.read() as session:
            return resolve_rule(session, stage="handle", category_id=category_id, urgency=urgency)

    assert resolve(garbage, "normal") == ("working_hours", 4.0)
    assert resolve(garbage, "urgent") == ("working_hours", 4.0)  # no urgent rule: keeps it
    assert resolve(plain, "normal") is None
    with store.write() as session:
        session.add(_rule("handle", None, None, "working_days", 5))
        session.add(_rule("handle", None, "urgent", "urgent_hours", 2))
    # Street-wide rules cover categories without a deadline of their own, not the others.
    assert resolve(garbage, "urgent") == ("working_hours", 4.0)
    assert resolve(plain, "normal") == ("working_days", 5.0)
    assert resolve(plain, "urgent") == ("urgent_hours", 2.0)
    with store.write() as session:
        session.add(_rule("handle", garbage, "urgent", "urgent_hours", 1))
    assert resolve(garbage, "urgent") == ("urgent_hours", 1.0)
    assert resolve(garbage, "normal") == ("working_hours", 4.0)


def test_load_calendar(store: Store, cats: dict[str, int]) -> None:
    with store.read() as session:
        cal = load_calendar(session)
    assert str(cal.zone) == "Asia/Shanghai"
    assert not cal.is_working_day(dt.date(2026, 9, 25))
    assert cal.is_working_day(dt.date(2026, 9, 20))
    assert cal.working_intervals(dt.date(2026, 9, 21))[0] == (sh(9, 21, 8, 30), sh(9, 21, 12))
    with store.write() as session:
        session.execute(delete(WorkingHours))
        session.execute(delete(AppSetting))
        session.add(
            WorkingHours(
                weekday=5, am_start="09:00", am_end="12:00", pm_start="12:00", pm_end="12:00"
            )
        )
    with store.read() as session:
        saturday_only = load_calendar(session)
    assert str(saturday_only.zone) == "Asia/Shanghai"
    assert saturday_only.add(sh(9, 21, 9), "working_hours", 1) == sh(9, 26, 10)


def test_load_calendar_unconfigured(store: Store) -> None:
    with store.read() as session:
        cal = load_calendar(session)
    assert [d for d in range(7) if cal.is_working_day(dt.date(2026, 3, 16 + d))] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize(
    ("kind", "amount", "due"),
    [
        ("urgent_hours", 2, sh(9, 24, 18, 0)),
        ("working_hours", 2, sh(9, 28, 9, 0)),  # Friday 25 Sep is a holiday in the table
        ("working_days", 1, sh(9, 28, 16, 0)),
        ("natural_days", 3, sh(9, 27, 16, 0)),
    ],
)
def test_stage_due_each_kind(
    store: Store, cats: dict[str, int], kind: str, amount: float, due: dt.datetime
) -> None:
    with store.write() as session:
        session.add(_rule("handle", cats["plain"], None, kind, amount))
    start = sh(9, 24, 16, 0)  # Thursday
    with store.read() as session:
        got = stage_due(
            session, stage="handle", category_id=cats["plain"], urgency="normal", start=start
        )
        assert got == due and got.tzinfo is dt.UTC
        cal = WorkCalendar(holidays=[])  # a calendar passed in is used as it is
        expected = cal.add(start, kind, amount)
        assert (
            stage_due(
                session,
                stage="handle",
                category_id=cats["plain"],
                urgency=None,
                start=start,
                calendar=cal,
            )
            == expected
        )
        assert (
            stage_due(session, stage="close", category_id=cats["plain"], urgency=None, start=start)
            is None
        )


def _case(session: Session, category_id: int, state: str, **fields: Any) -> int:
    case = Case(
        number=f"T{state}",
        source="inspector",
        category_id=category_id,
        description="test",
        state=state,
        reported_at=fields.pop("reported_at", sh(3, 16, 9, 0)),
        updated_at=sh(3, 16, 9, 0),
        **fields,
    )
    session.add(case)
    session.flush()
    return case.id


def _clock(store: Store, case_id: int, now: dt.datetime, *, with_session: bool = True) -> CaseClock:
    with store.read() as session:
        case = session.get_one(Case, case_id)
        cal = load_calendar(session)
        return case_clock(case, now, cal, session if with_session else None)


def test_case_clocks(store: Store, cats: dict[str, int]) -> None:
    garbage = cats["garbage"]
    with store.write() as session:
        session.add_all(DeadlineRule(**rule) for rule in default_rules())
        ids = {
            "to_verify": _case(session, garbage, "to_verify"),
            "to_open": _case(session, garbage, "to_open", open_due_at=sh(3, 16, 9, 15)),
            "in_handling": _case(
                session,
                garbage,
                "in_handling",
                dispatched_at=sh(3, 16, 13, 0),
                handle_due_at=sh(3, 16, 17, 0),
            ),
            "shelved": _case(session, garbage, "shelved", handle_due_at=sh(3, 16, 17, 0)),
            "closed": _case(session, garbage, "closed"),
            "to_close": _case(session, garbage, "to_close", checked_at=sh(3, 16, 10, 0)),
            "opened": _case(session, garbage, "opened", opened_at=sh(3, 16, 17, 20)),
        }

    verify = _clock(store, ids["to_verify"], sh(3, 16, 9, 30))
    assert (verify.stage, verify.kind, verify.due_at) == (
        "verify",
        "urgent_hours",
        sh(3, 16, 10, 0),
    )
    assert verify.remaining == 0.5 * H and not verify.overdue
    assert _clock(store, ids["to_verify"], sh(3, 16, 9, 30), with_session=False).due_at is None

    on_time = _clock(store, ids["to_open"], sh(3, 16, 9, 5))
    assert (on_time.stage, on_time.kind, on_time.overdue) == ("open", "working_hours", False)
    assert on_time.remaining == dt.timedelta(minutes=10)
    late = _clock(store, ids["to_open"], sh(3, 16, 12, 30))  # lunch does not count
    assert late.overdue and late.remaining == -dt.timedelta(hours=2, minutes=45)
    plain = _clock(store, ids["to_open"], sh(3, 16, 12, 30), with_session=False)
    assert plain.kind is None and plain.remaining == -dt.timedelta(hours=3, minutes=15)

    handling = _clock(store, ids["in_handling"], sh(3, 17, 9, 0))
    assert handling.stage == "handle" and handling.kind == "working_hours"  # the category's
    assert handling.started_at == sh(3, 16, 13, 0)
    assert handling.overdue and handling.remaining == -H
    evening = _clock(store, ids["in_handling"], sh(3, 16, 20, 0))
    assert evening.overdue and evening.remaining == -0.5 * H

    assert _clock(store, ids["shelved"], sh(3, 17, 9, 0)) == CaseClock(paused=True)
    assert _clock(store, ids["closed"], sh(3, 17, 9, 0)) == CaseClock()
    closing = _clock(store, ids["to_close"], sh(3, 17, 9, 0))
    assert (closing.stage, closing.due_at, closing.remaining) == ("close", None, None)

    # No dispatch_due_at stored: the rule computes it from opened_at (15 working minutes).
    dispatch = _clock(store, ids["opened"], sh(3, 16, 18, 0))
    assert dispatch.due_at == sh(3, 17, 8, 35)
    assert dispatch.remaining == dt.timedelta(minutes=5) and not dispatch.overdue


def test_default_rules(store: Store, cats: dict[str, int]) -> None:
    with store.write() as session:
        session.add_all(DeadlineRule(**rule) for rule in default_rules())
    expected = {
        ("verify", "normal"): ("urgent_hours", 1.0),
        ("verify", "urgent"): ("urgent_hours", 1.0),
        ("open", "normal"): ("working_hours", 0.25),
        ("open", "urgent"): ("urgent_hours", 5 / 60),
        ("dispatch", "normal"): ("working_hours", 0.25),
        ("dispatch", "urgent"): ("urgent_hours", 5 / 60),
        ("check", "normal"): ("working_hours", 1.0),
        ("check", "urgent"): ("urgent_hours", 1.0),
        ("handle", "urgent"): ("working_hours", 4.0),
        ("close", "normal"): None,
    }
    with store.read() as session:
        for (stage, urgency), rule in expected.items():
            got = resolve_rule(session, stage=stage, category_id=cats["garbage"], urgency=urgency)
            assert got == rule, (stage, urgency)
        cal = load_calendar(session)
        night = sh(3, 16, 23, 0)
        opened = stage_due(
            session,
            stage="open",
            category_id=cats["plain"],
            urgency="urgent",
            start=night,
            calendar=cal,
        )
    assert opened == sh(3, 16, 23, 5)
    assert cal.add(night, "working_hours", 0.25) == sh(3, 17, 8, 45)
