"""The change feed: listeners wake on new changes, catch up, and never miss a row."""

from __future__ import annotations

import select
import threading

from console.services import audit, feed
from console.services.actor import system_actor
from console.store import Store


def _write(store: Store, entity: str, ident: int) -> None:
    with store.write() as session:
        feed.record(session, entity, [ident], "updated", workstation="ws-b")


def test_listener_sees_changes_from_another_workstation(store: Store) -> None:
    other = Store(str(store.url.render_as_string(hide_password=False)), workstation="ws-b")
    with feed.FeedListener(store) as listener:
        assert listener.wait(0.05) == []
        _write(other, "case", 1)
        if store.is_postgres:
            # The NOTIFY itself makes the socket readable: no polling on PostgreSQL.
            fileno = listener.fileno()
            assert fileno is not None
            ready, _, _ = select.select([fileno], [], [], 10)
            assert ready
        changes = listener.wait(10)
    other.dispose()
    assert [(c.entity, c.ids, c.workstation) for c in changes] == [("case", (1,), "ws-b")]


def test_listener_catches_up_after_being_away(store: Store) -> None:
    with feed.FeedListener(store) as listener:
        start = listener.last_seen
    for ident in range(5):
        _write(store, "camera", ident)
    with feed.FeedListener(store, after=start) as listener:
        changes = listener.drain()
    assert [c.ids[0] for c in changes] == [0, 1, 2, 3, 4]
    assert [c.seq for c in changes] == sorted(c.seq for c in changes)


def test_concurrent_writers_keep_feed_and_audit_in_order(store: Store) -> None:
    """Four writers at once: the listener sees every seq, the audit chain stays intact."""
    writers, per_writer = 4, 15
    seen: list[int] = []
    done = threading.Event()
    listener = feed.FeedListener(store, after=0)

    def listen() -> None:
        while True:
            finished = done.is_set()  # read before draining: nothing can follow it
            seen.extend(c.seq for c in listener.wait(0.05))
            if finished:
                seen.extend(c.seq for c in listener.drain())
                return

    def write(worker: int) -> None:
        actor = system_actor(f"ws-{worker}")
        for n in range(per_writer):
            with store.write() as session:
                audit.record(session, actor, "test.write", entity="case", entity_id=n)
                feed.record(session, "case", [worker, n], "updated", workstation=actor.workstation)

    reader = threading.Thread(target=listen)
    reader.start()
    threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader.join(30)
    assert not reader.is_alive()
    listener.close()

    with store.read() as session:
        all_seqs = [c.seq for c in feed.changes_after(session, 0, limit=10_000)]
        result = audit.verify(session)
    assert len(all_seqs) == writers * per_writer
    assert seen == all_seqs  # in order, none missed, none twice
    assert result.ok and result.checked == writers * per_writer
