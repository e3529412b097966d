"""The parts of a case's detail that are lists: timeline, attachments, dispatch choices,
and the current stage's clock. Each list is one query, whatever its length.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Attachment, Case, CaseEvent, ResponsibleUnit, User
from console.services.deadlines import case_clock
from console.services.workcalendar import load_calendar
from console.services.workflow import suggest_units


@dataclass(frozen=True)
class UnitRef:
    id: int
    code: str
    name: str
    level: str  # street | community


@dataclass(frozen=True)
class UnitChoice:
    """A unit the case may be dispatched to; suggested ones come first."""

    unit: UnitRef
    role: str = ""  # primary | assisting, as the responsibility matrix suggests; "" if not
    reason: str = ""  # grid | community | street: which matrix row matched; "" if none
    may_lead: bool = True  # False: an escalated case needs a street unit as primary

    @property
    def suggested(self) -> bool:
        return bool(self.role)


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    kind: str
    sha256: str
    size: int
    mime: str
    original_name: str
    taken_at: dt.datetime | None
    created_at: dt.datetime

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


@dataclass(frozen=True)
class TimelineEntry:
    id: int
    at: dt.datetime
    actor: str  # user name at the time (system steps: "system")
    actor_name: str  # the account's display name now, else actor
    role: str
    action: str
    from_state: str | None
    to_state: str | None
    note: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Clock:
    """The current stage's deadline (see deadlines.case_clock)."""

    stage: str | None = None
    due_at: dt.datetime | None = None
    kind: str | None = None
    paused: bool = False


def timeline_of(session: Session, case_id: int) -> tuple[TimelineEntry, ...]:
    rows = session.execute(
        select(CaseEvent, User.display_name)
        .outerjoin(User, User.id == CaseEvent.user_id)
        .where(CaseEvent.case_id == case_id)
        .order_by(CaseEvent.id)
    ).all()
    return tuple(
        TimelineEntry(
            id=event.id,
            at=event.at,
            actor=event.actor,
            actor_name=name or event.actor,
            role=event.role,
            action=event.action,
            from_state=event.from_state,
            to_state=event.to_state,
            note=event.note,
            data=dict(event.data or {}),
        )
        for event, name in rows
    )


def attachments_of(session: Session, case_id: int) -> tuple[AttachmentInfo, ...]:
    rows = session.scalars(
        select(Attachment)
        .where(Attachment.entity == "case", Attachment.entity_id == case_id)
        .order_by(Attachment.created_at, Attachment.id)
    ).all()
    return tuple(
        AttachmentInfo(
            id=a.id,
            kind=a.kind,
            sha256=a.sha256,
            size=a.size,
            mime=a.mime,
            original_name=a.original_name,
            taken_at=a.taken_at,
            created_at=a.created_at,
        )
        for a in rows
    )


def unit_choices(session: Session, case: Case) -> tuple[UnitChoice, ...]:
    """Suggested units (primary first, then assisting), then every other active unit."""
    escalated = case.escalation_level > 0

    def ref(unit: ResponsibleUnit) -> UnitRef:
        return UnitRef(unit.id, unit.code, unit.name, unit.level)

    def may_lead(unit: ResponsibleUnit) -> bool:
        return not escalated or unit.level == "street"

    out = [
        UnitChoice(ref(s.unit), s.role, s.reason, may_lead(s.unit))
        for s in suggest_units(session, case)
    ]
    seen = {c.unit.id for c in out}
    others = session.scalars(
        select(ResponsibleUnit).where(ResponsibleUnit.active).order_by(ResponsibleUnit.code)
    ).all()
    out += [UnitChoice(ref(u), may_lead=may_lead(u)) for u in others if u.id not in seen]
    return tuple(out)


def clock_of(session: Session, case: Case, now: dt.datetime | None = None) -> Clock:
    at = now or dt.datetime.now(dt.UTC)
    clock = case_clock(case, at, load_calendar(session), session)
    return Clock(stage=clock.stage, due_at=clock.due_at, kind=clock.kind, paused=clock.paused)
