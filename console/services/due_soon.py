"""Open cases whose current stage falls due soon: the status bar's "due within the hour".

Each open state has one running stage deadline, stored on the case; the count is one
aggregate over those columns, so it costs the same on a street or a district.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from console.models import Case

# The due column of the stage that runs in each open state (see deadlines.STAGE_OF_STATE).
DUE_COLUMN_OF_STATE: dict[str, InstrumentedAttribute[dt.datetime | None]] = {
    "to_open": Case.open_due_at,
    "opened": Case.dispatch_due_at,
    "dispatched": Case.handle_due_at,
    "in_handling": Case.handle_due_at,
    "to_check": Case.check_due_at,
}


def due_within(session: Session, *, now: dt.datetime, minutes: int = 60) -> int:
    """How many open cases have their current stage due in [now, now + minutes)."""
    if now.tzinfo is None:
        raise ValueError("naive datetime refused: give a time zone")
    end = now + dt.timedelta(minutes=minutes)
    by_state: list[ColumnElement[bool]] = [
        and_(Case.state == state, column >= now, column < end)
        for state, column in DUE_COLUMN_OF_STATE.items()
    ]
    query = (
        select(func.count())
        .select_from(Case)
        .where(Case.state.in_(DUE_COLUMN_OF_STATE), or_(*by_state))
    )
    return int(session.scalar(query) or 0)
