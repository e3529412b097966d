"""The top of the case detail: number, coloured state, urgency, badges, and the countdown
to the current stage's deadline (ticking while a case is shown).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console.services.case_view import CaseDetail
from console.views.case_labels import (
    duration_text,
    local_time,
    request_label,
    stage_label,
    urgency_label,
)
from console.views.labels import case_state_label, fill

# Background colours of the state badge, by how far along the loop the case is.
STATE_COLOURS = {
    "draft": "#9e9e9e",
    "reported": "#1e88e5",
    "to_verify": "#1e88e5",
    "to_open": "#1e88e5",
    "opened": "#5e35b1",
    "dispatched": "#5e35b1",
    "in_handling": "#ef6c00",
    "shelved": "#6d4c41",
    "to_check": "#00897b",
    "to_close": "#00897b",
    "closed": "#2e7d32",
    "archived": "#546e7a",
    "not_opened": "#757575",
    "merged": "#757575",
}
RED, AMBER, GREY = "#c62828", "#ef6c00", "#616161"
SOON = dt.timedelta(hours=1)


def _badge(label: QLabel, text: str, background: str) -> None:
    label.setText(text)
    label.setStyleSheet(
        f"background: {background}; color: white; border-radius: 4px; padding: 2px 8px;"
    )
    label.setVisible(bool(text))


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    return label


class CaseHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: CaseDetail | None = None
        self.number = QLabel()
        self.number.setObjectName("number")
        font = QFont(self.number.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.number.setFont(font)
        self.state = _label("state")
        self.urgency = _label("urgency")
        self.supervised = _label("supervised")
        self.escalated = _label("escalated")
        self.pending = _label("pending")
        self.countdown = _label("countdown")
        self.countdown.setWordWrap(True)
        badges = QHBoxLayout()
        badges.setContentsMargins(0, 0, 0, 0)
        badges.setSpacing(8)
        badges.addWidget(self.number)
        for badge in (self.state, self.urgency, self.supervised, self.escalated, self.pending):
            badges.addWidget(badge)
            badge.hide()
        badges.addStretch(1)
        # The countdown on a line of its own: the pane is often a narrow dock.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(badges)
        layout.addWidget(self.countdown)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

    def show_detail(self, detail: CaseDetail | None) -> None:
        self._detail = detail
        self.refresh()

    def refresh(self) -> None:
        detail = self._detail
        if detail is None:
            self.number.clear()
            for badge in (self.state, self.urgency, self.supervised, self.escalated):
                badge.hide()
            self.pending.hide()
            self.countdown.clear()
            self.countdown.hide()
            self._timer.stop()
            return
        self.number.setText(detail.number)
        _badge(self.state, case_state_label(detail.state), STATE_COLOURS.get(detail.state, GREY))
        urgent = detail.urgency == "urgent"
        _badge(self.urgency, urgency_label(detail.urgency), RED if urgent else "#78909c")
        _badge(self.supervised, self.tr("Supervised") if detail.supervised else "", RED)
        escalated = self.tr("Street level") if detail.escalation_level > 0 else ""
        _badge(self.escalated, escalated, "#8e24aa")
        pending = request_label(detail.pending_request) if detail.pending_request else ""
        _badge(self.pending, pending, AMBER)
        self._tick()
        if detail.clock.due_at is not None and not detail.clock.paused:
            self._timer.start()
        else:
            self._timer.stop()

    def _tick(self) -> None:
        self._countdown_text()
        self.countdown.setVisible(bool(self.countdown.text()))

    def _countdown_text(self) -> None:
        detail = self._detail
        if detail is None:
            return
        clock = detail.clock
        if clock.paused:
            self.countdown.setText(self.tr("Clock paused while shelved"))
            self.countdown.setStyleSheet(f"color: {GREY};")
            return
        if clock.due_at is None or clock.stage is None:
            self.countdown.clear()
            return
        now = dt.datetime.now(dt.UTC)
        due = local_time(clock.due_at, detail.timezone)
        stage = stage_label(clock.stage)
        left = clock.due_at - now
        if left < dt.timedelta(0):
            text = fill(self.tr("%1 overdue by %2 (due %3)"), stage, duration_text(-left), due)
            colour = RED
        else:
            text = fill(self.tr("%1 due %2 · %3 left"), stage, due, duration_text(left))
            colour = AMBER if left < SOON else "#2e7d32"
        self.countdown.setText(text)
        self.countdown.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def ticking(self) -> bool:
        return self._timer.isActive()

    def stop(self) -> None:
        self._timer.stop()
