"""What the campaign, difficulty, enforcement and duty panels share: a read-only table
model fed with ready-made rows, and a panel that reads and writes through the worker and
refreshes when the change feed names one of its entities.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from console.errors import KnownError
from console.ops import reading, writing
from console.services.feed import Change
from console.views.pane_context import PaneContext

T = TypeVar("T")
V = TypeVar("V")
Index = QModelIndex | QPersistentModelIndex
ALERT = QColor("#c62828")


class RowsModel(QAbstractTableModel):
    """Rows of display texts; each row has an id (Qt.UserRole) and may be flagged."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[tuple[str, ...]] = []
        self._ids: list[int] = []
        self._flagged: list[bool] = []
        self._bold: set[int] = set()

    def set_headers(self, headers: Sequence[str]) -> None:
        self._headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(headers) - 1))

    def set_rows(
        self,
        rows: Sequence[Sequence[str]],
        ids: Sequence[int] | None = None,
        flagged: Sequence[bool] | None = None,
        bold_rows: Sequence[int] = (),
    ) -> None:
        self.beginResetModel()
        self._bold = set(bold_rows)
        self._rows = [tuple(r) for r in rows]
        self._ids = list(ids) if ids is not None else list(range(len(rows)))
        self._flagged = list(flagged) if flagged is not None else [False] * len(rows)
        self.endResetModel()

    def row_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_texts(self) -> list[tuple[str, ...]]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            cells = self._rows[row]
            return cells[column] if column < len(cells) else ""
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[row]
        if role == Qt.ItemDataRole.ForegroundRole and self._flagged[row]:
            return QBrush(ALERT)
        if role == Qt.ItemDataRole.FontRole and row in self._bold:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


def table_view(model: RowsModel, *, stretch: int = -1) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setStretchLastSection(False)
        model.headerDataChanged.connect(
            lambda *_: (
                header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
                if stretch < model.columnCount()
                else None
            )
        )
    else:
        header.setStretchLastSection(True)
    return table


def selected_id(table: QTableView) -> int | None:
    model = table.model()
    rows = table.selectionModel().selectedRows()
    if not rows or not isinstance(model, RowsModel):
        return None
    return model.row_id(rows[0].row())


def finish_dialog(dialog: QDialog, form: QFormLayout) -> None:
    """Lay out a simple form dialog with OK and Cancel under the form."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)


def local_time(value: dt.datetime | None, zone: str, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return value.astimezone(ZoneInfo(zone)).strftime(fmt) if value is not None else ""


class LivePanel(QWidget):
    """Reads on the worker, refreshes when the feed names one of `entities`; a refresh
    asked for while one is out runs once after it, so a burst costs two reads at most."""

    def __init__(self, ctx: PaneContext, entities: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entities = frozenset(entities)
        self._loading = False
        self._stale = False
        self.status = QLabel()
        self.status.setObjectName("panelStatus")
        self.status.setWordWrap(True)
        ctx.bus.changed.connect(self._changed)
        ctx.bus.connection_changed.connect(self._connection_changed)

    @property
    def language(self) -> str:
        return self.ctx.translations.language

    def _changed(self, changes: list[Change]) -> None:
        if any(c.entity in self.entities for c in changes):
            self.refresh()

    def _connection_changed(self, online: bool) -> None:
        if online:
            self.refresh()

    def refresh(self) -> None:
        if self._loading:
            self._stale = True
            return
        self._loading = True
        params = self.params()  # read from the widgets here, on the GUI thread
        self.ctx.worker.submit(
            reading(lambda session: self.load(session, params)),
            success=self._loaded,
            failure=self._load_failed,
            owner=self,
        )

    def params(self) -> Any:
        """What the next load() needs from the widgets (override); runs on the GUI thread."""
        return None

    def load(self, session: Session, params: Any) -> Any:
        """What the panel shows, read on the worker (override); never touches widgets."""
        raise NotImplementedError

    def show_data(self, data: Any) -> None:
        """Show what load() returned, on the GUI thread (override)."""
        raise NotImplementedError

    def _loaded(self, data: Any) -> None:
        self._loading = False
        self.show_data(data)
        if self._stale:
            self._stale = False
            self.refresh()

    def _load_failed(self, error: KnownError) -> None:
        self._loading = False
        self._stale = False
        self.show_error(error)

    def write(self, fn: Callable[[Session], T], done: Callable[[T], None] | None = None) -> None:
        """Run a service change in one transaction; the feed brings the refresh."""

        def succeeded(result: T) -> None:
            self.show_error(None)
            if done is not None:
                done(result)

        self.ctx.worker.submit(writing(fn), success=succeeded, failure=self.show_error, owner=self)

    def on_accept(
        self,
        dialog: QDialog,
        read: Callable[[], V],
        change: Callable[[Session, V], object],
    ) -> None:
        """When dialog is accepted: read its values here (GUI thread), then write them."""

        def accepted() -> None:
            values = read()
            self.write(lambda session: change(session, values))

        dialog.accepted.connect(accepted)

    def show_error(self, error: KnownError | None) -> None:
        self.status.setProperty("error", error is not None)
        self.status.setText(error.message(self.language) if error is not None else "")

    def retranslate(self) -> None:
        """Texts in the UI language (override); called on a language change."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
