"""The overview pane: what is in the database (area, devices, accounts, cases,
enforcement) at a glance, refreshed when the change feed says something changed. Who
is signed in and which database it is are in the window's status bar.

A refresh asks for summary_if_changed (cheap when the feed has not moved); while one is
out, further changes only mark it stale, so a burst of changes costs two reads at most.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.errors import KnownError
from console.services.summary import DatabaseSummary, summary_if_changed
from console.store import Store
from console.views.labels import fill
from console.views.pane_context import PaneContext
from console.views.summary_model import SummaryTableModel, case_rows, overview_rows


class OverviewPane(QWidget):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._timezone = ctx.settings.timezone
        self._summary: DatabaseSummary | None = None
        self._loading = False
        self._stale = False
        self._error: KnownError | None = None
        self._updated_at: dt.datetime | None = None

        self.center = QLabel()
        self.center.setObjectName("overviewCenter")
        font = QFont(self.center.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.center.setFont(font)
        self.overview = SummaryTableModel(self)
        self.cases = SummaryTableModel(self)
        tables = QHBoxLayout()
        tables.setSpacing(12)
        for model in (self.overview, self.cases):
            tables.addWidget(_summary_table(model), 1)
        self.status = QLabel()
        self.status.setObjectName("overviewStatus")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 8)
        layout.addWidget(self.center)
        layout.addLayout(tables, 1)
        layout.addWidget(self.status)

        ctx.bus.changed.connect(self.refresh)
        ctx.bus.connection_changed.connect(self._connection_changed)
        self.retranslate()
        self.refresh()

    @property
    def summary(self) -> DatabaseSummary | None:
        return self._summary

    def row_texts(self) -> list[tuple[str, str]]:
        """(label, value) of every row shown, both tables."""
        return self.overview.row_texts() + self.cases.row_texts()

    # -- live refresh ----------------------------------------------------------------------

    def refresh(self, *_changes: object) -> None:
        if self._loading:
            self._stale = True
            return
        self._loading = True
        seen = self._summary.feed_seq if self._summary is not None else None

        def job(store: Store) -> DatabaseSummary | None:
            with store.read() as session:
                return summary_if_changed(session, seen)

        self._ctx.worker.submit(job, success=self._loaded, failure=self._failed, owner=self)

    def _loaded(self, summary: DatabaseSummary | None) -> None:
        self._loading = False
        self._error = None
        self._updated_at = dt.datetime.now(dt.UTC)
        if summary is not None:
            self._summary = summary
            self._show_summary()
        self._show_status()
        if self._stale:
            self._stale = False
            self.refresh()

    def _failed(self, error: KnownError) -> None:
        # The live feed notices a lost database and says so; this pane waits for it.
        self._loading = False
        self._stale = False
        self._error = error
        self._show_status()

    def _connection_changed(self, online: bool) -> None:
        if online:
            self.refresh()

    # -- texts -----------------------------------------------------------------------------

    def _show_summary(self) -> None:
        summary = self._summary
        name = summary.center_name if summary is not None and summary.center_name else ""
        self.center.setText(name or self.tr("Command center"))
        if summary is not None:
            self.overview.set_rows(overview_rows(summary, self._timezone))
            self.cases.set_rows(case_rows(summary))

    def _show_status(self) -> None:
        self.status.setProperty("error", self._error is not None)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        if self._error is not None:
            self.status.setText(self._error.message(self._ctx.translations.language))
        elif self._updated_at is None:
            self.status.setText(self.tr("Loading…"))
        else:
            zone = ZoneInfo(self._timezone)
            local = self._updated_at.astimezone(zone).strftime("%H:%M:%S")
            self.status.setText(fill(self.tr("Live; updated at %1"), local))

    def retranslate(self) -> None:
        self.overview.retranslate_headers()
        self.cases.retranslate_headers()
        self._show_summary()
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _summary_table(model: SummaryTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    columns = table.horizontalHeader()
    columns.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    columns.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    return table
