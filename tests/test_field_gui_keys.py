"""The terminal keys dialog: list, issue (the key shown once), revoke, live refresh."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from console.live import LiveFeed
from console.ops import DatabaseWorker
from console.services import terminals
from console.services.actor import Actor
from console.settings import Settings
from console.store import Store
from console.views.bus import CaseSelection, ChangeBus
from console.views.pane_context import PaneContext
from console.views.terminal_keys_dialog import TerminalKeysAction, TerminalKeysDialog
from tests.support.field_world import ADMIN, add_terminal
from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.workflow_seed import seed

__all__ = ["translations", "worker"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]


def _ctx(
    store: Store, worker: DatabaseWorker, translations: Translations, tmp: Path, who: Actor
) -> tuple[PaneContext, LiveFeed]:
    bus = ChangeBus()
    live = LiveFeed(store, worker, bus, parent=bus)
    live.start()
    return PaneContext(worker, bus, CaseSelection(bus), who, translations, Settings(tmp)), live


@pytest.fixture
def admin_ctx(
    store: Store, worker: DatabaseWorker, translations: Translations, tmp_path: Path
) -> Iterator[PaneContext]:
    world = seed(store)
    add_terminal(world, "T-1", "insp")
    add_terminal(world, "T-2", None)
    ctx, live = _ctx(store, worker, translations, tmp_path, ADMIN)
    yield ctx
    live.stop()
    ctx.bus.deleteLater()


def _dialog(qtbot: QtBot, ctx: PaneContext) -> TerminalKeysDialog:
    dialog = TerminalKeysDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    return dialog


def _answer(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_issue_shows_the_key_once_and_revoke_stops_it(
    qtbot: QtBot, store: Store, admin_ctx: PaneContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog = _dialog(qtbot, admin_ctx)
    assert not dialog.issue_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.issue_button.isEnabled() and not dialog.revoke_button.isEnabled()
    dialog.issue()
    qtbot.waitUntil(lambda: bool(dialog.key.text()))
    key = dialog.key.text()
    with store.read() as session:
        assert terminals.authenticate(session, key).code == "T-1"
    qtbot.waitUntil(lambda: dialog.table.item(0, 4).text() == key.split(".")[0])
    dialog.table.selectRow(0)
    assert dialog.revoke_button.isEnabled()
    dialog.revoke()
    qtbot.waitUntil(lambda: not dialog.key.text())
    with store.read() as session, pytest.raises(terminals.AuthError):
        terminals.authenticate(session, key)
    assert "T-1" in dialog.status.text()
    assert len(asked) == 1 and "T-1" in asked[0]  # revoking asked; the first issue did not


def test_replacing_or_revoking_a_key_needs_a_yes(
    qtbot: QtBot, store: Store, admin_ctx: PaneContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.write() as session:
        key = terminals.issue_key(session, ADMIN, terminals.terminal_id(session, "T-1")).key
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    dialog = _dialog(qtbot, admin_ctx)
    qtbot.waitUntil(lambda: dialog.table.item(0, 4).text() == key.split(".")[0])
    dialog.table.selectRow(0)
    dialog.issue()
    dialog.revoke()
    assert len(asked) == 2 and not dialog.key.text()
    with store.read() as session:
        assert terminals.authenticate(session, key).code == "T-1"


def test_an_orphan_terminal_is_refused_with_a_reason(qtbot: QtBot, admin_ctx: PaneContext) -> None:
    dialog = _dialog(qtbot, admin_ctx)
    dialog.table.selectRow(1)
    dialog.issue()
    qtbot.waitUntil(lambda: "T-2" in dialog.status.text())
    assert dialog.status.property("error") is True and not dialog.key.text()


def test_a_key_issued_elsewhere_shows_up(
    qtbot: QtBot, store: Store, admin_ctx: PaneContext
) -> None:
    dialog = _dialog(qtbot, admin_ctx)
    other = Store(store.url.render_as_string(hide_password=False), workstation="desk-b")
    try:
        with other.write() as session:
            terminal_id = terminals.terminal_id(session, "T-1")
            terminals.issue_key(session, ADMIN, terminal_id)
    finally:
        other.dispose()
    qtbot.waitUntil(lambda: dialog.table.item(0, 4).text() != dialog.tr("none"), timeout=5000)


def test_the_menu_entry_is_for_administrators_only(
    qtbot: QtBot, store: Store, worker: DatabaseWorker, translations: Translations, tmp_path: Path
) -> None:
    clerk = Actor(3, "li", frozenset({"intake"}), "desk")
    ctx, live = _ctx(store, worker, translations, tmp_path, clerk)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        action = TerminalKeysAction(ctx, window)
        assert not action.isEnabled() and action.text()
        translations.set_language("en")
        assert action.text() == "Field terminal &keys…"
    finally:
        live.stop()
        ctx.bus.deleteLater()


def test_the_new_key_is_labelled_with_its_terminal(
    qtbot: QtBot, store: Store, admin_ctx: PaneContext
) -> None:
    dialog = _dialog(qtbot, admin_ctx)
    dialog.table.selectRow(0)
    dialog.issue()
    qtbot.waitUntil(lambda: bool(dialog.key.text()))
    key = dialog.key.text()
    assert "T-1" in dialog.key_label.text()
    # Another terminal picked: the key is still T-1's and says so.
    dialog.table.selectRow(1)
    assert dialog.selected() is not None and dialog.selected().code == "T-2"  # type: ignore[union-attr]
    assert dialog.key.text() == key and "T-1" in dialog.key_label.text()
    assert "T-2" not in dialog.key_label.text()
    # Replaced at another desk: the key shown is no use any more and goes.
    other = Store(store.url.render_as_string(hide_password=False), workstation="desk-b")
    try:
        with other.write() as session:
            terminals.issue_key(session, ADMIN, terminals.terminal_id(session, "T-1"))
    finally:
        other.dispose()
    qtbot.waitUntil(lambda: not dialog.key.text(), timeout=5000)
    assert "T-1" not in dialog.key_label.text() and not dialog.copy_button.isEnabled()
