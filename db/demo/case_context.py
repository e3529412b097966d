"""What the case stream needs to know about a seeded street, read back from the database.

Loading it from the database (rather than passing the generator's own objects along)
lets a benchmark stream more cases into any demo database with iter_case_rows().
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import accumulate

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import (
    Category,
    Community,
    DeadlineRule,
    FieldTerminal,
    Grid,
    ResponsibleUnit,
    User,
)
from console.services.workcalendar import WorkCalendar, load_calendar
from db.demo.people import Person
from db.demo.places import COMMUNITIES
from db.demo.taxonomy import SUBCLASSES, Subclass

SYSTEM = Person("系统", login="system")
Rule = tuple[str, float]


@dataclass(frozen=True)
class GridSpot:
    id: int
    ring: list[list[float]]
    box: tuple[float, float, float, float]
    worker: Person


@dataclass(frozen=True)
class CommunitySpot:
    id: int
    name: str
    roads: tuple[str, ...]
    grids: tuple[GridSpot, ...]
    committee: tuple[int, str]


@dataclass(frozen=True)
class CategorySpot:
    id: int
    spec: Subclass


@dataclass
class DeadlineBook:
    """The deadline rules in memory, resolved with the precedence of
    console.services.deadlines.resolve_rule (which asks the database on every call)."""

    rules: list[DeadlineRule]
    category_defaults: dict[int, Rule]
    _cache: dict[tuple[str, int, str], Rule | None] = field(default_factory=dict)

    def rule(self, stage: str, category_id: int, urgency: str) -> Rule | None:
        key = (stage, category_id, urgency)
        if key not in self._cache:
            self._cache[key] = self._resolve(stage, category_id, urgency)
        return self._cache[key]

    def _resolve(self, stage: str, category_id: int, urgency: str) -> Rule | None:
        fitting = [
            r
            for r in self.rules
            if r.stage == stage
            and r.category_id in (None, category_id)
            and r.urgency in (None, urgency)
        ]
        best = max(
            fitting,
            key=lambda r: 2 * (r.category_id is not None) + (r.urgency is not None),
            default=None,
        )
        if best is not None and best.category_id is not None:
            return best.kind, float(best.amount)
        if stage == "handle" and category_id in self.category_defaults:
            return self.category_defaults[category_id]
        return None if best is None else (best.kind, float(best.amount))


@dataclass(frozen=True)
class CaseContext:
    as_of: dt.datetime
    calendar: WorkCalendar
    deadlines: DeadlineBook
    categories: tuple[CategorySpot, ...]
    communities: tuple[CommunitySpot, ...]
    community_cum: tuple[float, ...]  # cumulative population weights
    street_units: dict[str, tuple[int, str]]  # unit_type -> (id, name)
    staff: dict[str, Person]  # demo username -> person
    unit_user: tuple[int, int] | None  # (unit id, user id) of the demo unit account

    def street_unit(self, unit_type: str) -> tuple[int, str]:
        return self.street_units.get(unit_type) or self.street_units["enforcement"]

    def due(
        self, stage: str, category_id: int, urgency: str, start: dt.datetime
    ) -> dt.datetime | None:
        rule = self.deadlines.rule(stage, category_id, urgency)
        return None if rule is None else self.calendar.add(start, *rule)


def _roads(name: str) -> tuple[str, ...]:
    return dict(COMMUNITIES).get(name, (name.removesuffix("社区"),))


def load_case_context(session: Session, as_of: dt.datetime) -> CaseContext:
    specs = {s.code: s for s in SUBCLASSES}
    rows = list(session.scalars(select(Category).order_by(Category.code)))
    categories = tuple(CategorySpot(c.id, specs[c.code]) for c in rows if c.code in specs)
    book = DeadlineBook(
        rules=list(session.scalars(select(DeadlineRule).order_by(DeadlineRule.id))),
        category_defaults={
            c.id: (c.deadline_kind, float(c.deadline_amount))
            for c in rows
            if c.deadline_kind and c.deadline_amount is not None
        },
    )
    units = list(session.scalars(select(ResponsibleUnit).where(ResponsibleUnit.active)))
    committees = {u.community_id: (u.id, u.name) for u in units if u.level == "community"}
    street_units: dict[str, tuple[int, str]] = {}
    for u in sorted(units, key=lambda u: u.code):
        if u.level == "street":
            street_units.setdefault(u.unit_type, (u.id, u.name))
    users = list(session.scalars(select(User).order_by(User.id)))
    staff = {u.username: Person(u.display_name, u.phone, u.id, u.username) for u in users}
    usernames = {u.id: u.username for u in users}
    unit_account = next((u for u in users if u.username == "unit" and u.unit_id), None)
    # A worker's terminal names the first grid of the run they cover: every later grid
    # of the same community belongs to them until the next worker's first grid.
    terminal_at = {
        t.grid_id: Person(
            t.holder_name, t.phone, t.holder_user_id, usernames.get(t.holder_user_id or 0, "")
        )
        for t in session.scalars(select(FieldTerminal).where(FieldTerminal.grid_id.is_not(None)))
    }
    communities: list[CommunitySpot] = []
    weights: list[float] = []
    for community in session.scalars(select(Community).order_by(Community.code)):
        grids: list[GridSpot] = []
        worker = Person(f"{community.name}网格员")
        for g in session.scalars(
            select(Grid).where(Grid.community_id == community.id).order_by(Grid.code)
        ):
            worker = terminal_at.get(g.id, worker)
            box = (g.min_lon, g.min_lat, g.max_lon, g.max_lat)
            grids.append(GridSpot(g.id, g.boundary, box, worker))
        if not grids or community.id not in committees:
            continue
        communities.append(
            CommunitySpot(
                community.id,
                community.name,
                _roads(community.name),
                tuple(grids),
                committees[community.id],
            )
        )
        weights.append(max(1, community.population))
    return CaseContext(
        as_of=as_of,
        calendar=load_calendar(session),
        deadlines=book,
        categories=categories,
        communities=tuple(communities),
        community_cum=tuple(accumulate(weights)),
        street_units=street_units,
        staff=staff,
        unit_user=(unit_account.unit_id, unit_account.id)
        if unit_account and unit_account.unit_id
        else None,
    )
