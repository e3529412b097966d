"""The summary as a two-column table (item, value), with group headings in bold."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from console.services.summary import DatabaseSummary
from console.views.labels import case_state_label, enforcement_label

# Called by this name so that lupdate finds every string.
translate = QCoreApplication.translate

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SummaryRow:
    label: str
    value: str = ""
    heading: bool = False
    indent: int = 0


def _number(value: int | Decimal) -> str:
    locale = QLocale()
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return locale.toString(float(value), "f", 2)
    return locale.toString(int(value))


def _row(label: str, value: int | Decimal | str = "", indent: int = 1) -> SummaryRow:
    text = value if isinstance(value, str) else _number(value)
    return SummaryRow(label, text, indent=indent)


def _heading(label: str) -> SummaryRow:
    return SummaryRow(label, heading=True)


def overview_rows(summary: DatabaseSummary, timezone: str) -> list[SummaryRow]:
    """Area, devices, accounts, enforcement and audit, in the current UI language."""
    last_audit = "—"
    if summary.last_audit_at is not None:
        local = summary.last_audit_at.astimezone(ZoneInfo(timezone))
        last_audit = local.strftime("%Y-%m-%d %H:%M:%S")
    return [
        _heading(translate("SummaryRows", "Area")),
        _row(translate("SummaryRows", "Communities"), summary.communities),
        _row(translate("SummaryRows", "Unit grids"), summary.grids),
        _heading(translate("SummaryRows", "Devices")),
        _row(translate("SummaryRows", "Cameras"), summary.cameras),
        _row(translate("SummaryRows", "Online"), summary.cameras_online, indent=2),
        _row(translate("SummaryRows", "Offline"), summary.cameras_offline, indent=2),
        _row(translate("SummaryRows", "Status unknown"), summary.cameras_unknown, indent=2),
        _row(translate("SummaryRows", "Field terminals"), summary.terminals),
        _heading(translate("SummaryRows", "Accounts")),
        _row(translate("SummaryRows", "Users"), summary.users),
        _heading(translate("SummaryRows", "Enforcement")),
        *(_row(enforcement_label(k), total) for k, total in summary.enforcement.items()),
        _heading(translate("SummaryRows", "Audit trail")),
        _row(translate("SummaryRows", "Last entry"), last_audit),
    ]


def case_rows(summary: DatabaseSummary) -> list[SummaryRow]:
    """Case totals, the community self-resolution rate and the count in each state."""
    rate = summary.community_rate
    return [
        _heading(translate("SummaryRows", "Cases")),
        _row(translate("SummaryRows", "All cases"), summary.cases_total),
        _row(translate("SummaryRows", "Resolved in the community"), summary.resolved_in_community),
        _row(
            translate("SummaryRows", "Community self-resolution rate"),
            "—" if rate is None else f"{rate:.1f}%",
        ),
        _heading(translate("SummaryRows", "Cases by state")),
        *(_row(case_state_label(s), n) for s, n in summary.cases_by_state.items()),
    ]


class SummaryTableModel(QAbstractTableModel):
    INDENT = "    "

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SummaryRow] = []

    def set_rows(self, rows: list[SummaryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_texts(self) -> list[tuple[str, str]]:
        return [(r.label, r.value) for r in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return self.INDENT * row.indent + row.label
            return row.value
        if role == Qt.ItemDataRole.FontRole and row.heading:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return translate("SummaryRows", "Item")
        if section == 1:
            return translate("SummaryRows", "Value")
        return None

    def retranslate_headers(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
