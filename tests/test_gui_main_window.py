"""The main window: docks and menus, layout kept per user, default layout, theme and
language switched live, the offline banner, the urgent-case bar, the status bar."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from console.models import Case
from console.services import feed
from console.services.actor import Actor
from console.store import Store
from console.views.main_window import MainWindow
from console.views.theme import current_theme
from console.views.window_prefs import WindowPrefs
from tests.support.gui import translations
from tests.support.shell import StandInPane, Workstation, open_workstation, placeholder_panes
from tests.support.workflow_seed import seed

__all__ = ["translations"]
# Floating docks are windows of their own; offscreen cannot raise them and says so.
pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(
        "This plugin does not support propagateSizeHints", "This plugin does not support raise"
    ),
]

Area = Qt.DockWidgetArea
HOURS_2 = dt.timedelta(hours=2)
MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def station(
    qtbot: QtBot, store: Store, translations: Translations, tmp_path: Path
) -> Iterator[Workstation]:
    # English, the source language: the texts below hold before and after translation.
    translations.set_language("en")
    url = store.url.render_as_string(hide_password=False)
    ws = open_workstation(url, "desk-1", data_dir=tmp_path, translations=translations)
    qtbot.waitUntil(lambda: ws.live.state == "online", timeout=10_000)
    yield ws
    ws.stop()


@pytest.fixture
def make_window(qtbot: QtBot, station: Workstation) -> Iterator[MakeWindow]:
    windows: list[MainWindow] = []

    def make(username: str = "zhao", show: bool = True) -> MainWindow:
        station.ctx.actor = Actor(7, username, frozenset({"dispatcher", "leader"}), "desk-1")
        window = MainWindow(station.ctx, placeholder_panes(), database="SQLite /tmp/x")
        qtbot.addWidget(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        assert all(not t.isActive() for t in window.findChildren(QTimer))


def _tabbed(window: MainWindow, name: str) -> set[str]:
    return {d.objectName() for d in window.tabifiedDockWidgets(window.docks[name])}


def _is_default(window: MainWindow) -> bool:
    docks = window.docks
    return (
        all(d.isVisible() and not d.isFloating() for d in docks.values())
        and docks["queue"].x() < docks["detail"].x()
        and _tabbed(window, "detail") == {"intakeDock"}
        and _tabbed(window, "queue") == {"overviewDock"}
        and docks["queue"].width() > docks["detail"].width()
    )


def test_builds_with_placeholder_panes(make_window: MakeWindow) -> None:
    window = make_window()
    assert set(window.docks) == {"queue", "detail", "intake", "overview"}
    assert {d.objectName() for d in window.findChildren(QDockWidget)} == {
        "queueDock",
        "detailDock",
        "intakeDock",
        "overviewDock",
    }
    assert _is_default(window)
    assert window.docks["queue"].windowTitle() == "Case queue"
    placeholder = window.panes["detail"]
    assert isinstance(placeholder, StandInPane) and placeholder.name == "detail"
    view_texts = [a.text() for a in window.view_menu.actions()]
    assert "Case detail" in view_texts and "Restore default layout" in view_texts
    assert window.restore_action.shortcut().toString() == "Ctrl+Shift+R"
    assert window.status.user.text() == "User: zhao"  # no such user in the database
    assert window.status.database.text() == "Database: SQLite /tmp/x"
    assert window.offline_banner.isHidden() and window.urgent_bar.isHidden()


def test_layout_is_saved_and_restored_per_user(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window("zhao")
    window.docks["intake"].hide()
    window.docks["overview"].setFloating(True)
    window.resize(760, 560)  # the offscreen screen is 800 x 800
    window.close()

    again = make_window("zhao")
    assert not again.docks["intake"].isVisible()
    assert again.docks["overview"].isFloating()
    assert (again.width(), again.height()) == (760, 560)

    someone_else = make_window("qian")
    assert _is_default(someone_else)


def test_restore_default_layout(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.docks["queue"].hide()
    window.docks["detail"].setFloating(True)
    window.removeDockWidget(window.docks["intake"])
    window.addDockWidget(Area.BottomDockWidgetArea, window.docks["intake"])
    window.docks["intake"].show()
    assert not _is_default(window)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: _is_default(window))


def test_theme_switch_is_live_and_remembered(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, qapp: QApplication
) -> None:
    window = make_window()
    assert current_theme(qapp) == "dark" and window.theme_actions["dark"].isChecked()
    dark_window = qapp.palette().window().color().lightness()
    window.theme_actions["light"].trigger()
    assert current_theme(qapp) == "light"
    assert qapp.palette().window().color().lightness() > dark_window
    assert "#offlineBanner" in qapp.styleSheet()
    assert WindowPrefs.for_user(tmp_path, "zhao").theme == "light"
    assert WindowPrefs.for_user(tmp_path, "qian").theme == "dark"
    window.close()
    make_window("zhao")
    assert current_theme(qapp) == "light"
    make_window("qian")
    assert current_theme(qapp) == "dark"


def test_language_switch_is_live(
    qtbot: QtBot, make_window: MakeWindow, translations: Translations
) -> None:
    window = make_window()
    assert window.language_actions["en"].isChecked()
    assert window.status.roles.text() == "Roles: Dispatcher, Leader"
    window.language_actions["zh_CN"].trigger()
    assert translations.language == "zh_CN"
    assert window.language_actions["zh_CN"].isChecked()
    # Role names are translated already: the status bar took the new language.
    qtbot.waitUntil(lambda: "派遣员" in window.status.roles.text())
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.status.roles.text() == "Roles: Dispatcher, Leader")
    assert window.docks["queue"].windowTitle() == "Case queue"
    assert window.view_menu.title() == "&View"


def test_offline_banner_follows_the_connection(
    qtbot: QtBot, make_window: MakeWindow, station: Workstation
) -> None:
    window = make_window()
    station.bus.set_online(False)
    assert window.offline_banner.isVisible()
    assert window.offline_banner.text.text().startswith("Database unreachable since ")
    assert window.status.connection.text() == "Offline"
    station.bus.set_online(True)
    assert window.offline_banner.isHidden()
    assert window.status.connection.text() == "Online"


def test_urgent_case_bar_selects_the_case(
    qtbot: QtBot, make_window: MakeWindow, station: Workstation, store: Store, tmp_path: Path
) -> None:
    window = make_window()
    window.sound_action.trigger()
    assert window.urgent_bar.sound and WindowPrefs.for_user(tmp_path, "zhao").alert_sound
    world = seed(store)
    with qtbot.waitSignal(station.bus.urgent_case, timeout=5000):
        case = world.report(urgency="urgent", address="鲁谷路 1 号")
    assert window.urgent_bar.isVisible()
    qtbot.waitUntil(lambda: case.number in window.urgent_bar.text.text())
    assert "鲁谷路 1 号" in window.urgent_bar.text.text()
    with qtbot.waitSignal(station.ctx.selection.selected) as selected:
        qtbot.mouseClick(window.urgent_bar.text, Qt.MouseButton.LeftButton)
    assert selected.args == [case.id]
    assert window.urgent_bar.isHidden()


def test_status_bar_counts_cases_due_within_the_hour(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    window = make_window()
    qtbot.waitUntil(lambda: window.status.due_count == 0, timeout=5000)
    world = seed(store)
    soon, later = world.report(who="intake"), world.report(who="intake")
    now = dt.datetime.now(dt.UTC)
    with store.write() as session:
        for case_id, due in ((soon.id, now + dt.timedelta(minutes=30)), (later.id, now + HOURS_2)):
            case = session.get(Case, case_id)
            assert case is not None and case.state == "to_open"
            case.open_due_at = due
        feed.record(session, "case", [soon.id, later.id], "updated")
    qtbot.waitUntil(lambda: window.status.due_count == 1, timeout=5000)
    assert window.status.due.text() == "Due within the hour: 1"
