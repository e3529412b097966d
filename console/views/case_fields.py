"""Every field of a case, grouped (the case, place and people, times, deadlines, flags),
with times in the center's time zone. Values are selectable, to copy a phone number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLabel, QWidget

from console.services.case_view import CaseDetail, UnitRef
from console.views.case_labels import (
    NO_VALUE,
    callback_label,
    level_label,
    local_time,
    request_label,
    source_label,
    urgency_label,
)
from console.views.labels import case_state_label, fill, join_labels

Row = tuple[str, Callable[[CaseDetail], str]]


@dataclass
class _Group:
    box: QGroupBox
    labels: list[QLabel]
    values: list[QLabel]
    rows: list[Row]


def _or_dash(text: str) -> str:
    return text.strip() or NO_VALUE


def _unit(unit: UnitRef | None) -> str:
    return f"{unit.name} ({unit.code}, {level_label(unit.level)})" if unit else NO_VALUE


def _code_name(code: str, name: str) -> str:
    return f"{code} {name}".strip() or NO_VALUE


class CaseFields(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: CaseDetail | None = None
        self._groups: list[_Group] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        self._build()

    def _time(
        self, pick: Callable[[CaseDetail], dt.datetime | None]
    ) -> Callable[[CaseDetail], str]:
        return lambda d: local_time(pick(d), d.timezone)

    def _done_and_due(
        self, pick: Callable[[CaseDetail], tuple[dt.datetime | None, dt.datetime | None]]
    ) -> Callable[[CaseDetail], str]:
        """When a stage was done, and by when it was due (the deadline columns)."""

        def text(d: CaseDetail) -> str:
            done, by = pick(d)
            if by is None:
                return local_time(done, d.timezone)
            late = done is not None and done > by
            template = self.tr("%1 · due %2 (late)") if late else self.tr("%1 · due %2")
            done_text, due_text = local_time(done, d.timezone), local_time(by, d.timezone)
            if done_text[:10] == due_text[:10]:
                due_text = due_text[11:]  # same day: the time says enough
            return fill(template, done_text, due_text)

        return text

    def _sections(self) -> list[tuple[str, list[Row]]]:
        t, due = self._time, self._done_and_due
        yes, no = self.tr("Yes"), self.tr("No")
        return [
            (
                self.tr("Case"),
                [
                    (self.tr("Number"), lambda d: d.number),
                    (self.tr("State"), lambda d: case_state_label(d.state)),
                    (self.tr("Category"), lambda d: _code_name(d.category_code, d.category_name)),
                    (self.tr("Class"), lambda d: _code_name(d.class_code, d.class_name)),
                    (self.tr("Source"), lambda d: source_label(d.source)),
                    (self.tr("Urgency"), lambda d: urgency_label(d.urgency)),
                    (self.tr("Description"), lambda d: _or_dash(d.description)),
                    (self.tr("Version"), lambda d: str(d.version)),
                ],
            ),
            (
                self.tr("Place and people"),
                [
                    (self.tr("Address"), lambda d: _or_dash(d.address)),
                    (
                        self.tr("Community"),
                        lambda d: _code_name(d.community_code, d.community_name),
                    ),
                    (self.tr("Grid"), lambda d: _code_name(d.grid_code, d.grid_name)),
                    (self.tr("Coordinates"), self._coordinates),
                    (self.tr("Reporter"), lambda d: _or_dash(d.reporter_name)),
                    (self.tr("Reporter phone"), lambda d: _or_dash(d.reporter_phone)),
                    (self.tr("Reporting inspector"), lambda d: _or_dash(d.reporter_user)),
                    (self.tr("Unit"), lambda d: _unit(d.unit)),
                    (self.tr("Assisting units"), self._assisting),
                ],
            ),
            (
                self.tr("Stage times and deadlines"),
                [
                    (self.tr("Reported"), t(lambda d: d.reported_at)),
                    (self.tr("Verified"), t(lambda d: d.verified_at)),
                    (self.tr("Opened"), due(lambda d: (d.opened_at, d.open_due_at))),
                    (self.tr("Dispatched"), due(lambda d: (d.dispatched_at, d.dispatch_due_at))),
                    (self.tr("Handled"), due(lambda d: (d.handled_at, d.handle_due_at))),
                    (self.tr("Checked"), due(lambda d: (d.checked_at, d.check_due_at))),
                    (self.tr("Closed"), t(lambda d: d.closed_at)),
                    (self.tr("Archived"), t(lambda d: d.archived_at)),
                ],
            ),
            (
                self.tr("Flags"),
                [
                    (self.tr("Supervised"), lambda d: yes if d.supervised else no),
                    (self.tr("Escalation"), self._escalation),
                    (self.tr("Self-handled"), lambda d: yes if d.self_handled else no),
                    (self.tr("Rework"), lambda d: str(d.rework_count)),
                    (self.tr("Extensions"), lambda d: str(d.extension_count)),
                    (self.tr("Returns"), lambda d: str(d.return_count)),
                    (self.tr("Pending request"), self._pending),
                    (self.tr("Callback"), self._callback),
                    (self.tr("Merged into"), lambda d: _or_dash(d.merged_into_number)),
                    (self.tr("Last change"), self._last_change),
                ],
            ),
        ]

    def _build(self) -> None:
        # Case, place and people on the left; times (with deadlines) and flags on the right.
        positions = [(0, 0, 1), (1, 0, 1), (0, 1, 1), (1, 1, 1)]
        for (title, rows), (row, column, span) in zip(self._sections(), positions, strict=True):
            box = QGroupBox(title)
            form = QFormLayout(box)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            labels: list[QLabel] = []
            values: list[QLabel] = []
            for label_text, _value in rows:
                label = QLabel(label_text)
                value = QLabel(NO_VALUE)
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(label, value)
                labels.append(label)
                values.append(value)
            self._groups.append(_Group(box, labels, values, rows))
            self._grid.addWidget(box, row, column, span, 1)
        self._grid.setRowStretch(2, 1)
        self._grid.setColumnStretch(0, 1)
        self._grid.setColumnStretch(1, 1)

    def show_detail(self, detail: CaseDetail | None) -> None:
        self._detail = detail
        for group in self._groups:
            for widget, (_label, value) in zip(group.values, group.rows, strict=True):
                widget.setText(value(detail) if detail is not None else NO_VALUE)

    def texts(self) -> dict[str, str]:
        """Label → shown value, every field (for tests and copying)."""
        return {
            label.text(): value.text()
            for group in self._groups
            for label, value in zip(group.labels, group.values, strict=True)
        }

    def retranslate(self) -> None:
        for group, (title, rows) in zip(self._groups, self._sections(), strict=True):
            group.box.setTitle(title)
            group.rows = rows
            for label, (text, _value) in zip(group.labels, rows, strict=True):
                label.setText(text)
        self.show_detail(self._detail)

    # -- values that take more than one field --------------------------------------------

    def _coordinates(self, d: CaseDetail) -> str:
        if d.lon is None or d.lat is None:
            return NO_VALUE
        return f"{d.lon:.6f}, {d.lat:.6f}"

    def _assisting(self, d: CaseDetail) -> str:
        return join_labels([u.name for u in d.assisting_units]) or NO_VALUE

    def _escalation(self, d: CaseDetail) -> str:
        if d.escalation_level <= 0:
            return level_label("community")
        since = local_time(d.escalated_at, d.timezone)
        return fill(self.tr("%1 since %2"), level_label("street"), since)

    def _pending(self, d: CaseDetail) -> str:
        if not d.pending_request:
            return NO_VALUE
        text = request_label(d.pending_request)
        if d.requested_due is not None:
            text += " · " + fill(self.tr("until %1"), local_time(d.requested_due, d.timezone))
        return text

    def _callback(self, d: CaseDetail) -> str:
        if not d.callback_result:
            return NO_VALUE
        when = local_time(d.callback_at, d.timezone)
        return f"{callback_label(d.callback_result)} ({when})"

    def _last_change(self, d: CaseDetail) -> str:
        who = d.updated_by or self.tr("the system")
        return fill(self.tr("%1 at %2"), who, local_time(d.updated_at, d.timezone))
