"""Open cases that may be the same problem as the report being typed.

Shown before saving, nearest first. The operator can open one (it becomes the selected
case) or save the new report merged into it; saving as usual keeps it a new case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.services.intake_lookup import DuplicateRow
from console.views.labels import case_state_label, fill

ROW_ROLE = Qt.ItemDataRole.UserRole
_SNIPPET = 60


class DuplicateList(QWidget):
    open_case = Signal(int)  # case id
    merge_into = Signal(object)  # the DuplicateRow to merge the new report into
    keep_new = Signal()  # save the report as a case of its own

    def __init__(self, timezone: str = "Asia/Shanghai", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = ZoneInfo(timezone)
        self._rows: tuple[DuplicateRow, ...] = ()
        self._looked = False
        self.title = QLabel()
        self.title.setObjectName("duplicates_title")
        self.list = QListWidget()
        self.list.setObjectName("duplicates")
        self.list.setWordWrap(True)
        self.title.setBuddy(self.list)
        self.empty = QLabel()
        self.empty.setObjectName("duplicates_empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #777777;")
        self.open_button = QPushButton()
        self.open_button.setObjectName("open_duplicate")
        self.merge_button = QPushButton()
        self.merge_button.setObjectName("merge_duplicate")
        self.new_button = QPushButton()
        self.new_button.setObjectName("keep_new")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self._open)
        self.merge_button.clicked.connect(self._merge)
        self.new_button.clicked.connect(self.keep_new)
        self.list.itemActivated.connect(lambda _item: self._open())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.retranslate()
        self.show_rows((), looked=False)

    def rows(self) -> tuple[DuplicateRow, ...]:
        return self._rows

    def show_rows(self, rows: Sequence[DuplicateRow], *, looked: bool = True) -> None:
        """The candidates (looked: a lookup ran; False: not enough is known to look)."""
        self._rows = tuple(rows)
        self._looked = looked
        self.list.clear()
        for row in self._rows:
            item = QListWidgetItem(self._describe(row))
            item.setData(ROW_ROLE, row)
            self.list.addItem(item)
        if self._rows:
            self.list.setCurrentRow(0)
        self._show_empty()
        self._update_buttons()

    def current(self) -> DuplicateRow | None:
        item = self.list.currentItem()
        return item.data(ROW_ROLE) if item is not None else None

    def _open(self) -> None:
        row = self.current()
        if row is not None:
            self.open_case.emit(row.id)

    def _merge(self) -> None:
        row = self.current()
        if row is not None:
            self.merge_into.emit(row)

    def _update_buttons(self) -> None:
        has = self.current() is not None
        self.open_button.setEnabled(has)
        self.merge_button.setEnabled(has)
        self.new_button.setEnabled(has)

    def _describe(self, row: DuplicateRow) -> str:
        when = row.reported_at
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        text = " ".join(row.description.split())
        if len(text) > _SNIPPET:
            text = text[: _SNIPPET - 1] + "…"
        head = fill(
            self.tr("%1 · %2 · %3 m away · reported %4"),
            row.number,
            case_state_label(row.state),
            f"{row.distance_m:.0f}",
            when.astimezone(self._zone).strftime("%m-%d %H:%M"),
        )
        return "\n".join(part for part in (head, row.address, text) if part)

    def _show_empty(self) -> None:
        if self._rows:
            self.title.setText(fill(self.tr("Possible duplica&tes: %1"), str(len(self._rows))))
            self.title.setStyleSheet("font-weight: bold; color: #b26a00;")
            self.empty.hide()
            return
        self.title.setText(self.tr("Possible duplica&tes"))
        self.title.setStyleSheet("font-weight: bold;")
        self.empty.setText(
            self.tr("No open case of this category nearby.")
            if self._looked
            else self.tr("Shown once the category and the location are known.")
        )
        self.empty.show()

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Sh&ow case"))
        self.merge_button.setText(self.tr("Save and &merge into it"))
        self.merge_button.setToolTip(
            self.tr("Register this report and fold it into the selected case")
        )
        self.new_button.setText(self.tr("Save as ne&w case"))
        self.new_button.setToolTip(
            self.tr("Not the same problem: register it as a case of its own")
        )
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setText(self._describe(item.data(ROW_ROLE)))
        self._show_empty()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
