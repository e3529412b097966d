"""Tiered routing (小事不出社区、大事不出街道): community level → street level.

A shift leader escalates by decision; escalate_overdue() escalates on timeout. A case
already with a community unit goes back to opened, to be dispatched to a street unit.
escalate_overdue() may run on several workstations at once: each case's condition is
repeated in its UPDATE's WHERE, so a case is escalated once however many runs see it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from console.models import Case, CaseAssist, ResponsibleUnit
from console.services.actor import Actor, system_actor
from console.services.workflow.actions import due
from console.services.workflow.core import begin, current_time, record_event
from console.services.workflow.states import HANDLING_STATES
from console.services.writelock import hold_write_lock


def _unit_level(session: Session, unit_id: int | None) -> str | None:
    unit = session.get(ResponsibleUnit, unit_id) if unit_id is not None else None
    return unit.level if unit is not None else None


def _back_to_opened(dispatch_due: dt.datetime | None) -> dict[str, Any]:
    """The column values that send a case back for a street-level dispatch."""
    return {
        "state": "opened",
        "unit_id": None,
        "pending_request": None,
        "handle_due_at": None,
        "handled_at": None,
        "checked_at": None,
        "check_due_at": None,
        "dispatch_due_at": dispatch_due,
    }


def escalate(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str,
    now: dt.datetime | None = None,
) -> Case:
    """The shift leader decides the case is a street matter (reason in the note)."""
    step = begin(
        session, actor, case_id, "escalate", expected_version=expected_version, note=note, now=now
    )
    case = step.case
    previous_unit = case.unit_id
    redispatch = case.state in HANDLING_STATES and _unit_level(session, case.unit_id) == "community"
    if redispatch:
        session.execute(delete(CaseAssist).where(CaseAssist.case_id == case.id))
        for name, value in _back_to_opened(due(session, case, "dispatch", step.now)).items():
            setattr(case, name, value)
    case.escalation_level = 1
    case.escalated_at = step.now
    return step.finish(
        {"automatic": False, "redispatch": redispatch, "previous_unit_id": previous_unit}
    )


def escalate_overdue(
    session: Session, now: dt.datetime | None = None, *, actor: Actor | None = None
) -> list[int]:
    """Escalate community-level cases whose handling deadline has passed; their ids."""
    at = current_time(now)
    actor = actor or system_actor()
    # The write lock first, row locks second: the order every writer uses, so no deadlock.
    hold_write_lock(session)
    overdue = (
        Case.state.in_(HANDLING_STATES),
        Case.escalation_level == 0,
        Case.handle_due_at.is_not(None),
        Case.handle_due_at < at,
    )
    query = select(Case.id, Case.unit_id, Case.state).where(*overdue).order_by(Case.id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    escalated: list[int] = []
    for case_id, unit_id, state in session.execute(query).all():
        case = session.get(Case, case_id)
        assert case is not None
        redispatch = _unit_level(session, unit_id) == "community"
        values: dict[str, Any] = {
            "escalation_level": 1,
            "escalated_at": at,
            "updated_at": at,
            "updated_by_id": actor.user_id,
            "version": Case.version + 1,
        }
        if redispatch:
            values.update(_back_to_opened(due(session, case, "dispatch", at)))
        result = session.execute(
            update(Case)
            .where(Case.id == case_id, Case.unit_id.is_not_distinct_from(unit_id), *overdue)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if getattr(result, "rowcount", 0) != 1:
            continue  # escalated, or changed, by someone else in the meantime
        if redispatch:
            session.execute(delete(CaseAssist).where(CaseAssist.case_id == case_id))
        session.refresh(case)
        record_event(
            session,
            actor,
            case,
            action="escalate",
            role="system",
            from_state=state,
            now=at,
            data={"automatic": True, "redispatch": redispatch, "previous_unit_id": unit_id},
        )
        escalated.append(case_id)
    return escalated
