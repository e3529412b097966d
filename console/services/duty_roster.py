"""The duty roster (值班表): shifts (day, staggered 错时, evening, night, weekend), their
leader and members, and who leads the duty today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from console import messages
from console.errors import InputError
from console.models import DutyAssignment, DutyShift, HandoverLog, User
from console.models.duty import SHIFT_KINDS
from console.services.actor import Actor
from console.services.campaigns.common import check_user, clean_text, current_time, record_change
from console.services.workflow.core import local_zone

ROSTER_ROLES = ("shift_leader", "admin")
ENTITY = "duty_shift"
MAX_SHIFT = dt.timedelta(hours=24)
# Who leads the day (带班领导): the day or weekend shift before the others.
LEADING_KINDS = ("day", "weekend")

messages.register(
    {
        "duty.not_found": ("没有这个班次：{id}", "No such shift: {id}"),
        "duty.bad_kind": (
            "班次类型“{kind}”无效，可选：{allowed}",
            "Shift kind “{kind}” is not valid; choose one of: {allowed}",
        ),
        "duty.bad_times": (
            "班次须在开始之后结束，且不超过 24 小时",
            "A shift must end after it starts and last at most 24 hours",
        ),
        "duty.bad_date": (
            "班次的开始时间须在值班日期当天",
            "A shift must start on its duty date",
        ),
        "duty.duplicate": (
            "{day} 已有同一时间开始的{kind}班次",
            "{day} already has a {kind} shift starting at that time",
        ),
        "duty.has_handover": (
            "该班次已有交接班记录，不能删除",
            "The shift has handover records and cannot be deleted",
        ),
        "duty.duplicate_member": (
            "同一人在一个班次中只能出现一次",
            "A person can appear only once in a shift",
        ),
    }
)


@dataclass(frozen=True)
class ShiftInput:
    on_date: dt.date
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    leader_user_id: int | None = None
    members: Sequence[tuple[int, str]] = ()  # (user id, post)
    note: str = ""


@dataclass(frozen=True)
class ShiftRow:
    id: int
    on_date: dt.date
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    leader_user_id: int | None
    leader: str
    members: list[tuple[int, str, str]] = field(default_factory=list)  # (id, name, post)
    note: str = ""


@dataclass(frozen=True)
class DutyNow:
    """The shifts running at a moment, and who leads the duty that day."""

    on_date: dt.date
    running: list[ShiftRow]
    day_leader: str
    day_leader_user_id: int | None


def _load(session: Session, shift_id: int) -> DutyShift:
    shift = session.get(DutyShift, shift_id)
    if shift is None:
        raise InputError("duty.not_found", id=shift_id)
    return shift


def _check(session: Session, data: ShiftInput, shift_id: int | None) -> str:
    if data.kind not in SHIFT_KINDS:
        raise InputError("duty.bad_kind", kind=data.kind, allowed=", ".join(SHIFT_KINDS))
    for value in (data.starts_at, data.ends_at):
        if not isinstance(value, dt.datetime) or value.tzinfo is None:
            raise InputError("duty.bad_times")
    if not dt.timedelta(0) < data.ends_at - data.starts_at <= MAX_SHIFT:
        raise InputError("duty.bad_times")
    if data.starts_at.astimezone(local_zone(session)).date() != data.on_date:
        raise InputError("duty.bad_date")
    clash = session.scalar(
        select(DutyShift.id).where(
            DutyShift.on_date == data.on_date,
            DutyShift.kind == data.kind,
            DutyShift.starts_at == data.starts_at,
            DutyShift.id != (shift_id or 0),
        )
    )
    if clash is not None:
        raise InputError("duty.duplicate", day=data.on_date.isoformat(), kind=data.kind)
    check_user(session, data.leader_user_id)
    ids = [uid for uid, _post in data.members]
    if len(set(ids)) != len(ids):
        raise InputError("duty.duplicate_member")
    for uid in ids:
        check_user(session, uid)
    return clean_text(data.note, "note", 500)


def _set_members(session: Session, shift: DutyShift, data: ShiftInput) -> None:
    session.execute(delete(DutyAssignment).where(DutyAssignment.shift_id == shift.id))
    session.add_all(
        DutyAssignment(shift_id=shift.id, user_id=uid, post=clean_text(post, "post", 32))
        for uid, post in data.members
    )
    session.flush()


def add_shift(session: Session, actor: Actor, data: ShiftInput) -> DutyShift:
    actor.require("plan a duty shift", *ROSTER_ROLES)
    note = _check(session, data, None)
    shift = DutyShift(
        on_date=data.on_date,
        kind=data.kind,
        starts_at=data.starts_at.astimezone(dt.UTC),
        ends_at=data.ends_at.astimezone(dt.UTC),
        leader_user_id=data.leader_user_id,
        note=note,
    )
    session.add(shift)
    session.flush()
    _set_members(session, shift, data)
    record_change(
        session,
        actor,
        "duty.add_shift",
        ENTITY,
        [shift.id],
        "created",
        {"day": data.on_date.isoformat(), "kind": data.kind, "leader": data.leader_user_id},
    )
    return shift


def update_shift(session: Session, actor: Actor, shift_id: int, data: ShiftInput) -> DutyShift:
    actor.require("change a duty shift", *ROSTER_ROLES)
    shift = _load(session, shift_id)
    note = _check(session, data, shift.id)
    shift.on_date = data.on_date
    shift.kind = data.kind
    shift.starts_at = data.starts_at.astimezone(dt.UTC)
    shift.ends_at = data.ends_at.astimezone(dt.UTC)
    shift.leader_user_id = data.leader_user_id
    shift.note = note
    _set_members(session, shift, data)
    record_change(
        session,
        actor,
        "duty.update_shift",
        ENTITY,
        [shift.id],
        "updated",
        {"day": data.on_date.isoformat(), "kind": data.kind, "leader": data.leader_user_id},
    )
    return shift


def delete_shift(session: Session, actor: Actor, shift_id: int) -> None:
    actor.require("remove a duty shift", *ROSTER_ROLES)
    shift = _load(session, shift_id)
    used = session.scalar(
        select(HandoverLog.id).where(
            (HandoverLog.from_shift_id == shift.id) | (HandoverLog.to_shift_id == shift.id)
        )
    )
    if used is not None:
        raise InputError("duty.has_handover")
    detail = {"day": shift.on_date.isoformat(), "kind": shift.kind}
    session.execute(delete(DutyAssignment).where(DutyAssignment.shift_id == shift.id))
    session.delete(shift)
    session.flush()
    record_change(session, actor, "duty.delete_shift", ENTITY, [shift_id], "deleted", detail)


def roster(session: Session, start: dt.date, end: dt.date) -> list[ShiftRow]:
    """Shifts on [start, end), in start order, with leader and members by name."""
    shifts = session.scalars(
        select(DutyShift)
        .where(DutyShift.on_date >= start, DutyShift.on_date < end)
        .order_by(DutyShift.starts_at, DutyShift.id)
    ).all()
    return _rows(session, list(shifts))


def _rows(session: Session, shifts: list[DutyShift]) -> list[ShiftRow]:
    names = dict(session.execute(select(User.id, User.display_name)).all())
    members: dict[int, list[tuple[int, str, str]]] = {}
    if shifts:
        for shift_id, user_id, post in session.execute(
            select(DutyAssignment.shift_id, DutyAssignment.user_id, DutyAssignment.post)
            .where(DutyAssignment.shift_id.in_([s.id for s in shifts]))
            .order_by(DutyAssignment.id)
        ):
            members.setdefault(shift_id, []).append((user_id, names.get(user_id, ""), post))
    return [
        ShiftRow(
            s.id,
            s.on_date,
            s.kind,
            s.starts_at,
            s.ends_at,
            s.leader_user_id,
            names.get(s.leader_user_id, "") if s.leader_user_id else "",
            members.get(s.id, []),
            s.note,
        )
        for s in shifts
    ]


def duty_now(session: Session, *, now: dt.datetime | None = None) -> DutyNow:
    """The shifts running now and the day's duty leader (today's day/weekend shift)."""
    at = current_time(now)
    today = at.astimezone(local_zone(session)).date()
    todays = session.scalars(
        select(DutyShift).where(DutyShift.on_date == today).order_by(DutyShift.starts_at)
    ).all()
    # By time, not by duty date: at 02:00 the night shift of the day before is on duty.
    running = session.scalars(
        select(DutyShift)
        .where(DutyShift.starts_at <= at, DutyShift.ends_at > at)
        .order_by(DutyShift.starts_at, DutyShift.id)
    ).all()
    leading = sorted(
        (s for s in todays if s.leader_user_id is not None),
        key=lambda s: (s.kind not in LEADING_KINDS, s.starts_at),
    )
    leader_id = leading[0].leader_user_id if leading else None
    leader = session.get(User, leader_id) if leader_id is not None else None
    return DutyNow(
        today,
        _rows(session, list(running)),
        leader.display_name if leader is not None else "",
        leader_id,
    )


def people(session: Session) -> list[tuple[int, str]]:
    """(id, display name) of the active accounts, for the roster's choices."""
    rows = session.execute(
        select(User.id, User.display_name).where(User.active.is_(True)).order_by(User.id)
    )
    return [(int(i), str(n)) for i, n in rows]
