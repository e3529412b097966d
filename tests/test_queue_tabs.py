"""Queue tabs: who is in each, the counts, and the due time shown for each state."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import update

from console.models import Case
from console.services import queue
from console.services.queue import QueueFilter
from console.store import Store
from tests.support import queue_world as qw


@pytest.fixture
def world(store: Store) -> qw.World:
    return qw.build(store)


def members(store: Store, f: QueueFilter, now: dt.datetime = qw.NOW) -> set[str]:
    with store.read() as session:
        rows = queue.page(session, f, now=now, limit=1000)
    return {qw.label(row.number) for row in rows}


@pytest.mark.parametrize("tab", queue.TABS)
def test_tab_members_and_count(store: Store, world: qw.World, tab: str) -> None:
    f = QueueFilter(tab=tab)
    assert members(store, f) == qw.TAB_MEMBERS[tab]
    with store.read() as session:
        assert queue.count(session, f, now=qw.NOW) == len(qw.TAB_MEMBERS[tab])


def test_tab_counts_agree_with_count(store: Store, world: qw.World) -> None:
    with store.read() as session:
        counts = queue.tab_counts(session, now=qw.NOW)
        one_by_one = {
            tab: queue.count(session, QueueFilter(tab=tab), now=qw.NOW) for tab in queue.TABS
        }
    assert list(counts) == list(queue.TABS)
    assert counts == one_by_one == {tab: len(m) for tab, m in qw.TAB_MEMBERS.items()}


def test_overdue_follows_now(store: Store, world: qw.World) -> None:
    earlier = qw.NOW - dt.timedelta(hours=2)  # before every due time
    later = qw.NOW + dt.timedelta(hours=2)  # after every due time
    assert members(store, QueueFilter(tab="overdue"), earlier) == set()
    expected = qw.TAB_MEMBERS["overdue"] | {"open", "dispatched"}
    assert members(store, QueueFilter(tab="overdue"), later) == expected
    with store.read() as session:
        assert queue.tab_counts(session, now=later)["overdue"] == len(expected)


def test_due_at_is_the_current_stage(store: Store, world: qw.World) -> None:
    with store.read() as session:
        rows = {
            label: queue.row(session, case_id, now=qw.NOW) for label, case_id in world.cases.items()
        }
    for label, row in rows.items():
        assert row is not None
        assert row.due_at == qw.DUE.get(label), label


def test_row_fields(store: Store, world: qw.World) -> None:
    with store.read() as session:
        row = queue.row(session, world.cases["handling-late"], now=qw.NOW)
        missing = queue.row(session, 10**9, now=qw.NOW)
    assert missing is None
    assert row is not None
    assert dataclasses.asdict(row) == {
        "id": world.cases["handling-late"],
        "number": "Q-handling-late",
        "state": "in_handling",
        "urgency": "normal",
        "category_code": "0102",
        "category_name": "暴露垃圾",
        "community_name": "A社区",
        "grid_code": f"110107003{world.communities['A']:03d}001",
        "address": row.address,
        "description": "垃圾桶满溢，周边散落生活垃圾",
        "reported_at": qw.NOW - dt.timedelta(hours=25),
        "due_at": qw.PAST,
        "supervised": True,
        "escalation_level": 0,
        "rework_count": 0,
        "pending_request": "extension",
        "unit_name": "U2单位",
        "version": 1,
    }
    assert row.address.startswith("八角北路")


def test_row_without_community_grid_or_unit(store: Store, world: qw.World) -> None:
    with store.read() as session:
        row = queue.row(session, world.cases["archived"], now=qw.NOW)
    assert row is not None
    assert (row.community_name, row.grid_code, row.unit_name, row.due_at) == (
        None,
        None,
        None,
        None,
    )


def test_description_is_cut_at_80_characters(store: Store, world: qw.World) -> None:
    text = "长" * 79 + "尾巴"
    with store.write() as session:
        session.execute(
            update(Case).where(Case.id == world.cases["verify"]).values(description=text)
        )
    with store.read() as session:
        row = queue.row(session, world.cases["verify"], now=qw.NOW)
    assert row is not None and row.description == text[:80]


def test_bad_arguments_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="tab"):
        QueueFilter(tab="nope")
    with pytest.raises(ValueError, match="naive"):
        QueueFilter(reported_from=dt.datetime(2026, 1, 1))
    with store.read() as session:
        with pytest.raises(ValueError, match="sort"):
            queue.page(session, QueueFilter(), now=qw.NOW, sort="nope")
        with pytest.raises(ValueError, match="negative"):
            queue.page(session, QueueFilter(), now=qw.NOW, offset=-1)
        assert queue.page(session, QueueFilter(), now=qw.NOW, limit=0) == []
