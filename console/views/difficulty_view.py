"""The difficulty list tab (难点清单): what is left, by deadline, and writing items off."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from console.services import difficulty as svc
from console.views.campaign_common import (
    LivePanel,
    RowsModel,
    finish_dialog,
    local_time,
    selected_id,
    table_view,
)
from console.views.campaign_dialogs import PhotoPicker, read_photos
from console.views.campaign_photos import PhotoListDialog
from console.views.labels import fill
from console.views.pane_context import PaneContext


@dataclass(frozen=True)
class DifficultyData:
    rows: list[svc.DifficultyRow]
    left: svc.Remaining


class AddDifficultyDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("difficultyAddDialog")
        self.setWindowTitle(self.tr("New difficult problem"))
        self.title = QLineEdit()
        self.description = QPlainTextEdit()
        today = dt.date.today() + dt.timedelta(days=30)
        self.deadline = QDateEdit(QDate(today.year, today.month, today.day))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout()
        form.addRow(self.tr("Problem"), self.title)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Deadline"), self.deadline)
        finish_dialog(self, form)

    def value(self) -> svc.DifficultyInput:
        day = self.deadline.date()
        return svc.DifficultyInput(
            self.title.text(),
            dt.date(day.year(), day.month(), day.day()),
            self.description.toPlainText(),
        )


class WriteOffDialog(QDialog):
    """销账: how it was solved, and the evidence photos."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("difficultyWriteOffDialog")
        self.setWindowTitle(fill(self.tr("Write off: %1"), title))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("How was it solved?"))
        self.photos = PhotoPicker()
        form = QFormLayout()
        form.addRow(QLabel(self.tr("A write-off needs a note and at least one evidence photo.")))
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Evidence"), self.photos)
        finish_dialog(self, form)


class DifficultyView(LivePanel):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ("difficulty_item",), parent)
        self.data: DifficultyData | None = None
        self.left = QLabel()
        self.left.setObjectName("difficultyLeft")
        self.show_done = QCheckBox()
        self.show_done.toggled.connect(lambda _on: self.refresh())
        self.add_button = QPushButton()
        self.write_off_button = QPushButton()
        self.reopen_button = QPushButton()
        self.photo_button = QPushButton()
        self.model = RowsModel(self)
        self.table = table_view(self.model, stretch=0)
        bar = QHBoxLayout()
        bar.addWidget(self.left, 1)
        bar.addWidget(self.show_done)
        for button in (
            self.add_button,
            self.photo_button,
            self.write_off_button,
            self.reopen_button,
        ):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self.ask_add)
        self.write_off_button.clicked.connect(self.ask_write_off)
        self.reopen_button.clicked.connect(self.ask_reopen)
        self.photo_button.clicked.connect(self.show_photos)
        self.add_button.setEnabled(ctx.actor.has(*svc.LIST_ROLES))
        self.reopen_button.setEnabled(ctx.actor.has(*svc.REOPEN_ROLES))
        self._dialog: QDialog | None = None
        self.retranslate()
        self.refresh()

    def params(self) -> bool:
        return self.show_done.isChecked()

    def load(self, session: Session, params: bool) -> DifficultyData:
        return DifficultyData(
            svc.list_items(session, include_written_off=params),
            svc.remaining(session),
        )

    def show_data(self, data: DifficultyData) -> None:
        self.data = data
        left = data.left
        self.left.setProperty("error", left.open > 0)
        self.left.setText(
            fill(
                self.tr("Left: %1 (overdue %2) · written off: %3 · the goal: nothing left"),
                str(left.open),
                str(left.overdue),
                str(left.written_off),
            )
        )
        zone = self.ctx.settings.timezone
        self.model.set_rows(
            [
                (
                    r.title,
                    r.community,
                    r.owner,
                    r.deadline.isoformat(),
                    self._state(r),
                    str(r.evidence),
                    local_time(r.written_off_at, zone),
                    r.write_off_note,
                )
                for r in data.rows
            ],
            ids=[r.id for r in data.rows],
            flagged=[r.overdue for r in data.rows],
        )

    def _state(self, row: svc.DifficultyRow) -> str:
        if row.state == "written_off":
            return self.tr("Written off")
        return self.tr("Overdue") if row.overdue else self.tr("Open")

    def _row(self) -> svc.DifficultyRow | None:
        item_id = selected_id(self.table)
        return next((r for r in (self.data.rows if self.data else []) if r.id == item_id), None)

    def ask_add(self) -> None:
        dialog = AddDifficultyDialog(self)
        actor = self.ctx.actor
        self.on_accept(dialog, dialog.value, lambda s, data: svc.add_item(s, actor, data).id)
        self._dialog = dialog
        dialog.open()

    def ask_write_off(self) -> None:
        row = self._row()
        if row is None or row.state != "open":
            return
        dialog = WriteOffDialog(row.title, self)
        dialog.accepted.connect(
            lambda: self.write_off(row.id, dialog.note.toPlainText(), dialog.photos.paths)
        )
        self._dialog = dialog
        dialog.open()

    def write_off(self, item_id: int, note: str, photo_paths: list[str]) -> None:
        actor = self.ctx.actor
        self.write(
            lambda s: (
                svc.write_off(
                    s, actor, item_id, note=note, evidence=read_photos(s, "evidence", photo_paths)
                ).id
            )
        )

    def show_photos(self) -> None:
        row = self._row()
        if row is None:
            return
        actor = self.ctx.actor
        dialog: PhotoListDialog | None = None

        def add(paths: list[str]) -> None:
            self.write(
                lambda s: svc.attach_evidence(s, actor, row.id, read_photos(s, "evidence", paths)),
                lambda _ids: dialog.reload() if dialog is not None else None,
            )

        may_add = actor.has(*svc.LIST_ROLES) or actor.user_id == row.owner_user_id
        dialog = PhotoListDialog(
            self.ctx.worker,
            "difficulty_item",
            row.id,
            row.title,
            self.ctx.settings.timezone,
            self.language,
            add if may_add else None,
            self,
        )
        self._dialog = dialog
        dialog.open()

    def ask_reopen(self) -> None:
        row = self._row()
        if row is None or row.state != "written_off":
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(fill(self.tr("Reopen: %1"), row.title))
        reason = QPlainTextEdit()
        form = QFormLayout()
        form.addRow(self.tr("Reason"), reason)
        finish_dialog(dialog, form)
        actor = self.ctx.actor
        self.on_accept(
            dialog,
            reason.toPlainText,
            lambda s, text: svc.reopen(s, actor, row.id, reason=text).id,
        )
        self._dialog = dialog
        dialog.open()

    def retranslate(self) -> None:
        self.show_done.setText(self.tr("Show written off"))
        self.add_button.setText(self.tr("Add…"))
        self.write_off_button.setText(self.tr("Write off…"))
        self.reopen_button.setText(self.tr("Reopen…"))
        self.photo_button.setText(self.tr("Evidence…"))
        self.model.set_headers(
            [
                self.tr("Problem"),
                self.tr("Community"),
                self.tr("Owner"),
                self.tr("Deadline"),
                self.tr("State"),
                self.tr("Evidence"),
                self.tr("Written off at"),
                self.tr("How it was solved"),
            ]
        )
        if self.data is not None:
            self.show_data(self.data)
        else:
            self.left.setText(self.tr("Loading…"))
