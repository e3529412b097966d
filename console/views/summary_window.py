"""The main window for now: what is in the database, who is signed in, kept up to date.

It follows the change feed: every second it asks the worker whether the feed moved and,
only then, for a fresh summary; a poll is never sent while the previous one is out.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.errors import KnownError
from console.i18n import Translations
from console.ops import DatabaseWorker
from console.services.actor import Actor
from console.services.summary import DatabaseSummary, summary_if_changed
from console.store import Store
from console.views.labels import fill, join_labels, role_label
from console.views.summary_model import SummaryTableModel, case_rows, overview_rows

POLL_INTERVAL_MS = 1000


class SummaryWindow(QMainWindow):
    def __init__(
        self,
        worker: DatabaseWorker,
        translations: Translations,
        actor: Actor,
        *,
        database: str,
        timezone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._translations = translations
        self._actor = actor
        self._database = database
        self._timezone = timezone
        self._summary: DatabaseSummary | None = None
        self._polling = False
        self._error: KnownError | None = None
        self._updated_at: dt.datetime | None = None

        self.center = QLabel()
        self.center.setObjectName("center")
        font = QFont(self.center.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.center.setFont(font)
        self.database = QLabel()
        self.database.setObjectName("database")
        self.database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.user = QLabel()
        self.user.setObjectName("user")
        self.overview = SummaryTableModel(self)
        self.cases = SummaryTableModel(self)
        tables = QHBoxLayout()
        tables.setSpacing(12)
        for model in (self.overview, self.cases):
            tables.addWidget(_summary_table(model), 1)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.statusBar().addWidget(self.status, 1)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 8)
        layout.addWidget(self.center)
        layout.addWidget(self.database)
        layout.addWidget(self.user)
        layout.addLayout(tables, 1)
        self.setCentralWidget(body)
        self.resize(900, 660)

        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self.poll)
        self.retranslate()
        self.poll()
        self._timer.start()

    @property
    def summary(self) -> DatabaseSummary | None:
        return self._summary

    def row_texts(self) -> list[tuple[str, str]]:
        """(label, value) of every row shown, both tables."""
        return self.overview.row_texts() + self.cases.row_texts()

    # -- live refresh ------------------------------------------------------------------

    def poll(self) -> None:
        if self._polling:
            return
        self._polling = True
        seen = self._summary.feed_seq if self._summary is not None else None

        def job(store: Store) -> DatabaseSummary | None:
            with store.read() as session:
                return summary_if_changed(session, seen)

        self._worker.submit(job, success=self._polled, failure=self._poll_failed, owner=self)

    def _polled(self, summary: DatabaseSummary | None) -> None:
        self._polling = False
        self._error = None
        self._updated_at = dt.datetime.now(dt.UTC)
        if summary is not None:
            self._summary = summary
            self._show_summary()
        self._show_status()

    def _poll_failed(self, error: KnownError) -> None:
        # The database may come back (a restarted server): keep polling, say so meanwhile.
        self._polling = False
        self._error = error
        self._show_status()

    def stop(self) -> None:
        self._timer.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    # -- texts -------------------------------------------------------------------------

    def _show_summary(self) -> None:
        summary = self._summary
        name = summary.center_name if summary is not None and summary.center_name else ""
        self.center.setText(name or self.tr("Command center"))
        if summary is not None:
            self.overview.set_rows(overview_rows(summary, self._timezone))
            self.cases.set_rows(case_rows(summary))

    def _show_status(self) -> None:
        if self._error is not None:
            self.status.setText(self._error.message(self._translations.language))
            self.status.setStyleSheet("color: #c62828;")
            return
        self.status.setStyleSheet("")
        if self._updated_at is None:
            self.status.setText(self.tr("Loading…"))
            return
        local = self._updated_at.astimezone(ZoneInfo(self._timezone)).strftime("%H:%M:%S")
        self.status.setText(fill(self.tr("Live; checked at %1"), local))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sanwang Console — Summary"))
        self.database.setText(fill(self.tr("Database: %1"), self._database))
        roles = join_labels([role_label(r) for r in sorted(self._actor.roles)]) or "—"
        self.user.setText(
            fill(
                self.tr("Signed in: %1 (%2) at %3"),
                self._actor.username,
                roles,
                self._actor.workstation,
            )
        )
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
