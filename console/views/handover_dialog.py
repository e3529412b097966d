"""Writing a handover: pick the shift, tick the open items to carry (drafted from what is
still open), add notes, and sum up the shift."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from console.services.duty_roster import ShiftRow
from console.services.handover import HandoverDraft
from console.views.campaign_common import finish_dialog, local_time
from console.views.campaign_labels import shift_label
from console.views.labels import case_state_label, fill

# Called by this name so that lupdate finds every string.
translate = QCoreApplication.translate


def item_text(item: dict[str, Any]) -> str:
    """One open item as a line of text."""
    kind = item.get("kind", "case" if "number" in item else "note")
    if kind == "case":
        return fill(
            translate("Handover", "Case %1 (%2)"),
            str(item.get("number", "")),
            case_state_label(str(item.get("state", ""))),
        )
    if kind == "difficulty":
        return fill(
            translate("Handover", "Difficult problem: %1 (deadline %2)"),
            str(item.get("title", "")),
            str(item.get("deadline", "")),
        )
    return str(item.get("text", ""))


class HandoverDialog(QDialog):
    shift_chosen = Signal(int)

    def __init__(
        self, shifts: Sequence[ShiftRow], zone: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Write the handover"))
        self.shift = QComboBox()
        for s in shifts:
            self.shift.addItem(
                f"{s.on_date.isoformat()} {shift_label(s.kind)} "
                f"{local_time(s.starts_at, zone, '%H:%M')}–{local_time(s.ends_at, zone, '%H:%M')}"
                f" {s.leader}",
                s.id,
            )
        self.shift.activated.connect(lambda _i: self.choose_current())
        self.list = QListWidget()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Something else to hand over"))
        self.add_note = QPushButton(self.tr("Add"))
        self.add_note.clicked.connect(self._add_note)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.add_note)
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setPlaceholderText(self.tr("How the shift went"))
        form = QFormLayout()
        form.addRow(self.tr("Shift"), self.shift)
        form.addRow(self.tr("Carry over"), self.list)
        form.addRow("", note_row)
        form.addRow(self.tr("Summary"), self.summary_edit)
        finish_dialog(self, form)
        self.resize(560, 480)

    def choose_current(self) -> None:
        if self.shift.currentData() is not None:
            self.list.clear()
            self.shift_chosen.emit(int(self.shift.currentData()))

    def shift_id(self) -> int:
        return int(self.shift.currentData())

    def set_draft(self, draft: HandoverDraft) -> None:
        if draft.from_shift_id != self.shift.currentData():
            return  # an answer for a shift no longer chosen
        self.list.clear()
        for item in draft.items:
            self._add(item)

    def _add(self, item: dict[str, Any]) -> None:
        row = QListWidgetItem(item_text(item))
        row.setData(Qt.ItemDataRole.UserRole, item)
        row.setCheckState(Qt.CheckState.Checked)
        self.list.addItem(row)

    def _add_note(self) -> None:
        text = self.note.text().strip()
        if text:
            self._add({"kind": "note", "text": text})
            self.note.clear()

    def items(self) -> list[dict[str, Any]]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def summary(self) -> str:
        return self.summary_edit.toPlainText()
