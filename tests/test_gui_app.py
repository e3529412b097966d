"""Start-up: known errors end in a message and status 2; the first start seeds the demo
in the default database only; sign-in leads to the main window, following the feed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

import db.demo
from console import app, cli
from console.errors import KnownError
from console.models import AppSetting, Street
from console.services.actor import Actor
from console.settings import Settings
from console.store import Store
from console.views import panes
from console.views.demo_progress import DemoProgressDialog
from console.views.main_window import MainWindow
from console.views.overview_pane import OverviewPane
from tests.support.gui import OFFSCREEN_NOISE
from tests.support.shell import StandInPane

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []

    def record(error: KnownError, language: str, parent: QWidget | None = None) -> None:
        errors.append((error.code, language))

    monkeypatch.setattr(app, "show_error", record)
    return errors


class FakeLogin:
    """Stands in for the dialog: signs in (or not) without anyone typing."""

    instances: list[FakeLogin] = []  # noqa: RUF012 - test bookkeeping
    accept = True

    def __init__(self, worker: Any, translations: Any, *, workstation: str) -> None:
        self.actor: Actor | None = None
        if self.accept:
            self.actor = Actor(1, "demo-admin", frozenset({"admin"}), workstation)
        FakeLogin.instances.append(self)

    def exec(self) -> QDialog.DialogCode:
        return QDialog.DialogCode.Accepted if self.accept else QDialog.DialogCode.Rejected

    def deleteLater(self) -> None:
        pass


@pytest.fixture(autouse=True)
def placeholder_panes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the overview is real here; the other panes are tested on their own."""
    classes = {name: ("tests.support.shell", "StandInPane") for name in panes.PANE_CLASSES}
    classes["overview"] = panes.PANE_CLASSES["overview"]
    monkeypatch.setattr(panes, "PANE_CLASSES", classes)


@pytest.fixture
def fake_login(monkeypatch: pytest.MonkeyPatch) -> type[FakeLogin]:
    FakeLogin.instances = []
    FakeLogin.accept = True
    monkeypatch.setattr(app, "LoginDialog", FakeLogin)
    return FakeLogin


def _fake_generate(calls: list[dict[str, Any]]) -> Any:
    def generate(store: Store, *, seed: int, progress: Any, workstation: str) -> None:
        assert threading.current_thread() is not threading.main_thread()
        calls.append({"seed": seed, "workstation": workstation})
        progress("参考数据", 0, 0)
        for done in range(0, 101, 25):
            progress("案卷", done, 100)
        with store.write() as session:
            session.add(Street(code="110107001", name="演示街道", center_lon=0, center_lat=0))
            session.add(AppSetting(key="demo", value=True))

    return generate


def test_bad_url_is_a_message_and_status_2(
    qapp: QApplication, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    hooks = (sys.excepthook, threading.excepthook)
    settings = Settings(data_dir=tmp_path, db_url="mysql://somewhere/db", language="en")
    assert app.run(settings) == 2
    assert shown_errors == [("db.unsupported", "en")]
    assert (sys.excepthook, threading.excepthook) == hooks  # the crash handler is gone again


def test_newer_schema_is_refused(
    qapp: QApplication, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    path = tmp_path / "newer.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('ffff9999')")
    conn.close()
    settings = Settings(data_dir=tmp_path, db_url=f"sqlite:///{path}")
    assert app.run(settings) == 2
    assert shown_errors == [("db.newer", "zh_CN")]


def test_first_start_seeds_the_demo_then_signs_in(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_login: type[FakeLogin],
    shown_errors: list[tuple[str, str]],
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(db.demo, "generate", _fake_generate(calls), raising=False)
    windows: list[MainWindow] = []

    def event_loop(qapp: QApplication) -> int:
        window = next(w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow))
        windows.append(window)
        overview = window.panes["overview"]
        assert isinstance(overview, OverviewPane)
        qtbot.waitUntil(lambda: overview.center.text() == "演示街道")
        assert isinstance(window.panes["queue"], StandInPane)
        assert window.status.connection.text() in ("Online", "在线")
        return 0

    monkeypatch.setattr(app, "event_loop", event_loop)
    settings = Settings(data_dir=tmp_path, workstation="desk-1")
    assert app.run(settings) == 0
    assert not shown_errors
    assert calls == [{"seed": db.demo.DEFAULT_SEED, "workstation": "desk-1"}]
    assert windows and "demo-admin" in windows[0].status.user.text()
    assert (tmp_path / "console.sqlite3").exists()
    assert (tmp_path / "logs" / "console.log").read_text(encoding="utf-8")

    # The second start finds the street and does not seed again.
    assert app.run(settings) == 0
    assert len(calls) == 1


def test_a_database_named_by_the_user_is_never_seeded(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_login: type[FakeLogin],
    shown_errors: list[tuple[str, str]],
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(db.demo, "generate", _fake_generate(calls), raising=False)
    fake_login.accept = False
    settings = Settings(data_dir=tmp_path, db_url=f"sqlite:///{tmp_path / 'mine.sqlite3'}")
    assert app.run(settings) == 0  # closing the sign-in dialog quits quietly
    assert calls == [] and not shown_errors
    assert len(fake_login.instances) == 1


def test_demo_progress_dialog_follows_reports_from_the_worker(qtbot: QtBot) -> None:
    dialog = DemoProgressDialog()
    qtbot.addWidget(dialog)
    reporter = threading.Thread(target=dialog.report, args=("案卷", 30, 120))
    reporter.start()
    reporter.join()
    qtbot.waitUntil(lambda: dialog.value() == 30)
    assert dialog.maximum() == 120 and "案卷" in dialog.labelText()
    dialog.report("执法台账", 0, 0)
    qtbot.waitUntil(lambda: dialog.maximum() == 0)
    assert "执法台账" in dialog.labelText()


def test_unreachable_server_is_a_message(
    qapp: QApplication, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    settings = Settings(data_dir=tmp_path, db_url="postgresql+psycopg://u@127.0.0.1:1/x")
    assert app.run(settings) == 2
    assert shown_errors == [("db.unreachable", "zh_CN")]


def test_gui_subcommand_returns_the_exit_code(
    qapp: QApplication, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    argv = ["--data-dir", str(tmp_path), "--db", "sqlite:///no/such/folder/x.db", "gui"]
    assert cli.main(argv) == 2
    assert shown_errors == [("db.cannot_open", "zh_CN")]
