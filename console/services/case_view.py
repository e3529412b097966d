"""Everything the case detail pane shows about one case, read in a few queries.

case_detail() returns plain frozen data (no ORM objects), so the result may cross from
the database worker to the GUI thread and be kept there safely. Each part is one or two
queries however long the timeline or however many the photos: the case with all its
names (one joined SELECT), assisting units, attachments, timeline with user names,
the workflow's allowed actions and, when the actor may dispatch, the unit choices.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from console import messages
from console.errors import InputError
from console.models import (
    Blob,
    Case,
    CaseAssist,
    Category,
    Community,
    Grid,
    ResponsibleUnit,
    User,
)
from console.services.actor import Actor
from console.services.case_view_parts import (
    AttachmentInfo,
    Clock,
    TimelineEntry,
    UnitChoice,
    UnitRef,
    attachments_of,
    clock_of,
    timeline_of,
    unit_choices,
)
from console.services.workflow import allowed_actions
from console.services.workflow.core import DEFAULT_TIMEZONE, TIMEZONE_KEY, setting

__all__ = [
    "AttachmentInfo",
    "CaseDetail",
    "Clock",
    "TimelineEntry",
    "UnitChoice",
    "UnitRef",
    "attachment_bytes",
    "case_detail",
    "case_id_by_number",
]

messages.register(
    {
        "case_view.no_blob": (
            "附件内容缺失（{sha256}）",
            "The attachment's content is missing ({sha256})",
        ),
        "case_view.unknown_number": (
            "没有编号为 {number} 的案卷",
            "There is no case numbered {number}",
        ),
    }
)


@dataclass(frozen=True)
class CaseDetail:
    id: int
    number: str
    version: int
    state: str
    source: str
    urgency: str
    description: str
    address: str
    lon: float | None
    lat: float | None
    category_code: str
    category_name: str  # name_zh: categories are the city's data, named in Chinese
    category_name_en: str
    class_code: str  # the two-digit class the subclass belongs to
    class_name: str
    community_code: str
    community_name: str
    grid_code: str
    grid_name: str
    unit: UnitRef | None
    assisting_units: tuple[UnitRef, ...]
    reporter_name: str
    reporter_phone: str
    reporter_user: str  # display name of the inspector's account, if one reported it
    # Stage times and due times (UTC, aware).
    reported_at: dt.datetime
    verified_at: dt.datetime | None
    opened_at: dt.datetime | None
    dispatched_at: dt.datetime | None
    handled_at: dt.datetime | None
    checked_at: dt.datetime | None
    closed_at: dt.datetime | None
    archived_at: dt.datetime | None
    open_due_at: dt.datetime | None
    dispatch_due_at: dt.datetime | None
    handle_due_at: dt.datetime | None
    check_due_at: dt.datetime | None
    # Flags and counters.
    self_handled: bool
    supervised: bool
    escalation_level: int
    escalated_at: dt.datetime | None
    rework_count: int
    extension_count: int
    return_count: int
    pending_request: str | None
    requested_due: dt.datetime | None  # what a pending extension request asks for
    callback_at: dt.datetime | None
    callback_result: str | None
    merged_into_number: str
    updated_at: dt.datetime
    updated_by: str
    clock: Clock
    timezone: str  # the center's time zone name (app_setting 'timezone')
    attachments: tuple[AttachmentInfo, ...]
    timeline: tuple[TimelineEntry, ...]
    allowed_actions: tuple[str, ...]  # for the actor who asked, in workflow table order
    # Dispatch choices, best first (suggestions, then the other active units); empty
    # unless the actor may dispatch the case now.
    unit_choices: tuple[UnitChoice, ...]


def _timezone(session: Session) -> str:
    name = str(setting(session, TIMEZONE_KEY, DEFAULT_TIMEZONE))
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return DEFAULT_TIMEZONE
    return name


def _unit_ref(unit: ResponsibleUnit | None) -> UnitRef | None:
    if unit is None:
        return None
    return UnitRef(unit.id, unit.code, unit.name, unit.level)


def _requested_due(timeline: tuple[TimelineEntry, ...], pending: str | None) -> dt.datetime | None:
    if pending != "extension":
        return None
    for entry in reversed(timeline):
        if entry.action == "request_extension":
            raw = entry.data.get("requested_due")
            return dt.datetime.fromisoformat(raw) if isinstance(raw, str) else None
    return None


def case_detail(session: Session, case_id: int, actor: Actor) -> CaseDetail | None:
    """The case as actor sees it now, or None when there is no such case."""
    parent = aliased(Category)
    reporter = aliased(User)
    editor = aliased(User)
    target = aliased(Case)
    row = session.execute(
        select(
            Case,
            Category,
            parent,
            Community,
            Grid,
            ResponsibleUnit,
            reporter.display_name,
            editor.display_name,
            target.number,
        )
        .join(Category, Category.id == Case.category_id)
        .outerjoin(parent, parent.id == Category.parent_id)
        .outerjoin(Community, Community.id == Case.community_id)
        .outerjoin(Grid, Grid.id == Case.grid_id)
        .outerjoin(ResponsibleUnit, ResponsibleUnit.id == Case.unit_id)
        .outerjoin(reporter, reporter.id == Case.reporter_user_id)
        .outerjoin(editor, editor.id == Case.updated_by_id)
        .outerjoin(target, target.id == Case.merged_into_id)
        .where(Case.id == case_id)
        .execution_options(populate_existing=True)
    ).one_or_none()
    if row is None:
        return None
    case, category, klass, community, grid, unit, reporter_name, editor_name, into = row
    assisting = session.scalars(
        select(ResponsibleUnit)
        .join(CaseAssist, CaseAssist.unit_id == ResponsibleUnit.id)
        .where(CaseAssist.case_id == case.id)
        .order_by(ResponsibleUnit.code)
    ).all()
    timeline = timeline_of(session, case.id)
    allowed = tuple(allowed_actions(case, actor, session=session))
    return CaseDetail(
        id=case.id,
        number=case.number,
        version=case.version,
        state=case.state,
        source=case.source,
        urgency=case.urgency,
        description=case.description,
        address=case.address,
        lon=case.lon,
        lat=case.lat,
        category_code=category.code,
        category_name=category.name_zh,
        category_name_en=category.name_en,
        class_code=klass.code if klass is not None else "",
        class_name=klass.name_zh if klass is not None else "",
        community_code=community.code if community is not None else "",
        community_name=community.name if community is not None else "",
        grid_code=grid.code if grid is not None else "",
        grid_name=grid.name if grid is not None else "",
        unit=_unit_ref(unit),
        assisting_units=tuple(u for u in map(_unit_ref, assisting) if u is not None),
        reporter_name=case.reporter_name,
        reporter_phone=case.reporter_phone,
        reporter_user=reporter_name or "",
        reported_at=case.reported_at,
        verified_at=case.verified_at,
        opened_at=case.opened_at,
        dispatched_at=case.dispatched_at,
        handled_at=case.handled_at,
        checked_at=case.checked_at,
        closed_at=case.closed_at,
        archived_at=case.archived_at,
        open_due_at=case.open_due_at,
        dispatch_due_at=case.dispatch_due_at,
        handle_due_at=case.handle_due_at,
        check_due_at=case.check_due_at,
        self_handled=case.self_handled,
        supervised=case.supervised,
        escalation_level=case.escalation_level,
        escalated_at=case.escalated_at,
        rework_count=case.rework_count,
        extension_count=case.extension_count,
        return_count=case.return_count,
        pending_request=case.pending_request,
        requested_due=_requested_due(timeline, case.pending_request),
        callback_at=case.callback_at,
        callback_result=case.callback_result,
        merged_into_number=into or "",
        updated_at=case.updated_at,
        updated_by=editor_name or "",
        clock=clock_of(session, case),
        timezone=_timezone(session),
        attachments=attachments_of(session, case.id),
        timeline=timeline,
        allowed_actions=allowed,
        unit_choices=unit_choices(session, case) if "dispatch" in allowed else (),
    )


def attachment_bytes(session: Session, sha256: str) -> bytes:
    """The stored content of an attachment (for thumbnails and the full view)."""
    data = session.scalar(select(Blob.data).where(Blob.sha256 == sha256))
    if data is None:
        raise InputError("case_view.no_blob", sha256=sha256)
    return bytes(data)


def case_id_by_number(session: Session, number: str) -> int:
    """The id of the case with this number (as operators type it: spaces ignored)."""
    text = "".join(number.split())
    case_id = session.scalar(select(Case.id).where(Case.number.in_({text, text.upper()})))
    if case_id is None:
        raise InputError("case_view.unknown_number", number=number.strip() or "-")
    return int(case_id)
