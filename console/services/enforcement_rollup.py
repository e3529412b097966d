"""Roll-ups of the enforcement ledger (执法台账) by day, month or year.

The reports, the dashboard and the ledger pane all read their enforcement figures from
here, so a figure has one definition. Periods are local dates (occurred_on is a date),
[start, end) like the KPI service. Every kind of ENFORCEMENT_KINDS is present in each
result, zero when nothing was recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from console.models.enforcement import ENFORCEMENT_KINDS, EnforcementAction

Grain = Literal["day", "month", "year"]
Totals = dict[str, Decimal]


@dataclass(frozen=True)
class Scope:
    """Which actions count: all by default, or one community / campaign / team / shift."""

    community_id: int | None = None
    campaign_id: int | None = None
    team: str | None = None
    shift: str | None = None


def empty_totals() -> Totals:
    return dict.fromkeys(ENFORCEMENT_KINDS, Decimal(0))


def _scoped(query: Select, start: dt.date, end: dt.date, scope: Scope) -> Select:
    query = query.where(EnforcementAction.occurred_on >= start, EnforcementAction.occurred_on < end)
    if scope.community_id is not None:
        query = query.where(EnforcementAction.community_id == scope.community_id)
    if scope.campaign_id is not None:
        query = query.where(EnforcementAction.campaign_id == scope.campaign_id)
    if scope.team is not None:
        query = query.where(EnforcementAction.team == scope.team)
    if scope.shift is not None:
        query = query.where(EnforcementAction.shift == scope.shift)
    return query


def _add(totals: Totals, kind: str, amount: object) -> None:
    if kind in totals:
        totals[kind] += Decimal(str(amount or 0))


def totals(start: dt.date, end: dt.date, *, session: Session, scope: Scope = Scope()) -> Totals:
    """kind -> quantity summed over [start, end)."""
    result = empty_totals()
    query = select(EnforcementAction.kind, func.sum(EnforcementAction.quantity)).group_by(
        EnforcementAction.kind
    )
    for kind, amount in session.execute(_scoped(query, start, end, scope)):
        _add(result, kind, amount)
    return result


def period_start(day: dt.date, grain: Grain) -> dt.date:
    if grain == "day":
        return day
    if grain == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def by_period(
    start: dt.date, end: dt.date, grain: Grain, *, session: Session, scope: Scope = Scope()
) -> list[tuple[dt.date, Totals]]:
    """(first day of the period, totals) for each day/month/year in [start, end) that
    has actions, in date order. Summed per day in SQL, folded into months and years here
    (at most a few thousand rows), which keeps the SQL the same on both backends."""
    query = select(
        EnforcementAction.occurred_on, EnforcementAction.kind, func.sum(EnforcementAction.quantity)
    ).group_by(EnforcementAction.occurred_on, EnforcementAction.kind)
    periods: dict[dt.date, Totals] = {}
    for day, kind, amount in session.execute(_scoped(query, start, end, scope)):
        _add(periods.setdefault(period_start(day, grain), empty_totals()), kind, amount)
    return sorted(periods.items())


def by_key(
    start: dt.date,
    end: dt.date,
    key: Literal["team", "shift", "community_id", "campaign_id"],
    *,
    session: Session,
    kinds: Iterable[str] = tuple(ENFORCEMENT_KINDS),
) -> dict[object, Totals]:
    """Totals per team, shift, community or campaign (None for actions without one)."""
    column = getattr(EnforcementAction, key)
    query = (
        select(column, EnforcementAction.kind, func.sum(EnforcementAction.quantity))
        .where(EnforcementAction.kind.in_(list(kinds)))
        .group_by(column, EnforcementAction.kind)
    )
    result: dict[object, Totals] = {}
    for value, kind, amount in session.execute(_scoped(query, start, end, Scope())):
        _add(result.setdefault(value, empty_totals()), kind, amount)
    return result
