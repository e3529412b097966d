"""The overview pane on both backends: the right counts, live refresh, a sound model."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from console.live import LiveFeed
from console.models import AppSetting
from console.ops import DatabaseWorker
from console.services import feed
from console.services.actor import Actor
from console.settings import Settings
from console.store import Store
from console.views.bus import CaseSelection, ChangeBus
from console.views.overview_pane import OverviewPane
from console.views.pane_context import PaneContext
from console.views.summary_model import SummaryRow, SummaryTableModel
from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.small_db import fill_small_street

__all__ = ["translations", "worker"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

ACTOR = Actor(7, "zhao", frozenset({"leader", "dispatcher"}), "desk-9")


@pytest.fixture
def ctx(
    store: Store, worker: DatabaseWorker, translations: Translations, tmp_path: Path
) -> Iterator[PaneContext]:
    bus = ChangeBus()
    live = LiveFeed(store, worker, bus, parent=bus)
    live.start()
    yield PaneContext(worker, bus, CaseSelection(bus), ACTOR, translations, Settings(tmp_path))
    live.stop()
    bus.deleteLater()


def _pane(qtbot: QtBot, ctx: PaneContext) -> OverviewPane:
    pane = OverviewPane(ctx)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitUntil(lambda: pane.summary is not None)
    return pane


def _values(pane: OverviewPane) -> dict[str, str]:
    return {label.strip(): value for label, value in pane.row_texts() if value}


def test_shows_the_counts_of_the_database(
    qtbot: QtBot, store: Store, ctx: PaneContext, translations: Translations
) -> None:
    fill_small_street(store)
    pane = _pane(qtbot, ctx)
    assert pane.center.text() == "八角街道综合执法指挥中心"
    values = _values(pane)
    assert values["社区"] == "2" and values["单元网格"] == "3"
    assert (values["摄像机"], values["在线"], values["离线"]) == ("4", "2", "1")
    assert values["状态未知"] == "1"
    assert values["移动终端"] == "1" and values["用户"] == "0"
    assert values["案卷总数"] == "7" and values["已结案"] == "3" and values["已合并"] == "1"
    assert values["社区自处置"] == "3" and values["社区自处置率"] == "50.0%"
    assert values["执法出动（人次）"] == "15"
    assert values["拆除违法建设（平方米）"] == "20.50"
    assert values["最近一条记录"] != "—"
    pane.close()


def test_refreshes_when_the_feed_moves(
    qtbot: QtBot, store: Store, ctx: PaneContext, translations: Translations
) -> None:
    translations.set_language("en")
    pane = _pane(qtbot, ctx)
    assert pane.center.text() == "Command center"
    with store.write() as session:
        session.add(AppSetting(key="center_name", value="新街道指挥中心"))
        feed.record(session, "setting", ["center_name"], "updated")
    qtbot.waitUntil(lambda: pane.center.text() == "新街道指挥中心", timeout=5000)
    assert pane.status.text().startswith("Live; updated at ")
    pane.close()


def test_language_switch_retranslates_rows(
    qtbot: QtBot, store: Store, ctx: PaneContext, translations: Translations
) -> None:
    fill_small_street(store)
    pane = _pane(qtbot, ctx)
    translations.set_language("en")
    qtbot.waitUntil(lambda: _values(pane).get("Community self-resolution rate") == "50.0%")
    assert pane.cases.headerData(0, Qt.Orientation.Horizontal) == "Item"
    pane.close()


def test_summary_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = SummaryTableModel()
    qtmodeltester.check(model)
    model.set_rows([SummaryRow("Area", heading=True), SummaryRow("Communities", "2", indent=1)])
    qtmodeltester.check(model)
