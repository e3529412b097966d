"""Queue filters: community, category (class or subclass), unit, urgency, period, text."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from console.services import queue
from console.services.queue import QueueFilter
from console.store import Store
from tests.support import queue_world as qw


@pytest.fixture
def world(store: Store) -> qw.World:
    return qw.build(store)


def found(store: Store, **filters: Any) -> set[str]:
    f = QueueFilter(**filters)
    with store.read() as session:
        rows = queue.page(session, f, now=qw.NOW, limit=1000)
        assert queue.count(session, f, now=qw.NOW) == len(rows)
    return {qw.label(row.number) for row in rows}


def test_community(store: Store, world: qw.World) -> None:
    assert found(store, community_id=world.communities["B"]) == {"open", "check-late"}
    assert found(store, tab="to_open", community_id=world.communities["B"]) == {"open"}


def test_category_class_includes_its_subclasses(store: Store, world: qw.World) -> None:
    class_01 = found(store, category_id=world.categories["01"])
    assert class_01 == qw.ALL - {"handling-nodue", "shelved"}
    assert found(store, category_id=world.categories["0103"]) == {"opened-late"}
    assert found(store, category_id=world.categories["02"]) == {"handling-nodue", "shelved"}
    assert found(store, category_id=world.categories["0201"]) == {"handling-nodue", "shelved"}
    assert found(store, category_id=10**9) == set()


def test_unit(store: Store, world: qw.World) -> None:
    assert found(store, unit_id=world.units["U1"]) == {"dispatched", "handling-nodue"}
    assert found(store, tab="overdue", unit_id=world.units["U2"]) == {"handling-late"}


def test_urgency(store: Store, world: qw.World) -> None:
    assert found(store, urgency="urgent") == {"open-late", "draft"}
    assert found(store, tab="overdue", urgency="urgent") == {"open-late"}


def test_period_is_from_inclusive_to_exclusive(store: Store, world: qw.World) -> None:
    start = qw.NOW - dt.timedelta(hours=25)  # handling-late and handling-nodue
    end = qw.NOW - dt.timedelta(hours=23)  # close (excluded)
    assert found(store, reported_from=start, reported_to=end) == {
        "handling-late",
        "handling-nodue",
        "check-late",
    }
    assert found(store, reported_to=qw.NOW - dt.timedelta(hours=29)) == {"verify"}
    # Any time zone: the same instant in Shanghai time.
    shanghai = dt.timezone(dt.timedelta(hours=8))
    assert found(store, reported_from=start.astimezone(shanghai), reported_to=end) == {
        "handling-late",
        "handling-nodue",
        "check-late",
    }


def test_text(store: Store, world: qw.World) -> None:
    assert found(store, text="暴露垃圾") == {"verify"}
    assert found(store, text="垃圾") == {"verify", "handling-late"}
    assert found(store, tab="in_handling", text="垃圾") == {"handling-late"}
    assert found(store, text="王小明") == {"verify"}
    assert found(store, text="Q-shelved") == {"shelved"}
    assert found(store, text="   ") == qw.ALL


def test_filters_combine(store: Store, world: qw.World) -> None:
    assert found(
        store,
        tab="in_handling",
        community_id=world.communities["A"],
        category_id=world.categories["01"],
        unit_id=world.units["U1"],
        urgency="normal",
        reported_from=qw.NOW - dt.timedelta(days=2),
        reported_to=qw.NOW,
        text="路面",
    ) == {"dispatched"}
