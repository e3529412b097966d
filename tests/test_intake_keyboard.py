"""A phone call registered with the keyboard only, from an empty form to a saved case.

Prints how many shortcuts and navigation keys it took (the text typed is not counted):
the intake part should leave room for opening and dispatching in the detail pane
within 12 keys for the whole call.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from console.models import Case
from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.intake_desk import Desk, desk
from tests.support.workflow_seed import POINTS, world

__all__ = ["desk", "translations", "worker", "world"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def test_phone_call_to_saved_case_by_keyboard(desk: Desk) -> None:
    pane = desk.open()
    form = pane.form
    assert desk.focused() is form.source  # an empty form starts at the source

    desk.type("1")  # 12345 hotline, by typing in the combo
    assert form.source.currentData() == "hotline"
    desk.key(Qt.Key.Key_C, ALT)  # to the category search
    assert desk.focused() is form.category.search
    desk.type("blj")  # 暴露垃圾 by its pinyin initials
    desk.key(Qt.Key.Key_Return)  # take it; on to the address
    assert form.category.category_id() == desk.world.categories["0102"]
    assert desk.focused() is form.location.address
    desk.type("八角北路12号")
    desk.key(Qt.Key.Key_Return)  # on to the community
    assert desk.focused() is form.location.community
    desk.type("A")
    desk.key(Qt.Key.Key_Return)  # A社区; on to its grids
    assert form.location.community.currentText() == "A社区"
    assert desk.focused() is form.location.grid
    assert [g.name for g in form.location.grid.places()] == ["A1", "A2"]
    desk.type("1")
    desk.key(Qt.Key.Key_Return)  # grid A1; the grid places the case: on to the description
    assert desk.focused() is form.description
    desk.type("路边垃圾堆积，有异味")
    desk.key(Qt.Key.Key_U, ALT)  # urgent
    desk.qtbot.waitUntil(lambda: form.urgent.isChecked())
    with desk.qtbot.waitSignal(desk.ctx.selection.selected, timeout=5000) as saved:
        desk.key(Qt.Key.Key_Return, CTRL)  # save

    print(
        f"\nintake by keyboard: {len(desk.keys)} shortcuts/navigation keys "
        f"({', '.join(desk.keys)}); text typed into {len(desk.texts)} fields, not counted: "
        + " | ".join(desk.texts)
    )
    assert len(desk.keys) <= 8
    with desk.world.store.read() as session:
        case = session.scalars(select(Case).where(Case.id == saved.args[0])).one()
        assert case.source == "hotline"
        assert case.category_id == desk.world.categories["0102"]
        assert case.address == "八角北路12号"
        assert case.community_id == desk.world.communities["A"]
        assert case.grid_id == desk.world.grids["A1"]
        assert (case.lon, case.lat) == pytest.approx(POINTS["A1"])
        assert case.description == "路边垃圾堆积，有异味"
        assert case.urgency == "urgent"
        assert case.state == "to_verify"
    # Ready for the next call: empty, the source kept, the draft gone.
    assert form.category.category_id() is None and form.description.toPlainText() == ""
    assert form.source.currentData() == "hotline"
    assert not pane.drafts.path.exists()
