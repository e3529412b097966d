"""The duty pane: the week's shifts and today's leader, and a handover written from its
draft and accepted."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from console.live import LiveFeed
from console.ops import DatabaseWorker
from console.services import duty_roster
from console.services.duty_roster import ShiftInput
from console.settings import Settings
from console.views.bus import CaseSelection, ChangeBus
from console.views.handover_dialog import HandoverDialog
from console.views.pane_context import PaneContext
from console.views.roster_dialogs import ShiftDialog
from console.views.roster_pane import RosterPane
from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.workflow_seed import World, world

__all__ = ["translations", "worker", "world"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

TZ = ZoneInfo("Asia/Shanghai")


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


def _today_shift(world: World) -> int:
    today = dt.datetime.now(TZ).date()
    start = dt.datetime.combine(today, dt.time(0, 0), TZ)
    with world.store.write() as session:
        return duty_roster.add_shift(
            session,
            world.actors["shift"],
            ShiftInput(
                today,
                "day",
                start,
                start + dt.timedelta(hours=24) - dt.timedelta(minutes=1),
                world.actors["leader"].user_id,
                [(world.actors["disp"].user_id, "派遣员")],  # type: ignore[list-item]
            ),
        ).id


def test_roster_and_handover(
    qtbot: QtBot, world: World, ctx: PaneContext, translations: Translations
) -> None:
    translations.set_language("en")
    shift = _today_shift(world)
    pane = RosterPane(ctx)
    qtbot.addWidget(pane)
    roster = pane.roster
    today = dt.datetime.now(TZ).date()
    roster.week.setDate(QDate(today.year, today.month, today.day))
    qtbot.waitUntil(lambda: roster.model.rowCount() == 1)
    assert "duty leader: 主任" in roster.duty.text()
    assert roster.model.row_texts()[0][4] == "派遣员小赵（派遣员）"
    # The shift form: a night shift ends the next morning.
    assert roster.data is not None
    form = ShiftDialog(roster.data.people, "Asia/Shanghai", today, pane)
    form.kind.setCurrentIndex(form.kind.findData("night"))
    night = form.value()
    assert night.ends_at - night.starts_at == dt.timedelta(hours=10, minutes=30)

    view = pane.handover
    qtbot.waitUntil(lambda: view.data is not None)
    world.report()  # an open case reported during the shift
    view.ask_write()
    dialog = view._dialog
    assert isinstance(dialog, HandoverDialog)
    assert dialog.shift_id() == shift
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    dialog.note.setText("3号楼漏水待回访")
    dialog._add_note()
    dialog.summary_edit.setPlainText("本班平稳")
    assert [i["kind"] for i in dialog.items()] == ["case", "note"]
    dialog.accept()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.table.selectRow(0)
    assert "3号楼漏水待回访" in view.detail.toPlainText()
    view.accept_selected()
    qtbot.waitUntil(lambda: view.model.row_texts()[0][-1].startswith("值班长老张"))
    pane.close()


def test_who_is_on_duty_follows_the_clock(qtbot: QtBot, ctx: PaneContext) -> None:
    # The shift changes at 17:30 with no change in the feed: the roster reads again by time.
    pane = RosterPane(ctx)
    qtbot.addWidget(pane)
    roster = pane.roster
    qtbot.waitUntil(lambda: roster.data is not None)
    first = roster.data
    assert roster.clock.isActive()
    roster.clock.timeout.emit()
    qtbot.waitUntil(lambda: roster.data is not first)
    pane.stop()
    assert not roster.clock.isActive()
