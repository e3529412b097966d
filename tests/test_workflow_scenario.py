"""One long, fixed week of a command center on both backends, invariants after each step.

Monday 3 March 2025 from 09:00 Beijing time, office hours 08:30-12:00 and 13:30-17:30.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from console.errors import KnownError
from console.services import workflow as wf
from tests.support.workflow_invariants import audit_rows, check_end, check_step, snapshot
from tests.support.workflow_seed import POINTS, World, photo, world

__all__ = ["world"]
BEIJING = ZoneInfo("Asia/Shanghai")
START = dt.datetime(2025, 3, 3, 9, 0, tzinfo=BEIJING)


class Week:
    """Runs steps at a clock that only moves forward, checking the invariants each time."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.clock = START
        self.state = snapshot(world.store)
        self.audited = audit_rows(world.store)

    def at(self, day: int, hhmm: str) -> None:
        hour, minute = map(int, hhmm.split(":"))
        moment = (START + dt.timedelta(days=day)).replace(hour=hour, minute=minute)
        assert moment >= self.clock
        self.clock = moment

    def report(self, who: str, grid: str, **kw: Any) -> int:
        lon, lat = POINTS[grid]
        with self.world.store.write() as session:
            case = wf.report(
                session, self.world.actors[who],
                wf.IntakeData(category_id=self.world.categories["0102"], lon=lon, lat=lat,
                              description="场景案件", source=kw.pop("source", "inspector"), **kw),
                now=self.clock,
            )  # fmt: skip
        self._check({case.id: 1})
        return case.id

    def do(self, fn: Callable[..., Any], who: str, cid: int, **kw: Any) -> Any:
        kw.setdefault("expected_version", self.state[cid]["version"])
        with self.world.store.write() as session:
            result = fn(session, self.world.actors[who], cid, now=self.clock, **kw)
        gained = {cid: 1, kw["into"]: 1} if fn is wf.merge else {cid: 1}
        self._check(gained)
        return result

    def refused(
        self, error: type[KnownError], fn: Callable[..., Any], who: str, cid: int, **kw: Any
    ) -> str:
        with pytest.raises(error) as info:
            self.do(fn, who, cid, **kw)
        self._check({})
        return info.value.code

    def escalate_overdue(self) -> list[int]:
        with self.world.store.write() as session:
            done = wf.escalate_overdue(session, self.clock)
        self._check(dict.fromkeys(done, 1))
        return done

    def _check(self, gained: dict[int, int]) -> None:
        self.state, self.audited = check_step(self.world.store, self.state, self.audited, gained)


def local(moment: dt.datetime | None) -> str:
    assert moment is not None
    return moment.astimezone(BEIJING).strftime("%a %H:%M")


def test_a_week_at_the_command_center(world: World) -> None:
    w = Week(world)
    units = world.units
    # Monday: a hotline call, verified and handled with one round of rework.
    hot = w.report("intake", "A1", source="hotline", reporter_phone="13800000000")
    w.at(0, "09:20")
    w.do(wf.verify, "insp", hot, exists=True)
    w.at(0, "09:30")
    opened = w.do(wf.open_case, "shift", hot)
    assert local(opened.dispatch_due_at) == "Mon 09:45"
    w.at(0, "10:00")
    case = w.do(wf.dispatch, "disp", hot, unit_id=units["SQA"], assisting_unit_ids=[units["CG"]])
    assert local(case.handle_due_at) == "Mon 15:30"  # 4 working hours, lunch excluded
    assert w.refused(KnownError, wf.accept, "sqa", hot, expected_version=1) == "workflow.conflict"
    w.at(0, "10:30")
    w.do(wf.accept, "sqa", hot)
    w.at(0, "14:00")
    case = w.do(wf.feedback, "sqa", hot, note="已清运", photos=[photo()])
    assert local(case.check_due_at) == "Mon 15:00"
    w.at(0, "14:30")
    w.do(wf.check_fail, "insp", hot, note="仍有残留")
    w.at(0, "15:00")
    w.do(wf.feedback, "sqa", hot, note="二次清运", photos=[photo()])
    w.at(0, "15:20")
    w.do(wf.check_pass, "insp", hot)
    w.do(wf.close, "shift", hot)
    w.at(0, "16:00")
    w.do(wf.callback, "intake", hot, result="satisfied")
    w.do(wf.archive, "intake", hot)

    # Monday afternoon: an inspector's report, first sent to the wrong community.
    b2 = w.report("insp", "B2")
    w.do(wf.open_case, "shift", b2)
    w.do(wf.dispatch, "disp", b2, unit_id=units["SQA"])
    w.at(0, "16:10")
    w.do(wf.request_return, "sqa", b2, note="不在本社区")
    assert w.refused(KnownError, wf.feedback, "sqa", b2, note="x") == "workflow.pending_request"
    w.do(wf.approve_return, "shift", b2)
    w.do(wf.dispatch, "disp", b2, unit_id=units["SQB"])
    w.at(0, "16:30")
    w.do(wf.accept, "sqb", b2)
    w.do(wf.request_extension, "sqb", b2, hours=8, note="等待清运车")
    before = w.state[b2]
    case = w.do(wf.approve_extension, "shift", b2)
    assert case.extension_count == 1 and before["version"] + 1 == case.version
    # Tuesday: shelved for a day, then finished.
    w.at(1, "09:00")
    w.do(wf.request_shelve, "sqb", b2, note="需区级协调")
    w.do(wf.approve_shelve, "shift", b2)
    w.at(2, "09:00")
    w.do(wf.unshelve, "shift", b2)
    w.at(2, "11:00")
    w.do(wf.feedback, "sqb", b2, note="处置完毕", photos=[photo()])
    w.do(wf.check_pass, "insp", b2)
    w.do(wf.close, "shift", b2)

    # Wednesday: a case the community cannot finish in time goes to the street.
    a2 = w.report("insp", "A2")
    w.do(wf.open_case, "shift", a2)
    w.do(wf.dispatch, "disp", a2, unit_id=units["SQA"])
    w.do(wf.accept, "sqa", a2)
    w.at(3, "09:00")
    assert w.escalate_overdue() == [a2]
    assert w.escalate_overdue() == []
    assert w.state[a2]["state"] == "opened" and w.state[a2]["escalation_level"] == 1
    assert w.refused(KnownError, wf.dispatch, "disp", a2, unit_id=units["SQA"]) == (
        "workflow.needs_street_unit"
    )
    w.do(wf.dispatch, "multi", a2, unit_id=units["HW"])
    # The same problem reported again by a citizen: found and merged.
    w.at(3, "09:30")
    dup = w.report("intake", "A2", source="public", photos=[photo("near")])
    with world.store.read() as session:
        found = wf.find_duplicates(
            session, category_id=world.categories["0102"], lon=POINTS["A2"][0],
            lat=POINTS["A2"][1], at=w.clock, exclude_id=dup,
        )  # fmt: skip
    assert [c.case.id for c in found] == [a2]
    w.do(wf.merge, "intake", dup, into=a2, note="同一问题")
    w.do(wf.accept, "hw", a2)
    w.at(3, "11:00")
    w.do(wf.feedback, "hw", a2, note="街道处置完毕", photos=[photo()])
    w.do(wf.check_pass, "insp", a2)
    w.do(wf.close, "shift", a2)

    # Thursday: fixed on the spot; and a call about nothing.
    w.at(4, "10:00")
    w.report("insp", "B1", self_handled=True, photos=[photo()])
    nothing = w.report("intake", "B1", source="phone")
    w.at(4, "10:40")
    w.do(wf.verify, "insp", nothing, exists=False, note="现场无此问题")
    assert w.refused(KnownError, wf.supervise, "insp", nothing) == "workflow.denied"

    counts = check_end(world.store, START, w.clock)
    assert counts["reported"] == 5  # the merged duplicate is not counted
    assert counts["accepted"] == 4 and counts["self_handled"] == 1
    assert counts["dispatched"] == 3 and counts["closed"] == 3 and counts["returns"] == 1
    assert counts["resolved_in_community"] == 3  # hotline case, B2 case, self-handled
    assert counts["reworked"] == 1 and counts["extended"] == 1
