"""派遣: choose the lead unit and any assisting units; the suggestions come first.

Keyboard: the lead list has the focus on the first suggestion, so Enter dispatches to
it; arrows pick another; Tab moves to the assisting units, where Space ticks one. The
matrix's suggested assistants start ticked: the admin put them in for this category.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from console.services.case_view import UnitChoice
from console.views.case_actions import ActionInput
from console.views.case_labels import level_label, reason_label, suggestion_role_label
from console.views.input_dialog import AskRequest, InputDialog


def _text(choice: UnitChoice, suggested: bool) -> str:
    unit = choice.unit
    text = f"{unit.name}  ({unit.code}, {level_label(unit.level)})"
    if suggested:
        why = f"{suggestion_role_label(choice.role)}: {reason_label(choice.reason)}"
        text = f"★ {text} — {why}"
    return text


def _item(choice: UnitChoice, suggested: bool) -> QListWidgetItem:
    item = QListWidgetItem(_text(choice, suggested))
    item.setToolTip(item.text())
    item.setData(Qt.ItemDataRole.UserRole, choice.unit.id)
    if suggested:
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    return item


class DispatchDialog(InputDialog):
    def __init__(self, request: AskRequest, parent: QWidget | None = None) -> None:
        super().__init__(request, parent)
        choices = request.detail.unit_choices
        previous = request.previous
        self.lead = QListWidget()
        self.lead.setObjectName("lead")
        for choice in choices:
            if choice.may_lead:
                self.lead.addItem(_item(choice, choice.suggested))
        self.assisting = QListWidget()
        self.assisting.setObjectName("assisting")
        # The matrix's assistants first, then every other unit in the same order as above.
        helpers = sorted(choices, key=lambda c: c.role != "assisting")
        for choice in helpers:
            item = _item(choice, choice.role == "assisting")
            ticked = (
                choice.unit.id in previous.assisting_unit_ids
                if previous is not None
                else choice.role == "assisting"
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.assisting.addItem(item)
        self.lead.setCurrentRow(self._row_of(previous.unit_id if previous else None))
        self.lead.itemDoubleClicked.connect(self.try_accept)
        self.lead.currentRowChanged.connect(self.update_ok)
        lead_label = QLabel(self.tr("&Lead unit (Enter dispatches to the highlighted one)"))
        lead_label.setBuddy(self.lead)
        assist_label = QLabel(self.tr("&Assisting units (Space ticks)"))
        assist_label.setBuddy(self.assisting)
        self.body.addWidget(lead_label)
        self.body.addWidget(self.lead, 3)
        self.body.addWidget(assist_label)
        self.body.addWidget(self.assisting, 2)
        self.setMinimumSize(680, 560)
        self.lead.setFocus()
        self.finish()

    def _row_of(self, unit_id: int | None) -> int:
        for row in range(self.lead.count()):
            item = self.lead.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == unit_id:
                return row
        return 0 if self.lead.count() else -1

    def lead_unit(self) -> int | None:
        item = self.lead.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def assisting_units(self) -> tuple[int, ...]:
        lead = self.lead_unit()
        ticked = []
        for row in range(self.assisting.count()):
            item = self.assisting.item(row)
            if item is None or item.checkState() != Qt.CheckState.Checked:
                continue
            unit_id = int(item.data(Qt.ItemDataRole.UserRole))
            if unit_id != lead:  # the lead cannot also assist itself
                ticked.append(unit_id)
        return tuple(ticked)

    def valid(self) -> bool:
        return self.lead_unit() is not None and super().valid()

    def value(self) -> ActionInput:
        return ActionInput(
            note=self.note.toPlainText().strip(),
            unit_id=self.lead_unit(),
            assisting_unit_ids=self.assisting_units(),
        )
