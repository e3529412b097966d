"""The live feed on both backends: another workstation's changes reach this bus, urgent
new cases raise an alert, a lost database is noticed and caught up on, stop() is clean."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.errors import DatabaseError
from console.i18n import Translations
from console.services import feed
from console.store import Store
from tests.support.gui import translations
from tests.support.shell import Workstation, open_workstation
from tests.support.workflow_seed import World, seed

__all__ = ["translations"]
pytestmark = pytest.mark.gui


def _url(store: Store) -> str:
    return store.url.render_as_string(hide_password=False)


@pytest.fixture
def here(
    qtbot: QtBot, store: Store, translations: Translations, tmp_path: Path
) -> Iterator[Workstation]:
    station = open_workstation(_url(store), "desk-a", data_dir=tmp_path, translations=translations)
    qtbot.waitUntil(lambda: station.live.state == "online", timeout=10_000)
    yield station
    station.stop()


def _write(store: Store, entity: str, ident: int, workstation: str = "desk-b") -> None:
    with store.write() as session:
        feed.record(session, entity, [ident], "updated", workstation=workstation)


def test_another_workstation_s_change_reaches_this_bus(
    qtbot: QtBot, store: Store, here: Workstation
) -> None:
    other = Store(_url(store), workstation="desk-b")
    try:
        with qtbot.waitSignal(here.bus.cases_changed, timeout=5000) as blocker:
            _write(other, "case", 42)
        assert blocker.args == [[42]]
        assert [(c.entity, c.ids, c.workstation) for c in here.seen] == [("case", (42,), "desk-b")]
        # A burst arrives whole and in order, nothing twice.
        for ident in range(10):
            _write(other, "camera", ident)
        qtbot.waitUntil(lambda: len(here.seen) == 11, timeout=5000)
        seqs = [c.seq for c in here.seen]
        assert seqs == sorted(set(seqs))
        assert here.live.last_seen == seqs[-1]
    finally:
        other.dispose()


def test_urgent_new_case_raises_an_alert(qtbot: QtBot, store: Store, here: Workstation) -> None:
    world: World = seed(store)
    normal = world.report()
    with qtbot.waitSignal(here.bus.urgent_case, timeout=5000) as blocker:
        urgent = world.report(urgency="urgent")
    assert blocker.args == [urgent.id]
    assert ("urgent", normal.id) not in here.events


def test_lost_database_is_noticed_then_caught_up(
    qtbot: QtBot, store: Store, here: Workstation
) -> None:
    """Any job failing with db.unreachable takes the bus offline; the reconnect delivers
    what was written meanwhile before the bus says it is online again."""
    release = threading.Event()
    # Hold the worker so the reconnect cannot run before the writes below.
    here.worker.submit(lambda _store: release.wait(10))
    with qtbot.waitSignal(here.bus.connection_changed, timeout=2000) as went:
        here.worker.known_error.emit(DatabaseError("db.unreachable", host="x", detail="gone"))
    assert went.args == [False] and not here.bus.online
    _write(store, "case", 7)
    _write(store, "case", 8)
    release.set()
    qtbot.waitUntil(lambda: here.bus.online, timeout=10_000)
    changed = [e for e in here.events if e[0] == "changed"]
    assert [c.ids[0] for c in here.seen] == [7, 8]
    # Caught up first, then online: panes refresh before writes are enabled again.
    assert here.events.index(changed[-1]) < here.events.index(("online", True))


def test_stop_is_clean_and_final(qtbot: QtBot, store: Store, here: Workstation) -> None:
    here.live.stop()
    _write(store, "case", 1)
    qtbot.wait(800)
    assert here.seen == [] and here.live.state == "stopped"
