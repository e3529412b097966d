"""The steps of the loop that need no special bookkeeping: verify, open, accept, feed
back, check, close, call back, archive, supervise. Each returns the updated case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Case, CaseEvent
from console.models.case import CALLBACK_RESULTS
from console.services.actor import Actor
from console.services.deadlines import stage_due
from console.services.workflow import attachments
from console.services.workflow.attachments import PhotoInput
from console.services.workflow.core import begin, clean_note
from console.services.workflow.errors import WorkflowInputError, action_term, state_term

# A new handling round starts with these steps; its feedback needs fresh 'after' photos.
ROUND_STARTS = ("dispatch", "check_fail")


def due(session: Session, case: Case, stage: str, start: dt.datetime) -> dt.datetime | None:
    """When the stage started at start is due; without flushing the step half-done, so
    the case row is written once per step (one version per timeline entry)."""
    with session.no_autoflush:
        return stage_due(
            session, stage=stage, category_id=case.category_id, urgency=case.urgency, start=start
        )


def verify(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    exists: bool,
    note: str = "",
    now: dt.datetime | None = None,
) -> Case:
    """The inspector went to look: the problem exists (to_open) or not (not_opened)."""
    step = begin(
        session, actor, case_id, "verify", expected_version=expected_version, note=note, now=now
    )
    case = step.case
    if not exists:
        step.note = clean_note(note, required=True, case=case, action="verify")
    case.verified_at = step.now
    if exists:
        case.state = "to_open"
        case.open_due_at = due(session, case, "open", step.now)
    else:
        case.state = "not_opened"
    return step.finish({"exists": exists})


def open_case(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str = "",
    now: dt.datetime | None = None,
) -> Case:
    """立案: the shift leader accepts the case for dispatch (action "open")."""
    step = begin(
        session, actor, case_id, "open", expected_version=expected_version, note=note, now=now
    )
    case = step.case
    vouched = case.state == "to_verify"
    if vouched:  # the shift leader confirmed it himself: that is its verification
        case.verified_at = step.now
    case.state = "opened"
    case.opened_at = step.now
    case.dispatch_due_at = due(session, case, "dispatch", step.now)
    return step.finish({"verified_by_shift_leader": True} if vouched else None)


def not_open(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str,
    now: dt.datetime | None = None,
) -> Case:
    """不予立案: declined, with the reason in the note."""
    step = begin(
        session, actor, case_id, "not_open", expected_version=expected_version, note=note, now=now
    )
    step.case.state = "not_opened"
    return step.finish()


def accept(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str = "",
    now: dt.datetime | None = None,
) -> Case:
    """签收: the unit the case was dispatched to takes it on."""
    step = begin(
        session, actor, case_id, "accept", expected_version=expected_version, note=note, now=now
    )
    step.case.state = "in_handling"
    return step.finish()


def round_start(session: Session, case_id: int) -> dt.datetime | None:
    return session.scalar(
        select(CaseEvent.at)
        .where(CaseEvent.case_id == case_id, CaseEvent.action.in_(ROUND_STARTS))
        .order_by(CaseEvent.id.desc())
        .limit(1)
    )


def feedback(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str,
    photos: Sequence[PhotoInput] = (),
    now: dt.datetime | None = None,
) -> Case:
    """处置反馈: the unit reports the work done; the case goes to the inspector's check."""
    step = begin(
        session, actor, case_id, "feedback", expected_version=expected_version, note=note, now=now
    )
    case = step.case
    stored = attachments.store_all(session, actor, case.id, photos, step.now)
    if attachments.feedback_requires_photo(session):
        fresh = attachments.after_photos_since(session, case.id, round_start(session, case.id))
        if fresh == 0:
            raise WorkflowInputError(
                "workflow.photo_required",
                action=action_term("feedback"),
                number=case.number,
                state=state_term(case.state),
            )
    case.state = "to_check"
    case.handled_at = step.now
    case.check_due_at = due(session, case, "check", step.now)
    return step.finish({"attachments": [a.id for a in stored]})


def check_pass(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str = "",
    now: dt.datetime | None = None,
) -> Case:
    step = begin(
        session, actor, case_id, "check_pass", expected_version=expected_version, note=note, now=now
    )
    step.case.state = "to_close"
    step.case.checked_at = step.now
    return step.finish()


def check_fail(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str,
    now: dt.datetime | None = None,
) -> Case:
    """返工: the work is not good enough; back to the unit, rework counter + 1."""
    step = begin(
        session, actor, case_id, "check_fail", expected_version=expected_version, note=note, now=now
    )
    step.case.state = "in_handling"
    step.case.rework_count += 1
    return step.finish({"rework_count": step.case.rework_count})


def close(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str = "",
    now: dt.datetime | None = None,
) -> Case:
    step = begin(
        session, actor, case_id, "close", expected_version=expected_version, note=note, now=now
    )
    step.case.state = "closed"
    step.case.closed_at = step.now
    return step.finish()


def callback(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    result: str,
    note: str = "",
    now: dt.datetime | None = None,
) -> Case:
    """回访: the reporter is asked whether the problem is solved (repeatable)."""
    step = begin(
        session, actor, case_id, "callback", expected_version=expected_version, note=note, now=now
    )
    if result not in CALLBACK_RESULTS:
        raise WorkflowInputError(
            "workflow.bad_callback_result", result=result, allowed=", ".join(CALLBACK_RESULTS)
        )
    step.case.callback_at = step.now
    step.case.callback_result = result
    return step.finish({"result": result})


def archive(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str = "",
    now: dt.datetime | None = None,
) -> Case:
    step = begin(
        session, actor, case_id, "archive", expected_version=expected_version, note=note, now=now
    )
    step.case.state = "archived"
    step.case.archived_at = step.now
    return step.finish()


def supervise(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    note: str = "",
    now: dt.datetime | None = None,
) -> Case:
    """督办: a leader flags the case for attention until it is done."""
    step = begin(
        session, actor, case_id, "supervise", expected_version=expected_version, note=note, now=now
    )
    step.case.supervised = True
    return step.finish()


def unsupervise(
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
        "unsupervise",
        expected_version=expected_version,
        note=note,
        now=now,
    )
    step.case.supervised = False
    return step.finish()
