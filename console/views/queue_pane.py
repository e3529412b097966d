"""The case queue: one tab per stage with live counts, a filter bar and a paged table.

Keys: Ctrl+F searches, Ctrl+1 … Ctrl+9 switch tabs, Enter opens the current row.
The pane only reads; it follows ChangeBus.cases_changed (throttled) and shows a quiet
"offline" note while the database is away, keeping the last rows on screen.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QItemSelection, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QTabBar, QVBoxLayout, QWidget

from console.errors import KnownError
from console.ops import reading
from console.services import pickers, queue
from console.services.queue import TABS, QueueFilter
from console.views.labels import fill
from console.views.pane_context import PaneContext
from console.views.queue_counts import TabCounts
from console.views.queue_filter_bar import QueueFilterBar
from console.views.queue_model import QueueModel
from console.views.queue_reads import QueueService
from console.views.queue_style import queue_colours
from console.views.queue_table import QueueTable
from console.views.queue_texts import tab_text

REFRESH_DELAY_MS = 300  # changes arriving within this time cost one re-read
TICK_MS = 1000


class QueuePane(QWidget):
    # Enter or a double click on a row: the operator wants to work on this case.
    opened = Signal(int)

    def __init__(
        self,
        ctx: PaneContext,
        *,
        service: QueueService | None = None,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        """ctx is all the window passes; service and clock are for tests and benchmarks."""
        super().__init__()
        self.setObjectName("queuePane")
        self._ctx = ctx
        self._error: KnownError | None = None
        self._offline = False
        self._stale = False
        self._awaiting_row: int | None = None  # selected while its page was on its way

        self.model = QueueModel(ctx.worker, service=service or queue, clock=clock, parent=self)
        self.counts = TabCounts(
            ctx.worker, counter=(service or queue).tab_counts, clock=clock, parent=self
        )
        self.tabs = QTabBar()
        self.tabs.setObjectName("queueTabs")
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        for tab in TABS:
            self.tabs.setTabData(self.tabs.addTab(tab_text(tab, None)), tab)
        self.tabs.setCurrentIndex(TABS.index("all"))
        self.filters = QueueFilterBar(ctx.translations.language)
        self.table = QueueTable(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.tabs)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)

        self._refresh_timer = _single_shot(self, REFRESH_DELAY_MS, self.model.refresh)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.model.tick)
        self._wire()
        self._shortcuts()
        self.model.set_filter(self._filter())
        self.counts.read_now()
        ctx.worker.submit(reading(pickers.picker_lists), success=self.filters.set_lists, owner=self)
        self._show_status()

    # -- wiring ------------------------------------------------------------------------

    def _wire(self) -> None:
        bus, model = self._ctx.bus, self.model
        bus.cases_changed.connect(self._cases_changed)
        bus.connection_changed.connect(self._connection_changed)
        self._ctx.selection.selected.connect(self._selected_elsewhere)
        self._ctx.translations.changed.connect(self.filters.set_language)
        self.tabs.currentChanged.connect(self._apply_filter)
        self.filters.changed.connect(self._apply_filter)
        self.counts.changed.connect(self._show_counts)
        self.counts.failed.connect(self._failed)
        model.failed.connect(self._failed)
        model.reloading.connect(self._show_status)
        model.count_changed.connect(lambda _count: self._show_status())
        model.refreshed.connect(self._refreshed)
        model.modelReset.connect(self.table.scrollToTop)
        model.loaded.connect(self._page_loaded)
        self.table.selectionModel().selectionChanged.connect(self._row_selected)
        self.table.activated.connect(self._row_activated)

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        search = QShortcut(QKeySequence.StandardKey.Find, self, context=context)
        search.activated.connect(self._focus_search)
        for number in range(1, min(9, len(TABS)) + 1):
            key = QKeySequence(f"Ctrl+{number}")
            shortcut = QShortcut(key, self, context=context)
            shortcut.activated.connect(partial(self.tabs.setCurrentIndex, number - 1))

    # -- behaviour ---------------------------------------------------------------------

    def current_tab(self) -> str:
        return str(self.tabs.tabData(self.tabs.currentIndex()))

    def _filter(self) -> QueueFilter:
        choice = self.filters.choice()
        return dataclasses.replace(
            self.model.filter,
            tab=self.current_tab(),
            text=choice.text,
            community_id=choice.community_id,
            category_id=choice.category_id,
            urgency=choice.urgency,
        )

    def _apply_filter(self) -> None:
        self.model.set_filter(self._filter())
        self._show_status()

    def _cases_changed(self, _ids: object) -> None:
        if not self.isVisible():
            self._stale = True  # caught up when shown: no reads for a hidden pane
            return
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()
        self.counts.request()

    def _connection_changed(self, online: bool) -> None:
        self._offline = not online
        if online:
            self._error = None
            self.model.refresh()
            self.counts.request()
        self._show_status()

    def _failed(self, error: KnownError) -> None:
        self._error = error
        self._show_status()

    def _refreshed(self) -> None:
        if not self._offline:
            self._error = None
        self._follow_selection(self._ctx.selection.case_id)
        self._show_status()

    def _show_counts(self, counts: dict[str, int]) -> None:
        for index in range(self.tabs.count()):
            tab = str(self.tabs.tabData(index))
            self.tabs.setTabText(index, tab_text(tab, counts.get(tab)))

    def _row_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self.table.syncing or selected.isEmpty():
            return
        row = selected.indexes()[0].row()
        case_id = self.model.case_id(row)
        self._awaiting_row = row if case_id is None else None
        if case_id is not None:
            self._ctx.selection.select(case_id)

    def _page_loaded(self, first: int, last: int) -> None:
        row = self._awaiting_row
        if row is not None and first <= row <= last and self.table.current_row() == row:
            self._awaiting_row = None
            case_id = self.model.case_id(row)
            if case_id is not None:
                self._ctx.selection.select(case_id)

    def _row_activated(self, index: QModelIndex) -> None:
        case_id = self.model.case_id(index.row())
        if case_id is not None:
            self._ctx.selection.select(case_id)
            self.opened.emit(case_id)

    def _selected_elsewhere(self, case_id: int) -> None:
        if self.model.case_id(self.table.current_row()) != case_id:
            self._follow_selection(case_id)

    def _follow_selection(self, case_id: int | None) -> None:
        row = None if case_id is None else self.model.row_of(case_id)
        self.table.show_row(row)

    def _focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    # -- texts -------------------------------------------------------------------------

    def _show_status(self) -> None:
        label = self.filters.status
        colours = queue_colours(self.palette())
        colour = None
        if self._offline:
            text, colour = self.tr("Offline: showing the cases as last read"), colours.near.text
        elif self._error is not None:
            text = self._error.message(self._ctx.translations.language)
            colour = colours.overdue.text
        elif self.model.loading:
            text = self.tr("Loading…")
        elif not self.model.count_known:
            text = self.tr("Counting…")
        else:
            text = fill(self.tr("%1 cases"), QLocale().toString(self.model.rowCount()))
        label.setText(text)
        label.setStyleSheet("" if colour is None else f"color: {colour.name()};")

    def retranslate(self) -> None:
        self._show_counts(self.counts.counts)
        self.model.retranslate()
        self.table.set_column_widths()  # the labels changed length
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.model.set_palette(self.palette())
            self._show_status()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._apply_filter()  # text typed just before the pane was hidden
        self.model.tick()
        self._ticker.start()
        if self._stale:
            self._stale = False
            self.model.refresh()
            self.counts.request()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if self._refresh_timer.isActive() or self.counts.pending:
            self._stale = True
        self.stop()
        super().hideEvent(event)

    def stop(self) -> None:
        """Stop every timer (on hide, so a closed window leaves none running)."""
        for timer in (self._ticker, self._refresh_timer):
            timer.stop()
        self.counts.stop()
        self.filters.stop()


def _single_shot(parent: QWidget, interval_ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
