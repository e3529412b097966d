"""The SQL pieces of the operator queue: tab membership, filters and sort keys.

Every expression is on case_file's own columns where it can be, so the planner can
serve a tab from the indexes of revision 0003 (see console.models.case). Values are
bind parameters (NOW and the filter's), so one statement serves every filter of the
same shape and is built and compiled once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    String,
    and_,
    bindparam,
    case,
    or_,
    select,
    true,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from console.models import Case, Category, Community
from console.models.base import UTCDateTime
from console.models.case import CASE_STATES
from console.services.textmatch import TextShape
from console.services.textmatch import condition as text_condition

# Tabs that are a set of states, in the order a case passes them.
STATE_TABS: dict[str, tuple[str, ...]] = {
    "to_verify": ("to_verify",),
    "to_open": ("to_open",),
    "to_dispatch": ("opened",),
    "in_handling": ("dispatched", "in_handling"),
    "to_check": ("to_check",),
    "to_close": ("to_close",),
}
NOT_SUPERVISED_STATES = ("closed", "archived", "merged", "not_opened")
EXCLUDED_FROM_ALL = "merged"
NOW = bindparam("now", type_=UTCDateTime())

# The due time of the stage a case is in; states without one (a shelved case's clock is
# paused, a closed case has none) have no due time.
DUE_COLUMNS: tuple[tuple[tuple[str, ...], InstrumentedAttribute[dt.datetime | None]], ...] = (
    (("to_open",), Case.open_due_at),
    (("opened",), Case.dispatch_due_at),
    (("dispatched", "in_handling"), Case.handle_due_at),
    (("to_check",), Case.check_due_at),
)


def _inline(value: str | list[str], name: str | None = None) -> BindParameter[Any]:
    # Written into the SQL text: a plan PostgreSQL reuses for a prepared statement (after
    # five runs) must still know which states it selects, as their counts differ a
    # thousandfold (the urgencies' twentyfold).
    return bindparam(name, value, String, expanding=isinstance(value, list), literal_execute=True)


def state_in(states: tuple[str, ...]) -> ColumnElement[bool]:
    if len(states) == 1:
        return Case.state == _inline(states[0])
    return Case.state.in_(_inline(list(states)))


def due_at() -> ColumnElement[Any]:
    return case(*((state_in(states), column) for states, column in DUE_COLUMNS), else_=None)


def overdue() -> ColumnElement[bool]:
    """Open and past the current stage's due time (NOW): one index range per stage."""
    return or_(*(and_(state_in(states), column < NOW) for states, column in DUE_COLUMNS))


def supervised() -> ColumnElement[bool]:
    # "= true" (not "IS true"): the form ix_case_file_supervised's WHERE matches.
    return and_(Case.supervised == true(), ~state_in(NOT_SUPERVISED_STATES))


def tab_condition(tab: str) -> ColumnElement[bool]:
    if tab in STATE_TABS:
        return state_in(STATE_TABS[tab])
    if tab == "overdue":
        return overdue()
    if tab == "supervised":
        return supervised()
    if tab == "all":
        return Case.state != _inline(EXCLUDED_FROM_ALL)
    raise ValueError(f"unknown queue tab {tab!r}")


def category_ids(session: Session, category_id: int) -> list[int]:
    """The category and, for a class, its subclasses (the taxonomy has two levels)."""
    rows = session.scalars(
        select(Category.id).where(
            or_(Category.id == category_id, Category.parent_id == category_id)
        )
    )
    return list(rows)


_STATE_ORDER = case({state: n for n, state in enumerate(CASE_STATES)}, value=Case.state)


class SortKey:
    """A sort column: its expression, whether it can be NULL, the table it needs."""

    def __init__(
        self,
        expression: ColumnElement[Any] | InstrumentedAttribute[Any],
        *,
        nullable: bool = False,
        unique: bool = False,
        join: type[Category] | type[Community] | None = None,
    ) -> None:
        self.expression = expression
        self.nullable = nullable
        self.unique = unique
        self.join = join

    def order_by(self, descending: bool) -> list[ColumnElement[Any]]:
        """Key then id, both in the sort's direction; rows without a value come last."""
        key = self.expression.desc() if descending else self.expression.asc()
        if self.nullable:
            key = key.nulls_last()
        if self.unique:
            return [key]
        return [key, Case.id.desc() if descending else Case.id.asc()]


SORTS: dict[str, SortKey] = {
    "reported_at": SortKey(Case.reported_at),
    "due_at": SortKey(due_at(), nullable=True),
    "number": SortKey(Case.number, unique=True),
    # The order a case moves through the workflow, not the alphabet of state codes.
    "state": SortKey(_STATE_ORDER),
    "urgency": SortKey(Case.urgency),
    "category": SortKey(Category.code, join=Category),
    "community": SortKey(Community.name, nullable=True, join=Community),
}
# Sorts an index of case_file already holds in order (for the tab "all").
INDEX_ORDERED = frozenset({"reported_at", "number"})


# Filters beside the tab and the text: the bind parameter each sets, and its condition.
FILTERS: dict[str, ColumnElement[bool]] = {
    "community_id": Case.community_id == bindparam("community_id"),
    "category_ids": Case.category_id.in_(bindparam("category_ids", expanding=True)),
    "unit_id": Case.unit_id == bindparam("unit_id"),
    "urgency": Case.urgency == _inline("", "urgency"),
    "reported_from": Case.reported_at >= bindparam("reported_from"),
    "reported_to": Case.reported_at < bindparam("reported_to"),
}


@dataclass(frozen=True)
class Shape:
    """What a queue statement's SQL depends on: the tab, which filters are set, the text."""

    tab: str
    filters: frozenset[str] = frozenset()
    text: TextShape | None = None


def conditions(shape: Shape) -> list[ColumnElement[bool]]:
    parts = [tab_condition(shape.tab), *(FILTERS[name] for name in sorted(shape.filters))]
    if shape.text is not None:
        parts.append(text_condition(shape.text))
    return parts
