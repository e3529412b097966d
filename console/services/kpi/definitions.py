"""The KPI contract in code: each count is a condition on one case row of the cohort,
each rate and average a ratio of those aggregates (see the package docstring)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, true
from sqlalchemy.orm import InstrumentedAttribute

from console.models import Case

EXCLUDED_STATES = ("draft", "merged")
CLOSED_STATES = ("closed", "archived")
# States in which an unhandled case is not waiting for anyone to handle it.
NOT_PENDING_STATES = ("not_opened", "shelved", *CLOSED_STATES)
CALLBACKS_REACHED = ("satisfied", "basically_satisfied", "unsatisfied")
CALLBACKS_SATISFIED = ("satisfied", "basically_satisfied")

# Counts in display order; "returns" is a sum and "dispatches" derived from two counts.
COUNTS = (
    "reported",
    "accepted",
    "opened",
    "opened_on_time",
    "dispatched",
    "returns",
    "dispatches",
    "handled",
    "handled_on_time",
    "handled_late",
    "overdue_open",
    "shelved",
    "due_to_close",
    "closed",
    "closed_on_time",
    "reworked",
    "extended",
    "self_handled",
    "resolved_in_community",
    "hotline_reported",
    "hotline_responded",
    "hotline_resolved",
    "hotline_callbacks",
    "hotline_satisfied",
)
DERIVED = {"dispatches": ("dispatched", "returns")}  # name -> the counts it adds up


@dataclass(frozen=True)
class Rate:
    name: str
    numerator: str
    denominator: str


RATES = (
    Rate("on_time_open_rate", "opened_on_time", "opened"),
    # (dispatches - returns) / dispatches; dispatches - returns is simply "dispatched".
    Rate("accurate_dispatch_rate", "dispatched", "dispatches"),
    Rate("handle_rate", "handled", "dispatched"),
    Rate("on_time_handle_rate", "handled_on_time", "dispatched"),
    Rate("close_rate", "closed", "due_to_close"),
    Rate("on_time_close_rate", "closed_on_time", "due_to_close"),
    Rate("rework_rate", "reworked", "handled"),
    Rate("extension_rate", "extended", "dispatched"),
    Rate("community_resolution_rate", "resolved_in_community", "reported"),
    Rate("hotline_response_rate", "hotline_responded", "hotline_reported"),
    Rate("hotline_resolution_rate", "hotline_resolved", "hotline_reported"),
    Rate("hotline_satisfaction_rate", "hotline_satisfied", "hotline_callbacks"),
)


@dataclass(frozen=True)
class Average:
    name: str
    seconds: str  # the summed duration in Tally.sums
    count: str  # how many cases the sum covers
    unit_seconds: int


AVERAGES = (
    Average("avg_intake_minutes", "intake_seconds", "opened", 60),
    Average("avg_handle_hours", "handle_seconds", "handled", 3600),
)
SUMS = ("returns", "intake_seconds", "handle_seconds")
RATE_PLACES = 4
AVERAGE_PLACES = 2


def cohort(lower: dt.datetime, upper: dt.datetime) -> ColumnElement[bool]:
    """Cases reported in [lower, upper), neither drafts nor folded into another case."""
    return and_(
        Case.reported_at >= lower,
        Case.reported_at < upper,
        Case.state.not_in(EXCLUDED_STATES),
        Case.merged_into_id.is_(None),
    )


Column = InstrumentedAttribute[Any]


def _not_late(done: Column, due: Column) -> ColumnElement[bool]:
    """Done, and by the deadline; a case without a deadline is never late."""
    return and_(done.is_not(None), or_(due.is_(None), done <= due))


def conditions(as_of: dt.datetime) -> dict[str, ColumnElement[bool]]:
    """The row condition of every plain count (all but the sums and derived counts)."""
    dispatched = Case.dispatched_at.is_not(None)
    handled = and_(dispatched, Case.handled_at.is_not(None))
    due_to_close = and_(dispatched, Case.state != "shelved")
    is_closed = and_(Case.closed_at.is_not(None), Case.state.in_(CLOSED_STATES))
    closed = and_(due_to_close, is_closed)
    hotline = Case.source == "hotline"
    return {
        "reported": true(),
        "accepted": Case.state != "not_opened",
        "opened": Case.opened_at.is_not(None),
        "opened_on_time": _not_late(Case.opened_at, Case.open_due_at),
        "dispatched": dispatched,
        "handled": handled,
        "handled_on_time": and_(handled, _not_late(Case.handled_at, Case.handle_due_at)),
        "handled_late": and_(handled, Case.handled_at > Case.handle_due_at),
        "overdue_open": and_(
            Case.handled_at.is_(None),
            Case.handle_due_at < as_of,
            Case.state.not_in(NOT_PENDING_STATES),
        ),
        "shelved": Case.state == "shelved",
        "due_to_close": due_to_close,
        "closed": closed,
        "closed_on_time": and_(closed, _not_late(Case.handled_at, Case.handle_due_at)),
        "reworked": Case.rework_count > 0,
        "extended": Case.extension_count > 0,
        "self_handled": Case.self_handled.is_(True),
        "resolved_in_community": and_(is_closed, Case.escalation_level == 0),
        "hotline_reported": hotline,
        "hotline_responded": and_(
            hotline,
            or_(
                _not_late(Case.opened_at, Case.open_due_at),
                _not_late(Case.verified_at, Case.open_due_at),
            ),
        ),
        "hotline_resolved": and_(hotline, is_closed),
        "hotline_callbacks": and_(hotline, Case.callback_result.in_(CALLBACKS_REACHED)),
        "hotline_satisfied": and_(hotline, Case.callback_result.in_(CALLBACKS_SATISFIED)),
    }


def seconds_between(later: Column, earlier: Column, dialect: str) -> ColumnElement[Any]:
    """later - earlier in seconds (NULL when either is NULL), on either backend."""
    if dialect == "sqlite":
        return (func.julianday(later) - func.julianday(earlier)) * 86400.0
    return func.extract("epoch", later - earlier)


def sum_expressions(dialect: str) -> dict[str, ColumnElement[Any]]:
    return {
        "returns": func.sum(Case.return_count),
        "intake_seconds": func.sum(seconds_between(Case.opened_at, Case.reported_at, dialect)),
        "handle_seconds": func.sum(seconds_between(Case.handled_at, Case.dispatched_at, dialect)),
    }


def ratio(numerator: float, denominator: float, places: int = RATE_PLACES) -> float | None:
    """numerator / denominator rounded, or None (shown as "—") when nothing to divide by."""
    if not denominator:
        return None
    return round(numerator / denominator, places)
