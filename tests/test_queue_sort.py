"""Queue sorting: every key in both directions, ties by id, stable offset paging."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from console.models.case import CASE_STATES
from console.services import queue
from console.services.queue import QueueFilter, QueueRow
from console.store import Store
from tests.support import queue_world as qw

# The documented order of each key; None (no due time, no community) always comes last.
KEYS: dict[str, Callable[[QueueRow], Any]] = {
    "reported_at": lambda r: r.reported_at,
    "due_at": lambda r: r.due_at,
    "number": lambda r: r.number,
    "state": lambda r: CASE_STATES.index(r.state),
    "urgency": lambda r: r.urgency,
    "category": lambda r: r.category_code,
    "community": lambda r: r.community_name,
}


def expected_order(rows: list[QueueRow], sort: str, descending: bool) -> list[int]:
    key = KEYS[sort]
    present = [r for r in rows if key(r) is not None]
    missing = [r for r in rows if key(r) is None]
    ordered = sorted(present, key=lambda r: (key(r), r.id), reverse=descending)
    return [r.id for r in ordered] + sorted((r.id for r in missing), reverse=descending)


@pytest.fixture
def world(store: Store) -> qw.World:
    return qw.build(store)


def test_sort_keys_are_the_documented_ones() -> None:
    assert tuple(KEYS) == queue.SORT_KEYS


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("sort", queue.SORT_KEYS)
def test_sorted_and_paged(store: Store, world: qw.World, sort: str, descending: bool) -> None:
    f = QueueFilter()
    with store.read() as session:
        full = queue.page(session, f, now=qw.NOW, sort=sort, descending=descending, limit=1000)
        pages = [
            queue.page(session, f, now=qw.NOW, sort=sort, descending=descending, offset=o, limit=4)
            for o in range(0, len(full) + 4, 4)
        ]
    assert [r.id for r in full] == expected_order(full, sort, descending)
    paged = [r.id for chunk in pages for r in chunk]
    assert paged == [r.id for r in full]
    assert len(set(paged)) == len(paged) == len(qw.ALL)
    assert pages[-1] == []


def test_ties_are_broken_by_id(store: Store, world: qw.World) -> None:
    twins = [world.cases["handling-late"], world.cases["handling-nodue"]]  # same report time
    f = QueueFilter(tab="in_handling")
    with store.read() as session:
        ascending = queue.page(session, f, now=qw.NOW, sort="reported_at", descending=False)
        descending = queue.page(session, f, now=qw.NOW, sort="reported_at", descending=True)
    assert [r.id for r in ascending if r.id in twins] == sorted(twins)
    assert [r.id for r in descending if r.id in twins] == sorted(twins, reverse=True)


def test_due_sort_puts_open_clocks_first(store: Store, world: qw.World) -> None:
    f = QueueFilter(tab="in_handling")
    with store.read() as session:
        rows = queue.page(session, f, now=qw.NOW, sort="due_at", descending=False)
        latest_first = queue.page(session, f, now=qw.NOW, sort="due_at", descending=True)
    assert [qw.label(r.number) for r in rows] == ["handling-late", "dispatched", "handling-nodue"]
    assert [qw.label(r.number) for r in latest_first] == [
        "dispatched",
        "handling-late",
        "handling-nodue",
    ]


def test_paging_with_a_filter_and_text(store: Store, world: qw.World) -> None:
    f = QueueFilter(community_id=world.communities["A"], text="路面")
    with store.read() as session:
        full = queue.page(session, f, now=qw.NOW, sort="number", descending=False, limit=100)
        pages = [
            queue.page(session, f, now=qw.NOW, sort="number", descending=False, offset=o, limit=2)
            for o in range(0, len(full), 2)
        ]
        total = queue.count(session, f, now=qw.NOW)
    assert [r.id for p in pages for r in p] == [r.id for r in full]
    assert total == len(full) > 4
    assert all(r.community_name == "A社区" for r in full)
    assert [r.number for r in full] == sorted(r.number for r in full)
    assert all(r.reported_at.tzinfo is dt.UTC for r in full)
