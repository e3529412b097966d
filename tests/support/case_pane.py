"""Helpers for case detail pane tests: a pane per user, dialogs answered by the test,
real images, and one action run from trigger to result.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from console.ops import DatabaseWorker
from console.services.actor import Actor
from console.services.case_view import CaseDetail
from console.services.workflow import PhotoInput
from console.settings import Settings
from console.views import action_dialogs
from console.views.bus import CaseSelection, ChangeBus
from console.views.case_actions import ActionInput
from console.views.case_detail_pane import CaseDetailPane
from console.views.input_dialog import AskRequest
from console.views.pane_context import PaneContext


def png(width: int = 640, height: int = 480, colour: str = "#4caf50") -> bytes:
    """A real PNG (the seed's photos are only magic bytes: fine for the service, not Qt)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; bytes fail
    buffer.close()
    return bytes(data.data())


def after_photo(colour: str = "#4caf50") -> PhotoInput:
    return PhotoInput(kind="after", data=png(colour=colour), original_name="after.png")


def make_context(worker: DatabaseWorker, translations: Translations, actor: Actor) -> PaneContext:
    return PaneContext(
        worker=worker,
        bus=ChangeBus(),
        selection=CaseSelection(),
        actor=actor,
        translations=translations,
        settings=Settings(),
    )


def make_pane(
    qtbot: QtBot, worker: DatabaseWorker, translations: Translations, actor: Actor
) -> CaseDetailPane:
    pane = CaseDetailPane(make_context(worker, translations, actor))
    qtbot.addWidget(pane)
    pane.resize(1200, 900)
    pane.show()
    return pane


def load(qtbot: QtBot, pane: CaseDetailPane, case_id: int) -> CaseDetail:
    """Show case_id in the pane (or load it again) and wait until it is on screen."""
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        if pane.case_id == case_id:
            pane.reload()
        else:
            pane.show_case(case_id)
    assert pane.detail is not None
    return pane.detail


@dataclass
class Answers:
    """Stands in for the dialogs: answers per action, in order; records what was asked."""

    given: dict[str, list[ActionInput]] = field(default_factory=dict)
    asked: list[AskRequest] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)
    confirm_answer: bool = True
    chooser: Callable[[AskRequest], ActionInput] | None = None

    def answer(self, action: str, *inputs: ActionInput) -> None:
        self.given.setdefault(action, []).extend(inputs)

    def ask(self, _parent: object, request: AskRequest) -> ActionInput | None:
        self.asked.append(request)
        queue = self.given.get(request.action)
        if queue:
            return queue.pop(0)
        if self.chooser is not None:
            return self.chooser(request)
        return None

    def confirm(self, _parent: object, action: str, _detail: CaseDetail) -> bool:
        self.confirmed.append(action)
        return self.confirm_answer


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    fake = Answers()
    monkeypatch.setattr(action_dialogs, "ask", fake.ask)
    monkeypatch.setattr(action_dialogs, "confirm", fake.confirm)
    return fake


def act(qtbot: QtBot, pane: CaseDetailPane, action: str) -> CaseDetail:
    """Load the pane's case afresh, run action from its button, wait for the result."""
    assert pane.case_id is not None
    load(qtbot, pane, pane.case_id)
    assert action in pane.action_bar.actions_shown(), pane.action_bar.actions_shown()
    with qtbot.waitSignal(pane.acted, timeout=10_000):
        pane.action_bar.button(action).click()
    assert pane.detail is not None
    return pane.detail


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key, shift: bool = True) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(widget, key, modifiers)
