"""Asking the operator for what an action needs, and confirming what cannot be undone.

The pane calls ask() and confirm() through this module, so a test may replace them and
answer programmatically. ask() returns None when the operator cancels.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QWidget,
)

from console.models.case import CALLBACK_RESULTS
from console.services.case_view import CaseDetail
from console.views import case_actions as ca
from console.views.case_actions import ActionInput
from console.views.case_labels import action_label, callback_label, local_time
from console.views.dispatch_dialog import DispatchDialog
from console.views.feedback_dialog import FeedbackDialog
from console.views.input_dialog import AskRequest, InputDialog, NoteDialog
from console.views.labels import fill

__all__ = ["AskRequest", "ask", "confirm"]

# Called by this name so that lupdate finds every string.
translate = QCoreApplication.translate


class VerifyDialog(InputDialog):
    """核实: the inspector found the problem (to open) or not (declined, with a reason)."""

    def __init__(self, request: AskRequest, parent: QWidget | None = None) -> None:
        super().__init__(request, parent)
        self.exists = QRadioButton(self.tr("The problem exists: send it to be opened"))
        self.missing = QRadioButton(self.tr("Not found, or cannot be verified"))
        group = QButtonGroup(self)
        for button in (self.exists, self.missing):
            group.addButton(button)
            self.body.addWidget(button)
        (self.exists if self.previous.exists else self.missing).setChecked(True)
        group.buttonToggled.connect(self.update_ok)
        self.exists.setFocus()
        self.finish()

    def needs_note(self) -> bool:
        return self.missing.isChecked()

    def value(self) -> ActionInput:
        return ActionInput(note=self.note.toPlainText().strip(), exists=self.exists.isChecked())


class CallbackDialog(InputDialog):
    """回访: what the reporter said when called back."""

    def __init__(self, request: AskRequest, parent: QWidget | None = None) -> None:
        super().__init__(request, parent)
        self.result_box = QComboBox()
        self.result_box.setObjectName("result")
        for code in CALLBACK_RESULTS:
            self.result_box.addItem(callback_label(code), code)
        if self.previous.result:
            self.result_box.setCurrentIndex(max(0, self.result_box.findData(self.previous.result)))
        form = QFormLayout()
        form.addRow(self.tr("Result"), self.result_box)
        self.body.addLayout(form)
        self.result_box.setFocus()
        self.finish()

    def value(self) -> ActionInput:
        return ActionInput(
            note=self.note.toPlainText().strip(), result=str(self.result_box.currentData())
        )


class MergeDialog(InputDialog):
    """合并: this case is a duplicate of the case numbered ..."""

    def __init__(self, request: AskRequest, parent: QWidget | None = None) -> None:
        super().__init__(request, parent)
        self.target = QLineEdit(self.previous.target_number)
        self.target.setObjectName("target")
        self.target.setPlaceholderText(self.tr("Number of the case to keep, e.g. BJ202611290001"))
        self.target.textChanged.connect(self.update_ok)
        form = QFormLayout()
        form.addRow(self.tr("Merge into case"), self.target)
        self.body.addLayout(form)
        self.target.setFocus()
        self.finish()

    def valid(self) -> bool:
        return bool(self.target.text().strip()) and super().valid()

    def value(self) -> ActionInput:
        return ActionInput(
            note=self.note.toPlainText().strip(), target_number=self.target.text().strip()
        )


class ExtensionDialog(InputDialog):
    """延期: more hours or a new deadline; approving may keep what was asked for."""

    def __init__(self, request: AskRequest, parent: QWidget | None = None) -> None:
        super().__init__(request, parent)
        detail = request.detail
        self.zone = ZoneInfo(detail.timezone)
        self.approving = request.action == "approve_extension"
        self.first = QRadioButton(
            fill(
                self.tr("As requested: until %1"), local_time(detail.requested_due, detail.timezone)
            )
            if self.approving
            else self.tr("More hours")
        )
        self.by_due = QRadioButton(self.tr("A new deadline"))
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("hours")
        self.hours.setRange(0.5, 24 * 90)
        self.hours.setDecimals(1)
        self.hours.setValue(self.previous.hours or 24.0)
        self.hours.setSuffix(self.tr(" h"))
        self.hours.setVisible(not self.approving)
        self.due = QDateTimeEdit()
        self.due.setObjectName("due")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        start = self.previous.new_due or detail.requested_due or _later(detail)
        self.due.setDateTime(_qt_local(start, self.zone))
        group = QButtonGroup(self)
        form = QFormLayout()
        form.addRow(self.first, self.hours)
        form.addRow(self.by_due, self.due)
        for button in (self.first, self.by_due):
            group.addButton(button)
        self.body.addLayout(form)
        (self.by_due if self.previous.new_due else self.first).setChecked(True)
        group.buttonToggled.connect(self._mode)
        self._mode()
        self.first.setFocus()
        self.finish()

    def _mode(self) -> None:
        self.hours.setEnabled(self.first.isChecked())
        self.due.setEnabled(self.by_due.isChecked())

    def value(self) -> ActionInput:
        note = self.note.toPlainText().strip()
        if self.by_due.isChecked():
            return ActionInput(note=note, new_due=_aware(self.due.dateTime(), self.zone))
        if self.approving:
            return ActionInput(note=note)
        return ActionInput(note=note, hours=float(self.hours.value()))


def _later(detail: CaseDetail) -> dt.datetime:
    now = dt.datetime.now(dt.UTC)
    base = max(detail.handle_due_at or now, now)
    return base + dt.timedelta(days=1)


def _qt_local(at: dt.datetime, zone: ZoneInfo) -> QDateTime:
    local = at.astimezone(zone)
    return QDateTime.fromString(local.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm")


def _aware(value: QDateTime, zone: ZoneInfo) -> dt.datetime:
    naive = dt.datetime.strptime(value.toString("yyyy-MM-dd HH:mm"), "%Y-%m-%d %H:%M")
    return naive.replace(tzinfo=zone)


DIALOGS: dict[str, type[InputDialog]] = {
    ca.NOTE: NoteDialog,
    ca.VERIFY: VerifyDialog,
    ca.DISPATCH: DispatchDialog,
    ca.FEEDBACK: FeedbackDialog,
    ca.EXTENSION: ExtensionDialog,
    ca.CALLBACK: CallbackDialog,
    ca.MERGE: MergeDialog,
}


def make_dialog(parent: QWidget | None, request: AskRequest) -> InputDialog:
    return DIALOGS[ca.SPECS[request.action].dialog](request, parent)


def ask(parent: QWidget | None, request: AskRequest) -> ActionInput | None:
    """The action's dialog, modal; the operator's input, or None if cancelled."""
    dialog = make_dialog(parent, request)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()
    finally:
        dialog.deleteLater()


def confirm(parent: QWidget | None, action: str, detail: CaseDetail) -> bool:
    """Yes or no before a step that cannot be undone (Enter confirms, Esc cancels)."""
    label = action_label(action)
    box = QMessageBox(parent)
    box.setObjectName(f"confirm_{action}")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(fill(translate("ActionDialogs", "%1 — case %2"), label, detail.number))
    question = translate("ActionDialogs", "%1: case %2? This cannot be undone.")
    box.setText(fill(question, label, detail.number))
    yes = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("ActionDialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes)
    box.setTextFormat(Qt.TextFormat.PlainText)
    try:
        box.exec()
        return box.clickedButton() is yes
    finally:
        box.deleteLater()
