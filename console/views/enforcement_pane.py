"""The enforcement ledger pane (执法台账): roll-ups by day, month or year, by team and by
shift (the same figures the reports print), the rows themselves, and recording work."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from console.models.enforcement import ENFORCEMENT_KINDS
from console.ops import reading
from console.services import campaigns
from console.services import enforcement_ledger as ledger
from console.services import enforcement_rollup as rollup
from console.views.campaign_common import (
    LivePanel,
    RowsModel,
    finish_dialog,
    selected_id,
    table_view,
)
from console.views.campaign_labels import shift_label
from console.views.enforcement_dialog import RecordDialog
from console.views.labels import enforcement_label, fill
from console.views.pane_context import PaneContext

KINDS = tuple(ENFORCEMENT_KINDS)


@dataclass(frozen=True)
class LedgerData:
    periods: list[tuple[dt.date, rollup.Totals]]
    total: rollup.Totals
    teams: dict[object, rollup.Totals]
    shifts: dict[object, rollup.Totals]
    rows: list[ledger.ActionRow]
    grain: rollup.Grain


def _number(value: Decimal) -> str:
    locale = QLocale()
    if value != value.to_integral_value():
        return locale.toString(float(value), "f", 2)
    return locale.toString(int(value))


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


class EnforcementPane(LivePanel):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ("enforcement_action",), parent)
        self.data: LedgerData | None = None
        today = dt.date.today()
        self.start = QDateEdit(_qdate(today.replace(month=1, day=1)))
        self.end = QDateEdit(_qdate(today))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.grain = QComboBox()
        self.grain.currentIndexChanged.connect(lambda _i: self.refresh())
        self.record_button = QPushButton()
        self.void_button = QPushButton()
        self.range_label = QLabel()
        self.to_label = QLabel()
        self.periods = RowsModel(self)
        self.keys = RowsModel(self)
        self.rows = RowsModel(self)
        self.row_table = table_view(self.rows)
        self.tabs = QTabWidget()
        self.tabs.addTab(table_view(self.periods), "")
        self.tabs.addTab(table_view(self.keys), "")
        self.tabs.addTab(self.row_table, "")
        bar = QHBoxLayout()
        for widget in (self.range_label, self.start, self.to_label, self.end, self.grain):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.record_button)
        bar.addWidget(self.void_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.record_button.clicked.connect(self.ask_record)
        self.void_button.clicked.connect(self.ask_void)
        self.record_button.setEnabled(ctx.actor.has(*ledger.RECORD_ROLES))
        self.void_button.setEnabled(ctx.actor.has(*ledger.VOID_ROLES))
        self._dialog: QDialog | None = None
        self.retranslate()
        self.refresh()

    # -- reading -----------------------------------------------------------------------

    def params(self) -> tuple[dt.date, dt.date, rollup.Grain]:
        grain: rollup.Grain = self.grain.currentData() or "month"
        return _date(self.start), _date(self.end) + dt.timedelta(days=1), grain

    def load(self, session: Session, params: tuple[dt.date, dt.date, rollup.Grain]) -> LedgerData:
        start, end, grain = params
        return LedgerData(
            rollup.by_period(start, end, grain, session=session),
            rollup.totals(start, end, session=session),
            rollup.by_key(start, end, "team", session=session),
            rollup.by_key(start, end, "shift", session=session),
            ledger.list_actions(session, start, end),
            grain,
        )

    def show_data(self, data: LedgerData) -> None:
        self.data = data
        fmt = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[data.grain]
        period_rows = [
            (day.strftime(fmt), *(_number(t[k]) for k in KINDS)) for day, t in data.periods
        ]
        period_rows.append((self.tr("Total"), *(_number(data.total[k]) for k in KINDS)))
        self.periods.set_rows(period_rows, bold_rows=[len(period_rows) - 1])
        key_rows = [
            (self.tr("Team"), str(team or "—"), *(_number(t[k]) for k in KINDS))
            for team, t in sorted(data.teams.items(), key=lambda kv: str(kv[0]))
        ] + [
            (self.tr("Shift"), shift_label(str(shift)), *(_number(t[k]) for k in KINDS))
            for shift, t in sorted(data.shifts.items(), key=lambda kv: str(kv[0]))
        ]
        self.keys.set_rows(key_rows)
        self.rows.set_rows(
            [
                (
                    r.occurred_on.isoformat(),
                    enforcement_label(r.kind),
                    _number(r.quantity),
                    r.team,
                    shift_label(r.shift),
                    r.community,
                    r.case_number,
                    r.campaign,
                    r.plate,
                    r.note,
                )
                for r in data.rows
            ],
            ids=[r.id for r in data.rows],
        )

    # -- actions -----------------------------------------------------------------------

    def ask_record(self) -> None:
        case_id = self.ctx.selection.case_id

        def lists(session: Session) -> tuple[list[str], list[campaigns.CampaignRow], object]:
            number = ledger.case_number(session, case_id)
            return (
                ledger.teams(session),
                campaigns.list_campaigns(session),
                (case_id, number) if case_id is not None and number else None,
            )

        self.ctx.worker.submit(
            reading(lists), success=self._open_record, failure=self.show_error, owner=self
        )

    def _open_record(self, lists: tuple[list[str], list[campaigns.CampaignRow], object]) -> None:
        teams, rows, case = lists
        dialog = RecordDialog(teams, rows, case, self)  # type: ignore[arg-type]
        actor = self.ctx.actor
        self.on_accept(
            dialog, dialog.value, lambda s, data: ledger.record_action(s, actor, data).id
        )
        self._dialog = dialog
        dialog.open()

    def ask_void(self) -> None:
        row_id = selected_id(self.row_table) if self.tabs.currentIndex() == 2 else None
        if row_id is None:
            self.tabs.setCurrentIndex(2)
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Void the record"))
        reason = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Reason"), reason)
        finish_dialog(dialog, form)
        actor = self.ctx.actor
        self.on_accept(
            dialog, reason.text, lambda s, text: ledger.void_action(s, actor, row_id, reason=text)
        )
        self._dialog = dialog
        dialog.open()

    # -- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.range_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        current = self.grain.currentData()
        self.grain.blockSignals(True)
        self.grain.clear()
        for grain, text in (
            ("day", self.tr("By day")),
            ("month", self.tr("By month")),
            ("year", self.tr("By year")),
        ):
            self.grain.addItem(text, grain)
        self.grain.setCurrentIndex(max(0, self.grain.findData(current or "month")))
        self.grain.blockSignals(False)
        self.record_button.setText(self.tr("Record…"))
        self.void_button.setText(self.tr("Void…"))
        self.tabs.setTabText(0, self.tr("By period"))
        self.tabs.setTabText(1, self.tr("By team and shift"))
        self.tabs.setTabText(2, self.tr("Records"))
        labels = [enforcement_label(k) for k in KINDS]
        self.periods.set_headers([self.tr("Period"), *labels])
        self.keys.set_headers([self.tr("By"), self.tr("Name"), *labels])
        self.rows.set_headers(
            [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Quantity"),
                self.tr("Team"),
                self.tr("Shift"),
                self.tr("Community"),
                self.tr("Case"),
                self.tr("Campaign"),
                self.tr("Plate number"),
                self.tr("Note"),
            ]
        )
        if self.data is not None:
            self.show_data(self.data)
        self.range_label.setToolTip(
            fill(self.tr("Dates are local (%1)"), self.ctx.settings.timezone)
        )
