"""The form for one enforcement ledger row (执法台账)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.models.duty import SHIFT_KINDS
from console.models.enforcement import ENFORCEMENT_KINDS
from console.services.campaigns import CampaignRow
from console.services.enforcement_ledger import ActionInput
from console.views.campaign_labels import shift_label
from console.views.labels import enforcement_label, fill


class RecordDialog(QDialog):
    def __init__(
        self,
        teams: Sequence[str],
        campaigns: Sequence[CampaignRow],
        case: tuple[int, str] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("enforcementRecordDialog")
        self.setWindowTitle(self.tr("Record enforcement work"))
        today = dt.date.today()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        for kind in ENFORCEMENT_KINDS:
            self.kind.addItem(enforcement_label(kind), kind)
        self.quantity = QLineEdit("1")
        self.team = QComboBox()
        self.team.setEditable(True)
        self.team.addItems(list(teams))
        self.shift = QComboBox()
        for kind in SHIFT_KINDS:
            self.shift.addItem(shift_label(kind), kind)
        self.plate = QLineEdit()
        self.plate.setPlaceholderText(self.tr("Seizures: one vehicle per row, e.g. 京A12345"))
        self.case_id = case[0] if case else None
        self.link_case = QCheckBox(fill(self.tr("Case %1"), case[1]) if case else "")
        self.link_case.setVisible(case is not None)
        self.campaign = QComboBox()
        self.campaign.addItem(self.tr("(none)"), None)
        for row in campaigns:
            self.campaign.addItem(row.name, row.id)
        self.note = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Quantity"), self.quantity)
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.tr("Shift"), self.shift)
        form.addRow(self.tr("Plate number"), self.plate)
        if case is not None:
            form.addRow(self.tr("Linked case"), self.link_case)
        form.addRow(self.tr("Campaign"), self.campaign)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def value(self) -> ActionInput:
        day = self.day.date()
        return ActionInput(
            occurred_on=dt.date(day.year(), day.month(), day.day()),
            kind=str(self.kind.currentData()),
            quantity=self.quantity.text(),
            team=self.team.currentText(),
            shift=str(self.shift.currentData()),
            case_id=self.case_id if self.link_case.isChecked() else None,
            campaign_id=self.campaign.currentData(),
            plate=self.plate.text(),
            note=self.note.text(),
        )
