"""The plumbing under CaseBuilder: timeline rows, stopping points, clocks and staff.

Times never pass the demo's "now" (as_of): a step that would land later is squeezed
into the time left, so the newest cases simply move faster.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from db.demo.case_context import SYSTEM, CaseContext
from db.demo.clock import TZ, next_staffed
from db.demo.people import Person
from db.demo.taxonomy import Subclass

DESK_HOURS = (7.0, 22.0)  # the command desk: day, staggered and evening shifts
UNIT_HOURS = (8.0, 20.0)
INSPECTOR_HOURS = (7.0, 21.0)
P_LATE = 0.07
P_REWORK = 0.02
CALLBACK_RESULTS = (
    ("satisfied", 0.86),
    ("basically_satisfied", 0.09),
    ("unsatisfied", 0.02),
    ("unreachable", 0.03),
)


class Stop(Exception):
    """The case has reached the state the plan leaves it in."""


def minutes(value: float) -> dt.timedelta:
    return dt.timedelta(minutes=value)


def iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(dt.UTC).isoformat()


class CaseBuilderBase:
    """One case being built: its row, its timeline rows and where it stands."""

    def __init__(
        self,
        rng: random.Random,
        ctx: CaseContext,
        row: dict[str, Any],
        spec: Subclass,
        events: list[dict[str, Any]] | None,
        stop_at: tuple[str, int] | None = None,
    ) -> None:
        self.rng = rng
        self.ctx = ctx
        self.cal = ctx.calendar
        self.row = row
        self.spec = spec
        self.events = events
        self.stop_at = stop_at
        self.limit = ctx.as_of - dt.timedelta(seconds=30)
        self.last: dt.datetime = row["reported_at"]
        self.state: str | None = None
        self.unit: tuple[int, str] = (0, "")
        self.last_user: int | None = None

    # -- plumbing -------------------------------------------------------------------
    def fit(self, moment: dt.datetime) -> dt.datetime:
        if moment < self.last:
            return self.last
        if moment <= self.limit:
            return moment
        return self.last + (self.limit - self.last) * self.rng.uniform(0.2, 0.6)

    def step(
        self,
        moment: dt.datetime,
        action: str,
        to_state: str,
        who: Person,
        role: str,
        note: str = "",
        data: dict[str, Any] | None = None,
    ) -> dt.datetime:
        moment = self.fit(moment)
        if self.events is not None:
            self.events.append(
                {
                    "case_id": self.row["id"],
                    "at": moment,
                    "user_id": who.user_id,
                    "actor": who.actor,
                    "role": role,
                    "action": action,
                    "from_state": self.state,
                    "to_state": to_state,
                    "note": note,
                    "data": data or {},
                }
            )
        self.state = to_state
        self.last = moment
        self.last_user = who.user_id
        return moment

    def reached(self) -> None:
        """Stop if the plan leaves the case in this state (called once the step's
        columns are written)."""
        if self.stop_at == (self.state, self.row["escalation_level"]):
            raise Stop

    def staffed(self, moment: dt.datetime, hours: tuple[float, float]) -> dt.datetime:
        """moment if the post is staffed then, else its next opening plus the few minutes
        it takes to get to this case."""
        start = next_staffed(moment, *hours)
        if start != moment:
            start += minutes(self.rng.uniform(3, 40))
        return start

    def due(self, stage: str, start: dt.datetime) -> dt.datetime | None:
        return self.ctx.due(stage, self.row["category_id"], self.row["urgency"], start)

    def add(self, start: dt.datetime, share: float) -> dt.datetime:
        """start plus share of the category's handling allowance, on its own clock."""
        return self.cal.add(start, self.spec.deadline_kind, self.spec.deadline_amount * share)

    def desk(self, moment: dt.datetime) -> tuple[Person, Person, Person]:
        """(shift leader, dispatcher, intake clerk) on duty: the specialists in office
        hours on alternate days, the multi-role clerk the rest of the time."""
        staff = self.ctx.staff
        local = moment.astimezone(TZ)
        office = 8 <= local.hour < 17 and self.cal.is_working_day(local.date())
        if office and local.toordinal() % 2 == 0 and "shift_leader" in staff:
            return staff["shift_leader"], staff["dispatcher"], staff["intake"]
        duty = staff.get("duty", SYSTEM)
        return duty, duty, duty

    def unit_person(self, unit: tuple[int, str]) -> Person:
        account = self.ctx.unit_user
        if account and account[0] == unit[0]:
            return Person(unit[1], "", account[1], "unit")
        return Person(unit[1])

    def delay(
        self, usual: tuple[float, float], late: tuple[float, float], p_late: float
    ) -> dt.timedelta:
        return minutes(self.rng.uniform(*(late if self.rng.random() < p_late else usual)))

    def report_data(self, self_handled: bool) -> dict[str, Any]:
        row = self.row
        return {
            "source": row["source"],
            "self_handled": self_handled,
            "community_id": row["community_id"],
            "grid_id": row["grid_id"],
            "attachments": [],
        }
