"""Registering a new case (信息收集 → 案卷建立): validate, locate, number, route.

Everything is checked before the first row is written, so a refused report leaves no
trace. Numbers are prefix + local date + daily serial, drawn under the write lock, so two
workstations registering at the same moment never draw the same one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from console.models import Case
from console.models.base import table_of
from console.models.case import CASE_SOURCES, URGENCIES
from console.services import reference
from console.services.actor import Actor
from console.services.deadlines import stage_due
from console.services.geo_checks import has_area, in_china, point_in_polygon, valid_lon_lat
from console.services.reference import CategoryRow
from console.services.workflow import attachments
from console.services.workflow.attachments import PhotoInput
from console.services.workflow.core import append_event, current_time, local_zone, setting
from console.services.workflow.errors import (
    WorkflowInputError,
    WorkflowPermissionDenied,
    action_term,
    roles_term,
)
from console.services.workflow.states import BY_ACTION, role_used
from console.services.writelock import hold_write_lock

DESCRIPTION_MAX = 2000
PREFIX_KEY = "case_number_prefix"
DEFAULT_PREFIX = "AJ"
# Serials are zero-padded to this width; a day past 9,999 cases goes on with 10000.
SERIAL_WIDTH = 4
# Terminals' clocks drift a little; a report a few minutes "ahead" is not a future one.
CLOCK_SKEW = dt.timedelta(minutes=5)
_TEXT_LIMITS = {"address": 200, "reporter_name": 64, "reporter_phone": 32}


@dataclass(frozen=True)
class IntakeData:
    """What a report says; reported_at defaults to now (when it was registered)."""

    category_id: int
    lon: float
    lat: float
    description: str
    source: str
    urgency: str = "normal"
    reported_at: dt.datetime | None = None
    address: str = ""
    reporter_name: str = ""
    reporter_phone: str = ""
    self_handled: bool = False
    photos: Sequence[PhotoInput] = ()


def _coerce(data: IntakeData | Mapping[str, Any]) -> IntakeData:
    if isinstance(data, IntakeData):
        return data
    names = {f.name for f in dataclasses.fields(IntakeData)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise WorkflowInputError(
            "workflow.intake.bad_data", detail="unknown fields " + ", ".join(unknown)
        )
    try:
        return IntakeData(**data)
    except TypeError as error:
        raise WorkflowInputError("workflow.intake.bad_data", detail=str(error)) from error


def _check_category(session: Session, category_id: Any) -> CategoryRow:
    categories = reference.current(session).categories
    category = (
        categories.get(category_id)
        if isinstance(category_id, int) and not isinstance(category_id, bool)
        else None
    )
    if category is None:
        raise WorkflowInputError("workflow.intake.unknown_category", category_id=category_id)
    if category.parent_id is None:
        raise WorkflowInputError("workflow.intake.category_not_subclass", name=category.name_zh)
    parent = categories.get(category.parent_id)
    if not category.active or (parent is not None and not parent.active):
        raise WorkflowInputError("workflow.intake.category_inactive", name=category.name_zh)
    return category


def _check_point(session: Session, lon: Any, lat: Any) -> tuple[float, float]:
    if not valid_lon_lat(lon, lat):
        raise WorkflowInputError("workflow.intake.bad_coordinates", lon=lon, lat=lat)
    lon, lat = float(lon), float(lat)
    if not in_china(lon, lat):
        raise WorkflowInputError("workflow.intake.outside_china", lon=lon, lat=lat)
    outlines = [o for o in reference.current(session).street_outlines if has_area(o)]
    if outlines and not any(point_in_polygon(lon, lat, o) for o in outlines):
        raise WorkflowInputError("workflow.intake.outside_street", lon=lon, lat=lat)
    return lon, lat


def _check_text(data: IntakeData) -> str:
    if not isinstance(data.description, str) or not data.description.strip():
        raise WorkflowInputError("workflow.intake.empty_description")
    text = data.description.strip()
    if len(text) > DESCRIPTION_MAX:
        raise WorkflowInputError(
            "workflow.intake.description_too_long", max=DESCRIPTION_MAX, length=len(text)
        )
    for field, limit in _TEXT_LIMITS.items():
        value = getattr(data, field)
        if not isinstance(value, str) or len(value) > limit:
            raise WorkflowInputError("workflow.intake.field_too_long", field=field, max=limit)
    if data.source not in CASE_SOURCES:
        raise WorkflowInputError(
            "workflow.intake.bad_source", source=data.source, allowed=", ".join(CASE_SOURCES)
        )
    if data.urgency not in URGENCIES:
        raise WorkflowInputError(
            "workflow.intake.bad_urgency", urgency=data.urgency, allowed=", ".join(URGENCIES)
        )
    return text


def _check_time(data: IntakeData, now: dt.datetime) -> dt.datetime:
    at = data.reported_at
    if at is None:
        return now
    if not isinstance(at, dt.datetime) or at.tzinfo is None:
        raise WorkflowInputError("workflow.intake.bad_time", at=str(at))
    if at > now + CLOCK_SKEW:
        raise WorkflowInputError("workflow.intake.future_time", at=at.isoformat(timespec="minutes"))
    return at.astimezone(dt.UTC)


def locate(session: Session, lon: float, lat: float) -> tuple[int | None, int | None]:
    """(community_id, grid_id) of a point: bounding boxes first, then polygons."""
    known = reference.current(session)
    for grid in known.grids:
        if grid.may_hold(lon, lat) and point_in_polygon(lon, lat, grid.boundary):
            return grid.community_id, grid.id
    for community_id, outline in known.communities:
        if has_area(outline) and point_in_polygon(lon, lat, outline):
            return community_id, None
    return None, None


def next_number(session: Session, now: dt.datetime) -> str:
    """prefix + local yyyymmdd + serial (4 digits, more after 9,999 in a day)."""
    hold_write_lock(session)
    prefix = str(setting(session, PREFIX_KEY, DEFAULT_PREFIX))[:10]
    stem = prefix + now.astimezone(local_zone(session)).strftime("%Y%m%d")
    return f"{stem}{_last_serial(session, stem) + 1:0{SERIAL_WIDTH}d}"


# The highest number in a range, by the number index (built once: it runs per case).
_NUMBER = table_of(Case).c.number
_HIGHEST_NUMBER = (
    select(_NUMBER)
    .where(_NUMBER.between(bindparam("low"), bindparam("high")))
    .order_by(_NUMBER.desc())
    .limit(1)
)


def _last_serial(session: Session, stem: str) -> int:
    """The day's highest serial, from one backward step in the number index.

    The range alone (no other condition, so the planner always walks the index) ends
    at the widest four-digit serial; a five-digit one sorts below it, and exists only
    once 9999 does. Past 9,999 cases in a day, or with a number of the day that is not
    a plain serial (a hand-made import), the day's numbers are read one by one.
    """
    top = stem + "9" * SERIAL_WIDTH
    last = session.scalar(_HIGHEST_NUMBER, {"low": stem, "high": top})
    if last is None:
        return 0
    tail = last[len(stem) :]
    if last.startswith(stem) and len(tail) == SERIAL_WIDTH and _is_serial(tail) and last != top:
        return int(tail)
    numbers = session.scalars(
        select(Case.number).where(Case.number.startswith(stem, autoescape=True))
    )
    return max((int(n[len(stem) :]) for n in numbers if _is_serial(n[len(stem) :])), default=0)


def _is_serial(tail: str) -> bool:
    # ASCII digits only: "²" or "٣" pass isdigit() but not int(), or not as ours.
    return tail.isascii() and tail.isdigit()


def _deadline(session: Session, stage: str, data: IntakeData, start: dt.datetime) -> Any:
    return stage_due(
        session, stage=stage, category_id=data.category_id, urgency=data.urgency, start=start
    )


def report(
    session: Session,
    actor: Actor,
    data: IntakeData | Mapping[str, Any],
    *,
    now: dt.datetime | None = None,
) -> Case:
    """Register a case; routed to to_verify, to_open, or closed when self-handled."""
    at = current_time(now)
    step = BY_ACTION["report"]
    role = role_used(actor, step)
    if role is None:
        raise WorkflowPermissionDenied(
            "workflow.denied_new",
            action=action_term("report"),
            needed=roles_term(step.roles),
            roles=roles_term(sorted(actor.roles)),
        )
    # No write lock yet: checks and deadlines only read, so concurrent reports do them
    # in parallel; next_number() takes the lock for numbering and the writes after it.
    item = _coerce(data)
    _check_category(session, item.category_id)
    lon, lat = _check_point(session, item.lon, item.lat)
    description = _check_text(item)
    reported_at = _check_time(item, at)
    if item.self_handled and not actor.has("inspector"):
        raise WorkflowInputError("workflow.intake.self_handled_by_inspector")
    if item.self_handled:
        role = "inspector"
    checked = [(p, attachments.validate(session, p, at)) for p in item.photos]
    if (
        item.self_handled
        and attachments.feedback_requires_photo(session)
        and not any(p.kind == "after" for p in item.photos)
    ):
        raise WorkflowInputError("workflow.intake.photo_required")
    community_id, grid_id = locate(session, lon, lat)

    state = "to_open" if item.source == "inspector" else "to_verify"
    open_due = (
        _deadline(session, "open", item, reported_at)
        if state == "to_open" or item.self_handled
        else None
    )
    handle_due = _deadline(session, "handle", item, reported_at) if item.self_handled else None
    case = Case(
        number=next_number(session, at),
        source=item.source,
        category_id=item.category_id,
        lon=lon,
        lat=lat,
        address=item.address.strip(),
        community_id=community_id,
        grid_id=grid_id,
        urgency=item.urgency,
        description=description,
        reporter_name=item.reporter_name.strip(),
        reporter_phone=item.reporter_phone.strip(),
        # The account of whoever found the problem; a clerk registering a call is not it
        # (the clerk is on the timeline).
        reporter_user_id=actor.user_id
        if item.source == "inspector" and actor.has("inspector")
        else None,
        state=state,
        reported_at=reported_at,
        updated_at=at,
        updated_by_id=actor.user_id,
    )
    if open_due is not None:
        case.open_due_at = open_due
    if item.self_handled:
        # 自行处置: found and fixed on the spot; the clocks still show how long it took.
        case.self_handled = True
        case.state = "closed"
        case.opened_at = case.handled_at = case.closed_at = at
        case.handle_due_at = handle_due
    session.add(case)
    session.flush()
    stored = [attachments.store(session, actor, case.id, p, mime, at) for p, mime in checked]
    append_event(
        session,
        actor,
        case,
        action="report",
        role=role,
        from_state=None,
        now=at,
        data={
            "source": item.source,
            "self_handled": item.self_handled,
            "community_id": community_id,
            "grid_id": grid_id,
            "attachments": [a.id for a in stored],
        },
        kind="created",
    )
    _flag_campaign_rebound(session, actor, case)
    return case


def _flag_campaign_rebound(session: Session, actor: Actor, case: Case) -> None:
    """A new case near a cleared campaign item shows the item came back (rebound)."""
    # Imported here: the campaign services use this module's locate().
    from console.services.campaigns.rebound import check_new_case

    check_new_case(session, actor, case)
