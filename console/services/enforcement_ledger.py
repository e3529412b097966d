"""Recording the enforcement ledger (执法台账): what the teams did, linked where it belongs.

Figures are summed by enforcement_rollup (days, months, years, teams, shifts); this module
writes and lists the rows. Counts are whole numbers; demolished area is m² to the cent.
A seizure is one vehicle per row, so every seized plate is on record.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from console import messages
from console.errors import InputError
from console.models import Campaign, Case, Community, EnforcementAction
from console.models.duty import SHIFT_KINDS
from console.models.enforcement import ENFORCEMENT_KINDS
from console.services.actor import Actor
from console.services.campaigns.common import clean_text, current_time, record_change
from console.services.workflow.core import local_zone

# The enforcement teams record their work; shift leaders and admins correct it.
RECORD_ROLES = ("unit", "dispatcher", "shift_leader", "admin")
VOID_ROLES = ("shift_leader", "admin")
ENTITY = "enforcement_action"
TEAM_MAX = 64
NOTE_MAX = 500
MAX_QUANTITY = Decimal("99999999.99")
# 京A12345, 京AD12345 (new energy), with an optional trailing 挂/学/警.
PLATE = re.compile(r"[\u4e00-\u9fff][A-Z][A-Z0-9]{5,6}[\u4e00-\u9fff]?")

messages.register(
    {
        "enforcement.bad_kind": (
            "执法类别“{kind}”无效，可选：{allowed}",
            "Enforcement kind “{kind}” is not valid; choose one of: {allowed}",
        ),
        "enforcement.bad_quantity": (
            "数量“{value}”无效：须为大于 0 的整数",
            "Quantity “{value}” is not valid: it must be a whole number above 0",
        ),
        "enforcement.bad_area": (
            "面积“{value}”无效：须为大于 0、最多两位小数的数",
            "Area “{value}” is not valid: it must be a number above 0 with at most two decimals",
        ),
        "enforcement.bad_shift": (
            "班次“{shift}”无效，可选：{allowed}",
            "Shift “{shift}” is not valid; choose one of: {allowed}",
        ),
        "enforcement.future": (
            "日期 {day} 在今天之后",
            "The date {day} is after today",
        ),
        "enforcement.plate_required": (
            "暂扣车辆须逐辆登记：数量为 1，并填写车牌号（如 京A12345）",
            "A seizure is recorded vehicle by vehicle: quantity 1 and a plate number "
            "(e.g. 京A12345)",
        ),
        "enforcement.bad_plate": (
            "车牌号“{plate}”格式不正确（如 京A12345）",
            "The plate number “{plate}” is not valid (e.g. 京A12345)",
        ),
        "enforcement.unknown_link": (
            "没有这个{what}：{id}",
            "No such {what}: {id}",
        ),
        "enforcement.not_found": ("没有这条执法记录：{id}", "No such enforcement record: {id}"),
        "enforcement.reason_required": (
            "作废记录必须填写原因",
            "Voiding a record needs a reason",
        ),
    }
)


@dataclass(frozen=True)
class ActionInput:
    occurred_on: dt.date
    kind: str
    quantity: Decimal | int | str
    team: str
    shift: str = "day"
    community_id: int | None = None
    case_id: int | None = None
    campaign_id: int | None = None
    plate: str = ""
    note: str = ""


@dataclass(frozen=True)
class ActionRow:
    id: int
    occurred_on: dt.date
    kind: str
    quantity: Decimal
    team: str
    shift: str
    community: str
    case_number: str
    campaign: str
    plate: str
    note: str


def _quantity(kind: str, value: object) -> Decimal:
    whole = ENFORCEMENT_KINDS[kind] != "m2"
    # One code per rule: the message is rendered whole in the reader's language.
    code = "enforcement.bad_quantity" if whole else "enforcement.bad_area"
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise InputError(code, value=value) from None
    exponent = amount.as_tuple().exponent
    ok = (
        amount.is_finite()
        and Decimal(0) < amount <= MAX_QUANTITY
        and isinstance(exponent, int)
        and (amount == amount.to_integral_value() if whole else exponent >= -2)
    )
    if not ok:
        raise InputError(code, value=value)
    return amount.quantize(Decimal("0.01"))


def _check_links(session: Session, data: ActionInput) -> None:
    for model, value, what in (
        (Community, data.community_id, "community"),
        (Case, data.case_id, "case"),
        (Campaign, data.campaign_id, "campaign"),
    ):
        if value is not None and session.get(model, value) is None:
            raise InputError("enforcement.unknown_link", what=what, id=value)


def record_action(
    session: Session,
    actor: Actor,
    data: ActionInput,
    *,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> EnforcementAction:
    """Add one ledger row; today is the center's local date (future days are refused)."""
    actor.require("record enforcement work", *RECORD_ROLES)
    at = current_time(now)
    if data.kind not in ENFORCEMENT_KINDS:
        raise InputError(
            "enforcement.bad_kind", kind=data.kind, allowed=", ".join(ENFORCEMENT_KINDS)
        )
    quantity = _quantity(data.kind, data.quantity)
    if data.shift not in SHIFT_KINDS:
        raise InputError("enforcement.bad_shift", shift=data.shift, allowed=", ".join(SHIFT_KINDS))
    if data.occurred_on > (today or at.astimezone(local_zone(session)).date()):
        raise InputError("enforcement.future", day=data.occurred_on.isoformat())
    team = clean_text(data.team, "team", TEAM_MAX, required=True)
    plate = clean_text(data.plate, "plate", 16).upper()
    if data.kind == "seizure" and (quantity != 1 or not plate):
        raise InputError("enforcement.plate_required")
    if plate and not PLATE.fullmatch(plate):
        raise InputError("enforcement.bad_plate", plate=plate)
    _check_links(session, data)
    community_id = data.community_id
    if community_id is None and data.case_id is not None:
        case = session.get(Case, data.case_id)
        community_id = case.community_id if case is not None else None
    row = EnforcementAction(
        occurred_on=data.occurred_on,
        kind=data.kind,
        quantity=quantity,
        team=team,
        shift=data.shift,
        community_id=community_id,
        case_id=data.case_id,
        campaign_id=data.campaign_id,
        plate=plate,
        note=clean_text(data.note, "note", NOTE_MAX),
        created_by=actor.user_id,
        created_at=at,
    )
    session.add(row)
    session.flush()
    record_change(
        session,
        actor,
        "enforcement.record",
        ENTITY,
        [row.id],
        "created",
        {"kind": data.kind, "quantity": str(quantity), "day": data.occurred_on.isoformat()},
    )
    return row


def void_action(session: Session, actor: Actor, action_id: int, *, reason: str) -> None:
    """Remove a mistaken row; the audit trail keeps what it said and why it went."""
    actor.require("void an enforcement record", *VOID_ROLES)
    text = clean_text(reason, "reason", NOTE_MAX)
    if not text:
        raise InputError("enforcement.reason_required")
    row = session.get(EnforcementAction, action_id)
    if row is None:
        raise InputError("enforcement.not_found", id=action_id)
    detail = {
        "reason": text,
        "day": row.occurred_on.isoformat(),
        "kind": row.kind,
        "quantity": str(row.quantity),
        "team": row.team,
        "shift": row.shift,
        "plate": row.plate,
    }
    session.delete(row)
    session.flush()
    record_change(session, actor, "enforcement.void", ENTITY, [action_id], "deleted", detail)


def list_actions(
    session: Session,
    start: dt.date,
    end: dt.date,
    *,
    kind: str | None = None,
    limit: int = 500,
) -> list[ActionRow]:
    """Rows of [start, end), newest first, at most limit."""
    query = (
        select(EnforcementAction, Community.name, Case.number, Campaign.name)
        .outerjoin(Community, Community.id == EnforcementAction.community_id)
        .outerjoin(Case, Case.id == EnforcementAction.case_id)
        .outerjoin(Campaign, Campaign.id == EnforcementAction.campaign_id)
        .where(EnforcementAction.occurred_on >= start, EnforcementAction.occurred_on < end)
        .order_by(EnforcementAction.occurred_on.desc(), EnforcementAction.id.desc())
        .limit(limit)
    )
    if kind is not None:
        query = query.where(EnforcementAction.kind == kind)
    return [
        ActionRow(
            a.id,
            a.occurred_on,
            a.kind,
            a.quantity,
            a.team,
            a.shift,
            community or "",
            number or "",
            campaign or "",
            a.plate,
            a.note,
        )
        for a, community, number, campaign in session.execute(query)
    ]


def teams(session: Session) -> list[str]:
    """The team names already in the ledger, for the form's choices."""
    return [
        t
        for t in session.scalars(
            select(EnforcementAction.team).distinct().order_by(EnforcementAction.team)
        )
        if t
    ]


def case_number(session: Session, case_id: int | None) -> str | None:
    """The number of the case a row may be linked to (None when there is no such case)."""
    if case_id is None:
        return None
    return session.scalar(select(Case.number).where(Case.id == case_id))
