"""Extensions (延期): the unit asks for a later handling deadline, the shift leader decides.

What was asked for travels in the request's timeline entry (CaseEvent.data), so the
approval moves the deadline to exactly that, unless the leader gives another one.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Case, CaseEvent
from console.services.actor import Actor
from console.services.geo_checks import is_number
from console.services.workflow.core import aware, begin, local_text
from console.services.workflow.errors import WorkflowInputError, action_term
from console.services.workflow.requests import decide, request


def _requested_due(
    session: Session,
    case: Case,
    *,
    new_due: dt.datetime | None,
    hours: float | None,
    now: dt.datetime,
    action: str,
) -> dt.datetime:
    """The deadline asked for: new_due, or hours added to the current deadline."""
    if (new_due is None) == (hours is None):
        raise WorkflowInputError("workflow.due_or_hours", action=action_term(action))
    current = case.handle_due_at or now
    if hours is not None:
        if not is_number(hours) or hours <= 0:
            raise WorkflowInputError("workflow.bad_hours", hours=hours)
        wanted = current + dt.timedelta(hours=hours)
    else:
        assert new_due is not None
        wanted = aware(new_due, "new_due")
    if wanted <= current or wanted <= now:
        raise WorkflowInputError(
            "workflow.bad_due",
            action=action_term(action),
            due=local_text(session, wanted),
            current=local_text(session, max(current, now)),
        )
    return wanted


def request_extension(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str,
    new_due: dt.datetime | None = None,
    hours: float | None = None,
    now: dt.datetime | None = None,
) -> Case:
    """Ask for more time: a new deadline, or hours added to the current one."""
    step = begin(
        session,
        actor,
        case_id,
        "request_extension",
        expected_version=expected_version,
        note=note,
        now=now,
    )
    wanted = _requested_due(
        session, step.case, new_due=new_due, hours=hours, now=step.now, action="request_extension"
    )
    return request(step, "extension", {"requested_due": wanted, "hours": hours})


def _last_requested_due(session: Session, case_id: int) -> dt.datetime | None:
    data = session.scalar(
        select(CaseEvent.data)
        .where(CaseEvent.case_id == case_id, CaseEvent.action == "request_extension")
        .order_by(CaseEvent.id.desc())
        .limit(1)
    )
    raw = (data or {}).get("requested_due")
    return dt.datetime.fromisoformat(raw) if isinstance(raw, str) else None


def approve_extension(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str = "",
    new_due: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> Case:
    """Move the handling deadline: to what was asked, or to new_due if the leader says so."""
    step = begin(
        session,
        actor,
        case_id,
        "approve_extension",
        expected_version=expected_version,
        note=note,
        now=now,
    )
    case = step.case
    wanted = _last_requested_due(session, case.id)
    if new_due is not None:
        wanted = _requested_due(
            session, case, new_due=new_due, hours=None, now=step.now, action="approve_extension"
        )
    old = case.handle_due_at
    if wanted is not None:
        case.handle_due_at = wanted
    case.extension_count += 1
    return decide(step, {"old_due": old, "new_due": case.handle_due_at})


def reject_extension(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str,
    now: dt.datetime | None = None,
) -> Case:
    step = begin(
        session,
        actor,
        case_id,
        "reject_extension",
        expected_version=expected_version,
        note=note,
        now=now,
    )
    return decide(step)
