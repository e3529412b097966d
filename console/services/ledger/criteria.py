"""Which cases an export takes: a period on reported_at and optional value filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from console.errors import InputError
from console.models import Case
from console.services.ledger import columns as C
from console.services.ledger.reference import NotFound, Reference, load_reference

_STATE_CHOICES = "、".join(C.STATE_LABELS.values())


@dataclass(frozen=True)
class ExportCriteria:
    """Empty sets mean "any"; the dates are local calendar days, both included."""

    reported_from: dt.date | None = None
    reported_to: dt.date | None = None
    community_ids: frozenset[int] = frozenset()
    category_ids: frozenset[int] = frozenset()  # a class takes its subclasses along
    states: frozenset[str] = frozenset()
    unit_ids: frozenset[int] = frozenset()

    def describe(self) -> dict[str, Any]:
        """The criteria as plain values, for the audit row."""
        return {
            "reported_from": self.reported_from.isoformat() if self.reported_from else None,
            "reported_to": self.reported_to.isoformat() if self.reported_to else None,
            "community_ids": sorted(self.community_ids),
            "category_ids": sorted(self.category_ids),
            "states": sorted(self.states),
            "unit_ids": sorted(self.unit_ids),
        }


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError("ledger.bad_date", value=value) from None


def _ids(values: Sequence[str], find: Any, unknown: str) -> frozenset[int]:
    found = set()
    for value in values:
        try:
            found.add(find(value.strip()))
        except NotFound as missing:
            code = "ledger.ambiguous" if missing.kind == "ambiguous" else unknown
            raise InputError(code, value=value) from None
    return frozenset(found)


def _category(reference: Reference) -> Any:
    def find(value: str) -> int:
        try:
            return reference.classes.find(value, 2)
        except NotFound:
            return reference.subclasses.find(value, 4)

    return find


def resolve_criteria(
    session: Session,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    communities: Sequence[str] = (),
    categories: Sequence[str] = (),
    states: Sequence[str] = (),
    units: Sequence[str] = (),
) -> ExportCriteria:
    """Criteria from what a user typed: dates YYYY-MM-DD, names, labels or codes."""
    start, end = parse_date(date_from), parse_date(date_to)
    if start and end and start > end:
        raise InputError("ledger.bad_period", start=start.isoformat(), end=end.isoformat())
    reference = load_reference(session)
    state_codes = set()
    for value in states:
        code = C.state_code(value.strip())
        if code is None:
            raise InputError("ledger.unknown_state", value=value, choices=_STATE_CHOICES)
        state_codes.add(code)
    return ExportCriteria(
        reported_from=start,
        reported_to=end,
        community_ids=_ids(communities, reference.communities.find, "ledger.unknown_community"),
        category_ids=_ids(categories, _category(reference), "ledger.unknown_category"),
        states=frozenset(state_codes),
        unit_ids=_ids(units, reference.units.find, "ledger.unknown_unit"),
    )


def _midnight(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=tz)


def conditions(criteria: ExportCriteria, reference: Reference) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if criteria.reported_from:
        where.append(Case.reported_at >= _midnight(criteria.reported_from, reference.tz))
    if criteria.reported_to:
        day_after = criteria.reported_to + dt.timedelta(days=1)
        where.append(Case.reported_at < _midnight(day_after, reference.tz))
    if criteria.community_ids:
        where.append(Case.community_id.in_(sorted(criteria.community_ids)))
    if criteria.category_ids:
        wanted = set(criteria.category_ids)
        wanted |= {c for c, parent in reference.parent_of.items() if parent in wanted}
        where.append(Case.category_id.in_(sorted(wanted)))
    if criteria.states:
        where.append(Case.state.in_(sorted(criteria.states)))
    if criteria.unit_ids:
        where.append(Case.unit_id.in_(sorted(criteria.unit_ids)))
    return where
