"""What a seeded database holds, counted back from the rows (not from the generator's
intentions), for the command's summary, the audit row and the change feed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from console.models import (
    AppSetting,
    CalendarDay,
    Camera,
    Campaign,
    CampaignItem,
    Case,
    CaseEvent,
    Category,
    Community,
    DeadlineRule,
    DutyShift,
    EnforcementAction,
    FieldTerminal,
    Grid,
    HandoverLog,
    ResponsibilityRule,
    ResponsibleUnit,
    Street,
    User,
)

OPEN_STATES = (
    "to_verify",
    "to_open",
    "opened",
    "dispatched",
    "in_handling",
    "to_check",
    "to_close",
)
# One change-feed row per kind of thing seeded: entity name -> its id column.
FEED_ENTITIES: dict[str, InstrumentedAttribute[Any]] = {
    "setting": AppSetting.key,
    "calendar": CalendarDay.id,
    "category": Category.id,
    "deadline_rule": DeadlineRule.id,
    "responsibility_rule": ResponsibilityRule.id,
    "street": Street.id,
    "community": Community.id,
    "grid": Grid.id,
    "unit": ResponsibleUnit.id,
    "user": User.id,
    "terminal": FieldTerminal.id,
    "camera": Camera.id,
    "case": Case.id,
    "case_event": CaseEvent.id,
    "enforcement": EnforcementAction.id,
    "campaign": Campaign.id,
    "campaign_item": CampaignItem.id,
    "duty": DutyShift.id,
    "handover": HandoverLog.id,
}


@dataclass(frozen=True)
class SeedCounts:
    communities: int
    grids: int
    cameras: int
    terminals: int
    users: int
    cases: int
    resolved_in_community: int
    escalated: int
    open_cases: int
    overdue: int
    self_handled: int
    supervised: int
    shelved: int
    reworked: int
    handled: int
    handled_on_time: int
    case_events: int
    campaign_items: int
    enforcement: dict[str, Decimal] = field(default_factory=dict)
    id_ranges: dict[str, list[Any]] = field(default_factory=dict)

    @property
    def resolved_share(self) -> float:
        return self.resolved_in_community / self.cases if self.cases else 0.0

    @property
    def on_time_share(self) -> float:
        return self.handled_on_time / self.handled if self.handled else 0.0

    def as_detail(self) -> dict[str, Any]:
        """JSON-friendly counts for the audit row."""
        skip = {"enforcement", "id_ranges"}
        detail: dict[str, Any] = {k: v for k, v in vars(self).items() if k not in skip}
        detail["enforcement"] = {k: str(v) for k, v in self.enforcement.items()}
        return detail


def resolved_in_community_clause() -> ColumnElement[bool]:
    """社区自处置: closed or archived without ever leaving the community level."""
    return (
        Case.state.in_(("closed", "archived"))
        & (Case.escalation_level == 0)
        & Case.closed_at.is_not(None)
    )


def count_summary(session: Session, as_of: dt.datetime) -> SeedCounts:
    def count(model: Any, *where: ColumnElement[bool]) -> int:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)

    is_open = Case.state.in_(OPEN_STATES)
    enforcement = {
        kind: Decimal(total)
        for kind, total in session.execute(
            select(EnforcementAction.kind, func.sum(EnforcementAction.quantity))
            .group_by(EnforcementAction.kind)
            .order_by(EnforcementAction.kind)
        )
    }
    id_ranges: dict[str, list[Any]] = {}
    for entity, column in FEED_ENTITIES.items():
        if entity == "setting":
            id_ranges[entity] = list(session.scalars(select(column).order_by(column)))
            continue
        low, high = session.execute(select(func.min(column), func.max(column))).one()
        id_ranges[entity] = [low, high] if low is not None else []
    return SeedCounts(
        communities=count(Community),
        grids=count(Grid),
        cameras=count(Camera),
        terminals=count(FieldTerminal),
        users=count(User),
        cases=count(Case),
        resolved_in_community=count(Case, resolved_in_community_clause()),
        escalated=count(Case, Case.escalation_level > 0),
        open_cases=count(Case, is_open),
        overdue=count(Case, is_open, Case.handled_at.is_(None), Case.handle_due_at < as_of),
        self_handled=count(Case, Case.self_handled.is_(True)),
        supervised=count(Case, Case.supervised.is_(True)),
        shelved=count(Case, Case.state == "shelved"),
        reworked=count(Case, Case.rework_count > 0),
        handled=count(Case, Case.handled_at.is_not(None)),
        handled_on_time=count(Case, Case.handled_at <= Case.handle_due_at),
        case_events=count(CaseEvent),
        campaign_items=count(CampaignItem),
        enforcement=enforcement,
        id_ranges=id_ranges,
    )
