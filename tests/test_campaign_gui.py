"""The campaigns pane: progress shown, items added (also from a map click), the
difficulty list written off, all refreshed through the change feed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from console.live import LiveFeed
from console.ops import DatabaseWorker
from console.services import difficulty
from console.services.campaigns import CampaignInput, ItemInput, create_campaign
from console.services.difficulty import DifficultyInput
from console.settings import Settings
from console.views.bus import CaseSelection, ChangeBus
from console.views.campaign_common import RowsModel
from console.views.campaign_dialogs import ItemDialog
from console.views.campaign_pane import CampaignPane
from console.views.campaign_photos import PhotoListDialog
from console.views.pane_context import PaneContext
from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.workflow_seed import PNG, POINTS, World, world

__all__ = ["translations", "worker", "world"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]


@pytest.fixture
def ctx(
    world: World, worker: DatabaseWorker, translations: Translations, tmp_path: Path
) -> Iterator[PaneContext]:
    bus = ChangeBus()
    live = LiveFeed(world.store, worker, bus, parent=bus)
    live.start()
    actor = world.actors["shift"]
    yield PaneContext(worker, bus, CaseSelection(bus), actor, translations, Settings(tmp_path))
    live.stop()
    bus.deleteLater()


def _pane(qtbot: QtBot, ctx: PaneContext) -> CampaignPane:
    pane = CampaignPane(ctx)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitUntil(lambda: pane.campaigns.data is not None and pane.difficulty.data is not None)
    return pane


def test_campaign_progress_and_items(
    qtbot: QtBot, world: World, ctx: PaneContext, translations: Translations
) -> None:
    translations.set_language("en")
    with world.store.write() as session:
        create_campaign(
            session,
            world.actors["shift"],
            CampaignInput("私装地锁", dt.date(2026, 1, 1), target_count=2),
        )
    pane = _pane(qtbot, ctx)
    view = pane.campaigns
    assert view.chooser.currentText().startswith("私装地锁")
    assert view.steps.row_texts()[0][0] == "1. 公示"
    view.add_item(ItemInput(*POINTS["A1"], address="A社区1号", step_ordinal=3), [])
    qtbot.waitUntil(lambda: view.items.rowCount() == 1)
    assert view.items.row_texts()[0][3] == "A社区1号"
    assert "cleared 1" in view.summary.text()
    assert view.communities.row_texts() == [("A社区", "1", "1", "0")]
    # A refusal is shown on the panel, in the UI language.
    view.add_item(ItemInput(116.9, 39.5), [])
    qtbot.waitUntil(lambda: "outside China" in view.status.text())


def test_item_form_takes_a_point_from_the_map(
    qtbot: QtBot, world: World, ctx: PaneContext, tmp_path: Path
) -> None:
    with world.store.write() as session:
        create_campaign(session, world.actors["shift"], CampaignInput("x", dt.date(2026, 1, 1)))
    pane = _pane(qtbot, ctx)
    view = pane.campaigns
    view.new_item()
    dialog = view._item_dialog
    assert isinstance(dialog, ItemDialog)
    ctx.requests.map_point_picked.emit(*POINTS["B2"])
    assert (dialog.lon.value(), dialog.lat.value()) == POINTS["B2"]
    photo = tmp_path / "before.png"
    photo.write_bytes(PNG + b"p")
    dialog.photos.set_paths([str(photo)])
    dialog.accept()
    qtbot.waitUntil(lambda: view.items.rowCount() == 1)
    assert view._item_dialog is None
    assert view.data is not None and view.data.items[0].source == "map"


def test_difficulty_list_write_off(
    qtbot: QtBot, world: World, ctx: PaneContext, translations: Translations, tmp_path: Path
) -> None:
    translations.set_language("en")
    with world.store.write() as session:
        item = difficulty.add_item(
            session, world.actors["shift"], DifficultyInput("占道经营", dt.date(2020, 1, 1))
        ).id
    pane = _pane(qtbot, ctx)
    view = pane.difficulty
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.left.text().startswith("Left: 1 (overdue 1)")
    view.write_off(item, "清理完毕", [])
    qtbot.waitUntil(lambda: "evidence photo" in view.status.text())
    evidence = tmp_path / "e.png"
    evidence.write_bytes(PNG + b"e")
    view.write_off(item, "清理完毕", [str(evidence)])
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert view.left.text().startswith("Left: 0 (overdue 0) · written off: 1")
    assert view.status.text() == ""


def test_rows_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = RowsModel()
    qtmodeltester.check(model)
    model.set_headers(["a", "b"])
    model.set_rows([("1", "2"), ("3", "4")], ids=[7, 9], flagged=[True, False], bold_rows=[1])
    qtmodeltester.check(model)
    assert model.row_id(1) == 9 and model.row_id(2) is None


def test_item_photos_listed_and_added(
    qtbot: QtBot, world: World, ctx: PaneContext, tmp_path: Path
) -> None:
    with world.store.write() as session:
        create_campaign(session, world.actors["shift"], CampaignInput("x", dt.date(2026, 1, 1)))
    pane = _pane(qtbot, ctx)
    view = pane.campaigns
    before = tmp_path / "before.png"
    before.write_bytes(PNG + b"b")
    view.add_item(ItemInput(*POINTS["A1"]), [str(before)])
    qtbot.waitUntil(lambda: view.items.rowCount() == 1)
    view.item_table.selectRow(0)
    view.add_photos()
    dialog = pane.findChild(PhotoListDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    after = tmp_path / "after.png"
    after.write_bytes(PNG + b"a")
    assert dialog.add is not None
    dialog.add([str(after)])
    qtbot.waitUntil(lambda: dialog.list.count() == 2)
    assert dialog.list.item(1).text().endswith("after.png")
    dialog.close()


def test_assign_an_owner(qtbot: QtBot, world: World, ctx: PaneContext) -> None:
    with world.store.write() as session:
        create_campaign(session, world.actors["shift"], CampaignInput("x", dt.date(2026, 1, 1)))
    pane = _pane(qtbot, ctx)
    view = pane.campaigns
    view.add_item(ItemInput(*POINTS["A1"]), [])
    qtbot.waitUntil(lambda: view.items.rowCount() == 1)
    view.item_table.selectRow(0)
    view.ask_owner()
    dialog = view._owner_dialog
    assert dialog is not None
    combo = dialog.findChild(QComboBox)
    assert combo is not None
    combo.setCurrentIndex(combo.findText("执法队"))
    dialog.accept()
    qtbot.waitUntil(lambda: view.items.row_texts()[0][5] == "执法队")
