"""The action bar offers exactly what the workflow allows, with shortcuts that work from
another pane, and the duty clerk's open + dispatch takes three key presses.
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from console.models import Case
from console.ops import DatabaseWorker
from console.services import workflow as wf
from console.services.actor import Actor
from console.views.case_actions import SPECS
from console.views.case_detail_pane import CaseDetailPane
from console.views.dispatch_dialog import DispatchDialog
from tests.support.case_pane import after_photo, load, make_context, make_pane, press
from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.workflow_seed import World, world

__all__ = ["translations", "worker", "world"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

Step = tuple[Callable[..., Any], str, dict[str, Any]]


def _states(world: World) -> dict[str, int]:
    """One case in each interesting state (and flag), by a label."""
    out: dict[str, int] = {}

    def run(label: str, steps: list[Step], **report: Any) -> None:
        case = world.report(**report) if report else world.report("insp")
        for fn, who, kwargs in steps:
            world.act(fn, who, case.id, **kwargs)
        out[label] = case.id

    sqa = {"unit_id": world.units["SQA"]}
    opened: list[Step] = [(wf.open_case, "shift", {})]
    dispatched: list[Step] = [*opened, (wf.dispatch, "disp", sqa)]
    handling: list[Step] = [*dispatched, (wf.accept, "sqa", {})]
    feedback: Step = (wf.feedback, "sqa", {"note": "好", "photos": [after_photo()]})
    fed_back: list[Step] = [*handling, feedback]
    run("to_verify", [], who="intake", source="hotline")
    run("to_open", [])
    run("opened", opened)
    run("dispatched", dispatched)
    run("in_handling", handling)
    run("extension", [*handling, (wf.request_extension, "sqa", {"note": "雨", "hours": 8.0})])
    run("return", [*handling, (wf.request_return, "sqa", {"note": "非本单位"})])
    run("to_check", fed_back)
    run("to_close", [*fed_back, (wf.check_pass, "insp", {})])
    run("closed", [*fed_back, (wf.check_pass, "insp", {}), (wf.close, "shift", {})])
    run("supervised", [*opened, (wf.supervise, "leader", {})])
    run("escalated", [*opened, (wf.escalate, "shift", {"note": "街道处理"})])
    return out


def test_buttons_are_exactly_the_allowed_actions(
    qtbot: QtBot, world: World, worker: DatabaseWorker, translations: Translations
) -> None:
    cases = _states(world)
    everyone = Actor(
        world.actors["sqa"].user_id,
        "sqa",
        frozenset({"inspector", "intake", "shift_leader", "dispatcher", "unit", "leader"}),
    )
    actors = {**world.actors, "everyone": everyone}
    offered: set[str] = set()
    # Kept to the end: a pane's last reference must not go with a worker job (see ops.py).
    panes: list[CaseDetailPane] = []
    for who in ("insp", "intake", "multi", "disp", "leader", "sqa", "hw", "everyone"):
        pane = make_pane(qtbot, worker, translations, actors[who])
        panes.append(pane)
        for label, case_id in cases.items():
            load(qtbot, pane, case_id)
            with world.store.read() as session:
                case = session.get(Case, case_id)
                assert case is not None
                expected = wf.allowed_actions(case, actors[who], session=session)
            shown = pane.action_bar.actions_shown()
            assert shown == expected, (who, label)
            offered.update(shown)
            for name in shown:  # each with its key, listed in the tooltip
                action = pane.action_bar.action(name)
                assert action.shortcut() == QKeySequence(SPECS[name].shortcut)
                assert action.shortcut().toString() in action.toolTip()
            keys = [SPECS[name].shortcut for name in shown]
            assert len(keys) == len(set(keys)), (who, label, shown)
        pane.close()
    assert {"verify", "open", "dispatch", "accept", "feedback", "check_pass", "close"} <= offered
    assert {"approve_extension", "approve_return", "supervise", "unsupervise"} <= offered


def test_shortcuts_never_clash_with_other_panes() -> None:
    taken = {"Ctrl+S", "Ctrl+Return", "Ctrl+Enter", "Ctrl+P", "Ctrl+F", "Ctrl+Q"}
    taken |= {f"Ctrl+{n}" for n in range(1, 10)} | {"Ctrl+Shift+R", "Ctrl+Shift+A", "Ctrl+Shift+Z"}
    keys = [spec.shortcut for spec in SPECS.values()]
    assert not set(keys) & taken
    assert all(k.startswith("Ctrl+Shift+") for k in keys)
    assert set(SPECS) == set(wf.ACTIONS) - {"report"}
    shared = {k for k in keys if keys.count(k) > 1}  # only actions never offered together
    for key in shared:
        names = {n for n, s in SPECS.items() if s.shortcut == key}
        assert names in ({"approve_return", "approve_extension", "approve_shelve"},) or names == {
            "reject_return",
            "reject_extension",
            "reject_shelve",
        }


def _answer_dispatch_with_enter(qtbot: QtBot, seen: list[int]) -> None:
    """When the dispatch dialog is up, press Enter in it (as the operator would)."""
    deadline = time.monotonic() + 10

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, DispatchDialog) and modal.isVisible():
            seen.append(modal.lead.currentRow())
            # Offscreen, a new window is not activated: send to the dialog's own focus.
            focus = modal.focusWidget()
            assert focus is modal.lead
            qtbot.keyClick(focus, Qt.Key.Key_Return)
            if modal.isVisible():  # Enter did not accept: never leave the test hanging
                modal.reject()
        elif modal is not None and time.monotonic() > deadline:
            modal.close()
        elif time.monotonic() < deadline + 5:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def test_duty_clerk_opens_and_dispatches_in_three_key_presses(
    qtbot: QtBot, world: World, worker: DatabaseWorker, translations: Translations
) -> None:
    """From the intake pane's field, with the detail pane out of sight (in the console it
    is a tab behind the intake pane)."""
    case = world.report("insp")  # to_open, as after intake (or after verification)
    window = QMainWindow()
    qtbot.addWidget(window)
    pane = CaseDetailPane(make_context(worker, translations, world.actors["multi"]))
    intake_field = QLineEdit()
    docks = []
    for name, widget in (("detail", pane), ("intake", intake_field)):
        dock = QDockWidget(name, window)
        dock.setWidget(widget)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        docks.append(dock)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    intake_field.setFocus()
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        pane._ctx.selection.select(case.id)  # what the intake pane does after saving
    docks[0].hide()
    assert not pane.isVisible()

    presses = 0
    with qtbot.waitSignal(pane.acted, timeout=10_000):
        press(qtbot, intake_field, Qt.Key.Key_O)  # Ctrl+Shift+O: open, no dialog
    presses += 1
    assert pane.isVisible()  # the pane came forward to show what happened
    assert pane.detail is not None and pane.detail.state == "opened"

    rows: list[int] = []
    _answer_dispatch_with_enter(qtbot, rows)
    with qtbot.waitSignal(pane.acted, timeout=10_000):
        press(qtbot, intake_field, Qt.Key.Key_D)  # Ctrl+Shift+D
    presses += 2  # the shortcut, and Enter on the first suggestion
    assert presses == 3
    assert pane.detail is not None and pane.detail.state == "dispatched"
    assert pane.detail.unit is not None and pane.detail.unit.code == "SQA"
    assert [u.code for u in pane.detail.assisting_units] == ["CG"]  # the matrix says so
    assert rows == [0]  # Enter took the first suggestion
    window.close()
