"""A terminal's report reaches every console: the change feed, and a workstation's bus."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.i18n import Translations
from console.models import Case
from console.services import feed
from console.store import Store
from tests.support.field_world import BASE, make_field_world
from tests.support.gui import translations
from tests.support.shell import open_workstation

__all__ = ["translations"]


def test_feed_listener_sees_a_terminal_report(store: Store) -> None:
    for fw in make_field_world(store):
        with feed.FeedListener(store) as listener:
            reply = fw.client.post(f"{BASE}/requests.json", data=fw.report_form())
            assert reply.status_code == 201
            changes = listener.wait(5.0)
        with store.read() as session:
            case_id = session.scalars(select(Case.id)).one()
        assert [(c.entity, c.ids, c.kind) for c in changes] == [("case", (case_id,), "created")]
        assert changes[0].workstation == "terminal:T-1"


@pytest.mark.gui
def test_a_console_refreshes_from_a_terminal_report(
    qtbot: QtBot, store: Store, translations: Translations, tmp_path: Path
) -> None:
    url = store.url.render_as_string(hide_password=False)
    for fw in make_field_world(store):
        station = open_workstation(url, "desk-a", data_dir=tmp_path, translations=translations)
        try:
            qtbot.waitUntil(lambda s=station: s.live.state == "online", timeout=10_000)
            with qtbot.waitSignal(station.bus.cases_changed, timeout=5000) as blocker:
                reply = fw.client.post(f"{BASE}/requests.json", data=fw.report_form())
                assert reply.status_code == 201
            with store.read() as session:
                case_id = session.scalars(select(Case.id)).one()
            assert blocker.args == [[case_id]]
        finally:
            station.stop()
