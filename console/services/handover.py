"""The handover log (交接班): what a shift hands to the next, open items carried over.

A draft gathers what is still open for the shift: items carried into it by the previous
handover that are still open, cases reported during the shift that are not finished, and
difficult problems past or at their deadline. The writer may drop or add items (free
notes) before writing it; the next shift's people accept it.

Open items are dicts: {"kind": "case", "id", "number", "state"}, {"kind": "difficulty",
"id", "title", "deadline"} or {"kind": "note", "text"}. Older logs may hold bare
{"number", "state"} case entries; they are read as cases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console import messages
from console.errors import InputError, PermissionDenied
from console.models import Case, DifficultyItem, DutyAssignment, DutyShift, HandoverLog, User
from console.services.actor import Actor
from console.services.campaigns.common import clean_text, current_time, record_change
from console.services.workflow.core import local_zone
from console.services.workflow.states import OPEN_STATES

ENTITY = "handover_log"
# Besides the shifts' own people, shift leaders and admins may write and accept.
DESK_ROLES = ("shift_leader", "admin")
MAX_ITEMS = 200
CASES_PER_DRAFT = 50

messages.register(
    {
        "handover.exists": (
            "该班次已写过交接班记录",
            "This shift has already written its handover",
        ),
        "handover.not_found": ("没有这条交接班记录：{id}", "No such handover: {id}"),
        "handover.accepted": ("该交接班已被接收", "This handover has already been accepted"),
        "handover.not_on_shift": (
            "只有该班次的值班人员或值班长、管理员可以填写交接班",
            "Only the shift's people, a shift leader or an admin may write the handover",
        ),
        "handover.not_next_shift": (
            "只有接班班次的值班人员或值班长、管理员可以接收交接班",
            "Only the next shift's people, a shift leader or an admin may accept the handover",
        ),
        "handover.bad_item": (
            "交接事项格式不正确：{item}",
            "A handover item is not valid: {item}",
        ),
        "handover.summary_required": (
            "交接班需要填写本班情况",
            "A handover needs a summary of the shift",
        ),
    }
)


@dataclass(frozen=True)
class HandoverDraft:
    from_shift_id: int
    to_shift_id: int | None
    items: list[dict[str, Any]]


@dataclass(frozen=True)
class ShiftRef:
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime


@dataclass(frozen=True)
class HandoverRow:
    id: int
    from_shift: ShiftRef | None
    to_shift: ShiftRef | None
    written_at: dt.datetime
    written_by: str
    summary: str
    open_items: list[dict[str, Any]]
    accepted_by: str
    accepted_at: dt.datetime | None


def _shift(session: Session, shift_id: int) -> DutyShift:
    shift = session.get(DutyShift, shift_id)
    if shift is None:
        raise InputError("duty.not_found", id=shift_id)
    return shift


def next_shift(session: Session, shift: DutyShift) -> DutyShift | None:
    """The shift that takes over: the next one to start that is not a staggered shift
    (a staggered shift overlaps the main ones and hands over to nobody)."""
    return session.scalars(
        select(DutyShift)
        .where(
            DutyShift.starts_at > shift.starts_at,
            DutyShift.kind != "staggered",
            DutyShift.id != shift.id,
        )
        .order_by(DutyShift.starts_at, DutyShift.id)
        .limit(1)
    ).first()


def _on_shift(session: Session, actor: Actor, shift: DutyShift | None) -> bool:
    if actor.has(*DESK_ROLES):
        return True
    if shift is None or actor.user_id is None:
        return False
    if shift.leader_user_id == actor.user_id:
        return True
    return (
        session.scalar(
            select(DutyAssignment.id).where(
                DutyAssignment.shift_id == shift.id, DutyAssignment.user_id == actor.user_id
            )
        )
        is not None
    )


def _still_open(session: Session, item: dict[str, Any]) -> dict[str, Any] | None:
    """The item as it stands now, or None when it has been dealt with."""
    kind = item.get("kind", "case" if "number" in item else "note")
    if kind == "note":
        return {"kind": "note", "text": str(item.get("text", ""))}
    if kind == "difficulty":
        row = session.get(DifficultyItem, item.get("id"))
        if row is None or row.state != "open":
            return None
        return _difficulty(row)
    query = select(Case.id, Case.number, Case.state)
    if item.get("id") is not None:
        query = query.where(Case.id == item["id"])
    else:
        query = query.where(Case.number == str(item.get("number", "")))
    found = session.execute(query).first()
    if found is None or found.state not in OPEN_STATES:
        return None
    return {"kind": "case", "id": found.id, "number": found.number, "state": found.state}


def _difficulty(row: DifficultyItem) -> dict[str, Any]:
    return {
        "kind": "difficulty",
        "id": row.id,
        "title": row.title,
        "deadline": row.deadline.isoformat(),
    }


def _key(item: dict[str, Any]) -> tuple[str, str]:
    if item["kind"] == "note":
        return "note", item["text"]
    return item["kind"], str(item["id"])


def draft(session: Session, from_shift_id: int, *, now: dt.datetime | None = None) -> HandoverDraft:
    at = current_time(now)
    shift = _shift(session, from_shift_id)
    following = next_shift(session, shift)
    items: dict[tuple[str, str], dict[str, Any]] = {}
    previous = session.scalars(
        select(HandoverLog)
        .where(HandoverLog.to_shift_id == shift.id)
        .order_by(HandoverLog.written_at.desc())
        .limit(1)
    ).first()
    for old in previous.open_items if previous is not None else []:
        current = _still_open(session, old) if isinstance(old, dict) else None
        if current is not None:
            items.setdefault(_key(current), current)
    cases = session.execute(
        select(Case.id, Case.number, Case.state)
        .where(
            Case.reported_at >= shift.starts_at,
            Case.reported_at < min(shift.ends_at, at),
            Case.state.in_(OPEN_STATES),
        )
        .order_by(Case.reported_at.desc())
        .limit(CASES_PER_DRAFT)
    )
    for case_id, number, state in cases:
        entry = {"kind": "case", "id": case_id, "number": number, "state": state}
        items.setdefault(_key(entry), entry)
    today = at.astimezone(local_zone(session)).date()
    for row in session.scalars(
        select(DifficultyItem)
        .where(DifficultyItem.state == "open", DifficultyItem.deadline <= today)
        .order_by(DifficultyItem.deadline, DifficultyItem.id)
    ):
        entry = _difficulty(row)
        items.setdefault(_key(entry), entry)
    return HandoverDraft(shift.id, following.id if following else None, list(items.values()))


def _clean_items(session: Session, items: Sequence[Any]) -> list[dict[str, Any]]:
    """The items as they will be kept: notes trimmed; cases and difficult problems as the
    database has them (the report prints these numbers and titles, not what was sent)."""
    if len(items) > MAX_ITEMS:
        raise InputError("handover.bad_item", item=f"> {MAX_ITEMS}")
    out: list[dict[str, Any]] = []
    for item in items:
        clean: dict[str, Any] | None = None
        kind = item.get("kind") if isinstance(item, dict) else None
        if kind == "note":
            text = item.get("text")
            if isinstance(text, str) and 0 < len(text.strip()) <= 500:
                clean = {"kind": "note", "text": text.strip()}
        elif kind in ("case", "difficulty") and isinstance(item.get("id"), int):
            if kind == "case":
                found = session.execute(
                    select(Case.id, Case.number, Case.state).where(Case.id == item["id"])
                ).first()
                if found is not None:
                    clean = {
                        "kind": "case",
                        "id": found.id,
                        "number": found.number,
                        "state": found.state,
                    }
            else:
                problem = session.get(DifficultyItem, item["id"])
                clean = _difficulty(problem) if problem is not None else None
        if clean is None:
            raise InputError("handover.bad_item", item=str(item)[:80])
        out.append(clean)
    return out


def write(
    session: Session,
    actor: Actor,
    from_shift_id: int,
    *,
    summary: str,
    open_items: Sequence[dict[str, Any]],
    now: dt.datetime | None = None,
) -> HandoverLog:
    at = current_time(now)
    shift = _shift(session, from_shift_id)
    if not _on_shift(session, actor, shift):
        raise PermissionDenied("handover.not_on_shift")
    if session.scalar(select(HandoverLog.id).where(HandoverLog.from_shift_id == shift.id)):
        raise InputError("handover.exists")
    text = clean_text(summary, "summary", 4000)
    if not text:
        raise InputError("handover.summary_required")
    items = _clean_items(session, open_items)
    following = next_shift(session, shift)
    log = HandoverLog(
        from_shift_id=shift.id,
        to_shift_id=following.id if following else None,
        written_at=at,
        written_by=actor.user_id,
        summary=text,
        open_items=items,
    )
    session.add(log)
    session.flush()
    record_change(
        session,
        actor,
        "handover.write",
        ENTITY,
        [log.id],
        "created",
        {"from_shift": shift.id, "to_shift": log.to_shift_id, "items": len(items)},
    )
    return log


def accept(
    session: Session, actor: Actor, log_id: int, *, now: dt.datetime | None = None
) -> HandoverLog:
    at = current_time(now)
    log = session.get(HandoverLog, log_id)
    if log is None:
        raise InputError("handover.not_found", id=log_id)
    if log.accepted_at is not None:
        raise InputError("handover.accepted")
    to_shift = session.get(DutyShift, log.to_shift_id) if log.to_shift_id else None
    if not _on_shift(session, actor, to_shift):
        raise PermissionDenied("handover.not_next_shift")
    log.accepted_by = actor.user_id
    log.accepted_at = at
    session.flush()
    record_change(session, actor, "handover.accept", ENTITY, [log.id], "updated", {})
    return log


def _ref(shift: DutyShift | None) -> ShiftRef | None:
    return ShiftRef(shift.kind, shift.starts_at, shift.ends_at) if shift is not None else None


def recent(session: Session, *, limit: int = 50) -> list[HandoverRow]:
    """The newest handovers first."""
    names = dict(session.execute(select(User.id, User.display_name)).all())
    logs = session.scalars(
        select(HandoverLog).order_by(HandoverLog.written_at.desc()).limit(limit)
    ).all()
    rows = []
    for log in logs:
        from_shift = session.get(DutyShift, log.from_shift_id)
        to_shift = session.get(DutyShift, log.to_shift_id) if log.to_shift_id else None
        rows.append(
            HandoverRow(
                log.id,
                _ref(from_shift),
                _ref(to_shift),
                log.written_at,
                names.get(log.written_by, "") if log.written_by else "",
                log.summary,
                [i for i in (log.open_items or []) if isinstance(i, dict)],
                names.get(log.accepted_by, "") if log.accepted_by else "",
                log.accepted_at,
            )
        )
    return rows
