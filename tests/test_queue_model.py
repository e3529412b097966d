"""The queue's paged model over an instrumented in-memory service: Qt's model checks,
lazy paging, dropped stale answers, sorting, refresh and the countdown column."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from console.ops import DatabaseWorker
from console.services.actor import Actor
from console.services.queue import QueueFilter, QueueRow
from console.settings import Settings
from console.store import Store
from console.views.bus import CaseSelection, ChangeBus
from console.views.pane_context import PaneContext
from console.views.queue_columns import COLUMN
from console.views.queue_model import MAX_PAGES, PAGE_SIZE, PLACEHOLDER, QueueModel
from console.views.queue_pane import QueuePane
from console.views.queue_style import queue_colours
from console.views.queue_table import QueueTable
from tests.support.fake_queue import NOW, FakeQueue, make_row
from tests.support.gui import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

Role = Qt.ItemDataRole
COUNTDOWN = COLUMN["countdown"]


@pytest.fixture
def worker(qapp: QApplication, sqlite_template: Path, tmp_path: Path) -> Iterator[DatabaseWorker]:
    """A worker on an empty migrated SQLite file (the fake service ignores the session)."""
    path = tmp_path / "queue.sqlite3"
    shutil.copyfile(sqlite_template, path)
    store = Store(f"sqlite:///{path}")
    bugs: list[BaseException] = []
    w = DatabaseWorker(store, on_bug=bugs.append)
    w.start()
    yield w
    w.stop()
    store.dispose()
    assert not bugs, bugs


def _model(
    worker: DatabaseWorker, fake: FakeQueue, clock: Callable[[], dt.datetime] = lambda: NOW
) -> QueueModel:
    return QueueModel(worker, service=fake, clock=clock)


def _settled(qtbot: QtBot, model: QueueModel, count: int | None = None) -> None:
    def done() -> bool:
        ready = not model.loading and model.count_known and not model.pending_pages()
        return ready and (count is None or model.rowCount() == count)

    qtbot.waitUntil(done, timeout=10_000)


def _loaded(model: QueueModel, row: int) -> Callable[[], bool]:
    return lambda: model.queue_row(row) is not None


def _asked(model: QueueModel, page: int) -> Callable[[], bool]:
    return lambda: page in model.pending_pages()


def _column(model: QueueModel, column: int, role: int = Role.DisplayRole) -> list[object]:
    return [model.data(model.index(r, column), role) for r in range(model.rowCount())]


def _table(qtbot: QtBot, model: QueueModel) -> QueueTable:
    table = QueueTable(model)
    qtbot.addWidget(table)
    table.resize(900, 600)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_passes_the_model_tester_through_paging_sorting_and_refresh(
    qtbot: QtBot, qtmodeltester: ModelTester, worker: DatabaseWorker
) -> None:
    states = ("to_open", "in_handling", "to_check")
    fake = FakeQueue(rows=[make_row(i, state=states[i % 3]) for i in range(250)])
    model = _model(worker, fake)
    qtmodeltester.check(model)  # before anything was read
    model.set_filter(QueueFilter())
    _settled(qtbot, model, 250)
    qtmodeltester.check(model)  # it keeps watching while the other pages load
    assert _column(model, 0)[-1] == PLACEHOLDER
    qtbot.waitUntil(lambda: len(model.cached_pages()) == 3 and not model.pending_pages())
    assert model.data(model.index(249, 0)) == "BJ00000249"

    model.sort(COLUMN["number"], Qt.SortOrder.AscendingOrder)
    _settled(qtbot, model)
    assert model.data(model.index(0, 0)) == "BJ00000000"
    fake.rows.insert(0, make_row(999, number="BJ-NEW"))
    model.refresh()
    _settled(qtbot, model, 251)
    del fake.rows[:60]
    model.refresh()
    _settled(qtbot, model, 191)
    model.set_filter(QueueFilter(tab="to_check"))
    _settled(qtbot, model, len([r for r in fake.rows if r.state == "to_check"]))
    assert set(_column(model, COLUMN["state"])) == {"To check"}
    model.tick()
    qtmodeltester.check(model)


def test_reads_only_the_pages_on_screen(qtbot: QtBot, worker: DatabaseWorker) -> None:
    fake = FakeQueue(synthetic=1_000_000)
    model = _model(worker, fake)
    table = _table(qtbot, model)
    model.set_filter(QueueFilter())
    _settled(qtbot, model, 1_000_000)
    assert fake.page_offsets() == [0]  # the first page came with the new filter
    assert len(fake.counts) == 1

    seen: set[int] = {0}
    for target in (500_000, 500_020, 999_990, 250_000):
        table.verticalScrollBar().setValue(target)
        qtbot.waitUntil(_loaded(model, target), timeout=5000)
        _settled(qtbot, model)
        first = table.verticalScrollBar().value()
        last = min(first + table.viewport().height() // table.rowHeight(0), 999_999)
        seen |= {first // PAGE_SIZE * PAGE_SIZE, last // PAGE_SIZE * PAGE_SIZE}
        assert set(fake.page_offsets()) <= seen
    assert len(fake.page_offsets()) == len(set(fake.page_offsets())), "a page read twice"


def test_scrolling_far_keeps_a_bounded_cache(qtbot: QtBot, worker: DatabaseWorker) -> None:
    fake = FakeQueue(synthetic=1_000_000)
    model = _model(worker, fake)
    table = _table(qtbot, model)
    model.set_filter(QueueFilter())
    _settled(qtbot, model, 1_000_000)
    for page in range(0, 2 * MAX_PAGES):
        table.verticalScrollBar().setValue(page * PAGE_SIZE)
        qtbot.waitUntil(_loaded(model, page * PAGE_SIZE))
    assert len(model.cached_pages()) <= MAX_PAGES
    assert model.row_of(1) is None  # the first page is long gone


def test_skips_page_reads_scrolled_past_before_the_worker_got_to_them(
    qtbot: QtBot, worker: DatabaseWorker
) -> None:
    gate = threading.Event()
    fake = FakeQueue(synthetic=1_000_000)
    model = _model(worker, fake)
    table = _table(qtbot, model)
    model.set_filter(QueueFilter())
    _settled(qtbot, model, 1_000_000)
    fake.gate = gate  # from now on page reads wait for the gate
    for row in (100_000, 200_000, 300_000):
        table.verticalScrollBar().setValue(row)
        qtbot.waitUntil(_asked(model, row // PAGE_SIZE))
    gate.set()
    qtbot.waitUntil(lambda: model.queue_row(300_000) is not None)
    _settled(qtbot, model)
    assert 200_000 not in fake.page_offsets()
    assert fake.page_offsets() == [0, 100_000, 300_000]


def test_answers_for_an_older_filter_are_dropped(qtbot: QtBot, worker: DatabaseWorker) -> None:
    gate = threading.Event()
    rows = [make_row(i, state="to_open" if i % 2 else "to_check") for i in range(40)]
    fake = FakeQueue(rows=rows, gate=gate)
    model = _model(worker, fake)
    shown: list[set[object]] = []
    model.modelReset.connect(lambda: shown.append(set(_column(model, COLUMN["state"]))))
    model.set_filter(QueueFilter(tab="to_open"))
    qtbot.waitUntil(lambda: len(fake.pages) == 1)  # read, and held at the gate
    model.set_filter(QueueFilter(tab="to_check"))
    gate.set()
    _settled(qtbot, model, 20)
    assert shown == [{"To check"}]  # the to_open answer never reached the screen
    assert [f.tab for f, *_rest in fake.pages] == ["to_open", "to_check"]


def test_reads_for_replaced_filters_are_skipped(qtbot: QtBot, worker: DatabaseWorker) -> None:
    gate = threading.Event()
    fake = FakeQueue(rows=[make_row(i) for i in range(300)], gate=gate)
    model = _model(worker, fake)
    model.set_filter(QueueFilter(tab="to_open"))  # its first page waits at the gate
    qtbot.waitUntil(lambda: len(fake.pages) == 1)
    model.set_filter(QueueFilter(tab="to_check"))
    model.set_filter(QueueFilter(tab="all"))
    gate.set()
    _settled(qtbot, model, 300)
    assert [f.tab for f, *_rest in fake.pages] == ["to_open", "all"]
    assert [f.tab for f in fake.counts] == ["all"]  # no count for a filter gone by


def test_shows_the_first_page_before_the_count(qtbot: QtBot, worker: DatabaseWorker) -> None:
    count_gate = threading.Event()
    fake = FakeQueue(synthetic=5000, count_gate=count_gate)
    model = _model(worker, fake)
    model.set_filter(QueueFilter())
    qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() == PAGE_SIZE and not model.count_known
    assert model.data(model.index(0, 0)) == "BJ00000000"
    count_gate.set()
    _settled(qtbot, model, 5000)


def test_a_short_first_page_is_its_own_count(qtbot: QtBot, worker: DatabaseWorker) -> None:
    fake = FakeQueue(rows=[make_row(i) for i in range(7)])
    model = _model(worker, fake)
    model.set_filter(QueueFilter())
    _settled(qtbot, model, 7)
    assert fake.counts == []


def test_placeholder_until_the_page_arrives(qtbot: QtBot, worker: DatabaseWorker) -> None:
    fake = FakeQueue(synthetic=1000)
    model = _model(worker, fake)
    model.set_filter(QueueFilter())
    _settled(qtbot, model, 1000)
    fake.gate = threading.Event()
    index = model.index(550, 0)
    assert model.data(index) == PLACEHOLDER
    assert model.data(model.index(550, 3)) == ""
    assert isinstance(model.data(index, Role.ForegroundRole), QColor)
    assert model.data(index, Role.ForegroundRole) == model.data(
        model.index(551, 0), Role.ForegroundRole
    )
    assert model.pending_pages() == [5]
    with qtbot.waitSignal(model.dataChanged) as changed:
        fake.gate.set()
    top, bottom = changed.args[0], changed.args[1]
    assert (top.row(), bottom.row()) == (500, 599)
    assert model.data(index) == "BJ00000550"


def test_sorts_in_the_service_by_its_keys(qtbot: QtBot, worker: DatabaseWorker) -> None:
    fake = FakeQueue(rows=[make_row(i) for i in range(30)])
    model = _model(worker, fake)
    model.set_filter(QueueFilter())
    _settled(qtbot, model, 30)
    expected = {
        "number": "number",
        "state": "state",
        "urgency": "urgency",
        "category": "category",
        "community": "community",
        "reported": "reported_at",
        "countdown": "due_at",
    }
    for column, key in expected.items():
        for order, descending in (
            (Qt.SortOrder.AscendingOrder, False),
            (Qt.SortOrder.DescendingOrder, True),
        ):
            model.sort(COLUMN[column], order)
            _settled(qtbot, model)
            _f, sort, desc, _offset, _limit = fake.pages[-1]
            assert (sort, desc) == (key, descending)
            assert model.sort_column() == COLUMN[column]
    reads = len(fake.pages)
    model.sort(COLUMN["address"], Qt.SortOrder.AscendingOrder)  # not sortable: ignored
    model.sort(COLUMN["countdown"], Qt.SortOrder.DescendingOrder)  # unchanged: no read
    assert len(fake.pages) == reads


def test_refresh_reads_the_count_and_the_visible_pages(
    qtbot: QtBot, worker: DatabaseWorker
) -> None:
    fake = FakeQueue(rows=[make_row(i) for i in range(450)])
    model = _model(worker, fake)
    model.set_filter(QueueFilter())
    _settled(qtbot, model, 450)
    for row in (190, 215, 420):
        model.data(model.index(row, 0))
    _settled(qtbot, model)
    assert sorted(model.cached_pages()) == [0, 1, 2, 4]
    model.set_visible_rows(190, 215)
    fake.pages.clear()
    fake.counts.clear()
    fake.rows.insert(
        0, make_row(0, id=5000, number="BJ-NEW", reported_at=NOW + dt.timedelta(minutes=1))
    )
    with qtbot.waitSignal(model.refreshed):
        model.refresh()
    assert model.rowCount() == 451 and len(fake.counts) == 1
    assert fake.page_offsets() == [100, 200]
    assert sorted(model.cached_pages()) == [1, 2]  # the rest may have moved: dropped
    assert model.data(model.index(200, 0)) == "BJ00000199"  # shifted by the new row
    assert model.row_of(5000) is None and model.row_of(200) == 200


def test_refreshes_asked_while_reading_fold_into_one_more(
    qtbot: QtBot, worker: DatabaseWorker
) -> None:
    count_gate = threading.Event()
    fake = FakeQueue(rows=[make_row(i) for i in range(150)])
    model = _model(worker, fake)
    model.set_filter(QueueFilter())
    _settled(qtbot, model, 150)
    fake.counts.clear()
    fake.count_gate = count_gate
    for _ in range(5):
        model.refresh()
    count_gate.set()
    qtbot.waitUntil(lambda: len(fake.counts) == 2)
    _settled(qtbot, model)
    qtbot.wait(50)
    assert len(fake.counts) == 2


def _countdown_rows() -> list[QueueRow]:
    due = {
        "due": NOW + dt.timedelta(hours=2),
        "near": NOW + dt.timedelta(minutes=59, seconds=59),
        "edge": NOW + dt.timedelta(hours=1),
        "overdue": NOW - dt.timedelta(hours=2, minutes=5, seconds=30),
        "none": None,
        "days": NOW + dt.timedelta(days=3, hours=4, minutes=10),
    }
    return [
        make_row(i, number=name, reported_at=NOW - dt.timedelta(minutes=i), due_at=at)
        for i, (name, at) in enumerate(due.items())
    ]


def test_countdown_texts_and_colours(qtbot: QtBot, worker: DatabaseWorker) -> None:
    fake = FakeQueue(rows=_countdown_rows())
    model = _model(worker, fake)
    model.set_filter(QueueFilter())
    _settled(qtbot, model, 6)
    assert _column(model, COUNTDOWN) == [
        "2 h 00 min",
        "59 min 59 s",
        "1 h 00 min",
        "Overdue 2 h 05 min",
        "",
        "3 d 04 h",
    ]
    colours = queue_colours(QApplication.palette())
    assert _column(model, COUNTDOWN, Role.ForegroundRole) == [
        None,
        colours.near.text,
        colours.near.text,
        colours.overdue.text,
        None,
        None,
    ]
    assert _column(model, COUNTDOWN, Role.BackgroundRole) == [
        None,
        colours.near.tint,
        colours.near.tint,
        colours.overdue.tint,
        None,
        None,
    ]
    assert model.data(model.index(0, COLUMN["urgency"]), Role.ForegroundRole) == colours.urgent
    assert model.data(model.index(1, COLUMN["urgency"]), Role.ForegroundRole) is None


def test_countdown_ticks_without_reading(qtbot: QtBot, worker: DatabaseWorker) -> None:
    now = [NOW]
    fake = FakeQueue(rows=_countdown_rows())
    model = _model(worker, fake, clock=lambda: now[0])
    model.set_filter(QueueFilter())
    _settled(qtbot, model, 6)
    model.set_visible_rows(0, 30)
    reads = (len(fake.pages), len(fake.counts))
    changes: list[tuple[QModelIndex, QModelIndex]] = []
    model.dataChanged.connect(lambda top, bottom, _roles: changes.append((top, bottom)))
    now[0] = NOW + dt.timedelta(hours=1, seconds=1)
    model.tick()
    assert [(t.row(), t.column(), b.row(), b.column()) for t, b in changes] == [
        (0, COUNTDOWN, 5, COUNTDOWN)
    ]
    assert (len(fake.pages), len(fake.counts)) == reads
    assert _column(model, COUNTDOWN)[:2] == ["59 min 59 s", "Overdue 0 min 02 s"]
    colours = queue_colours(QApplication.palette())
    assert model.data(model.index(0, COUNTDOWN), Role.ForegroundRole) == colours.near.text


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("base", ["#ffffff", "#0b1322"])
def test_deadline_colours_are_readable_on_light_and_dark(base: str, qapp: QApplication) -> None:
    palette = QPalette(qapp.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    colours = queue_colours(palette)
    for tone in (colours.near, colours.overdue):
        assert _contrast(tone.text, tone.tint) >= 4.5
        assert _contrast(tone.tint, QColor(base)) < 2  # a tint, not a block of colour
    assert _contrast(colours.urgent, QColor(base)) >= 4.5


def test_texts_of_a_row(qtbot: QtBot, worker: DatabaseWorker) -> None:
    row = make_row(
        0,
        state="to_check",
        urgency="urgent",
        description="路边\n垃圾  很多",
        supervised=True,
        rework_count=2,
        pending_request="extension",
        reported_at=dt.datetime(2026, 11, 27, 16, 30, tzinfo=dt.UTC),
    )
    fake = FakeQueue(rows=[row])
    model = _model(worker, fake)
    model.set_filter(QueueFilter())
    _settled(qtbot, model, 1)
    texts = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert texts == [
        "BJ00000000",
        "To check",
        "Urgent",
        "0102 暴露垃圾",
        "社区0",
        "110107003000000",
        "八角北路1号",
        "路边 垃圾 很多",
        "2026-11-28 00:30",  # Asia/Shanghai, the default zone of an empty database
        "2 h 00 min",
        "环卫所",
        "Supervised, Rework ×2, Extension requested",
    ]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole + 1) == 1
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Case number"


def test_a_row_selected_before_its_page_arrived_is_selected_on_arrival(
    qtbot: QtBot, qapp: QApplication, worker: DatabaseWorker
) -> None:
    translations = Translations(qapp)
    actor = Actor(3, "zhao", frozenset({"dispatcher"}), "desk-1")
    ctx = PaneContext(worker, ChangeBus(), CaseSelection(), actor, translations, Settings())
    fake = FakeQueue(synthetic=1000)
    pane = QueuePane(ctx, service=fake, clock=lambda: NOW)
    qtbot.addWidget(pane)
    pane.resize(1200, 600)
    pane.show()
    qtbot.waitExposed(pane)
    _settled(qtbot, pane.model, 1000)
    fake.gate = threading.Event()
    table = pane.table
    table.scrollTo(pane.model.index(700, 0))
    qtbot.waitUntil(lambda: 7 in pane.model.pending_pages())
    table.selectRow(700)
    assert ctx.selection.case_id is None
    fake.gate.set()
    qtbot.waitUntil(lambda: ctx.selection.case_id == 701)  # ids are row + 1
    pane.close()
    assert all(not t.isActive() for t in pane.findChildren(QTimer))
