"""An intake pane on the seeded test street, and typing the way an operator does.

type_text sends ASCII as key clicks and Chinese as an input-method commit, which is how
Chinese text reaches a widget from a real keyboard (QTest cannot click Chinese keys).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from console.ops import DatabaseWorker
from console.services.actor import Actor
from console.settings import Settings
from console.views.bus import CaseSelection, ChangeBus
from console.views.intake_pane import IntakePane
from console.views.pane_context import PaneContext
from tests.support.workflow_seed import World


@dataclass
class Desk:
    qtbot: QtBot
    world: World
    ctx: PaneContext
    keys: list[str] = field(default_factory=list)  # shortcuts and navigation keys pressed
    texts: list[str] = field(default_factory=list)  # what was typed, in order

    def open(self, *, closed_by_test: bool = True) -> IntakePane:
        """Show a pane; closed_by_test=False when the test itself destroys it."""
        pane = IntakePane(self.ctx)
        if closed_by_test:
            self.qtbot.addWidget(pane)
        pane.resize(1200, 760)
        pane.show()
        pane.activateWindow()
        self.qtbot.waitUntil(lambda: pane.ready and pane.isActiveWindow())
        return pane

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def key(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        """One navigation key or shortcut, on whatever has the focus."""
        QTest.keyClick(self.focused(), key, modifier)
        self.keys.append(QKeySequence(key.value | modifier.value).toString())

    def type(self, text: str) -> None:
        type_text(self.focused(), text)
        self.texts.append(text)


def type_text(widget: QWidget, text: str) -> None:
    """Type into widget; ASCII goes key by key to whatever has the focus by then."""
    if text.isascii():
        for char in text:
            QTest.keyClicks(QApplication.focusWidget() or widget, char)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def make_context(
    worker: DatabaseWorker, translations: Translations, actor: Actor, data_dir: Path
) -> PaneContext:
    return PaneContext(
        worker=worker,
        bus=ChangeBus(),
        selection=CaseSelection(),
        actor=actor,
        translations=translations,
        settings=Settings(data_dir=data_dir, workstation="test-ws"),
    )


@pytest.fixture
def desk(
    qtbot: QtBot,
    world: World,
    worker: DatabaseWorker,
    translations: Translations,
    tmp_path: Path,
) -> Iterator[Desk]:
    """An intake clerk's desk; English texts (the source strings) for the assertions."""
    translations.set_language("en")
    yield Desk(qtbot, world, make_context(worker, translations, world.actors["intake"], tmp_path))
