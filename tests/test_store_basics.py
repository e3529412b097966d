"""The store and schema on both backends: migrations, audit chain, change feed."""

from __future__ import annotations

from sqlalchemy import inspect

from console import schema
from console.services import audit, feed
from console.services.actor import system_actor
from console.store import Store


def test_fresh_database_is_at_head(store: Store) -> None:
    current, head = schema.status(store)
    assert current == head
    with store.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    assert {"case_file", "audit_log", "change_feed", "grid", "camera"} <= tables


def test_audit_and_feed_roundtrip(store: Store) -> None:
    actor = system_actor("ws-1")
    with store.write() as session:
        audit.record(session, actor, "demo.test", entity="case", entity_id=7, detail={"a": 1.5})
        feed.record(session, "case", [7], "created", workstation="ws-1")
    with store.read() as session:
        result = audit.verify(session)
        changes = feed.changes_after(session, 0)
    assert result.ok and result.checked == 1
    assert [(c.entity, c.ids, c.kind) for c in changes] == [("case", (7,), "created")]
