"""The roster tab: a week of shifts (day, staggered 错时, evening, night, weekend), who
leads the duty today and who is on duty now; shift leaders plan the shifts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from console.services import duty_roster as svc
from console.views.campaign_common import LivePanel, RowsModel, local_time, selected_id, table_view
from console.views.campaign_labels import shift_label
from console.views.labels import fill
from console.views.pane_context import PaneContext
from console.views.roster_dialogs import ShiftDialog

DAYS_SHOWN = 7
# Who is on duty changes with the clock, not only with the feed: read again this often.
CLOCK_REFRESH_MS = 60 * 1000


@dataclass(frozen=True)
class RosterData:
    shifts: list[svc.ShiftRow]
    now: svc.DutyNow
    people: list[tuple[int, str]]


class RosterView(LivePanel):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ("duty_shift",), parent)
        self.data: RosterData | None = None
        self.duty = QLabel()
        self.duty.setObjectName("dutyToday")
        self.duty.setWordWrap(True)
        today = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
        self.week = QDateEdit(QDate(today.year, today.month, today.day))
        self.week.setCalendarPopup(True)
        self.week.setDisplayFormat("yyyy-MM-dd")
        self.week.dateChanged.connect(lambda _d: self.refresh())
        self.back = QPushButton("◀")
        self.forward = QPushButton("▶")
        self.back.clicked.connect(lambda: self.week.setDate(self.week.date().addDays(-DAYS_SHOWN)))
        self.forward.clicked.connect(
            lambda: self.week.setDate(self.week.date().addDays(DAYS_SHOWN))
        )
        self.from_label = QLabel()
        self.add_button = QPushButton()
        self.delete_button = QPushButton()
        self.model = RowsModel(self)
        self.table = table_view(self.model, stretch=4)
        bar = QHBoxLayout()
        for widget in (self.from_label, self.back, self.week, self.forward):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.duty)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self.ask_add)
        self.delete_button.clicked.connect(self.delete_selected)
        for button in (self.add_button, self.delete_button):
            button.setEnabled(ctx.actor.has(*svc.ROSTER_ROLES))
        self._dialog: QDialog | None = None
        self.clock = QTimer(self)
        self.clock.setInterval(CLOCK_REFRESH_MS)
        self.clock.timeout.connect(self.refresh)
        self.clock.start()
        self.retranslate()
        self.refresh()

    def stop(self) -> None:
        """The window is closing: no more timed reads."""
        self.clock.stop()

    def _start(self) -> dt.date:
        q = self.week.date()
        return dt.date(q.year(), q.month(), q.day())

    def params(self) -> dt.date:
        return self._start()

    def load(self, session: Session, params: dt.date) -> RosterData:
        start = params
        return RosterData(
            svc.roster(session, start, start + dt.timedelta(days=DAYS_SHOWN)),
            svc.duty_now(session),
            svc.people(session),
        )

    def show_data(self, data: RosterData) -> None:
        self.data = data
        zone = self.ctx.settings.timezone
        running = "、".join(
            fill(self.tr("%1 (leader %2)"), shift_label(s.kind), s.leader or "—")
            for s in data.now.running
        )
        self.duty.setText(
            fill(
                self.tr("Today %1 · duty leader: %2 · on duty now: %3"),
                data.now.on_date.isoformat(),
                data.now.day_leader or "—",
                running or self.tr("no shift"),
            )
        )
        running_ids = {s.id for s in data.now.running}
        self.model.set_rows(
            [
                (
                    s.on_date.isoformat(),
                    shift_label(s.kind),
                    f"{local_time(s.starts_at, zone, '%H:%M')}–"
                    f"{local_time(s.ends_at, zone, '%H:%M')}",
                    s.leader,
                    "、".join(f"{name}（{post}）" if post else name for _, name, post in s.members),
                    s.note,
                )
                for s in data.shifts
            ],
            ids=[s.id for s in data.shifts],
            bold_rows=[n for n, s in enumerate(data.shifts) if s.id in running_ids],
        )

    def ask_add(self) -> None:
        if self.data is None:
            return
        dialog = ShiftDialog(self.data.people, self.ctx.settings.timezone, self._start(), self)
        actor = self.ctx.actor
        self.on_accept(dialog, dialog.value, lambda s, data: svc.add_shift(s, actor, data).id)
        self._dialog = dialog
        dialog.open()

    def delete_selected(self) -> None:
        shift_id = selected_id(self.table)
        if shift_id is not None:
            actor = self.ctx.actor
            self.write(lambda s: svc.delete_shift(s, actor, shift_id))

    def retranslate(self) -> None:
        self.from_label.setText(self.tr("Week from"))
        self.add_button.setText(self.tr("Add shift…"))
        self.delete_button.setText(self.tr("Delete shift"))
        self.model.set_headers(
            [
                self.tr("Date"),
                self.tr("Shift"),
                self.tr("Hours"),
                self.tr("Duty leader"),
                self.tr("On duty"),
                self.tr("Note"),
            ]
        )
        if self.data is not None:
            self.show_data(self.data)
        else:
            self.duty.setText(self.tr("Loading…"))
