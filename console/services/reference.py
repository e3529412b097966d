"""Reference data in memory: settings, categories, outlines, deadline rules, calendar.

A report reads a dozen of these small tables (is the category active, is the point in
the street, which grid, which deadline rule, the working calendar, any campaign of the
category) and they change a few times a year. Reading them on every report was most of
its statements. Now each process keeps one snapshot per database and checks it with one
statement per transaction: reference_stamp's version, which triggers change whenever
any of the tables change, whoever changes them (db.reference_stamp).

Within a transaction the version is read once. A transaction that writes a reference
table itself (seen on its connection, below) reads it again, and a snapshot built from
its own uncommitted writes is used by that transaction only, never shared.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import threading
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import Engine, Pool, event, select
from sqlalchemy.orm import Session

from console.models import (
    AppSetting,
    CalendarDay,
    Campaign,
    Category,
    Community,
    DeadlineRule,
    Grid,
    ReferenceStamp,
    Street,
    WorkingHours,
)
from db.reference_stamp import REFERENCE_TABLES

Outline = list[Any]
# Core, not ORM: it runs in every transaction that reads reference data.
_STAMP = select(ReferenceStamp.__table__.c.version).where(ReferenceStamp.__table__.c.id == 1)
_SESSION_KEY = "console.reference"
_WRITES_KEY = "console.reference.writes"
_TARGET = re.compile(r"\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.I)
_REFERENCE = frozenset(REFERENCE_TABLES)


@dataclass(frozen=True)
class CategoryRow:
    id: int
    code: str
    parent_id: int | None
    active: bool
    name_zh: str
    deadline_kind: str | None
    deadline_amount: float | None


@dataclass(frozen=True)
class GridRow:
    id: int
    community_id: int
    boundary: Outline
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    def may_hold(self, lon: float, lat: float) -> bool:
        return self.min_lon <= lon <= self.max_lon and self.min_lat <= lat <= self.max_lat


@dataclass(frozen=True)
class RuleRow:
    id: int
    stage: str
    category_id: int | None
    urgency: str | None
    kind: str
    amount: float


@dataclass(frozen=True)
class CampaignRow:
    id: int
    category_id: int
    starts_on: dt.date
    rebound_radius_m: float


@dataclass(frozen=True)
class HoursRow:
    weekday: int
    am_start: str
    am_end: str
    pm_start: str
    pm_end: str


@dataclass(frozen=True)
class DayRow:
    day: dt.date
    kind: str


@dataclass
class Reference:
    """One consistent read of the reference tables, as of version."""

    version: int
    settings: Mapping[str, Any]
    categories: Mapping[int, CategoryRow]
    street_outlines: list[Outline]
    grids: list[GridRow]  # by id
    communities: list[tuple[int, Outline]]  # by id
    rules: Mapping[str, list[RuleRow]]  # stage -> rules by id
    campaigns: Mapping[int, list[CampaignRow]]  # category id -> campaigns
    hours: list[HoursRow]
    days: list[DayRow]

    @cached_property
    def category_ids(self) -> Mapping[str, int]:
        """Category id by code."""
        return {c.code: c.id for c in self.categories.values()}

    @cached_property
    def calendar(self) -> Any:
        """The WorkCalendar of these tables (built on first use; errors are not kept)."""
        from console.services.workcalendar import build_calendar

        return build_calendar(self.settings, self.hours, self.days)


# connection pool -> the last snapshot shared by its sessions. By pool, not engine: a
# Store's writer is the same engine with other options (and the same pool).
_SHARED: weakref.WeakKeyDictionary[Pool, Reference] = weakref.WeakKeyDictionary()
_SHARED_LOCK = threading.Lock()


def current(session: Session) -> Reference:
    """The reference data as this transaction sees it."""
    if _changes_reference(session):
        session.flush()  # what the caller changed but has not flushed counts too
    connection = session.connection()
    writes = connection.info.get(_WRITES_KEY, 0)
    transaction = session.get_transaction()
    memo = session.info.get(_SESSION_KEY)
    if memo is not None and memo[0] is transaction and memo[1] == writes:
        return memo[2]
    # No autoflush: the caller's other pending changes (a case being edited) are flushed
    # when the caller decides; flushing them here would bump their version twice.
    with session.no_autoflush:
        version = connection.execute(_STAMP).scalar()
        pool = connection.engine.pool
        shared = _SHARED.get(pool)
        if version is not None and shared is not None and shared.version == version:
            snapshot = shared
        else:
            snapshot = _load(session, version if version is not None else -1)
        # Shared only when it cannot hold this transaction's own uncommitted writes, and
        # only when the database keeps a stamp at all (a schema being upgraded has none).
        if writes == 0 and version is not None:
            with _SHARED_LOCK:
                _SHARED[pool] = snapshot
    session.info[_SESSION_KEY] = (transaction, writes, snapshot)
    return snapshot


def _changes_reference(session: Session) -> bool:
    pending = itertools.chain(session.new, session.dirty, session.deleted)
    return any(getattr(o, "__tablename__", "") in _REFERENCE for o in pending)


def setting(session: Session, key: str) -> Any:
    """An app_setting value as stored (JSON), None when unset."""
    return current(session).settings.get(key)


def _load(session: Session, version: int) -> Reference:
    rules: dict[str, list[RuleRow]] = {}
    for r in session.execute(select(DeadlineRule).order_by(DeadlineRule.id)).scalars():
        rules.setdefault(r.stage, []).append(
            RuleRow(r.id, r.stage, r.category_id, r.urgency, r.kind, float(r.amount))
        )
    campaigns: dict[int, list[CampaignRow]] = {}
    for c in session.scalars(select(Campaign).order_by(Campaign.id)):
        if c.category_id is not None:
            campaigns.setdefault(c.category_id, []).append(
                CampaignRow(c.id, c.category_id, c.starts_on, float(c.rebound_radius_m))
            )
    return Reference(
        version=version,
        settings={s.key: s.value for s in session.scalars(select(AppSetting))},
        categories={
            c.id: CategoryRow(
                c.id, c.code, c.parent_id, c.active, c.name_zh, c.deadline_kind, c.deadline_amount
            )
            for c in session.scalars(select(Category))
        },
        street_outlines=[s.boundary for s in session.scalars(select(Street).order_by(Street.id))],
        grids=[
            GridRow(g.id, g.community_id, g.boundary, g.min_lon, g.min_lat, g.max_lon, g.max_lat)
            for g in session.scalars(select(Grid).order_by(Grid.id))
        ],
        communities=[
            (c.id, c.boundary) for c in session.scalars(select(Community).order_by(Community.id))
        ],
        rules=rules,
        campaigns=campaigns,
        hours=[
            HoursRow(h.weekday, h.am_start, h.am_end, h.pm_start, h.pm_end)
            for h in session.scalars(select(WorkingHours).order_by(WorkingHours.weekday))
        ],
        days=[
            DayRow(d.day, d.kind)
            for d in session.scalars(select(CalendarDay).order_by(CalendarDay.day))
        ],
    )


def _writes_reference(statement: str) -> bool:
    """Whether a statement writes one of the reference tables (its target, not a column)."""
    target = _TARGET.match(statement)
    return target is not None and target.group(1).lower() in _REFERENCE


@event.listens_for(Engine, "before_cursor_execute")
def _note_reference_write(
    conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool
) -> None:
    if _writes_reference(statement):
        conn.info[_WRITES_KEY] = conn.info.get(_WRITES_KEY, 0) + 1


@event.listens_for(Engine, "commit")
@event.listens_for(Engine, "rollback")
def _forget_writes(conn: Any) -> None:
    # A connection the server dropped has no info to clean: its replacement starts empty.
    if not conn.invalidated:
        conn.info.pop(_WRITES_KEY, None)
