"""任务派遣: sending an opened case to a responsible unit, and suggesting which one.

Suggestions come from the responsibility matrix (ResponsibilityRule). A grid row beats
a community row, which beats a street-wide row; for a case escalated to the street,
street-level rows come first. Primary units are listed before assisting ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, delete, or_, select
from sqlalchemy.orm import Session

from console.messages import render
from console.models import Case, CaseAssist, ResponsibilityRule, ResponsibleUnit
from console.services.actor import Actor
from console.services.workflow.actions import due
from console.services.workflow.core import begin
from console.services.workflow.errors import WorkflowInputError, action_term


@dataclass(frozen=True)
class Suggestion:
    unit: ResponsibleUnit
    role: str  # primary | assisting
    reason: str  # grid | community | street: which row of the matrix matched
    level: str  # the row's level: community | street

    def reason_text(self, language: str | None = None) -> str:
        return render(f"workflow.reason.{self.reason}", language)


def _reason(rule: ResponsibilityRule) -> str:
    if rule.grid_id is not None:
        return "grid"
    return "community" if rule.community_id is not None else "street"


_SPECIFICITY = {"grid": 0, "community": 1, "street": 2}


def suggest_units(session: Session, case: Case) -> list[Suggestion]:
    """Units for the case, best first; each unit once, in its best-matching role."""
    where: list[ColumnElement[bool]] = [
        and_(ResponsibilityRule.grid_id.is_(None), ResponsibilityRule.community_id.is_(None))
    ]
    if case.community_id is not None:
        where.append(
            and_(
                ResponsibilityRule.grid_id.is_(None),
                ResponsibilityRule.community_id == case.community_id,
            )
        )
    if case.grid_id is not None:
        where.append(ResponsibilityRule.grid_id == case.grid_id)
    rows = session.execute(
        select(ResponsibilityRule, ResponsibleUnit)
        .join(ResponsibleUnit, ResponsibleUnit.id == ResponsibilityRule.unit_id)
        .where(
            ResponsibilityRule.category_id == case.category_id,
            ResponsibleUnit.active,
            or_(*where),
        )
    ).all()
    escalated = case.escalation_level > 0

    def rank(pair: tuple[ResponsibilityRule, ResponsibleUnit]) -> tuple[int, int, int, str]:
        rule, unit = pair
        level_rank = 1 if escalated and rule.level != "street" else 0
        return (rule.role != "primary", level_rank, _SPECIFICITY[_reason(rule)], unit.code)

    out: list[Suggestion] = []
    seen: set[int] = set()
    for rule, unit in sorted(((r, u) for r, u in rows), key=rank):
        if unit.id in seen:
            continue
        seen.add(unit.id)
        out.append(Suggestion(unit, rule.role, _reason(rule), rule.level))
    return out


def _unit(session: Session, unit_id: object) -> ResponsibleUnit:
    unit = session.get(ResponsibleUnit, unit_id) if isinstance(unit_id, int) else None
    if unit is None:
        raise WorkflowInputError("workflow.unknown_unit", unit_id=unit_id)
    if not unit.active:
        raise WorkflowInputError("workflow.inactive_unit", unit=unit.name)
    return unit


def dispatch(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int,
    unit_id: int,
    assisting_unit_ids: Sequence[int] = (),
    note: str = "",
    now: dt.datetime | None = None,
) -> Case:
    """派遣 (or 改派 after a return): the primary unit and any assisting units."""
    step = begin(
        session, actor, case_id, "dispatch", expected_version=expected_version, note=note, now=now
    )
    case = step.case
    unit = _unit(session, unit_id)
    if case.escalation_level > 0 and unit.level != "street":
        raise WorkflowInputError(
            "workflow.needs_street_unit",
            action=action_term("dispatch"),
            number=case.number,
            unit=unit.name,
        )
    assisting: list[ResponsibleUnit] = []
    for other_id in dict.fromkeys(assisting_unit_ids):
        other = _unit(session, other_id)
        if other.id == unit.id:
            raise WorkflowInputError("workflow.assist_is_primary", unit=unit.name)
        assisting.append(other)
    session.execute(delete(CaseAssist).where(CaseAssist.case_id == case.id))
    session.add_all(CaseAssist(case_id=case.id, unit_id=u.id) for u in assisting)
    case.state = "dispatched"
    case.unit_id = unit.id
    case.dispatched_at = step.now
    case.handle_due_at = due(session, case, "handle", step.now)
    return step.finish(
        {
            "unit_id": unit.id,
            "unit": unit.name,
            "assisting_unit_ids": [u.id for u in assisting],
            "redispatch": case.return_count > 0,
        }
    )
