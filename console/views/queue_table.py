"""The queue's table view: uniform rows, no per-row widgets, header clicks sort in SQL.

It tells the model which rows are on screen (for refresh, the countdown tick and
skipping page reads the operator has scrolled past). Nothing here ever sizes a column
to its contents: that would read every row of a million.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from console.views.labels import case_state_label
from console.views.queue_columns import COLUMN
from console.views.queue_model import QueueModel
from console.views.queue_texts import countdown_text, flags_text, urgency_label

# Column widths as (CJK characters, digits) of typical content, e.g. 2026-11-28 23:06 is
# 16 digit widths and 八角北路社区居委会 9 CJK widths; the description takes what is left.
WIDTHS = {
    "number": (0, 15),
    "state": (3, 0),
    "urgency": (2, 0),
    "category": (5, 6),
    "community": (6, 0),
    "grid": (0, 16),
    "address": (14, 0),
    "description": (16, 0),
    "reported": (0, 16),
    "countdown": (4, 7),
    "unit": (9, 0),
    "flags": (6, 2),
}
CELL_PADDING_PX = 14
SORT_ARROW_PX = 22
ROW_PADDING_PX = 10


class QueueTable(QTableView):
    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueTable")
        self._queue = model
        self.syncing = False  # the pane is moving the selection itself
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)

        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + ROW_PADDING_PX)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMN["description"], QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.set_column_widths()
        column = model.sort_column()
        _key, descending = model.sort_key
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(column, order)
        self.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)

        self.verticalScrollBar().valueChanged.connect(lambda _value: self.report_visible())
        model.modelReset.connect(self.report_visible)
        model.rowsInserted.connect(lambda *_args: self.report_visible())
        self.report_visible()

    def set_column_widths(self) -> None:
        """Room for typical content and for the header's own label, in the UI language."""
        metrics = self.fontMetrics()
        cjk, digit = metrics.horizontalAdvance("中"), metrics.horizontalAdvance("0")
        header = self.horizontalHeader()
        label_metrics = header.fontMetrics()
        header.setMinimumSectionSize(cjk * 2 + CELL_PADDING_PX)
        samples = _samples()
        for name, (wide, narrow) in WIDTHS.items():
            column = COLUMN[name]
            label = str(self._queue.headerData(column, Qt.Orientation.Horizontal))
            texts = samples.get(name, [])
            header.resizeSection(
                column,
                max(
                    wide * cjk + narrow * digit + CELL_PADDING_PX,
                    max((metrics.horizontalAdvance(t) for t in texts), default=0) + CELL_PADDING_PX,
                    label_metrics.horizontalAdvance(label) + CELL_PADDING_PX + SORT_ARROW_PX,
                ),
            )

    def current_row(self) -> int:
        return self.currentIndex().row()

    def show_row(self, row: int | None) -> None:
        """Select row (and bring it into view) or clear the selection, quietly."""
        self.syncing = True
        try:
            if row is None:
                self.clearSelection()
                self.setCurrentIndex(self._queue.index(-1, -1))
            elif row != self.current_row() or not self.selectionModel().hasSelection():
                self.selectRow(row)
                self.scrollTo(self._queue.index(row, 0))
        finally:
            self.syncing = False

    def report_visible(self) -> None:
        first = max(0, self.verticalScrollBar().value())
        height = max(1, self.verticalHeader().defaultSectionSize())
        shown = self.viewport().height() // height + 1
        self._queue.set_visible_rows(first, first + shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.report_visible()

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        sorted_by = self._queue.sort_column()
        if column != sorted_by:
            # Not a sortable column: put the indicator back where the order really is.
            _key, descending = self._queue.sort_key
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            self.horizontalHeader().setSortIndicator(sorted_by, order)


def _samples() -> dict[str, list[str]]:
    """Long but common texts of the columns whose words the language decides."""
    return {
        "state": [case_state_label(s) for s in ("to_verify", "dispatched", "in_handling")],
        "urgency": [urgency_label(u) for u in ("normal", "urgent")],
        "countdown": [countdown_text(-dt.timedelta(days=15, hours=10))],
        "flags": [flags_text(True, 1, None)],
    }
