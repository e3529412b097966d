"""Cases due within the hour: the current stage's due column decides, by state."""

from __future__ import annotations

import datetime as dt

import pytest

from console.models import Case
from console.services.due_soon import due_within
from console.store import Store
from tests.support.workflow_seed import seed

NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
MIN = dt.timedelta(minutes=1)

# (state, column set, minutes from NOW, counted?)
CASES = [
    ("to_open", "open_due_at", 0, True),  # the window includes now
    ("opened", "dispatch_due_at", 59, True),
    ("dispatched", "handle_due_at", 30, True),
    ("in_handling", "handle_due_at", 10, True),
    ("to_check", "check_due_at", 45, True),
    ("to_check", "check_due_at", 60, False),  # ... and excludes now + 60 min
    ("in_handling", "handle_due_at", -1, False),  # already overdue
    ("opened", "handle_due_at", 5, False),  # not the running stage's column
    ("closed", "handle_due_at", 5, False),
    ("shelved", "handle_due_at", 5, False),
]


def test_counts_the_running_stage_only(store: Store) -> None:
    world = seed(store)
    ids = [world.report(who="intake").id for _ in CASES]
    with store.write() as session:
        for case_id, (state, column, minutes, _counted) in zip(ids, CASES, strict=True):
            case = session.get(Case, case_id)
            assert case is not None
            case.state = state
            for name in ("open_due_at", "dispatch_due_at", "handle_due_at", "check_due_at"):
                setattr(case, name, None)
            setattr(case, column, NOW + minutes * MIN)
    expected = sum(counted for *_, counted in CASES)
    with store.read() as session:
        assert due_within(session, now=NOW) == expected
        assert due_within(session, now=NOW, minutes=61) == expected + 1
        assert due_within(session, now=NOW + 2 * dt.timedelta(hours=1)) == 0
        with pytest.raises(ValueError):
            due_within(session, now=NOW.replace(tzinfo=None))
