"""Generated requests against the field API: no server error, and no partial write.

Bounded: a few dozen examples per operation on each backend. Every generated request
carries a valid key (a random one would only ever meet the 401), and half the reports a
known category, so the writes are exercised too. After the run, every case the API made
is whole: its submission, its timeline entry, its audit row and its feed row.
"""

from __future__ import annotations

import zlib

import hypothesis
import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from sqlalchemy import func, select

from console.field.app import create_app
from console.models import AuditLog, Case, CaseEvent, ChangeFeed, FieldSubmission
from console.store import Store
from tests.support.field_world import JURISDICTION, add_terminal, issue
from tests.support.workflow_seed import POINTS, seed

# Per operation and backend: enough to find crashes, bounded to about a minute in all.
EXAMPLES = 250


def _assert_whole(store: Store) -> None:
    """Cases, submissions, timeline, audit and feed agree: nothing half written."""
    with store.read() as session:
        cases = set(session.scalars(select(Case.id)))
        submitted = set(session.scalars(select(FieldSubmission.case_id)))
        reported = set(
            session.scalars(select(CaseEvent.case_id).where(CaseEvent.action == "report"))
        )
        audited = {
            int(v)
            for v in session.scalars(
                select(AuditLog.entity_id).where(AuditLog.action == "case.report")
            )
        }
        fed = session.scalar(
            select(func.count()).select_from(ChangeFeed).where(ChangeFeed.entity == "case")
        )
    assert cases == submitted == reported == audited
    # The run reached the writes, not only the refusals.
    assert cases
    assert (fed or 0) >= len(cases)


def _authorise(case: schemathesis.Case, key: str) -> None:
    """A valid key always; for half the reports the required fields too (the rest random)."""
    if case.method.upper() == "POST":
        body = dict(case.body) if isinstance(case.body, dict) else {}
        body["api_key"] = key
        if case.path.endswith("/requests.{fmt}") and zlib.crc32(repr(body).encode()) % 2 == 0:
            body["service_code"] = "0102"
            body["long"], body["lat"] = POINTS["A1"]
            if not isinstance(body.get("description"), str) or not body["description"].strip():
                body["description"] = "路边垃圾暴露"
            for name in ("media", "media_after"):
                body.pop(name, None)
        case.body = body
    else:
        case.query = {**(case.query or {}), "api_key": key}


@pytest.mark.slow
def test_no_server_error_and_no_partial_write(store: Store) -> None:
    world = seed(store)
    key = issue(store, add_terminal(world, "T-1", "insp"))
    app = create_app(store, jurisdiction_id=JURISDICTION, per_minute=1e6, burst=10**6)
    api = schemathesis.openapi.from_asgi("/open311/v2/openapi.json", app)
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 7
    for operation in operations:

        @hypothesis.settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(hypothesis.HealthCheck),
            derandomize=True,
            database=None,
        )
        @hypothesis.given(case=operation.as_strategy())
        def run(case: schemathesis.Case) -> None:
            _authorise(case, key)
            case.call_and_validate(checks=[not_a_server_error])

        run()
    _assert_whole(store)
