"""The frame every action dialog shares: what is being done to which case, the error of
the last try (the dialog comes back with the operator's input after a refusal), a note
(required where the workflow says so), and an OK button named after the action.

Ctrl+Enter accepts from anywhere in the dialog, Enter too outside the note.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.ops import DatabaseWorker
from console.services.case_view import CaseDetail
from console.views.case_actions import SPECS, ActionInput, note_required
from console.views.case_labels import action_label
from console.views.labels import case_state_label, fill


@dataclass(frozen=True)
class AskRequest:
    """What a dialog needs: the action, the case as shown, and the last try if any."""

    action: str
    detail: CaseDetail
    worker: DatabaseWorker
    language: str
    previous: ActionInput | None = None
    error: str = ""  # why the last try was refused, in the user's language


class InputDialog(QDialog):
    def __init__(self, request: AskRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self.setObjectName(f"dialog_{request.action}")
        self.previous = request.previous or ActionInput()
        label = action_label(request.action)
        detail = request.detail
        self.setWindowTitle(fill(self.tr("%1 — case %2"), label, detail.number))
        self.heading = QLabel(
            fill(
                self.tr("%1: case %2 (%3)"),
                label,
                detail.number,
                case_state_label(detail.state),
            )
        )
        self.heading.setWordWrap(True)
        self.warning = QLabel(self.tr("This cannot be undone."))
        self.warning.setObjectName("warning")
        self.warning.setStyleSheet("color: #c62828; font-weight: bold;")
        self.warning.setVisible(SPECS[request.action].confirm)
        self.error = QLabel(request.error)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(
            "color: #c62828; background: #ffebee; border-radius: 4px; padding: 6px;"
        )
        self.error.setVisible(bool(request.error))
        self.note_required = note_required(request.action)
        self.note_label = QLabel(self.tr("Note (required)") if self.note_required else "")
        if not self.note_required:
            self.note_label.setText(self.tr("Note"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setTabChangesFocus(True)
        self.note.setPlainText(self.previous.note)
        self.note.setPlaceholderText(
            self.tr("Say why (required)") if self.note_required else self.tr("Optional")
        )
        self.note.setMaximumHeight(110)
        self.note_label.setBuddy(self.note)
        self.buttons = QDialogButtonBox()
        self.ok: QPushButton = self.buttons.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("ok")
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self.try_accept)

        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        layout.addLayout(self.body)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.note.textChanged.connect(self.update_ok)

    # -- subclasses extend these ---------------------------------------------------------

    def valid(self) -> bool:
        return not self.needs_note() or bool(self.note.toPlainText().strip())

    def needs_note(self) -> bool:
        return self.note_required

    def value(self) -> ActionInput:
        return ActionInput(note=self.note.toPlainText().strip())

    # -- behaviour -----------------------------------------------------------------------

    def update_ok(self) -> None:
        self.ok.setEnabled(self.valid())
        self.note_label.setText(
            self.tr("Note (required)") if self.needs_note() else self.tr("Note")
        )

    def try_accept(self) -> None:
        if self.valid():
            self.accept()
        elif self.needs_note() and not self.note.toPlainText().strip():
            self.note.setFocus()

    def finish(self) -> None:
        """Called by subclasses at the end of their constructor."""
        self.update_ok()


class NoteDialog(InputDialog):
    """Just the note: a reason to decline, return, reject, fail a check or escalate."""

    def __init__(self, request: AskRequest, parent: QWidget | None = None) -> None:
        super().__init__(request, parent)
        self.note.setFocus()
        self.finish()
