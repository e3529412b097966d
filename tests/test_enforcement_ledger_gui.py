"""The enforcement pane: roll-ups shown by period, team and shift; rows recorded and
voided from the pane, refreshed through the change feed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from console.live import LiveFeed
from console.ops import DatabaseWorker
from console.services import enforcement_ledger as ledger
from console.services.enforcement_ledger import ActionInput
from console.settings import Settings
from console.views.bus import CaseSelection, ChangeBus
from console.views.enforcement_dialog import RecordDialog
from console.views.enforcement_pane import EnforcementPane
from console.views.pane_context import PaneContext
from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.workflow_seed import World, world

__all__ = ["translations", "worker", "world"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

D = dt.date


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


def test_rollups_record_and_void(
    qtbot: QtBot, world: World, ctx: PaneContext, translations: Translations
) -> None:
    translations.set_language("en")
    with world.store.write() as session:
        for day, kind, quantity, team, shift in (
            (D(2026, 1, 5), "turnout", 10, "一中队", "day"),
            (D(2026, 1, 20), "turnout", 4, "二中队", "evening"),
            (D(2026, 2, 2), "demolition", "12.5", "一中队", "day"),
        ):
            ledger.record_action(
                session, world.actors["cg"], ActionInput(day, kind, quantity, team, shift)
            )
    pane = EnforcementPane(ctx)
    qtbot.addWidget(pane)
    pane.start.setDate(QDate(2026, 1, 1))
    pane.end.setDate(QDate(2026, 12, 31))
    qtbot.waitUntil(lambda: pane.periods.rowCount() == 3)
    rows = pane.periods.row_texts()
    assert [r[0] for r in rows] == ["2026-01", "2026-02", "Total"]
    assert (rows[0][1], rows[2][1], rows[2][6]) == ("14", "14", "12.50")
    keys = {(r[0], r[1]): r[2] for r in pane.keys.row_texts()}
    assert keys[("Team", "一中队")] == "10" and keys[("Shift", "Evening")] == "4"

    pane._open_record((["一中队"], [], None))
    dialog = pane._dialog
    assert isinstance(dialog, RecordDialog)
    dialog.day.setDate(QDate(2026, 3, 1))
    dialog.kind.setCurrentIndex(dialog.kind.findData("seizure"))
    dialog.plate.setText("京B54321")
    assert dialog.value().kind == "seizure" and dialog.value().team == "一中队"
    dialog.accept()
    qtbot.waitUntil(lambda: pane.rows.rowCount() == 4)
    assert pane.rows.row_texts()[0][8] == "京B54321"
    seizure = pane.rows.row_id(0)
    assert seizure is not None
    pane.tabs.setCurrentIndex(2)
    pane.row_table.selectRow(0)
    pane.ask_void()
    void = pane._dialog
    assert void is not None
    reason = void.findChild(QLineEdit)
    assert reason is not None
    reason.setText("录入错误")
    void.accept()
    qtbot.waitUntil(lambda: pane.rows.rowCount() == 3)
    pane.close()
