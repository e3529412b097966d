"""The form for one duty shift: date, kind, hours (an end before the start is the next
morning), the leader and the people on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTimeEdit,
    QWidget,
)

from console.models.duty import SHIFT_KINDS
from console.services.duty_roster import ShiftInput
from console.views.campaign_common import finish_dialog
from console.views.campaign_labels import shift_label

# Usual hours of each kind of shift, to start the form with.
DEFAULT_HOURS = {
    "day": ((8, 30), (17, 30)),
    "staggered": ((11, 0), (20, 0)),
    "evening": ((17, 30), (22, 0)),
    "night": ((22, 0), (8, 30)),
    "weekend": ((9, 0), (18, 0)),
}


class ShiftDialog(QDialog):
    def __init__(
        self,
        people: Sequence[tuple[int, str]],
        zone: str,
        day: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shiftDialog")
        self.setWindowTitle(self.tr("Duty shift"))
        self.zone = ZoneInfo(zone)
        self.day = QDateEdit(QDate(day.year, day.month, day.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        for kind in SHIFT_KINDS:
            self.kind.addItem(shift_label(kind), kind)
        self.starts = QTimeEdit()
        self.ends = QTimeEdit()
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("HH:mm")
        self.kind.currentIndexChanged.connect(self._default_hours)
        self._default_hours()
        self.leader = QComboBox()
        self.leader.addItem(self.tr("(none)"), None)
        self.people = QListWidget()
        for user_id, name in people:
            self.leader.addItem(name, user_id)
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, user_id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.post = QLineEdit()
        self.post.setPlaceholderText(self.tr("e.g. intake / dispatch"))
        self.note = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Starts"), self.starts)
        form.addRow(self.tr("Ends"), self.ends)
        form.addRow(self.tr("Duty leader"), self.leader)
        form.addRow(self.tr("On duty"), self.people)
        form.addRow(self.tr("Post"), self.post)
        form.addRow(self.tr("Note"), self.note)
        finish_dialog(self, form)

    def _default_hours(self) -> None:
        (sh, sm), (eh, em) = DEFAULT_HOURS.get(str(self.kind.currentData()), ((8, 30), (17, 30)))
        self.starts.setTime(QTime(sh, sm))
        self.ends.setTime(QTime(eh, em))

    def value(self) -> ShiftInput:
        q = self.day.date()
        day = dt.date(q.year(), q.month(), q.day())

        def moment(edit: QTimeEdit) -> dt.datetime:
            t = edit.time()
            return dt.datetime.combine(day, dt.time(t.hour(), t.minute()), self.zone)

        starts, ends = moment(self.starts), moment(self.ends)
        if ends <= starts:  # a night shift ends the next morning
            ends += dt.timedelta(days=1)
        members = [
            (int(self.people.item(i).data(Qt.ItemDataRole.UserRole)), self.post.text())
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        ]
        return ShiftInput(
            day,
            str(self.kind.currentData()),
            starts,
            ends,
            self.leader.currentData(),
            members,
            self.note.text(),
        )
