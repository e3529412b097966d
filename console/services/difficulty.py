"""The difficulty list (难点清单): hard problems listed, owned, and written off one by one.

Writing off (销账) needs a note saying how it was solved and at least one evidence photo;
the goal is an empty list. Only leaders and admins may reopen an item written off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console import messages
from console.errors import InputError, PermissionDenied
from console.models import Attachment, Campaign, Case, Community, DifficultyItem, User
from console.services.actor import Actor
from console.services.campaigns import photos
from console.services.campaigns.common import (
    check_user,
    clean_text,
    current_time,
    record_change,
)
from console.services.campaigns.photos import ItemPhoto
from console.services.workflow.core import local_zone

ENTITY = "difficulty_item"
LIST_ROLES = ("shift_leader", "leader", "admin")
REOPEN_ROLES = ("leader", "admin")
TITLE_MAX = 120
TEXT_MAX = 2000

messages.register(
    {
        "difficulty.not_found": ("没有这个难点：{id}", "No such difficult problem: {id}"),
        "difficulty.written_off": (
            "难点“{title}”已销账",
            "“{title}” has already been written off",
        ),
        "difficulty.not_written_off": (
            "难点“{title}”尚未销账",
            "“{title}” has not been written off",
        ),
        "difficulty.note_required": (
            "销账必须写明解决情况",
            "Writing off needs a note on how it was solved",
        ),
        "difficulty.evidence_required": (
            "销账必须附至少一张佐证照片",
            "Writing off needs at least one evidence photo",
        ),
        "difficulty.reason_required": (
            "重新打开必须填写原因",
            "Reopening needs a reason",
        ),
        "difficulty.not_owner": (
            "只有责任人或值班长、领导、管理员可以为“{title}”销账",
            "Only the owner, a shift leader, a leader or an admin may write off “{title}”",
        ),
        "difficulty.unknown_link": ("没有这个{what}：{id}", "No such {what}: {id}"),
    }
)


@dataclass(frozen=True)
class DifficultyInput:
    title: str
    deadline: dt.date
    description: str = ""
    owner_user_id: int | None = None
    community_id: int | None = None
    campaign_id: int | None = None
    case_id: int | None = None


@dataclass(frozen=True)
class DifficultyRow:
    id: int
    title: str
    description: str
    community: str
    owner: str
    owner_user_id: int | None
    deadline: dt.date
    state: str
    overdue: bool
    evidence: int
    written_off_at: dt.datetime | None
    write_off_note: str


@dataclass(frozen=True)
class Remaining:
    """What is left: the goal is open == 0."""

    open: int
    overdue: int
    written_off: int


def _load(session: Session, item_id: int) -> DifficultyItem:
    item = session.get(DifficultyItem, item_id)
    if item is None:
        raise InputError("difficulty.not_found", id=item_id)
    return item


def local_today(session: Session, now: dt.datetime | None = None) -> dt.date:
    return current_time(now).astimezone(local_zone(session)).date()


def add_item(
    session: Session, actor: Actor, data: DifficultyInput, *, now: dt.datetime | None = None
) -> DifficultyItem:
    actor.require("list a difficult problem", *LIST_ROLES)
    at = current_time(now)
    title = clean_text(data.title, "title", TITLE_MAX, required=True)
    for model, value, what in (
        (Community, data.community_id, "community"),
        (Campaign, data.campaign_id, "campaign"),
        (Case, data.case_id, "case"),
    ):
        if value is not None and session.get(model, value) is None:
            raise InputError("difficulty.unknown_link", what=what, id=value)
    item = DifficultyItem(
        title=title,
        description=clean_text(data.description, "description", TEXT_MAX),
        deadline=data.deadline,
        owner_user_id=check_user(session, data.owner_user_id),
        community_id=data.community_id,
        campaign_id=data.campaign_id,
        case_id=data.case_id,
        state="open",
        created_at=at,
        created_by=actor.user_id,
        write_off_note="",
    )
    session.add(item)
    session.flush()
    record_change(
        session,
        actor,
        "difficulty.add",
        ENTITY,
        [item.id],
        "created",
        {"title": title, "deadline": data.deadline.isoformat(), "owner": item.owner_user_id},
    )
    return item


def attach_evidence(
    session: Session,
    actor: Actor,
    item_id: int,
    photos_in: Sequence[ItemPhoto],
    *,
    now: dt.datetime | None = None,
) -> list[int]:
    item = _load(session, item_id)
    _check_may_write_off(actor, item)
    at = current_time(now)
    stored = photos.store(session, ENTITY, item.id, photos_in, user_id=actor.user_id, now=at)
    record_change(
        session,
        actor,
        "difficulty.evidence",
        ENTITY,
        [item.id],
        "updated",
        {"attachments": [a.id for a in stored]},
    )
    return [a.id for a in stored]


def _check_may_write_off(actor: Actor, item: DifficultyItem) -> None:
    owner = actor.user_id is not None and actor.user_id == item.owner_user_id
    if not owner and not actor.has(*LIST_ROLES):
        raise PermissionDenied("difficulty.not_owner", title=item.title)


def write_off(
    session: Session,
    actor: Actor,
    item_id: int,
    *,
    note: str,
    evidence: Sequence[ItemPhoto] = (),
    now: dt.datetime | None = None,
) -> DifficultyItem:
    """销账: never without a note and an evidence photo (given now or attached before)."""
    at = current_time(now)
    item = _load(session, item_id)
    _check_may_write_off(actor, item)
    if item.state == "written_off":
        raise InputError("difficulty.written_off", title=item.title)
    text = clean_text(note, "note", TEXT_MAX)
    if not text:
        raise InputError("difficulty.note_required")
    stored = photos.store(session, ENTITY, item.id, evidence, user_id=actor.user_id, now=at)
    if photos.count(session, ENTITY, item.id, "evidence") == 0:
        raise InputError("difficulty.evidence_required")
    item.state = "written_off"
    item.written_off_at = at
    item.written_off_by = actor.user_id
    item.write_off_note = text
    session.flush()
    record_change(
        session,
        actor,
        "difficulty.write_off",
        ENTITY,
        [item.id],
        "updated",
        {"note": text, "attachments": [a.id for a in stored]},
    )
    return item


def reopen(
    session: Session, actor: Actor, item_id: int, *, reason: str, deadline: dt.date | None = None
) -> DifficultyItem:
    """The problem came back: it is on the list again (the write-off stays in the audit)."""
    actor.require("reopen a difficult problem", *REOPEN_ROLES)
    item = _load(session, item_id)
    if item.state != "written_off":
        raise InputError("difficulty.not_written_off", title=item.title)
    text = clean_text(reason, "reason", TEXT_MAX)
    if not text:
        raise InputError("difficulty.reason_required")
    before = {
        "written_off_at": item.written_off_at,
        "written_off_by": item.written_off_by,
        "note": item.write_off_note,
    }
    item.state = "open"
    item.written_off_at = None
    item.written_off_by = None
    item.write_off_note = ""
    if deadline is not None:
        item.deadline = deadline
    session.flush()
    record_change(
        session,
        actor,
        "difficulty.reopen",
        ENTITY,
        [item.id],
        "updated",
        {"reason": text, "before": before},
    )
    return item


def list_items(
    session: Session, *, include_written_off: bool = False, today: dt.date | None = None
) -> list[DifficultyRow]:
    """Open items by deadline (then written-off ones, newest first, when asked)."""
    today = today or local_today(session)
    evidence = (
        select(Attachment.entity_id, func.count().label("n"))
        .where(Attachment.entity == ENTITY, Attachment.kind == "evidence")
        .group_by(Attachment.entity_id)
        .subquery()
    )
    query = (
        select(DifficultyItem, Community.name, User.display_name, evidence.c.n)
        .outerjoin(Community, Community.id == DifficultyItem.community_id)
        .outerjoin(User, User.id == DifficultyItem.owner_user_id)
        .outerjoin(evidence, evidence.c.entity_id == DifficultyItem.id)
        .order_by(
            DifficultyItem.state,
            DifficultyItem.deadline,
            DifficultyItem.written_off_at.desc(),
            DifficultyItem.id,
        )
    )
    if not include_written_off:
        query = query.where(DifficultyItem.state == "open")
    return [
        DifficultyRow(
            d.id,
            d.title,
            d.description,
            community or "",
            owner or "",
            d.owner_user_id,
            d.deadline,
            d.state,
            d.state == "open" and d.deadline < today,
            int(n or 0),
            d.written_off_at,
            d.write_off_note,
        )
        for d, community, owner, n in session.execute(query)
    ]


def remaining(session: Session, *, today: dt.date | None = None) -> Remaining:
    today = today or local_today(session)
    counts = dict(
        session.execute(
            select(DifficultyItem.state, func.count()).group_by(DifficultyItem.state)
        ).all()
    )
    overdue = session.scalar(
        select(func.count()).where(DifficultyItem.state == "open", DifficultyItem.deadline < today)
    )
    return Remaining(
        int(counts.get("open", 0)), int(overdue or 0), int(counts.get("written_off", 0))
    )
