"""Invariants of the workflow, checked after every step of the property test and of the
fixed long scenario: what a case may look like, and how one step may change the data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from console.models import AuditLog, Case, CaseEvent
from console.models.case import CASE_STATES
from console.services import audit, kpi
from console.store import Store

TIMES = ("reported_at", "verified_at", "opened_at", "dispatched_at", "handled_at")
TIMES += ("checked_at", "closed_at", "archived_at")
COUNTERS = ("rework_count", "return_count", "extension_count", "escalation_level", "version")

Snapshot = dict[int, dict[str, Any]]


def snapshot(store: Store) -> Snapshot:
    """Every case's state, counters, timestamps and timeline length."""
    with store.read() as session:
        events = dict(
            session.execute(
                select(CaseEvent.case_id, func.count()).group_by(CaseEvent.case_id)
            ).all()
        )
        out = {}
        for case in session.scalars(select(Case)):
            row = {name: getattr(case, name) for name in (*TIMES, *COUNTERS)}
            row.update(state=case.state, pending=case.pending_request, unit=case.unit_id)
            row.update(events=events.get(case.id, 0), merged_into=case.merged_into_id)
            out[case.id] = row
        return out


def check_case(before: dict[str, Any] | None, now: dict[str, Any]) -> None:
    assert now["state"] in CASE_STATES and now["state"] not in ("draft", "reported")
    assert now["pending"] in (None, "return", "extension", "shelve")
    if now["pending"] is not None:
        assert now["state"] in ("dispatched", "in_handling")
    if now["pending"] in ("extension", "shelve"):
        assert now["state"] == "in_handling"
    if now["state"] in ("dispatched", "in_handling", "shelved", "to_check", "to_close"):
        assert now["unit"] is not None
    if now["state"] == "opened":
        assert now["unit"] is None
    assert (now["merged_into"] is not None) == (now["state"] == "merged")
    stamps = [now[name] for name in TIMES if now[name] is not None]
    assert stamps == sorted(stamps), now
    if before is not None:
        for name in COUNTERS:
            assert now[name] >= before[name], name


def audit_rows(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(AuditLog)) or 0)


def check_step(
    store: Store, before: Snapshot, audit_before: int, gained: dict[int, int], attached: int = 0
) -> tuple[Snapshot, int]:
    """One step: each case gained exactly `gained` timeline entries and versions (0 if
    absent), one audit row per entry (+ attachments), and every case is still sound."""
    after = snapshot(store)
    for case_id, row in after.items():
        old = before.get(case_id)
        check_case(old, row)
        grew = row["events"] - (old["events"] if old else 0)
        assert grew == gained.get(case_id, 0), (case_id, grew, gained)
        if old is not None:
            assert row["version"] - old["version"] == gained.get(case_id, 0)
    audit_now = audit_rows(store)
    assert audit_now - audit_before == sum(gained.values()) + attached
    return after, audit_now


def check_end(store: Store, since: dt.datetime, until: dt.datetime) -> dict[str, int]:
    """The audit chain verifies and the KPI service's counts nest; returns the counts."""
    with store.read() as session:
        assert audit.verify(session).ok
        table = kpi.compute(
            session,
            start=(since - dt.timedelta(days=1)).date(),
            end=(until + dt.timedelta(days=2)).date(),
            compare=False,
            as_of=until,
        )
        live = session.scalar(select(func.count()).where(Case.state != "merged"))
    counts = table.total.counts
    assert counts["reported"] == live
    assert counts["accepted"] <= counts["reported"]
    assert counts["closed"] <= counts["due_to_close"] <= counts["dispatched"] <= counts["opened"]
    assert counts["handled"] <= counts["dispatched"]
    assert counts["shelved"] <= counts["dispatched"]
    assert counts["closed_on_time"] <= counts["closed"]
    assert counts["self_handled"] <= counts["resolved_in_community"] <= counts["reported"]
    return counts
