"""The handover tab (交接班): recent handovers with their open items; writing one for a
shift (starting from a draft of what is still open) and accepting one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from console.ops import reading
from console.services import duty_roster, handover
from console.views.campaign_common import LivePanel, RowsModel, local_time, selected_id, table_view
from console.views.campaign_labels import shift_label
from console.views.handover_dialog import HandoverDialog, item_text
from console.views.pane_context import PaneContext


@dataclass(frozen=True)
class HandoverData:
    rows: list[handover.HandoverRow]
    shifts: list[duty_roster.ShiftRow]  # yesterday's and today's, to write for


class HandoverView(LivePanel):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ("handover_log", "duty_shift"), parent)
        self.data: HandoverData | None = None
        self.model = RowsModel(self)
        self.table = table_view(self.model, stretch=5)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.write_button = QPushButton()
        self.accept_button = QPushButton()
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.write_button)
        bar.addWidget(self.accept_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.write_button.clicked.connect(self.ask_write)
        self.accept_button.clicked.connect(self.accept_selected)
        self._dialog: HandoverDialog | None = None
        self.retranslate()
        self.refresh()

    def load(self, session: Session, params: None) -> HandoverData:
        today = dt.date.today()
        return HandoverData(
            handover.recent(session),
            duty_roster.roster(session, today - dt.timedelta(days=1), today + dt.timedelta(days=1)),
        )

    def show_data(self, data: HandoverData) -> None:
        self.data = data
        zone = self.ctx.settings.timezone
        self.model.set_rows(
            [
                (
                    self._shift(r.from_shift),
                    self._shift(r.to_shift),
                    local_time(r.written_at, zone),
                    r.written_by,
                    str(len(r.open_items)),
                    r.summary.replace("\n", " "),
                    (
                        r.accepted_by
                        and f"{r.accepted_by} {local_time(r.accepted_at, zone, '%H:%M')}"
                    )
                    or self.tr("not yet"),
                )
                for r in data.rows
            ],
            ids=[r.id for r in data.rows],
            flagged=[r.accepted_at is None for r in data.rows],
        )
        self._show_detail()

    def _shift(self, ref: handover.ShiftRef | None) -> str:
        if ref is None:
            return "—"
        zone = self.ctx.settings.timezone
        start = local_time(ref.starts_at, zone, "%m-%d %H:%M")
        return f"{start}–{local_time(ref.ends_at, zone, '%H:%M')} {shift_label(ref.kind)}"

    def _row(self) -> handover.HandoverRow | None:
        log_id = selected_id(self.table)
        return next((r for r in (self.data.rows if self.data else []) if r.id == log_id), None)

    def _show_detail(self) -> None:
        row = self._row()
        if row is None:
            self.detail.setPlainText("")
            return
        lines = [row.summary, "", self.tr("Carried over:")]
        lines += [f"• {item_text(item)}" for item in row.open_items] or [self.tr("(nothing)")]
        self.detail.setPlainText("\n".join(lines))

    def ask_write(self) -> None:
        if self.data is None:
            return
        dialog = HandoverDialog(self.data.shifts, self.ctx.settings.timezone, self)
        dialog.shift_chosen.connect(lambda shift_id: self._load_draft(dialog, shift_id))
        actor = self.ctx.actor
        self.on_accept(
            dialog,
            lambda: (dialog.shift_id(), dialog.summary(), dialog.items()),
            lambda s, v: handover.write(s, actor, v[0], summary=v[1], open_items=v[2]).id,
        )
        self._dialog = dialog
        dialog.open()
        dialog.choose_current()

    def _load_draft(self, dialog: HandoverDialog, shift_id: int) -> None:
        self.ctx.worker.submit(
            reading(lambda s: handover.draft(s, shift_id)),
            success=dialog.set_draft,
            failure=self.show_error,
            owner=dialog,
        )

    def accept_selected(self) -> None:
        row = self._row()
        if row is not None:
            actor = self.ctx.actor
            self.write(lambda s: handover.accept(s, actor, row.id).id)

    def retranslate(self) -> None:
        self.write_button.setText(self.tr("Write handover…"))
        self.accept_button.setText(self.tr("Accept"))
        self.model.set_headers(
            [
                self.tr("From shift"),
                self.tr("To shift"),
                self.tr("Written at"),
                self.tr("Written by"),
                self.tr("Open items"),
                self.tr("Summary"),
                self.tr("Accepted"),
            ]
        )
        if self.data is not None:
            self.show_data(self.data)
