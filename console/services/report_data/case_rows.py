"""Case rows for the lists in the reports: overdue, supervised, a period's whole list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from console.models import Case, Category, Community, ResponsibleUnit
from console.services.kpi import definitions
from console.services.report_data.labels import local_time, source_label, state_label, t

LIST_LIMIT = 50  # rows a daily report lists per section; the rest are counted
_READ_BATCH = 2000


def _counted() -> ColumnElement[bool]:
    return and_(Case.state.not_in(definitions.EXCLUDED_STATES), Case.merged_into_id.is_(None))


def overdue_now(as_of: dt.datetime) -> ColumnElement[bool]:
    """Open cases past their handling deadline (the KPI's overdue_open, any cohort)."""
    return and_(_counted(), definitions.conditions(as_of)["overdue_open"])


def supervised_open() -> ColumnElement[bool]:
    return and_(
        _counted(),
        Case.supervised.is_(True),
        Case.state.not_in(definitions.NOT_PENDING_STATES),
    )


def _query(where: ColumnElement[bool], order: Any) -> Any:  # a Select of the listed columns
    return (
        select(
            Case.number,
            Case.reported_at,
            Category.code,
            Category.name_zh,
            Category.name_en,
            Community.name,
            Case.state,
            Case.handle_due_at,
            ResponsibleUnit.name,
            Case.address,
            Case.description,
            Case.source,
        )
        .join(Category, Category.id == Case.category_id)
        .outerjoin(Community, Community.id == Case.community_id)
        .outerjoin(ResponsibleUnit, ResponsibleUnit.id == Case.unit_id)
        .where(where)
        .order_by(order, Case.id)
    )


def headers(language: str, *, long: bool = False) -> tuple[str, ...]:
    names = ["number", "reported", "category", "community", "state", "due", "unit"]
    if long:
        names = [
            "number",
            "reported",
            "source",
            "category",
            "community",
            "state",
            "unit",
            "description",
        ]
    return tuple(t(f"col.{n}", language) for n in names)


def _cells(row: Any, zone: dt.tzinfo, language: str, long: bool) -> tuple[str, ...]:
    (
        number,
        reported,
        code,
        name_zh,
        name_en,
        community,
        state,
        due,
        unit,
        address,
        description,
        source,
    ) = row
    category = f"{code} {name_en if language.startswith('en') and name_en else name_zh}"
    if long:
        text = " ".join(f"{address} {description}".split())
        return (
            number,
            local_time(reported, zone),
            source_label(source, language),
            category,
            community or "",
            state_label(state, language),
            unit or "",
            text,
        )
    return (
        number,
        local_time(reported, zone),
        category,
        community or "",
        state_label(state, language),
        local_time(due, zone),
        unit or "",
    )


def listed(
    session: Session,
    where: ColumnElement[bool],
    zone: dt.tzinfo,
    language: str,
    *,
    limit: int = LIST_LIMIT,
) -> tuple[list[tuple[str, ...]], int]:
    """The first `limit` rows (oldest deadline first) and how many match in all."""
    total = int(session.scalar(select(func.count()).select_from(Case).where(where)) or 0)
    rows = session.execute(_query(where, Case.handle_due_at).limit(limit)).all()
    return [_cells(r, zone, language, False) for r in rows], total


def period_rows(
    session: Session,
    lower: dt.datetime,
    upper: dt.datetime,
    zone: dt.tzinfo,
    language: str,
    *,
    community_id: int | None = None,
) -> Iterator[tuple[str, ...]]:
    """Every counted case reported in [lower, upper), in the order reported."""
    where = and_(definitions.cohort(lower, upper))
    if community_id is not None:
        where = and_(where, Case.community_id == community_id)
    query = _query(where, Case.reported_at).execution_options(yield_per=_READ_BATCH)
    for row in session.execute(query):
        yield _cells(row, zone, language, True)
