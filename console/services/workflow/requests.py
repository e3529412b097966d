"""Requests a unit makes and the shift leader decides: return (退回) and shelving (挂账);
extensions (延期) are in extension.py. Only one request may be pending at a time
(Case.pending_request).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete
from sqlalchemy.orm import Session

from console.models import Case, CaseAssist
from console.services.actor import Actor
from console.services.workflow.actions import due
from console.services.workflow.core import Step, begin


def request(step: Step, kind: str, data: dict[str, object] | None = None) -> Case:
    """Finish a step that leaves a request for the shift leader."""
    step.case.pending_request = kind
    return step.finish(data)


def decide(step: Step, data: dict[str, object] | None = None) -> Case:
    """Finish a step that settles the pending request."""
    step.case.pending_request = None
    return step.finish(data)


def request_return(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str,
    now: dt.datetime | None = None,
) -> Case:
    """The unit says the case is not theirs (the reason goes in the note)."""
    step = begin(
        session,
        actor,
        case_id,
        "request_return",
        expected_version=expected_version,
        note=note,
        now=now,
    )
    return request(step, "return")


def approve_return(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str = "",
    now: dt.datetime | None = None,
) -> Case:
    """Back to opened for re-dispatch (改派); the previous handling round is void."""
    step = begin(
        session,
        actor,
        case_id,
        "approve_return",
        expected_version=expected_version,
        note=note,
        now=now,
    )
    case = step.case
    returned_unit = case.unit_id
    session.execute(delete(CaseAssist).where(CaseAssist.case_id == case.id))
    case.state = "opened"
    case.return_count += 1
    case.unit_id = None
    case.handle_due_at = case.handled_at = case.checked_at = case.check_due_at = None
    case.dispatch_due_at = due(session, case, "dispatch", step.now)
    return decide(step, {"returned_unit_id": returned_unit, "return_count": case.return_count})


def reject_return(
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
        "reject_return",
        expected_version=expected_version,
        note=note,
        now=now,
    )
    return decide(step)


def request_shelve(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str,
    now: dt.datetime | None = None,
) -> Case:
    """Ask to shelve (挂账) a case that cannot be solved for now; the reason in the note."""
    step = begin(
        session,
        actor,
        case_id,
        "request_shelve",
        expected_version=expected_version,
        note=note,
        now=now,
    )
    return request(step, "shelve")


def approve_shelve(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str = "",
    now: dt.datetime | None = None,
) -> Case:
    step = begin(
        session,
        actor,
        case_id,
        "approve_shelve",
        expected_version=expected_version,
        note=note,
        now=now,
    )
    step.case.state = "shelved"
    return decide(step)


def reject_shelve(
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
        "reject_shelve",
        expected_version=expected_version,
        note=note,
        now=now,
    )
    return decide(step)


def unshelve(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str = "",
    now: dt.datetime | None = None,
) -> Case:
    """Back to handling with a fresh handling deadline: the shelved time does not count."""
    step = begin(
        session, actor, case_id, "unshelve", expected_version=expected_version, note=note, now=now
    )
    case = step.case
    case.state = "in_handling"
    old = case.handle_due_at
    case.handle_due_at = due(session, case, "handle", step.now)
    return step.finish({"old_due": old, "new_due": case.handle_due_at})
