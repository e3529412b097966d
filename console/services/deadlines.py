"""Stage deadlines: which rule applies, when a stage is due, and a case's running clock.

Rules are DeadlineRule rows. For a stage, the most specific one wins:
  1. category + urgency   2. category   3. the category's own handling deadline (stage
  "handle" only: Category.deadline_kind / deadline_amount)   4. urgency only   5. default
The category's own deadline ranks as a category rule, just below explicit ones: it is
what the admin set for that category, so a street-wide "handle" rule (4 or 5) only
covers categories that have none, and an urgent case of a category without an urgent
rule keeps the category's deadline. Equal rules: the oldest (lowest id) wins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from console.models import Case
from console.models.rules import STAGES
from console.services import reference
from console.services.reference import Reference, RuleRow
from console.services.workcalendar import WorkCalendar, load_calendar, to_utc

# The stage whose clock runs in each case state; other states run no clock.
STAGE_OF_STATE = {
    "to_verify": "verify",
    "to_open": "open",
    "opened": "dispatch",
    "dispatched": "handle",
    "in_handling": "handle",
    "to_check": "check",
    "to_close": "close",
}
# A shelved case (挂账) is out of the due-to-close count: its clock is paused.
PAUSED_STATES = frozenset({"shelved"})

Rule = tuple[str, float]


def _specificity(rule: RuleRow) -> int:
    return 2 * (rule.category_id is not None) + (rule.urgency is not None)


def _category_default(known: Reference, category_id: int) -> Rule | None:
    category = known.categories.get(category_id)
    if category is None or not category.deadline_kind or category.deadline_amount is None:
        return None
    return category.deadline_kind, float(category.deadline_amount)


def resolve_rule(
    session: Session, *, stage: str, category_id: int | None, urgency: str | None
) -> Rule | None:
    """(kind, amount) of the rule that applies, None when none does."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}")
    known = reference.current(session)
    rows = [
        r
        for r in known.rules.get(stage, ())
        if (r.category_id is None or r.category_id == category_id)
        and (r.urgency is None or r.urgency == urgency)
    ]
    best = max(rows, key=_specificity, default=None)  # max keeps the first of equals
    if best is not None and best.category_id is not None:
        return best.kind, best.amount
    if stage == "handle" and category_id is not None:
        own = _category_default(known, category_id)
        if own is not None:
            return own
    return None if best is None else (best.kind, best.amount)


def stage_due(
    session: Session,
    *,
    stage: str,
    category_id: int | None,
    urgency: str | None,
    start: dt.datetime,
    calendar: WorkCalendar | None = None,
) -> dt.datetime | None:
    """When a stage started at start is due (UTC), None when no rule applies."""
    rule = resolve_rule(session, stage=stage, category_id=category_id, urgency=urgency)
    if rule is None:
        return None
    calendar = calendar or load_calendar(session)
    return calendar.add(start, *rule)


@dataclass(frozen=True)
class CaseClock:
    """Where a case's current stage stands against its deadline.

    kind is the rule's deadline kind, known only when case_clock had a session; without
    it remaining is plain clock time. remaining is negative once overdue (for working
    kinds: working time overdue, which can be zero on the evening of the due day, so
    overdue, from due_at < now, is the flag to show).
    """

    stage: str | None = None
    paused: bool = False
    started_at: dt.datetime | None = None
    due_at: dt.datetime | None = None
    kind: str | None = None
    remaining: dt.timedelta | None = None
    overdue: bool = False


def _stage_start(case: Case, stage: str) -> dt.datetime | None:
    starts = {
        "verify": case.reported_at,
        "open": case.verified_at or case.reported_at,
        "dispatch": case.opened_at,
        "handle": case.dispatched_at,
        "check": case.handled_at,
        "close": case.checked_at,
    }
    return starts.get(stage)


def _stored_due(case: Case, stage: str) -> dt.datetime | None:
    stored = {
        "open": case.open_due_at,
        "dispatch": case.dispatch_due_at,
        "handle": case.handle_due_at,
        "check": case.check_due_at,
    }
    return stored.get(stage)


def case_clock(
    case: Case, now: dt.datetime, calendar: WorkCalendar, session: Session | None = None
) -> CaseClock:
    """The clock of the case's current stage at now.

    The due time is the case's own column for open, dispatch, handle and check (it
    carries extensions); verify and close have no column and, like a column left empty,
    are computed from the stage's start by the rule, which needs a session. Without a
    session those stages show no due time and remaining is plain clock time.
    """
    now = to_utc(now)
    if case.state in PAUSED_STATES:
        return CaseClock(paused=True)
    stage = STAGE_OF_STATE.get(case.state)
    if stage is None:
        return CaseClock()
    started = _stage_start(case, stage)
    due = _stored_due(case, stage)
    kind: str | None = None
    if session is not None:
        rule = resolve_rule(
            session, stage=stage, category_id=case.category_id, urgency=case.urgency
        )
        if rule is not None:
            kind = rule[0]
            if due is None and started is not None:
                due = calendar.add(started, *rule)
    if due is None:
        return CaseClock(stage=stage, started_at=started, kind=kind)
    due = to_utc(due)
    remaining = calendar.remaining(now, due, kind) if kind else due - now
    return CaseClock(
        stage=stage,
        started_at=started,
        due_at=due,
        kind=kind,
        remaining=remaining,
        overdue=now > due,
    )


def default_rules() -> list[dict[str, Any]]:
    """Street-wide starting rules from city tables (DOMAIN.md), as DeadlineRule fields.

    Open + dispatch share 30 minutes for a normal case (15 + 15) and 10 for an urgent
    one (5 + 5). Normal cases count working time (the intake desk works office hours);
    urgent ones count the clock, day and night. Verification takes 1 clock hour, the
    check 1 working hour (1 clock hour when urgent). Handling deadlines are the
    categories' own; closing has no default rule, so to_close shows no due time until
    the admin adds one.
    """

    def rule(stage: str, urgency: str | None, kind: str, amount: float) -> dict[str, Any]:
        return {
            "stage": stage,
            "category_id": None,
            "urgency": urgency,
            "kind": kind,
            "amount": amount,
        }

    return [
        rule("verify", None, "urgent_hours", 1.0),
        rule("open", None, "working_hours", 0.25),
        rule("open", "urgent", "urgent_hours", 5 / 60),
        rule("dispatch", None, "working_hours", 0.25),
        rule("dispatch", "urgent", "urgent_hours", 5 / 60),
        rule("check", None, "working_hours", 1.0),
        rule("check", "urgent", "urgent_hours", 1.0),
    ]
