"""A one-screen summary of a database: area, devices, accounts, cases, enforcement.

Everything is counted by SQL aggregates, so it costs the same on 100 rows or 100,000.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from console.models import (
    AppSetting,
    AuditLog,
    Camera,
    Case,
    Community,
    EnforcementAction,
    FieldTerminal,
    Grid,
    Street,
    User,
)
from console.models.case import CASE_STATES
from console.models.enforcement import ENFORCEMENT_KINDS
from console.services import feed

CENTER_NAME_KEY = "center_name"
# A case is resolved once closed; archiving comes after closing.
RESOLVED_STATES = ("closed", "archived")
# Duplicates folded into another case are not problems of their own.
NOT_COUNTED_STATES = ("merged",)


@dataclass(frozen=True)
class DatabaseSummary:
    center_name: str
    communities: int
    grids: int
    cameras: int
    cameras_online: int
    cameras_offline: int
    terminals: int
    users: int
    cases_total: int
    cases_by_state: dict[str, int]
    resolved_in_community: int
    enforcement: dict[str, Decimal] = field(default_factory=dict)
    last_audit_at: dt.datetime | None = None
    feed_seq: int = 0

    @property
    def cameras_unknown(self) -> int:
        """Cameras no health check has reached yet (neither online nor offline)."""
        return self.cameras - self.cameras_online - self.cameras_offline

    @property
    def community_rate(self) -> float | None:
        """社区自处置率 in percent, one decimal: resolved without escalation / reported."""
        counted = self.cases_total - sum(self.cases_by_state.get(s, 0) for s in NOT_COUNTED_STATES)
        if counted <= 0:
            return None
        return round(100.0 * self.resolved_in_community / counted, 1)


def _count(session: Session, query: Select[Any]) -> int:
    return int(session.scalar(query) or 0)


def center_name(session: Session) -> str:
    """The configured center name, else the street's own name."""
    setting = session.get(AppSetting, CENTER_NAME_KEY)
    if setting is not None and setting.value:
        return str(setting.value)
    names = session.scalars(select(Street.name).order_by(Street.id).limit(3)).all()
    return "、".join(names)


def database_summary(session: Session) -> DatabaseSummary:
    # Read the feed position first: a change committed while counting is then seen again.
    seq = feed.last_seq(session)
    camera_row = session.execute(
        select(
            func.count(),
            func.count(case((Camera.status == "online", 1))),
            func.count(case((Camera.status == "offline", 1))),
        ).select_from(Camera)
    ).one()
    by_state = dict.fromkeys(CASE_STATES, 0)
    for state, number in session.execute(select(Case.state, func.count()).group_by(Case.state)):
        by_state[state] = int(number)
    resolved_in_community = _count(
        session,
        select(func.count())
        .select_from(Case)
        .where(Case.state.in_(RESOLVED_STATES), Case.escalation_level == 0),
    )
    enforcement = dict.fromkeys(ENFORCEMENT_KINDS, Decimal(0))
    for kind, total in session.execute(
        select(EnforcementAction.kind, func.sum(EnforcementAction.quantity)).group_by(
            EnforcementAction.kind
        )
    ):
        enforcement[kind] = Decimal(str(total or 0))
    return DatabaseSummary(
        center_name=center_name(session),
        communities=_count(session, select(func.count()).select_from(Community)),
        grids=_count(session, select(func.count()).select_from(Grid)),
        cameras=int(camera_row[0]),
        cameras_online=int(camera_row[1]),
        cameras_offline=int(camera_row[2]),
        terminals=_count(session, select(func.count()).select_from(FieldTerminal)),
        users=_count(session, select(func.count()).select_from(User)),
        cases_total=sum(by_state.values()),
        cases_by_state=by_state,
        resolved_in_community=resolved_in_community,
        enforcement=enforcement,
        last_audit_at=session.scalar(select(func.max(AuditLog.at))),
        feed_seq=seq,
    )


def summary_if_changed(session: Session, seen_seq: int | None) -> DatabaseSummary | None:
    """The summary when the change feed moved past seen_seq, else None (cheap to poll)."""
    if seen_seq is not None and feed.last_seq(session) == seen_seq:
        return None
    return database_summary(session)
