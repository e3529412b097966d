"""The case queue as a lazily paged table model over the queue service.

- rowCount is the filter's count; rows come in pages of PAGE_SIZE, read on the database
  worker the first time the view asks for a row of a page. Until then the row shows a
  faint placeholder; dataChanged repaints it when the page arrives. An LRU keeps the
  last MAX_PAGES pages, never all rows.
- Filtering and sorting happen in SQL (QueueFilter, sort()); each change starts a new
  generation and answers for an older one are dropped. A new filter first reads its
  first page, shown at once, then its count, so a slow count never delays the screen.
- refresh() re-reads the count and the visible pages in one session (after
  ChangeBus.cases_changed); tick() repaints only the countdown column.
- A page job that reaches the worker after the view has scrolled far away is skipped:
  dragging the scroll bar through a million rows leaves no queue of stale reads behind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

import console.services.queue as queue_service
from console.errors import KnownError
from console.ops import DatabaseWorker
from console.services.queue import QueueFilter, QueueRow
from console.views.queue_columns import (
    COLUMN,
    COLUMNS,
    DEFAULT_SORT,
    SORT_KEYS,
    Line,
    countdown_of,
    remaining,
)
from console.views.queue_pages import PageCache
from console.views.queue_reads import Answer, Demand, Query, QueueService, answer_job, page_job
from console.views.queue_style import queue_colours
from console.views.queue_texts import column_label, due_status

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole

PAGE_SIZE = 100
MAX_PAGES = 30
CASE_ID_ROLE = Role.UserRole + 1
PLACEHOLDER = "…"
COUNTDOWN = COLUMN["countdown"]
URGENCY = COLUMN["urgency"]
TIPPED = frozenset({COLUMN["address"], COLUMN["description"]})
# Plain ints: a paint asks ~7 roles of every cell, and enum comparisons cost.
DISPLAY = int(Role.DisplayRole)
FOREGROUND = int(Role.ForegroundRole)
BACKGROUND = int(Role.BackgroundRole)
TOOLTIP = int(Role.ToolTipRole)
ALIGNMENT = int(Role.TextAlignmentRole)
CASE_ID = int(CASE_ID_ROLE)
ANSWERED = frozenset({DISPLAY, FOREGROUND, BACKGROUND, TOOLTIP, ALIGNMENT, CASE_ID})
ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


class QueueModel(QAbstractTableModel):
    # A new filter or order is being read (the old rows stay until its first page).
    reloading = Signal()
    # A page arrived: its first and last row.
    loaded = Signal(int, int)
    # The filter's first page (after a reset) or the visible pages (after refresh()) are in.
    refreshed = Signal()
    # The filter's count is known (or changed).
    count_changed = Signal(int)
    # A read failed; the model keeps what it shows.
    failed = Signal(object)

    def __init__(
        self,
        worker: DatabaseWorker,
        *,
        service: QueueService = queue_service,
        clock: Callable[[], dt.datetime] | None = None,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._service = service
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self._cache: PageCache[Line] = PageCache(page_size, max_pages)
        self._filter = QueueFilter()
        self._sort, self._descending = DEFAULT_SORT
        self._query = Query(0, self._filter, self._sort, self._descending, self._clock())
        self._now = self._query.now
        self._zone: dt.tzinfo = dt.UTC
        self._zone_known = False
        self._count = 0
        self._count_known = False
        self._loading = False
        self._pending: set[int] = set()
        self._failed_pages: set[int] = set()
        self._in_flight = 0
        self._refresh_again = False
        self._visible: tuple[int, int] | None = None
        self._demand = Demand()
        self._first_rows: list[int] = []  # page 0's length, told by the worker to itself
        self._colours = queue_colours(QGuiApplication.palette())

    # -- what the pane asks --------------------------------------------------------------

    @property
    def filter(self) -> QueueFilter:
        return self._filter

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    @property
    def loading(self) -> bool:
        """True from a filter or order change until its first page is shown."""
        return self._loading

    @property
    def count_known(self) -> bool:
        return self._count_known

    def sort_column(self) -> int:
        names = [c for c, key in SORT_KEYS.items() if key == self._sort]
        return COLUMN[names[0]] if names else -1

    def queue_row(self, row: int) -> QueueRow | None:
        line = self._cache.get(row) if 0 <= row < self._count else None
        return None if line is None else line.row

    def case_id(self, row: int) -> int | None:
        item = self.queue_row(row)
        return None if item is None else item.id

    def row_of(self, case_id: int) -> int | None:
        """The row of a case among the loaded pages, if it is there."""
        for row, line in self._cache.items():
            if line.row.id == case_id and row < self._count:
                return row
        return None

    def cached_pages(self) -> list[int]:
        """Pages in memory, least recently used first."""
        return self._cache.pages()

    def pending_pages(self) -> list[int]:
        """Pages asked of the worker and not answered yet."""
        return sorted(self._pending)

    # -- changing the question -----------------------------------------------------------

    def set_filter(self, f: QueueFilter) -> None:
        """Show the cases f selects (the first call always reads)."""
        if f != self._filter or self._query.generation == 0:
            self._filter = f
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(COLUMNS[column]) if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self.reload()

    def reload(self) -> None:
        """Start a new generation: first page, then count; what is shown stays until then."""
        now = self._clock()
        self._query = Query(
            self._query.generation + 1, self._filter, self._sort, self._descending, now
        )
        self._pending.clear()
        self._failed_pages.clear()
        self._loading = True
        self._refresh_again = False
        self._set_demand()
        self._first_rows = []
        self._submit_answer(self._query, "first")
        self._submit_answer(self._query, "count")
        self.reloading.emit()

    def refresh(self) -> None:
        """Re-read the count and the visible pages (something changed in the database)."""
        if self._in_flight:
            self._refresh_again = True  # the answer on its way may predate the change
            return
        self._query = dataclasses.replace(self._query, now=self._clock())
        self._failed_pages.clear()
        self._submit_answer(self._query, "refresh", self._visible_pages())

    def set_visible_rows(self, first: int, last: int) -> None:
        """The rows the view shows (for refresh(), tick() and skipping stale page reads)."""
        self._visible = (max(0, first), max(first, last))
        self._set_demand()

    def tick(self) -> None:
        """A new second: repaint the countdown column of the visible rows, nothing else."""
        self._now = self._clock()
        rows = self._visible_range()
        if rows:
            first, last = self.index(rows.start, COUNTDOWN), self.index(rows[-1], COUNTDOWN)
            self.dataChanged.emit(
                first, last, [Role.DisplayRole, Role.ForegroundRole, Role.BackgroundRole]
            )

    def set_palette(self, palette: QPalette) -> None:
        self._colours = queue_colours(palette)
        self._repaint_all()

    def retranslate(self) -> None:
        for _row, line in self._cache.items():
            line.texts = None
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._repaint_all()

    # -- Qt's model interface ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ITEM_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Role.DisplayRole:
            return column_label(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in ANSWERED:
            return None
        row = index.row()
        if not 0 <= row < self._count:  # an invalid index has row -1
            return None
        line = self._cache.get(row)
        if line is None:
            return self._placeholder(row, index.column(), role)
        column = index.column()
        if role == DISPLAY:
            if column == COUNTDOWN:
                return countdown_of(line.row, self._now)
            return line.text(column, self._zone)
        if role in (FOREGROUND, BACKGROUND):
            return self._colour(line.row, column, role)
        if role == CASE_ID:
            return line.row.id
        if role == TOOLTIP and column in TIPPED:
            return line.text(column, self._zone) or None
        if role == ALIGNMENT and column == COUNTDOWN:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _colour(self, item: QueueRow, column: int, role: int) -> QColor | None:
        if column == COUNTDOWN:
            tone = self._colours.tone(due_status(remaining(item, self._now)))
            if tone is None:
                return None
            return tone.text if role == FOREGROUND else tone.tint
        if column == URGENCY and role == FOREGROUND and item.urgency == "urgent":
            return self._colours.urgent
        return None

    # -- pages ---------------------------------------------------------------------------

    def _placeholder(self, row: int, column: int, role: int) -> Any:
        page = self._cache.page_of(row)
        if page not in self._pending and page not in self._failed_pages and not self._loading:
            self._request_page(page)
        if role == DISPLAY:
            return PLACEHOLDER if column == 0 else ""
        if role == FOREGROUND:
            return self._colours.placeholder
        return None

    def _request_page(self, page: int) -> None:
        self._pending.add(page)
        query = self._query
        job = page_job(self._service, query, page, self._cache.size, self._demand)

        def done(answer: Answer | None) -> None:
            if query.generation != self._query.generation:
                return
            self._pending.discard(page)
            if answer is not None:
                self._store_pages(answer.pages)
            elif page in self._visible_pages():  # skipped, but on screen again
                self._request_page(page)

        def failed(error: KnownError) -> None:
            if query.generation == self._query.generation:
                self._pending.discard(page)
                self._failed_pages.add(page)
            self.failed.emit(error)

        self._worker.submit(job, success=done, failure=failed, owner=self)

    def _submit_answer(self, query: Query, kind: str, pages: list[int] | None = None) -> None:
        job = answer_job(
            self._service,
            query,
            kind,
            pages=pages or [],
            size=self._cache.size,
            need_zone=not self._zone_known,
            first_rows=self._first_rows,
            demand=self._demand,
        )

        def failed(error: KnownError) -> None:
            self._answered(query, Answer(query.generation, kind, failed=True))
            self.failed.emit(error)

        self._in_flight += 1
        self._worker.submit(
            job, success=lambda a: self._answered(query, a), failure=failed, owner=self
        )

    def _answered(self, query: Query, answer: Answer) -> None:
        self._in_flight -= 1
        if answer.zone is not None and not self._zone_known:
            self._zone, self._zone_known = answer.zone, True
        if query.generation == self._query.generation:
            if answer.kind == "first":
                self._show_first_page(answer.pages.get(0, []), failed=answer.failed)
            elif not answer.failed and answer.count is not None:
                self._apply_count(answer)
        if not self._in_flight and self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def _show_first_page(self, rows: list[QueueRow], *, failed: bool) -> None:
        """A new filter's first rows, on screen before anyone counted the rest (or an
        empty table when they could not be read: never the old filter's rows)."""
        self.beginResetModel()
        self._cache.clear()
        if not failed:
            self._cache.put(0, [Line(r) for r in rows])
        self._loading = False
        self._count_known = not failed and len(rows) < self._cache.size
        self._count = len(rows)
        self._now = self._clock()
        self.endResetModel()
        if self._count_known:
            self.count_changed.emit(self._count)
        self.refreshed.emit()

    def _apply_count(self, answer: Answer) -> None:
        assert answer.count is not None
        if answer.kind == "refresh":
            # Pages not re-read may hold moved rows: drop them, they reload when shown.
            self._cache.clear()
        self._set_count(answer.count)
        self._store_pages(answer.pages)
        if answer.kind == "refresh":
            self._repaint_visible()
            self.refreshed.emit()

    def _set_count(self, count: int) -> None:
        old = self._count
        if count > old:
            self.beginInsertRows(QModelIndex(), old, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < old:
            self.beginRemoveRows(QModelIndex(), count, old - 1)
            self._count = count
            self.endRemoveRows()
        was_known, self._count_known = self._count_known, True
        if count != old or not was_known:
            self.count_changed.emit(count)

    def _store_pages(self, pages: dict[int, list[QueueRow]]) -> None:
        last_column = len(COLUMNS) - 1
        for number, rows in pages.items():
            self._cache.put(number, [Line(r) for r in rows])
            span = self._cache.rows_of(number)
            first, last = span.start, min(span[-1], self._count - 1)
            if first <= last:
                self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
                self.loaded.emit(first, last)

    # -- helpers -------------------------------------------------------------------------

    def _visible_range(self) -> range:
        if self._visible is None:
            return range(self._count)
        first, last = self._visible
        return range(min(first, self._count), min(last + 1, self._count))

    def _visible_pages(self) -> list[int]:
        if self._visible is None:  # no view told us: the most recently used pages
            return self._cache.pages()[-2:] or [0]
        first, last = self._visible
        return list(range(self._cache.page_of(first), self._cache.page_of(last) + 1))

    def _set_demand(self) -> None:
        self._demand.generation = self._query.generation
        if self._visible is None:
            self._demand.window = None
            return
        first, last = self._visible
        self._demand.window = (self._cache.page_of(first), self._cache.page_of(last))

    def _repaint_visible(self) -> None:
        rows = self._visible_range()
        if rows:
            last_column = len(COLUMNS) - 1
            self.dataChanged.emit(self.index(rows.start, 0), self.index(rows[-1], last_column))

    def _repaint_all(self) -> None:
        if self._count:
            bottom_right = self.index(self._count - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), bottom_right)
