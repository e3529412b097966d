"""Several desks on one PostgreSQL server: each sees the others' changes; the server going
away shows the offline banner, and coming back brings every change made meanwhile."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from console import schema
from console.i18n import Translations
from console.services import feed
from console.store import Store
from console.views.main_window import MainWindow
from tests.support.gui import translations
from tests.support.pg_restart import RestartablePgServer
from tests.support.pgserver import PgServer
from tests.support.shell import Workstation, open_workstation, placeholder_panes
from tests.support.workflow_seed import seed

__all__ = ["translations"]
pytestmark = [
    pytest.mark.gui,
    pytest.mark.postgres,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _write(url: str, ident: int, workstation: str) -> int:
    store = Store(url, workstation=workstation)
    try:
        with store.write() as session:
            feed.record(session, "case", [ident], "updated", workstation=workstation)
        with store.read() as session:
            return feed.last_seq(session)
    finally:
        store.dispose()


def _window(qtbot: QtBot, station: Workstation) -> MainWindow:
    window = MainWindow(station.ctx, placeholder_panes(), database=station.store.describe())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _close(window: MainWindow, station: Workstation) -> None:
    window.close()
    assert all(not t.isActive() for t in window.findChildren(QTimer))
    station.stop()


@pytest.fixture
def shared_url(pg_server: PgServer, pg_template: str) -> Iterator[str]:
    name = "two_desks"
    url = pg_server.create_database(name, template=pg_template)
    yield url
    with pg_server.connect(admin=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_two_windows_see_each_other_s_changes(
    qtbot: QtBot, shared_url: str, translations: Translations, tmp_path: Path
) -> None:
    translations.set_language("en")
    a = open_workstation(shared_url, "desk-a", data_dir=tmp_path / "a", translations=translations)
    b = open_workstation(shared_url, "desk-b", data_dir=tmp_path / "b", translations=translations)
    windows = [_window(qtbot, a), _window(qtbot, b)]
    try:
        qtbot.waitUntil(lambda: a.live.state == b.live.state == "online", timeout=10_000)
        world = seed(a.store)

        with qtbot.waitSignal(b.bus.urgent_case, timeout=5000) as alert:
            case = world.report(urgency="urgent", address="鲁谷路 8 号")
        assert alert.args == [case.id]
        qtbot.waitUntil(lambda: case.number in windows[1].urgent_bar.text.text(), timeout=5000)
        # Desk A wrote it and sees it too: one road for own and others' changes.
        qtbot.waitUntil(lambda: ("urgent", case.id) in a.events, timeout=5000)

        with qtbot.waitSignal(a.bus.cases_changed, timeout=5000) as changed:
            _write(shared_url, 99, "desk-b")
        assert changed.args == [[99]]
        qtbot.waitUntil(lambda: any(c.ids == (99,) for c in b.seen), timeout=5000)
    finally:
        for window, station in zip(windows, (a, b), strict=True):
            _close(window, station)


def test_server_restart_shows_banner_then_catches_up(
    qtbot: QtBot, translations: Translations, tmp_path: Path
) -> None:
    translations.set_language("en")
    server = RestartablePgServer()
    server.start()
    station: Workstation | None = None
    window: MainWindow | None = None
    try:
        url = server.create_database("outage")
        migrate = Store(url)
        schema.upgrade(migrate)
        migrate.dispose()
        station = open_workstation(url, "desk-a", data_dir=tmp_path, translations=translations)
        window = _window(qtbot, station)
        qtbot.waitUntil(lambda: station.live.state == "online", timeout=10_000)
        before = _write(url, 1, "desk-b")
        qtbot.waitUntil(lambda: station.live.last_seen == before, timeout=5000)

        server.pause()
        qtbot.waitUntil(lambda: not station.bus.online, timeout=10_000)
        assert window.offline_banner.isVisible()
        assert window.status.connection.text() == "Offline"
        qtbot.wait(2500)  # a reconnect or two fail meanwhile; the banner stays
        assert window.offline_banner.isVisible() and station.live.state == "offline"

        # Keep this desk's worker busy so it cannot reconnect before the writes land.
        release = threading.Event()
        station.worker.submit(lambda _store: release.wait(20))
        server.resume()
        written = [_write(url, ident, "desk-b") for ident in (2, 3, 4)]
        release.set()

        qtbot.waitUntil(lambda: station.bus.online, timeout=20_000)
        assert window.offline_banner.isHidden()
        assert window.status.connection.text() == "Online"
        assert [c.seq for c in station.seen if c.seq > before] == written
        caught_up = station.events.index(("changed", written))
        assert caught_up < station.events.index(("online", True))

        after = _write(url, 5, "desk-b")  # and it listens again
        qtbot.waitUntil(lambda: station.live.last_seen == after, timeout=5000)
    finally:
        if window is not None and station is not None:
            _close(window, station)
        server.stop()


def test_lost_listen_connection_is_made_again_quietly(
    qtbot: QtBot, shared_url: str, pg_server: PgServer, translations: Translations, tmp_path: Path
) -> None:
    """Only the LISTEN connection dies (an idle cut, a killed backend): the server still
    answers, so the desk listens again without ever showing itself offline."""
    station = open_workstation(shared_url, "desk-a", data_dir=tmp_path, translations=translations)
    try:
        qtbot.waitUntil(lambda: station.live.state == "online", timeout=10_000)
        with pg_server.connect(admin=True) as admin:
            killed = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = 'two_desks' AND query LIKE 'LISTEN%'"
            ).fetchall()
        assert killed == [(True,)]
        qtbot.wait(300)  # the socket wakes on the closed connection
        seq = _write(shared_url, 5, "desk-b")
        qtbot.waitUntil(lambda: station.live.last_seen == seq, timeout=5000)
        later = _write(shared_url, 6, "desk-b")  # a NOTIFY on the new connection
        qtbot.waitUntil(lambda: station.live.last_seen == later, timeout=1000)
        assert ("online", False) not in station.events
    finally:
        station.stop()
