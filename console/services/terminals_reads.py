"""What the field service reads: the category list and cases as service requests.

Plain rows, so the HTTP layer only formats them (JSON or XML) and never runs SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from console.models import (
    AppSetting,
    Attachment,
    Blob,
    Case,
    Category,
    Grid,
    ResponsibleUnit,
    Street,
)
from console.services import reference
from console.services.geo_checks import has_area
from console.services.workflow.states import FINAL_STATES

# Open311 GeoReport v2: a list answers at most this many requests; default span 90 days.
MAX_REQUESTS = 1000
DEFAULT_SPAN = dt.timedelta(days=90)


@dataclass(frozen=True)
class ServiceRow:
    code: str
    name_zh: str
    name_en: str
    group_zh: str
    group_en: str
    kind: str


@dataclass(frozen=True)
class RequestRow:
    number: str
    state: str
    pending_request: str | None
    supervised: bool
    self_handled: bool
    escalation_level: int
    rework_count: int
    service_code: str
    service_name_zh: str
    service_name_en: str
    description: str
    unit: str
    address: str
    lon: float | None
    lat: float | None
    reported_at: dt.datetime
    updated_at: dt.datetime
    expected_at: dt.datetime | None
    media: tuple[str, ...]  # sha256 of the photos, oldest first


def services(session: Session, code: str | None = None) -> list[ServiceRow]:
    """Active subclasses (the codes a report is filed under), by code."""
    parent = aliased(Category)
    query = (
        select(Category, parent)
        .join(parent, parent.id == Category.parent_id)
        .where(Category.active.is_(True), parent.active.is_(True))
        .order_by(Category.code)
    )
    if code is not None:
        query = query.where(Category.code == code)
    return [
        ServiceRow(
            c.code, c.name_zh, c.name_en or c.name_zh, p.name_zh, p.name_en or p.name_zh, c.kind
        )
        for c, p in session.execute(query)
    ]


def category_id(session: Session, code: str) -> int | None:
    return reference.current(session).category_ids.get(code)


def _filtered(
    query: Select[Any],
    *,
    numbers: Sequence[str],
    service_code: str | None,
    start: dt.datetime | None,
    end: dt.datetime | None,
    status: str | None,
) -> Select[Any]:
    if numbers:
        query = query.where(Case.number.in_(list(numbers)))
    else:
        # Open311: without ids, a bounded span of time (the last 90 days by default).
        if end is None:
            end = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)
        if start is None:
            start = end - DEFAULT_SPAN
    if start is not None:
        query = query.where(Case.reported_at >= start)
    if end is not None:
        query = query.where(Case.reported_at <= end)
    if service_code:
        query = query.where(Category.code.in_(service_code.split(",")))
    if status == "closed":
        query = query.where(Case.state.in_(FINAL_STATES))
    elif status == "open":
        query = query.where(Case.state.not_in(FINAL_STATES))
    return query


def requests(
    session: Session,
    *,
    numbers: Sequence[str] = (),
    service_code: str | None = None,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    status: str | None = None,
    limit: int = MAX_REQUESTS,
) -> list[RequestRow]:
    """Cases as service requests, newest first."""
    # Typed loosely: the filters below add clauses, not columns.
    query: Any = (
        select(Case, Category, ResponsibleUnit.name)
        .join(Category, Category.id == Case.category_id)
        .outerjoin(ResponsibleUnit, ResponsibleUnit.id == Case.unit_id)
    )
    query = _filtered(
        query, numbers=numbers, service_code=service_code, start=start, end=end, status=status
    )
    query = query.order_by(Case.reported_at.desc(), Case.id.desc()).limit(min(limit, MAX_REQUESTS))
    rows: list[tuple[Case, Category, str | None]] = [
        (r[0], r[1], r[2]) for r in session.execute(query).all()
    ]
    media: dict[int, list[str]] = {}
    ids = [case.id for case, _c, _u in rows]
    if ids:
        photos = session.execute(
            select(Attachment.entity_id, Attachment.sha256)
            .where(Attachment.entity == "case", Attachment.entity_id.in_(ids))
            .order_by(Attachment.id)
        )
        for case_id, sha in photos:
            media.setdefault(case_id, []).append(sha)
    return [
        RequestRow(
            number=case.number,
            state=case.state,
            pending_request=case.pending_request,
            supervised=case.supervised,
            self_handled=case.self_handled,
            escalation_level=case.escalation_level,
            rework_count=case.rework_count,
            service_code=category.code,
            service_name_zh=category.name_zh,
            service_name_en=category.name_en or category.name_zh,
            description=case.description,
            unit=unit or "",
            address=case.address,
            lon=case.lon,
            lat=case.lat,
            reported_at=case.reported_at,
            updated_at=case.updated_at,
            expected_at=case.handle_due_at,
            media=tuple(media.get(case.id, ())),
        )
        for case, category, unit in rows
    ]


def photo(session: Session, sha256: str) -> tuple[str, bytes] | None:
    """(mime, bytes) of a case photo, only if some case has it attached."""
    row = session.execute(
        select(Blob.mime, Blob.data)
        .join(Attachment, Attachment.sha256 == Blob.sha256)
        .where(Blob.sha256 == sha256, Attachment.entity == "case")
        .limit(1)
    ).first()
    return (row.mime, bytes(row.data)) if row is not None else None


JURISDICTION_KEY = "open311_jurisdiction_id"


def jurisdiction(session: Session) -> str:
    """The Open311 jurisdiction id: a setting, else the street's code."""
    row = session.get(AppSetting, JURISDICTION_KEY)
    if row is not None and isinstance(row.value, str) and row.value.strip():
        return row.value.strip()
    code = session.scalar(select(Street.code).order_by(Street.id).limit(1))
    return code or "sanwang"


def grid_outlines(session: Session) -> list[list[list[float]]]:
    """Outlines of the street's grids with an area (where field reports can come from)."""
    return [
        g.boundary for g in session.scalars(select(Grid).order_by(Grid.id)) if has_area(g.boundary)
    ]
