"""The operator window end to end: the real MainWindow with the real panes, built as
app.py builds it (console.app.Shell), each desk on its own store, worker and live feed.

- A phone call taken, saved, opened and dispatched from the keyboard alone.
- The closed loop across three desks (duty, unit, inspector): every change reaches the
  other windows through the change feed, with nobody touching them.
- Two windows racing for the same action: one wins, the other is told who was first.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import dataclasses
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import Shell
from console.errors import ConflictError, KnownError
from console.i18n import Translations
from console.models import Case
from console.ops import DatabaseWorker
from console.services.actor import Actor
from console.settings import Settings
from console.store import Store
from console.views.case_actions import ActionInput
from console.views.case_detail_pane import CaseDetailPane
from console.views.dispatch_dialog import DispatchDialog
from console.views.draft_store import Draft
from console.views.intake_pane import IntakePane
from console.views.labels import case_state_label
from console.views.main_window import MainWindow
from console.views.queue_pane import QueuePane
from console.views.queue_texts import tab_text
from tests.support.case_pane import Answers, after_photo, answers
from tests.support.gui import OFFSCREEN_NOISE, translations
from tests.support.intake_desk import type_text
from tests.support.workflow_seed import POINTS, USERS, World, world

__all__ = ["answers", "translations", "world"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

# Any one wait. A step of the loop reaches the other windows in about 1.5 s on SQLite (the
# feed is polled every 0.5 s, the tab counts are read at most once a second).
WAIT_MS = 15_000
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
STATE_TABS = ("to_verify", "to_open", "to_dispatch", "in_handling", "to_check", "to_close")
# The queue tab a case in each state is counted in (besides "all").
TAB_OF = {
    "to_verify": "to_verify",
    "to_open": "to_open",
    "opened": "to_dispatch",
    "dispatched": "in_handling",
    "in_handling": "in_handling",
    "to_check": "to_check",
    "to_close": "to_close",
}


# -- a desk: one signed-in operator's window on their own connection ----------------------


@dataclass
class Desk:
    """What app.run builds after sign-in: store, worker, Shell (feed, panes, window)."""

    name: str
    store: Store
    worker: DatabaseWorker
    shell: Shell
    bugs: list[BaseException] = field(default_factory=list)
    known: list[KnownError] = field(default_factory=list)
    stopped: bool = False

    @property
    def window(self) -> MainWindow:
        return self.shell.window

    @property
    def queue(self) -> QueuePane:
        pane = self.shell.panes["queue"]
        assert isinstance(pane, QueuePane)
        return pane

    @property
    def detail(self) -> CaseDetailPane:
        pane = self.shell.panes["detail"]
        assert isinstance(pane, CaseDetailPane)
        return pane

    @property
    def intake(self) -> IntakePane:
        pane = self.shell.panes["intake"]
        assert isinstance(pane, IntakePane)
        return pane

    def in_front(self, name: str) -> bool:
        """The pane's dock is the current tab of its group (a dock tabbed behind another
        is moved off the window, not hidden: isVisible() stays True)."""
        return not self.window.docks[name].visibleRegion().isEmpty()

    def counts_shown(self) -> dict[str, str]:
        tabs = self.queue.tabs
        return {str(tabs.tabData(i)): tabs.tabText(i) for i in range(tabs.count())}

    def stop(self) -> None:
        """As app.run ends: the window closes, the shell stops, then worker and store."""
        if self.stopped:
            return
        self.stopped = True
        window, bus = self.window, self.shell.ctx.bus
        window.close()
        self.shell.stop()
        self.worker.stop()
        self.store.dispose()
        assert not self.worker.running
        running = [
            type(t.parent()).__name__
            for t in [*window.findChildren(QTimer), *bus.findChildren(QTimer)]
            if t.isActive()
        ]
        assert not running, f"{self.name}: timers still running after stop: {running}"
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not shiboken6.isValid(window), f"{self.name}: the window outlived its shell"
        assert not self.bugs, self.bugs


DeskFactory = Callable[[Actor], Desk]


@pytest.fixture
def desks(
    qtbot: QtBot, store: Store, translations: Translations, tmp_path: Path
) -> Iterator[DeskFactory]:
    """Opens a desk per call, each with its own connection; all stopped afterwards."""
    url = store.url.render_as_string(hide_password=False)
    opened: list[Desk] = []

    def open_desk(actor: Actor) -> Desk:
        name = f"desk-{actor.username}"
        desk_store = Store(url, workstation=name)
        bugs: list[BaseException] = []
        known: list[KnownError] = []
        worker = DatabaseWorker(desk_store, on_known_error=known.append, on_bug=bugs.append)
        worker.start()
        settings = Settings(data_dir=tmp_path / name, workstation=name)
        signed_in = dataclasses.replace(actor, workstation=name)
        shell = Shell(settings, desk_store, worker, translations, signed_in)
        desk = Desk(name, desk_store, worker, shell, bugs, known)
        opened.append(desk)
        shell.window.show()
        qtbot.waitExposed(shell.window)
        qtbot.waitUntil(
            lambda: (
                shell.live.state == "online"
                and desk.intake.ready
                and bool(desk.queue.counts.counts)
            ),
            timeout=WAIT_MS,
        )
        return desk

    yield open_desk
    errors: list[BaseException] = []
    for desk in reversed(opened):
        try:
            desk.stop()
        except BaseException as error:  # every desk stops, whichever failed first
            errors.append(error)
    if errors:
        raise errors[0]


# -- the keyboard, counted -----------------------------------------------------------------


@dataclass
class Keyboard:
    """Keys go to whatever has the focus; shortcuts and navigation keys are counted,
    the text typed into fields is not."""

    keys: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
        self.press_on(self.focused(), key, modifier)

    def press_on(
        self, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER
    ) -> None:
        self.keys.append(QKeySequence(key.value | modifier.value).toString())
        QTest.keyClick(widget, key, modifier)

    def type(self, text: str) -> None:
        type_text(self.focused(), text)
        self.texts.append(text)


class EnterInDispatch:
    """When the dispatch dialog comes up, press Enter in it as the operator would.

    The dialog is modal (its own event loop), so a timer looks for it; offscreen, a new
    window is not activated, so the key goes to the dialog's own focus widget.
    """

    def __init__(self, keyboard: Keyboard) -> None:
        self.keyboard = keyboard
        self.first_row: int | None = None
        self.suggested_unit: int | None = None
        self.focus_was_lead = False
        self._deadline = time.monotonic() + WAIT_MS / 1000
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._poll)

    def __enter__(self) -> EnterInDispatch:
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.stop()

    def _poll(self) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, DispatchDialog) and modal.isVisible():
            self._timer.stop()
            self.first_row = modal.lead.currentRow()
            self.suggested_unit = modal.lead_unit()
            focus = modal.focusWidget()
            self.focus_was_lead = focus is modal.lead
            self.keyboard.press_on(focus or modal, Qt.Key.Key_Return)
            if modal.isVisible():  # Enter did not accept: never leave the test hanging
                modal.reject()
        elif time.monotonic() > self._deadline:
            self._timer.stop()
            if modal is not None:
                modal.close()


# -- waiting on what the window shows ------------------------------------------------------


def shows(desk: Desk, case_id: int, state: str, *offered: str) -> bool:
    """The detail pane shows the case in this state, with these actions among its buttons."""
    pane = desk.detail
    detail = pane.detail
    return (
        detail is not None
        and detail.id == case_id
        and detail.state == state
        and pane.header.state.text() == case_state_label(state)
        and set(offered) <= set(pane.action_bar.actions_shown())
    )


def expected_counts(state: str | None) -> dict[str, str]:
    """The queue's tab texts with one case in state (None: no case yet)."""
    tab = TAB_OF.get(state or "")
    counts = {t: int(t == tab) for t in STATE_TABS}
    counts["all"] = int(state is not None)
    return {t: tab_text(t, n) for t, n in counts.items()}


def counts_agree(desk: Desk, state: str | None) -> bool:
    shown = desk.counts_shown()
    return all(shown[t] == text for t, text in expected_counts(state).items())


def wait_everywhere(
    qtbot: QtBot, desks: list[Desk], case_id: int, state: str, offered: dict[str, tuple[str, ...]]
) -> None:
    """Every window shows the new state, in its queue counts and its detail pane."""
    for desk in desks:
        wanted = offered.get(desk.name, ())
        qtbot.waitUntil(partial(shows, desk, case_id, state, *wanted), timeout=WAIT_MS)
        qtbot.waitUntil(partial(counts_agree, desk, state), timeout=WAIT_MS)


def wait_for_photos(qtbot: QtBot, desks: list[Desk], kinds: list[str]) -> None:
    def kinds_shown(desk: Desk) -> bool:
        return [a.kind for a in desk.detail.photos.attachments()] == kinds

    for desk in desks:
        qtbot.waitUntil(partial(kinds_shown, desk), timeout=WAIT_MS)


def timeline_is(desk: Desk, actions: list[str]) -> bool:
    timeline = desk.detail.timeline
    return [timeline.entry(row).action for row in range(timeline.rowCount())] == actions


def act(qtbot: QtBot, desk: Desk, action: str) -> None:
    """The operator presses the action's button; wait until it went through."""
    pane = desk.detail
    assert action in pane.action_bar.actions_shown(), pane.action_bar.actions_shown()
    with qtbot.waitSignal(pane.acted, timeout=WAIT_MS):
        pane.action_bar.button(action).click()


def state_of(store: Store, case_id: int) -> tuple[str, int, int | None]:
    with store.read() as session:
        case = session.scalars(select(Case).where(Case.id == case_id)).one()
        return case.state, case.version, case.unit_id


# -- the tests -----------------------------------------------------------------------------


def test_phone_call_to_dispatched_by_keyboard_alone(
    qtbot: QtBot, world: World, desks: DeskFactory, store: Store
) -> None:
    desk = desks(world.actors["multi"])  # intake + shift leader + dispatcher, like 'duty'
    window, form = desk.window, desk.intake.form
    # The default layout shows the detail in front; the intake tab is behind it.
    qtbot.waitUntil(lambda: desk.in_front("detail"), timeout=WAIT_MS)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    kb = Keyboard()
    started = time.monotonic()

    kb.press(Qt.Key.Key_S, ALT)  # wherever the focus was: to the source
    assert kb.focused() is form.source
    # Focus went into the intake pane: its tab came forward by itself.
    qtbot.waitUntil(lambda: desk.in_front("intake"), timeout=WAIT_MS)
    kb.type("1")  # 12345 hotline
    assert form.source.currentData() == "hotline"
    kb.press(Qt.Key.Key_C, ALT)  # the category search
    assert kb.focused() is form.category.search
    kb.type("blj")  # 暴露垃圾 by its pinyin initials
    kb.press(Qt.Key.Key_Return)  # take it; on to the address
    assert form.category.category_id() == world.categories["0102"]
    assert kb.focused() is form.location.address
    kb.type("八角北路12号")
    kb.press(Qt.Key.Key_Return)  # on to the community
    assert kb.focused() is form.location.community
    kb.type("A")
    kb.press(Qt.Key.Key_Return)  # A社区; on to its grids
    assert kb.focused() is form.location.grid
    kb.type("1")
    kb.press(Qt.Key.Key_Return)  # grid A1 places the case; on to the description
    assert kb.focused() is form.description
    kb.type("路边垃圾堆积，有异味")
    with qtbot.waitSignal(desk.shell.ctx.selection.selected, timeout=WAIT_MS) as saved:
        kb.press(Qt.Key.Key_Return, CTRL)  # save
    case_id = int(saved.args[0])
    assert state_of(store, case_id)[0] == "to_verify"

    # The new case is selected; the detail pane (behind the intake tab) loads it.
    qtbot.waitUntil(lambda: shows(desk, case_id, "to_verify", "open"), timeout=WAIT_MS)
    assert kb.focused() is form.source  # ready for the next call, the focus in the form
    assert not desk.in_front("detail")
    with qtbot.waitSignal(desk.detail.acted, timeout=WAIT_MS) as opened:
        kb.press(Qt.Key.Key_O, CTRL_SHIFT)  # open, no dialog
    assert opened.args == ["open", case_id]
    assert shows(desk, case_id, "opened", "dispatch")
    # The detail pane came forward to show what happened.
    qtbot.waitUntil(lambda: desk.in_front("detail"), timeout=WAIT_MS)

    with EnterInDispatch(kb) as enter, qtbot.waitSignal(desk.detail.acted, timeout=WAIT_MS):
        kb.press(Qt.Key.Key_D, CTRL_SHIFT)  # the dispatch dialog; Enter on the first unit
    elapsed = time.monotonic() - started

    print(
        f"\nphone call to dispatched: {len(kb.keys)} keys: {', '.join(kb.keys)}; "
        f"text typed into {len(kb.texts)} fields, not counted: {' | '.join(kb.texts)} "
        f"({elapsed:.1f} s)"
    )
    assert len(kb.keys) <= 12
    assert enter.focus_was_lead and enter.first_row == 0  # Enter took the first suggestion
    assert enter.suggested_unit == world.units["SQA"]
    state, _version, unit_id = state_of(store, case_id)
    assert (state, unit_id) == ("dispatched", world.units["SQA"])
    qtbot.waitUntil(lambda: shows(desk, case_id, "dispatched"), timeout=WAIT_MS)
    detail = desk.detail.detail
    assert detail is not None and detail.unit is not None and detail.unit.code == "SQA"
    qtbot.waitUntil(lambda: counts_agree(desk, "dispatched"), timeout=WAIT_MS)
    assert form.category.category_id() is None and form.description.toPlainText() == ""


def test_the_closed_loop_in_the_window(
    qtbot: QtBot, world: World, desks: DeskFactory, store: Store, answers: Answers
) -> None:
    duty = desks(world.actors["multi"])
    unit = desks(world.actors["sqa"])
    inspector = desks(world.actors["insp"])
    everyone = [duty, unit, inspector]
    for desk in everyone:
        assert counts_agree(desk, None)

    # Intake, through the pane's own API (the keyboard has its own test).
    pane = duty.intake
    pane.form.restore(
        Draft(
            source="hotline",
            category_id=world.categories["0102"],
            address="八角北路12号",
            community_id=world.communities["A"],
            grid_id=world.grids["A1"],
            lon=str(POINTS["A1"][0]),
            lat=str(POINTS["A1"][1]),
            description="路边垃圾堆积，有异味",
        )
    )
    with qtbot.waitSignal(duty.shell.ctx.selection.selected, timeout=WAIT_MS) as saved:
        pane.save()
    case_id = int(saved.args[0])
    # The other desks look at the case too (a click on its row in the queue).
    for desk in (unit, inspector):
        qtbot.waitUntil(partial(counts_agree, desk, "to_verify"), timeout=WAIT_MS)
        desk.window.show_case(case_id)
    wait_everywhere(qtbot, everyone, case_id, "to_verify", {duty.name: ("open",)})

    act(qtbot, duty, "open")
    wait_everywhere(qtbot, everyone, case_id, "opened", {duty.name: ("dispatch",)})

    answers.answer("dispatch", ActionInput(unit_id=world.units["SQA"]))
    act(qtbot, duty, "dispatch")
    wait_everywhere(qtbot, everyone, case_id, "dispatched", {unit.name: ("accept",)})
    assert "accept" not in inspector.detail.action_bar.actions_shown()

    act(qtbot, unit, "accept")
    wait_everywhere(qtbot, everyone, case_id, "in_handling", {unit.name: ("feedback",)})

    answers.answer("feedback", ActionInput(note="已清理完毕", photos=(after_photo(),)))
    act(qtbot, unit, "feedback")
    wait_everywhere(qtbot, everyone, case_id, "to_check", {inspector.name: ("check_pass",)})
    # The after photo is in every window's strip; the inspector sees it, not a placeholder.
    wait_for_photos(qtbot, everyone, ["after"])
    strip = inspector.detail.photos
    qtbot.waitUntil(
        lambda: all(strip.has_thumbnail(a.sha256) for a in strip.attachments()), timeout=WAIT_MS
    )

    answers.answer("check_fail", ActionInput(note="仍有垃圾残留"))
    act(qtbot, inspector, "check_fail")
    wait_everywhere(qtbot, everyone, case_id, "in_handling", {unit.name: ("feedback",)})
    detail = unit.detail.detail
    assert detail is not None and detail.rework_count == 1

    answers.answer("feedback", ActionInput(note="已返工清理", photos=(after_photo("#2196f3"),)))
    act(qtbot, unit, "feedback")
    wait_everywhere(qtbot, everyone, case_id, "to_check", {inspector.name: ("check_pass",)})

    wait_for_photos(qtbot, everyone, ["after", "after"])

    act(qtbot, inspector, "check_pass")
    wait_everywhere(qtbot, everyone, case_id, "to_close", {duty.name: ("close",)})

    act(qtbot, duty, "close")
    wait_everywhere(qtbot, everyone, case_id, "closed", {})
    assert answers.confirmed == ["close"]
    assert [r.action for r in answers.asked] == [
        "dispatch",
        "feedback",
        "check_fail",
        "feedback",
    ]
    # Every window's timeline has the whole story, each step once.
    steps = [e.action for e in world.events(case_id)]
    assert steps == [
        "report",
        "open",
        "dispatch",
        "accept",
        "feedback",
        "check_fail",
        "feedback",
        "check_pass",
        "close",
    ]
    for desk in everyone:
        qtbot.waitUntil(partial(timeline_is, desk, steps), timeout=WAIT_MS)
        assert not desk.detail.message.isVisible()
        assert not desk.known, (desk.name, desk.known)
    assert state_of(store, case_id)[0] == "closed"


@pytest.mark.postgres
@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_two_windows_conflict_gives_the_loser_a_clear_message(
    qtbot: QtBot, world: World, desks: DeskFactory, store: Store
) -> None:
    case = world.report("insp")  # verified on the spot: to_open
    leaders = [desks(world.actors["shift"]), desks(world.actors["multi"])]
    for desk in leaders:
        desk.window.show_case(case.id)
        qtbot.waitUntil(partial(shows, desk, case.id, "to_open", "open"), timeout=WAIT_MS)
    shown = leaders[0].detail.detail
    assert shown is not None
    seen_version = shown.version

    outcomes: list[tuple[str, str]] = []  # (desk, "acted" | "refused"), in order
    refusals: list[object] = []

    def record(name: str, outcome: str, *_args: object) -> None:
        outcomes.append((name, outcome))

    for desk in leaders:
        desk.detail.acted.connect(partial(record, desk.name, "acted"))
        desk.detail.flow.refused.connect(partial(record, desk.name, "refused"))
        desk.detail.flow.refused.connect(refusals.append)
    # Both press "open" at the same moment: two jobs, on two connections, same version.
    for desk in leaders:
        desk.detail.action_bar.button("open").click()
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=WAIT_MS)

    assert sorted(kind for _name, kind in outcomes) == ["acted", "refused"]
    winner = next(d for d in leaders if (d.name, "acted") in outcomes)
    loser = next(d for d in leaders if (d.name, "refused") in outcomes)
    winner_name = USERS[winner.shell.ctx.actor.username][0]
    assert len(refusals) == 1 and isinstance(refusals[0], ConflictError), refusals
    assert refusals[0].code == "workflow.conflict"
    state, version, _unit = state_of(store, case.id)
    assert (state, version) == ("opened", seen_version + 1)

    # The loser is told who changed the case, and sees it as it is now.
    message = loser.detail.message
    assert message.isVisible()
    assert winner_name in message.text() and case.number in message.text()
    print(f"\n{loser.name} lost the race to {winner.name}: {message.text()}")
    qtbot.waitUntil(lambda: shows(loser, case.id, "opened"), timeout=WAIT_MS)
    reloaded = loser.detail.detail
    assert reloaded is not None and reloaded.version == version
    assert "open" not in loser.detail.action_bar.actions_shown()
    assert message.isVisible()  # still there after the reload, until the next action
    assert not winner.detail.message.isVisible()
    for desk in leaders:
        qtbot.waitUntil(partial(counts_agree, desk, "opened"), timeout=WAIT_MS)
