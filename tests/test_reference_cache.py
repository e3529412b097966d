"""Reference data kept in memory: never used after its tables changed, whoever changed them."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select, text

from console.models import Category, DeadlineRule, ReferenceStamp
from console.services import reference
from console.services.workflow import WorkflowInputError
from console.store import Store
from tests.support.workflow_seed import seed


def _stamp(store: Store) -> int:
    with store.read() as session:
        version = session.scalar(select(ReferenceStamp.version))
        assert version is not None
        return version


def test_a_change_by_raw_sql_elsewhere_reaches_the_next_report(store: Store) -> None:
    world = seed(store)
    world.report()  # the snapshot is now in memory
    before = _stamp(store)
    # As a SQL console would: no ORM, no service, another transaction.
    with store.engine.begin() as conn:
        conn.execute(
            text("UPDATE category SET active = :off WHERE id = :id"),
            {"off": False, "id": world.categories["0102"]},
        )
    assert _stamp(store) != before
    with pytest.raises(WorkflowInputError) as refused:
        world.report()
    assert refused.value.code == "workflow.intake.category_inactive"


def test_a_new_rule_applies_at_once_and_a_rolled_back_one_never(store: Store) -> None:
    world = seed(store)
    world.report()
    month = {"stage": "open", "category_id": world.categories["0102"], "kind": "natural_days"}
    # Added and rolled back: the snapshot built inside that transaction held it, and
    # must not be what the next transaction sees.
    with pytest.raises(RuntimeError), store.write() as session:
        session.add(DeadlineRule(**month, amount=30.0))
        session.flush()
        assert any(r.kind == "natural_days" for r in reference.current(session).rules["open"])
        raise RuntimeError("undo")
    second = world.report()
    assert second.open_due_at is not None
    assert (second.open_due_at - second.reported_at).days < 20  # the seed's 0.25 working h
    # Committed this time: the very next report follows it.
    with store.write() as session:
        session.add(DeadlineRule(**month, amount=30.0))
    third = world.report()
    assert third.open_due_at is not None
    assert (third.open_due_at - third.reported_at).days == 30


def test_a_transaction_sees_its_own_unflushed_change(store: Store) -> None:
    world = seed(store)
    world.report()
    with store.write() as session:
        category = session.get(Category, world.categories["0102"])
        assert category is not None
        assert reference.current(session).categories[category.id].active
        category.active = False  # not flushed yet
        assert not reference.current(session).categories[category.id].active
        session.rollback()
    assert world.report().id > 0  # rolled back: still active for everyone


def test_a_warm_report_reads_no_reference_table(store: Store) -> None:
    world = seed(store)
    world.report()
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement.split()[0].upper() + " " + statement)

    event.listen(store.engine, "before_cursor_execute", note)
    try:
        world.report()
    finally:
        event.remove(store.engine, "before_cursor_execute", note)
    selects = [s for s in seen if s.startswith("SELECT")]
    for table in (
        "category",
        "street",
        "grid",
        "community",
        "deadline_rule",
        "calendar_day",
        "working_hours",
        "app_setting",
        "campaign ",
    ):
        assert not any(f"FROM {table}" in s for s in selects), (table, selects)
    assert any("reference_stamp" in s for s in selects)
