"""The duty roster: shifts (staggered, evening, weekend), members, today's duty leader."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from console.errors import InputError, PermissionDenied
from console.models import AuditLog
from console.services import duty_roster
from console.services.duty_roster import ShiftInput
from tests.support.workflow_seed import World, world

__all__ = ["world"]

TZ = ZoneInfo("Asia/Shanghai")
DAY = dt.date(2026, 3, 6)  # a Friday
SATURDAY = dt.date(2026, 3, 7)


def at(day: dt.date, hours: float) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), TZ) + dt.timedelta(hours=hours)


def _shift(
    world: World,
    day: dt.date,
    kind: str,
    start: float,
    end: float,
    leader: str,
    *members: tuple[str, str],
) -> int:
    with world.store.write() as session:
        return duty_roster.add_shift(
            session,
            world.actors["shift"],
            ShiftInput(
                day,
                kind,
                at(day, start),
                at(day, end),
                world.actors[leader].user_id,
                [(world.actors[u].user_id, post) for u, post in members],  # type: ignore[misc]
            ),
        ).id


def _plan(world: World) -> dict[str, int]:
    return {
        "day": _shift(
            world, DAY, "day", 8.5, 17.5, "leader", ("shift", "值班长"), ("disp", "派遣员")
        ),
        "staggered": _shift(world, DAY, "staggered", 11, 20, "shift", ("intake", "受理员")),
        "evening": _shift(world, DAY, "evening", 17.5, 22, "multi", ("multi", "值班长")),
        "weekend": _shift(world, SATURDAY, "weekend", 9, 18, "shift", ("disp", "派遣员")),
    }


def test_roster_and_duty_leader(world: World) -> None:
    ids = _plan(world)
    with world.store.read() as session:
        rows = duty_roster.roster(session, DAY, DAY + dt.timedelta(days=2))
        noon = duty_roster.duty_now(session, now=at(DAY, 12))
        evening = duty_roster.duty_now(session, now=at(DAY, 21))
        saturday = duty_roster.duty_now(session, now=at(SATURDAY, 23))
    assert [r.kind for r in rows] == ["day", "staggered", "evening", "weekend"]
    assert rows[0].leader == "主任"
    assert [(name, post) for _, name, post in rows[0].members] == [
        ("值班长老张", "值班长"),
        ("派遣员小赵", "派遣员"),
    ]
    assert [r.id for r in noon.running] == [ids["day"], ids["staggered"]]
    assert noon.day_leader == "主任"
    # After the day shift the day's leader is still the one who led it.
    assert [r.id for r in evening.running] == [ids["evening"]]
    assert evening.day_leader == "主任"
    assert saturday.running == [] and saturday.day_leader == "值班长老张"


def test_night_shift_runs_past_midnight(world: World) -> None:
    night = _shift(world, DAY, "night", 22, 32, "multi", ("disp", "派遣员"))
    with world.store.read() as session:
        small_hours = duty_roster.duty_now(session, now=at(SATURDAY, 2))
        morning = duty_roster.duty_now(session, now=at(SATURDAY, 9))
    # At 02:00 on Saturday the night shift planned on Friday is the one on duty.
    assert small_hours.on_date == SATURDAY
    assert [r.id for r in small_hours.running] == [night]
    assert morning.running == []


def test_checks_and_roles(world: World) -> None:
    _plan(world)
    with world.store.write() as session:
        with pytest.raises(PermissionDenied):
            duty_roster.add_shift(
                session, world.actors["insp"], ShiftInput(DAY, "night", at(DAY, 22), at(DAY, 30))
            )
        for data, code in (
            (ShiftInput(DAY, "noon", at(DAY, 12), at(DAY, 13)), "duty.bad_kind"),
            (ShiftInput(DAY, "night", at(DAY, 22), at(DAY, 21)), "duty.bad_times"),
            (ShiftInput(DAY, "night", at(DAY, 22), at(DAY, 47)), "duty.bad_times"),
            (ShiftInput(SATURDAY, "night", at(DAY, 22), at(DAY, 30)), "duty.bad_date"),
            (ShiftInput(DAY, "day", at(DAY, 8.5), at(DAY, 17.5)), "duty.duplicate"),
        ):
            with pytest.raises(InputError) as error:
                duty_roster.add_shift(session, world.actors["shift"], data)
            assert error.value.code == code
        night = duty_roster.add_shift(
            session, world.actors["shift"], ShiftInput(DAY, "night", at(DAY, 22), at(DAY, 32))
        )
        duty_roster.update_shift(
            session,
            world.actors["shift"],
            night.id,
            ShiftInput(DAY, "night", at(DAY, 22), at(DAY, 31), world.actors["multi"].user_id),
        )
        duty_roster.delete_shift(session, world.actors["shift"], night.id)
    with world.store.read() as session:
        actions = session.scalars(
            select(AuditLog.action).where(AuditLog.action.like("duty.%"))
        ).all()
    assert actions[-3:] == ["duty.add_shift", "duty.update_shift", "duty.delete_shift"]
