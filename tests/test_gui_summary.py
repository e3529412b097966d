"""The summary window on both backends: the right counts, live refresh, a sound model."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from console.models import AppSetting
from console.ops import DatabaseWorker
from console.services import feed
from console.services.actor import Actor
from console.store import Store
from console.views.summary_model import SummaryRow, SummaryTableModel
from console.views.summary_window import SummaryWindow
from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.small_db import fill_small_street

__all__ = ["translations", "worker"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

ACTOR = Actor(7, "zhao", frozenset({"leader", "dispatcher"}), "desk-9")


def _window(qtbot: QtBot, worker: DatabaseWorker, translations: Translations) -> SummaryWindow:
    window = SummaryWindow(
        worker, translations, ACTOR, database="SQLite /tmp/x", timezone="Asia/Shanghai"
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.summary is not None)
    return window


def _values(window: SummaryWindow) -> dict[str, str]:
    return {label.strip(): value for label, value in window.row_texts() if value}


def test_shows_the_counts_of_the_database(
    qtbot: QtBot, store: Store, worker: DatabaseWorker, translations: Translations
) -> None:
    fill_small_street(store)
    window = _window(qtbot, worker, translations)
    assert window.center.text() == "八角街道综合执法指挥中心"
    assert window.database.text() == "数据库：SQLite /tmp/x"
    assert window.user.text() == "当前用户：zhao（派遣员、领导），工作站 desk-9"
    values = _values(window)
    assert values["社区"] == "2" and values["单元网格"] == "3"
    assert (values["摄像机"], values["在线"], values["离线"]) == ("4", "2", "1")
    assert values["状态未知"] == "1"
    assert values["移动终端"] == "1" and values["用户"] == "0"
    assert values["案卷总数"] == "7" and values["已结案"] == "3" and values["已合并"] == "1"
    assert values["社区自处置"] == "3" and values["社区自处置率"] == "50.0%"
    assert values["执法出动（人次）"] == "15"
    assert values["拆除违法建设（平方米）"] == "20.50"
    assert values["最近一条记录"] != "—"
    window.close()


def test_refreshes_when_the_feed_moves(
    qtbot: QtBot, store: Store, worker: DatabaseWorker, translations: Translations
) -> None:
    window = _window(qtbot, worker, translations)
    assert window.center.text() == "指挥中心"
    with store.write() as session:
        session.add(AppSetting(key="center_name", value="新街道指挥中心"))
        feed.record(session, "setting", ["center_name"], "updated")
    qtbot.waitUntil(lambda: window.center.text() == "新街道指挥中心", timeout=5000)
    assert window.status.text().startswith("实时更新")
    window.close()
    assert not window._timer.isActive()


def test_language_switch_retranslates_rows(
    qtbot: QtBot, store: Store, worker: DatabaseWorker, translations: Translations
) -> None:
    fill_small_street(store)
    window = _window(qtbot, worker, translations)
    translations.set_language("en")
    qtbot.waitUntil(lambda: window.windowTitle() == "Sanwang Console — Summary")
    assert _values(window)["Community self-resolution rate"] == "50.0%"
    assert window.cases.headerData(0, Qt.Orientation.Horizontal) == "Item"
    window.close()


def test_summary_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = SummaryTableModel()
    qtmodeltester.check(model)
    model.set_rows([SummaryRow("Area", heading=True), SummaryRow("Communities", "2", indent=1)])
    qtmodeltester.check(model)
