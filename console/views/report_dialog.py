"""The report dialog: choose a kind, a period and a community, generate on the database
worker (the window stays responsive; a progress bar follows), preview inside the
console, print or save the PDF.

The dialog is modeless and owns nothing the services need: generation is one job,
generate() then record() (the audit row), and its result is plain bytes.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.errors import KnownError
from console.ops import Progress
from console.services.report_data import GeneratedReport, ReportRequest, generate, record
from console.services.report_data.choices import ReportChoices, report_choices
from console.store import Store
from console.views.labels import fill
from console.views.pane_context import PaneContext
from console.views.report_preview import ReportPreview

PERIOD_KINDS = ("daily", "weekly", "monthly")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ReportDialog(QDialog):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self._ctx = ctx
        self.result_pdf: GeneratedReport | None = None
        self.busy = False
        self._touched = False  # the operator picked a date: keep it
        self.setWindowTitle(self.tr("Reports"))
        self.resize(1100, 760)

        self.kind = QComboBox()
        for code, text in self._kinds().items():
            self.kind.addItem(text, code)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.last = QDateEdit()
        self.last.setCalendarPopup(True)
        self.last.setDisplayFormat("yyyy-MM-dd")
        self.community = QComboBox()
        self.community.addItem(self.tr("All communities"), None)
        self.campaign = QComboBox()
        self.case = QLineEdit()
        self.case.setPlaceholderText(self.tr("Case number or id"))
        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.setDefault(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save PDF…"))

        form = QFormLayout()
        form.addRow(self.tr("Report"), self.kind)
        self.day_label = QLabel(self.tr("Date"))
        form.addRow(self.day_label, self.day)
        self.last_label = QLabel(self.tr("To"))
        form.addRow(self.last_label, self.last)
        form.addRow(self.tr("Community"), self.community)
        self.campaign_label = QLabel(self.tr("Campaign"))
        form.addRow(self.campaign_label, self.campaign)
        self.case_label = QLabel(self.tr("Case"))
        form.addRow(self.case_label, self.case)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        side = QWidget()
        column = QVBoxLayout(side)
        column.addLayout(form)
        column.addWidget(self.generate_button)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        column.addStretch(1)
        column.addLayout(buttons)
        self.preview = ReportPreview()
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 800])
        QVBoxLayout(self).addWidget(splitter)

        self._progress = Progress(self)
        self._progress.changed.connect(self._advance)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.day.dateChanged.connect(self._date_picked)
        self.last.dateChanged.connect(self._date_picked)
        self.generate_button.clicked.connect(self.generate)
        self.print_button.clicked.connect(self.preview.print_dialog)
        self.save_button.clicked.connect(self.preview.save_dialog)
        self.preview.printing_changed.connect(self._printing)
        self._set_ready(False)
        self._kind_changed()
        # Yesterday in the center's zone until the database says what today is there.
        self._set_today(dt.datetime.now(ZoneInfo(ctx.settings.timezone)).date())
        ctx.worker.submit(
            self._choices_job, success=self._choices_loaded, failure=self._failed, owner=self
        )

    def _kinds(self) -> dict[str, str]:
        return {
            "daily": self.tr("Daily duty report"),
            "weekly": self.tr("Weekly bulletin"),
            "monthly": self.tr("Monthly bulletin"),
            "campaign": self.tr("Campaign report"),
            "case": self.tr("Case sheet"),
            "list": self.tr("Case list"),
        }

    @staticmethod
    def _choices_job(store: Store) -> ReportChoices:
        with store.read() as session:
            return report_choices(session)

    def _choices_loaded(self, choices: ReportChoices) -> None:
        for community_id, name in choices.communities:
            self.community.addItem(name, community_id)
        for campaign_id, name in choices.campaigns:
            self.campaign.addItem(name, campaign_id)
        if not self._touched:
            self._set_today(choices.today)

    def _set_today(self, today: dt.date) -> None:
        yesterday = today - dt.timedelta(days=1)
        self.day.setDate(_qdate(yesterday))
        self.last.setDate(_qdate(yesterday))
        self._touched = False

    def _date_picked(self) -> None:
        self._touched = True

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        dated = kind in (*PERIOD_KINDS, "list")
        for widget, shown in (
            (self.day, dated),
            (self.day_label, dated),
            (self.last, kind == "list"),
            (self.last_label, kind == "list"),
            (self.community, dated),
            (self.campaign, kind == "campaign"),
            (self.campaign_label, kind == "campaign"),
            (self.case, kind == "case"),
            (self.case_label, kind == "case"),
        ):
            widget.setVisible(shown)
        self.day_label.setText(self.tr("From") if kind == "list" else self.tr("Date"))

    def request(self) -> ReportRequest:
        kind = str(self.kind.currentData())
        community = self.community.currentData()
        on = _date(self.day.date())
        if kind == "weekly":
            return ReportRequest.weekly(on, community)
        if kind == "monthly":
            return ReportRequest.monthly(on, community)
        if kind == "list":
            last = max(on, _date(self.last.date()))
            return ReportRequest(kind, on, last + dt.timedelta(days=1), community)
        if kind == "campaign":
            return ReportRequest(kind, campaign_id=self.campaign.currentData())
        if kind == "case":
            return ReportRequest(kind, case=self.case.text().strip() or None)
        return ReportRequest.daily(on, community)

    def generate(self) -> None:
        if self.busy:
            return
        self.busy = True
        request = self.request()
        actor = self._ctx.actor
        language = self._ctx.translations.language
        report = self._progress.report

        def job(store: Store) -> GeneratedReport:
            with store.read() as session:
                result = generate(
                    request, session=session, actor=actor, language=language, progress=report
                )
            with store.write() as session:
                record(session, actor, result)
            return result

        self.generate_button.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("Generating…"))
        self._ctx.worker.submit(job, success=self._generated, failure=self._failed, owner=self)

    def _advance(self, args: tuple[object, ...]) -> None:
        if args and isinstance(args[0], float):
            self.progress.setValue(round(args[0] * 100))

    def _generated(self, result: GeneratedReport) -> None:
        self.busy = False
        self.result_pdf = result
        self.generate_button.setEnabled(True)
        self.progress.setValue(100)
        self.preview.show_pdf(result.pdf, result.filename)
        self.status.setText(
            fill(self.tr("%1: %2 pages"), result.title, str(self.preview.page_count))
        )
        self._set_ready(True)

    def _failed(self, error: KnownError) -> None:
        self.busy = False
        self.generate_button.setEnabled(True)
        self.progress.setValue(0)
        self.status.setText(error.message(self._ctx.translations.language))

    def _set_ready(self, ready: bool) -> None:
        self.print_button.setEnabled(ready and self.preview.job is None)
        self.save_button.setEnabled(ready)

    def _printing(self, printing: bool) -> None:
        self.print_button.setEnabled(not printing and self.result_pdf is not None)


def open_report_dialog(ctx: PaneContext, parent: QWidget | None = None) -> ReportDialog:
    dialog = ReportDialog(ctx, parent)
    dialog.show()
    return dialog


__all__ = ["ReportDialog", "open_report_dialog"]
