"""A case's timeline as a table: when, who, in which role, what, state change, note."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from console.services.case_view import TimelineEntry
from console.views.case_labels import (
    action_label,
    actor_role_label,
    callback_label,
    local_time,
)
from console.views.labels import case_state_label, fill

# Called by this name so that lupdate finds every string.
translate = QCoreApplication.translate

Index = QModelIndex | QPersistentModelIndex
TIME, USER, ROLE, ACTION, STATES, NOTE = range(6)


def _headers() -> list[str]:
    return [
        translate("TimelineModel", "Time"),
        translate("TimelineModel", "User"),
        translate("TimelineModel", "Role"),
        translate("TimelineModel", "Action"),
        translate("TimelineModel", "State"),
        translate("TimelineModel", "Note"),
    ]


def _details(entry: TimelineEntry, timezone: str) -> str:
    """What the step's data says that the columns do not (unit, due, result, ...)."""
    data = entry.data
    parts: list[str] = []
    if entry.action == "dispatch" and data.get("unit"):
        parts.append(fill(translate("TimelineModel", "to %1"), str(data["unit"])))
    if entry.action == "callback" and data.get("result"):
        parts.append(callback_label(str(data["result"])))
    if entry.action == "merge" and data.get("into_number"):
        parts.append(fill(translate("TimelineModel", "into %1"), str(data["into_number"])))
    if entry.action == "merged_in" and data.get("duplicate_number"):
        parts.append(fill(translate("TimelineModel", "from %1"), str(data["duplicate_number"])))
    for key in ("requested_due", "new_due"):
        raw = data.get(key)
        if isinstance(raw, str):
            due = local_time(dt.datetime.fromisoformat(raw), timezone)
            parts.append(fill(translate("TimelineModel", "due %1"), due))
            break
    photos = data.get("attachments")
    if isinstance(photos, list) and photos:
        parts.append(fill(translate("TimelineModel", "%1 file(s)"), str(len(photos))))
    if data.get("automatic"):
        parts.append(translate("TimelineModel", "automatic"))
    return "; ".join(parts)


class TimelineModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []
        self._timezone = "Asia/Shanghai"

    def set_entries(self, entries: Sequence[TimelineEntry], timezone: str) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._timezone = timezone
        self.endResetModel()

    def entry(self, row: int) -> TimelineEntry:
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == NOTE:
                extra = json.dumps(entry.data, ensure_ascii=False, sort_keys=True)
                return "\n".join(t for t in (entry.note, extra if entry.data else "") if t)
            if column == USER:
                return entry.actor
            return None
        if role == Qt.ItemDataRole.UserRole:
            return entry.action if column == ACTION else None
        return None

    def _text(self, entry: TimelineEntry, column: int) -> str:
        if column == TIME:
            return local_time(entry.at, self._timezone, seconds=True)
        if column == USER:
            # Steps the program took itself (escalation on timeout, imports) say so.
            if entry.actor_name == "system" and entry.role == "system":
                return actor_role_label("system")
            return entry.actor_name
        if column == ROLE:
            return actor_role_label(entry.role) if entry.role else ""
        if column == ACTION:
            details = _details(entry, self._timezone)
            label = action_label(entry.action)
            return f"{label} ({details})" if details else label
        if column == STATES:
            to = case_state_label(entry.to_state) if entry.to_state else ""
            if entry.from_state is None or entry.from_state == entry.to_state:
                return to
            return f"{case_state_label(entry.from_state)} → {to}"
        return entry.note.replace("\n", " ")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = _headers()
        return headers[section] if 0 <= section < len(headers) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._entries:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._entries) - 1, self.columnCount() - 1)
            )
