"""The queue pane on the demo street, both backends: tab counts, filters, sorting, live
changes, selection both ways, keys, the offline note."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from console.i18n import Translations
from console.models import Case, Category, Community
from console.ops import DatabaseWorker
from console.services import pickers, queue
from console.services.actor import Actor
from console.services.queue import TABS, QueueFilter
from console.settings import Settings
from console.store import Store
from console.views.bus import CaseSelection, ChangeBus
from console.views.pane_context import PaneContext
from console.views.queue_columns import COLUMN
from console.views.queue_pane import QueuePane
from console.views.queue_style import queue_colours
from console.views.queue_texts import tab_text
from tests.support.demo_db import AS_OF, demo_db_url_fixture, demo_source_fixture
from tests.support.fake_queue import RecordingQueue
from tests.support.gui import OFFSCREEN_NOISE, worker

__all__ = ["worker"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

demo_source = demo_source_fixture()
db_url = demo_db_url_fixture()
NOW = AS_OF  # midnight after the demo's last day: no case is later


def _now() -> dt.datetime:
    return NOW


@pytest.fixture
def recording() -> RecordingQueue:
    return RecordingQueue(queue)


@pytest.fixture
def pane(
    qtbot: QtBot, qapp: QApplication, worker: DatabaseWorker, recording: RecordingQueue
) -> Iterator[QueuePane]:
    translations = Translations(qapp)
    translations.set_language("en")  # source texts: they hold before and after translation
    actor = Actor(3, "zhao", frozenset({"dispatcher"}), "desk-1")
    ctx = PaneContext(worker, ChangeBus(), CaseSelection(), actor, translations, Settings())
    p = QueuePane(ctx, service=recording, clock=_now)
    qtbot.addWidget(p)
    p.resize(1500, 800)
    p.show()
    qtbot.waitExposed(p)
    _settled(qtbot, p)
    qtbot.waitUntil(lambda: bool(p.counts.counts) and p.filters.community.count() > 1)
    yield p
    p.close()
    assert all(not t.isActive() for t in p.findChildren(QTimer))
    translations.deleteLater()


def _settled(qtbot: QtBot, p: QueuePane) -> None:
    model = p.model
    qtbot.waitUntil(
        lambda: not model.loading and model.count_known and not model.pending_pages(),
        timeout=10_000,
    )


def _expected_count(store: Store, f: QueueFilter) -> int:
    with store.read() as session:
        return queue.count(session, f, now=NOW)


def _shown(p: QueuePane, column: str, rows: int = 50) -> list[str]:
    model = p.model
    return [model.data(model.index(r, COLUMN[column])) for r in range(min(rows, model.rowCount()))]


def test_tab_labels_carry_the_services_counts(qtbot: QtBot, pane: QueuePane, store: Store) -> None:
    with store.read() as session:
        counts = queue.tab_counts(session, now=NOW)
    assert counts["all"] > 7000
    labels = [pane.tabs.tabText(i) for i in range(pane.tabs.count())]
    assert labels == [tab_text(tab, counts[tab]) for tab in TABS]
    assert labels[0].startswith("To verify (") and labels[-1].startswith("All (")
    assert pane.model.rowCount() == counts["all"]
    assert pane.filters.status.text() == f"{counts['all']:,} cases"


def test_tabs_switch_with_ctrl_and_a_digit(qtbot: QtBot, pane: QueuePane, store: Store) -> None:
    QTest.keyClick(pane.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert pane.current_tab() == "to_open"
    _settled(qtbot, pane)
    expected = _expected_count(store, QueueFilter(tab="to_open"))
    assert expected > 0 and pane.model.rowCount() == expected
    assert set(_shown(pane, "state")) == {"To open"}
    QTest.keyClick(pane.table, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    _settled(qtbot, pane)
    assert pane.current_tab() == "overdue"
    assert pane.model.rowCount() == _expected_count(store, QueueFilter(tab="overdue"))
    assert all(text.startswith("Overdue ") for text in _shown(pane, "countdown"))


def test_search_text_waits_for_the_typing_to_pause(
    qtbot: QtBot, pane: QueuePane, store: Store
) -> None:
    QTest.keyClick(pane.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert pane.filters.search.hasFocus()
    generation_reads = pane.model.filter
    pane.filters.search.setText("八角北路")
    qtbot.wait(50)
    assert pane.model.filter == generation_reads  # not yet: still typing, maybe
    qtbot.waitUntil(lambda: pane.model.filter.text == "八角北路", timeout=2000)
    _settled(qtbot, pane)
    assert pane.model.rowCount() == _expected_count(store, QueueFilter(text="八角北路"))
    model = pane.model
    for r in range(min(100, model.rowCount())):
        row = model.queue_row(r)
        assert row is not None
        assert "八角北路" in f"{row.number}{row.address}{row.description}"


def test_community_category_and_urgency_filter_in_sql(
    qtbot: QtBot, pane: QueuePane, store: Store
) -> None:
    filters = pane.filters
    with store.read() as session:
        community = session.scalars(select(Community).order_by(Community.code)).first()
        category = session.scalars(select(Category).where(Category.code == "05")).one()
    assert community is not None
    filters.community.setCurrentIndex(filters.community.findData(community.id))
    filters.community.activated.emit(filters.community.currentIndex())
    _settled(qtbot, pane)
    assert set(_shown(pane, "community")) == {community.name}
    expected = _expected_count(store, QueueFilter(community_id=community.id))
    assert pane.model.rowCount() == expected

    filters.category.setCurrentIndex(filters.category.findData(category.id))
    filters.category.activated.emit(filters.category.currentIndex())
    _settled(qtbot, pane)
    both = QueueFilter(community_id=community.id, category_id=category.id)
    assert pane.model.rowCount() == _expected_count(store, both) > 0
    assert all(text.startswith("05") for text in _shown(pane, "category"))

    filters.urgency.setCurrentIndex(filters.urgency.findData("urgent"))
    filters.urgency.activated.emit(filters.urgency.currentIndex())
    _settled(qtbot, pane)
    urgent = QueueFilter(community_id=community.id, category_id=category.id, urgency="urgent")
    assert pane.model.rowCount() == _expected_count(store, urgent)
    assert set(_shown(pane, "urgency")) <= {"Urgent"}


def _click_header(pane: QueuePane, column: int) -> None:
    header = pane.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_header_clicks_sort_in_the_service(qtbot: QtBot, pane: QueuePane, store: Store) -> None:
    _click_header(pane, COLUMN["number"])
    _settled(qtbot, pane)
    key, descending = pane.model.sort_key
    assert key == "number"
    with store.read() as session:
        first = queue.page(
            session, QueueFilter(), now=NOW, sort="number", descending=descending, limit=30
        )
    assert _shown(pane, "number", 30) == [r.number for r in first]
    _click_header(pane, COLUMN["number"])
    _settled(qtbot, pane)
    assert pane.model.sort_key == ("number", not descending)
    numbers = _shown(pane, "number", 100)
    assert numbers == sorted(numbers, reverse=not descending)
    _click_header(pane, COLUMN["address"])  # not sortable: the order stays
    assert pane.model.sort_key == ("number", not descending)
    assert pane.table.horizontalHeader().sortIndicatorSection() == COLUMN["number"]


def test_a_change_elsewhere_shows_after_cases_changed(
    qtbot: QtBot, pane: QueuePane, store: Store, db_url: str
) -> None:
    QTest.keyClick(pane.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    _settled(qtbot, pane)
    before = pane.model.rowCount()
    row = pane.model.queue_row(0)
    assert row is not None and before > 0
    counts_before = dict(pane.counts.counts)
    other = Store(db_url, workstation="desk-2")
    try:
        with other.write() as session:
            session.execute(
                update(Case)
                .where(Case.id == row.id)
                .values(state="not_opened", version=Case.version + 1)
            )
    finally:
        other.dispose()
    pane._ctx.bus.cases_changed.emit([row.id])
    qtbot.waitUntil(lambda: pane.model.rowCount() == before - 1, timeout=5000)
    assert pane.model.row_of(row.id) is None
    qtbot.waitUntil(
        lambda: pane.counts.counts.get("to_open") == counts_before["to_open"] - 1, timeout=5000
    )
    assert pane.tabs.tabText(1) == tab_text("to_open", before - 1)


def test_selection_goes_both_ways_and_survives_a_refresh(
    qtbot: QtBot, pane: QueuePane, store: Store, db_url: str
) -> None:
    selection = pane._ctx.selection
    table, model = pane.table, pane.model
    QTest.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(model.index(3, 0)).center(),
    )
    picked = model.case_id(3)
    assert picked is not None and selection.case_id == picked

    other_id = model.case_id(12)
    assert other_id is not None
    selection.select(other_id)
    assert table.current_row() == 12

    # A case far down becomes the newest: every row moves one down, the selection follows.
    last = model.rowCount() - 1
    with store.read() as session:
        far = queue.page(session, QueueFilter(), now=NOW, offset=last, limit=1)[0]
    with store.write() as session:
        session.execute(
            update(Case).where(Case.id == far.id).values(reported_at=NOW, version=Case.version + 1)
        )
    pane._ctx.bus.cases_changed.emit([far.id])
    qtbot.waitUntil(lambda: model.case_id(0) == far.id, timeout=5000)
    qtbot.waitUntil(lambda: table.current_row() == 13)
    assert model.case_id(table.current_row()) == other_id

    selection.select(far.id + 10_000_000)  # not loaded (nor existing): nothing selected
    assert not table.selectionModel().hasSelection()


def test_enter_opens_the_current_row(qtbot: QtBot, pane: QueuePane) -> None:
    table = pane.table
    table.setFocus()
    table.setCurrentIndex(pane.model.index(4, 0))
    with qtbot.waitSignal(pane.opened) as opened:
        QTest.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [pane.model.case_id(4)]
    assert pane._ctx.selection.case_id == pane.model.case_id(4)


def test_offline_is_a_quiet_note(qtbot: QtBot, pane: QueuePane) -> None:
    rows = pane.model.rowCount()
    pane._ctx.bus.set_online(False)
    assert pane.filters.status.text().startswith("Offline")
    assert pane.model.rowCount() == rows  # the last rows stay readable
    pane._ctx.bus.set_online(True)
    qtbot.waitUntil(lambda: pane.filters.status.text() == f"{rows:,} cases")


def test_model_checks_on_the_real_service(
    qtbot: QtBot, qtmodeltester: ModelTester, pane: QueuePane
) -> None:
    qtmodeltester.check(pane.model)
    pane.table.verticalScrollBar().setValue(5000)
    qtbot.waitUntil(lambda: pane.model.queue_row(5000) is not None)
    pane.tabs.setCurrentIndex(TABS.index("in_handling"))
    _settled(qtbot, pane)
    qtmodeltester.check(pane.model)


def test_reads_only_the_pages_on_screen(
    qtbot: QtBot, pane: QueuePane, recording: RecordingQueue
) -> None:
    assert recording.offsets == [0] and len(recording.counts) == 1
    table, model = pane.table, pane.model
    table.verticalScrollBar().setValue(5000)
    qtbot.waitUntil(lambda: model.queue_row(5000) is not None)
    _settled(qtbot, pane)
    last = 5000 + table.viewport().height() // table.rowHeight(0)
    assert set(recording.offsets) <= {0, 5000, last // 100 * 100}
    assert len(model.cached_pages()) == len(set(recording.offsets))


def test_countdown_of_due_near_and_overdue_cases(
    qtbot: QtBot, pane: QueuePane, store: Store
) -> None:
    QTest.keyClick(pane.table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    _settled(qtbot, pane)
    model = pane.model
    assert pane.model.rowCount() >= 3
    ids = [model.case_id(r) for r in range(3)]
    dues = [
        NOW + dt.timedelta(hours=2, minutes=30),
        NOW + dt.timedelta(minutes=45, seconds=10),
        NOW - dt.timedelta(hours=2, minutes=5),
    ]
    with store.write() as session:
        for case_id, due in zip(ids, dues, strict=True):
            session.execute(
                update(Case)
                .where(Case.id == case_id)
                .values(state="in_handling", handle_due_at=due, version=Case.version + 1)
            )
    pane._ctx.bus.cases_changed.emit(ids)
    qtbot.waitUntil(lambda: _shown(pane, "countdown", 3)[1] == "45 min 10 s", timeout=5000)
    assert _shown(pane, "countdown", 3) == ["2 h 30 min", "45 min 10 s", "Overdue 2 h 05 min"]
    colours = queue_colours(pane.palette())
    countdown = COLUMN["countdown"]
    foreground = [
        model.data(model.index(r, countdown), Qt.ItemDataRole.ForegroundRole) for r in range(3)
    ]
    background = [
        model.data(model.index(r, countdown), Qt.ItemDataRole.BackgroundRole) for r in range(3)
    ]
    assert foreground == [None, colours.near.text, colours.overdue.text]
    assert background == [None, colours.near.tint, colours.overdue.tint]


def test_picker_lists(store: Store) -> None:
    with store.read() as session:
        lists = pickers.picker_lists(session)
    assert len(lists.communities) == 10
    assert [c.code for c in lists.communities] == sorted(c.code for c in lists.communities)
    codes = [c.code for c in lists.categories]
    assert codes[0] == "01" and lists.categories[0].level == 0
    assert codes[1].startswith("01") and lists.categories[1].level == 1
    assert codes.index("05") < codes.index("P01")  # events, then parts
    for choice in lists.categories:
        assert choice.level == (0 if len(choice.code.lstrip("P")) == 2 else 1)
    waste = next(c for c in lists.categories if c.code == "0102")
    assert waste.name("zh_CN") == "暴露垃圾" and waste.name("en") != "暴露垃圾"
