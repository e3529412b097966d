"""What a field terminal submits: new reports (maybe fixed on the spot) and check results.

Each goes through the workflow as the terminal's holder, in the caller's transaction,
and leaves one field_submission row: the token Open311 clients look a request up by,
and the terminal's own reference, so a retried report is answered with the case it
already made instead of a second one.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from console import messages
from console.errors import InputError
from console.models import Case, FieldSubmission, FieldTerminal
from console.models.base import append_row
from console.services import audit, workflow
from console.services.terminals import FieldIdentity
from console.services.workflow import IntakeData, PhotoInput
from console.services.workflow import attachments as case_attachments
from console.services.writelock import hold_write_lock

DEVICE_REF_MAX = 64
CHECK_RESULTS = ("pass", "fail")
SEEN_EVERY = dt.timedelta(minutes=1)

messages.register(
    {
        "field.bad_device_ref": (
            "终端上报编号须为 1 至 {max} 个字符",
            "The terminal's report reference must be 1 to {max} characters",
        ),
        "field.unknown_request": ("没有编号为 {number} 的案件", "No request {number}"),
        "field.bad_check_result": (
            "核查结果须为 pass 或 fail，收到：{result}",
            "A check result is pass or fail, not {result}",
        ),
        "field.ref_reused": (
            "终端上报编号 {ref} 已用于另一项提交",
            "The terminal's reference {ref} was already used for another submission",
        ),
    }
)


@dataclass(frozen=True)
class Submission:
    token: str
    case_id: int
    number: str
    created: bool  # False: a retry answered from the first submission


def _clean_ref(device_ref: str | None) -> str | None:
    if device_ref is None:
        return None
    ref = device_ref.strip()
    if not ref or len(ref) > DEVICE_REF_MAX:
        raise InputError("field.bad_device_ref", max=DEVICE_REF_MAX)
    return ref


def _earlier(
    session: Session, who: FieldIdentity, ref: str | None, kinds: Sequence[str]
) -> Submission | None:
    """The submission this terminal already made under ref, if any."""
    if ref is None:
        return None
    row = session.execute(
        select(FieldSubmission, Case.number)
        .join(Case, Case.id == FieldSubmission.case_id)
        .where(FieldSubmission.terminal_id == who.terminal_id, FieldSubmission.device_ref == ref)
    ).first()
    if row is None:
        return None
    submission, number = row
    if submission.kind not in kinds:
        raise InputError("field.ref_reused", ref=ref)
    return Submission(submission.token, submission.case_id, number, created=False)


def _record(
    session: Session,
    who: FieldIdentity,
    case: Case,
    kind: str,
    ref: str | None,
    at: dt.datetime,
) -> Submission:
    token = str(uuid.uuid4())
    # A Core insert: nothing in the session relates to the row. A copy of this
    # submission committed meanwhile breaks (terminal_id, device_ref) here.
    append_row(
        session,
        FieldSubmission,
        {
            "token": token,
            "terminal_id": who.terminal_id,
            "device_ref": ref,
            "case_id": case.id,
            "kind": kind,
            "received_at": at,
        },
    )
    # "Last seen" is for people to read: once a minute is enough, and it saves a write on
    # most reports of a busy terminal (the key check read it; the condition holds again
    # in SQL for a terminal whose reports cross).
    if who.online and who.last_seen_at is not None and who.last_seen_at >= at - SEEN_EVERY:
        return Submission(token, case.id, case.number, created=True)
    session.execute(
        update(FieldTerminal)
        .where(
            FieldTerminal.id == who.terminal_id,
            or_(
                FieldTerminal.last_seen_at.is_(None),
                FieldTerminal.last_seen_at < at - SEEN_EVERY,
                FieldTerminal.status != "online",
            ),
        )
        .values(last_seen_at=at, status="online")
        .execution_options(synchronize_session=False)
    )
    return Submission(token, case.id, case.number, created=True)


def submit_report(
    session: Session,
    who: FieldIdentity,
    data: IntakeData,
    *,
    device_ref: str | None = None,
    now: dt.datetime | None = None,
    look_first: bool = True,
) -> Submission:
    """Register the terminal's report as its holder (an inspector's report).

    An earlier submission under the same device_ref (a retry) is answered with its case.
    Nothing is locked to look (report() takes the write lock at numbering), so two
    copies sent at once can both miss: the second one's field_submission row then
    breaks the (terminal, device_ref) uniqueness and its transaction is undone whole.
    look_first=False skips the look: almost every report is new, and the uniqueness
    catches a copy anyway; the caller then runs it again looking (FieldService.submit).
    """
    at = now or dt.datetime.now(dt.UTC)
    ref = _clean_ref(device_ref)
    if look_first:
        earlier = _earlier(session, who, ref, ("report", "self_handled"))
        if earlier is not None:
            return earlier
    case = workflow.report(session, who.actor, data, now=at)
    return _record(session, who, case, "self_handled" if data.self_handled else "report", ref, at)


def case_by_number(session: Session, number: str) -> Case:
    case = session.scalars(select(Case).where(Case.number == number)).one_or_none()
    if case is None:
        raise InputError("field.unknown_request", number=number)
    return case


def submit_check(
    session: Session,
    who: FieldIdentity,
    number: str,
    result: str,
    *,
    note: str = "",
    photos: Sequence[PhotoInput] = (),
    device_ref: str | None = None,
    now: dt.datetime | None = None,
) -> Submission:
    """核查: the inspector's verdict on a fed-back case, with the photos taken on site."""
    at = now or dt.datetime.now(dt.UTC)
    if result not in CHECK_RESULTS:
        raise InputError("field.bad_check_result", result=result)
    ref = _clean_ref(device_ref)
    hold_write_lock(session)
    earlier = _earlier(session, who, ref, (f"check_{result}",))
    if earlier is not None:
        return earlier
    case = case_by_number(session, number)
    checked = [(p, case_attachments.validate(session, p, at)) for p in photos]
    # The inspector judges the case as it stands now; the state check refuses a stale one.
    if result == "pass":
        workflow.check_pass(
            session, who.actor, case.id, expected_version=case.version, note=note, now=at
        )
    else:
        workflow.check_fail(
            session, who.actor, case.id, expected_version=case.version, note=note, now=at
        )
    if checked:
        stored = [case_attachments.store(session, who.actor, case.id, p, m, at) for p, m in checked]
        # Evidence of the check travels with it, in the same transaction.
        audit.record(
            session,
            who.actor,
            "case.attach",
            entity="case",
            entity_id=case.id,
            detail={"number": case.number, "attachments": [a.id for a in stored]},
        )
    return _record(session, who, case, f"check_{result}", ref, at)


def token_request(session: Session, token: str) -> str | None:
    """The case number a submission token stands for, or None."""
    return session.scalar(
        select(Case.number)
        .join(FieldSubmission, FieldSubmission.case_id == Case.id)
        .where(FieldSubmission.token == token)
    )
