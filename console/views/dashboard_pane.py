"""The dashboard pane: today's intake by hour, 7- and 30-day trends, categories, the
community self-resolution and on-time closure rates against their targets, and the most
overdue cases, refreshed live from the change feed.

Changes arrive in bursts (a bulk dispatch, another workstation catching up), so a change
only (re)starts a short timer; when it fires the pane asks for dashboard_if_changed. One
read at a time: a change during a read marks the pane stale and reads once more after.
A slow timer reads everything again even without a change: cases fall overdue and the
day turns over with nobody touching the database (a quiet night shift).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.errors import KnownError
from console.services.report_data import case_rows
from console.services.report_data.dashboard import DashboardData, dashboard_if_changed
from console.store import Store
from console.views.dashboard_charts import Chart
from console.views.labels import fill
from console.views.pane_context import PaneContext

DEBOUNCE_MS = 800
IDLE_REFRESH_MS = 5 * 60 * 1000


class DashboardPane(QWidget):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPane")
        self._ctx = ctx
        self.data: DashboardData | None = None
        self.loading = False
        self._stale = False
        self.reads = 0
        self._force = False

        self.hourly = Chart()
        self.week = Chart()
        self.month = Chart()
        self.categories = Chart()
        self.rates = Chart()
        self.overdue = QTableWidget(0, 7)
        self.overdue.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overdue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.overdue.verticalHeader().hide()
        self.overdue.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.overdue_title = QLabel()
        self.status = QLabel()
        self.status.setObjectName("dashboardStatus")

        grid = QGridLayout()
        grid.addWidget(self.hourly, 0, 0)
        grid.addWidget(self.week, 0, 1)
        grid.addWidget(self.rates, 0, 2)
        grid.addWidget(self.month, 1, 0, 1, 2)
        grid.addWidget(self.categories, 1, 2)
        table_box = QVBoxLayout()
        table_box.addWidget(self.overdue_title)
        table_box.addWidget(self.overdue)
        grid.addLayout(table_box, 2, 0, 1, 3)
        for row, stretch in enumerate((3, 3, 2)):
            grid.setRowStretch(row, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addLayout(grid, 1)
        layout.addWidget(self.status)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.refresh)
        self.idle = QTimer(self)
        self.idle.setInterval(IDLE_REFRESH_MS)
        self.idle.timeout.connect(self._refresh_all)
        self.idle.start()
        ctx.bus.changed.connect(self._changed)
        ctx.bus.connection_changed.connect(self._connection_changed)
        self.retranslate()
        self.refresh()

    def stop(self) -> None:
        """The window is closing (Shell.stop calls this): no more timed refreshes."""
        self.debounce.stop()
        self.idle.stop()

    # -- live refresh ----------------------------------------------------------------------

    def _changed(self, *_changes: object) -> None:
        self.debounce.start()  # restarts: a burst of changes costs one read

    def _connection_changed(self, online: bool) -> None:
        if online:
            self.refresh()

    def _refresh_all(self) -> None:
        """Time alone changes the figures (overdue cases): read even if the feed is still."""
        self._force = True
        self.refresh()

    def refresh(self) -> None:
        if self.loading:
            self._stale = True
            return
        self.loading = True
        self.reads += 1
        seen = self.data.feed_seq if self.data is not None and not self._force else None
        self._force = False
        today = self.data.today if self.data is not None else None
        language = self._ctx.translations.language

        def job(store: Store) -> DashboardData | None:
            with store.read() as session:
                return dashboard_if_changed(session, seen, language=language, today=today)

        self._ctx.worker.submit(job, success=self._loaded, failure=self._failed, owner=self)

    def _loaded(self, data: DashboardData | None) -> None:
        self.loading = False
        if data is not None:
            self.data = data
            self._show()
        if self._stale:
            self._stale = False
            self.refresh()

    def _failed(self, error: KnownError) -> None:
        self.loading = False
        self._stale = False
        self.status.setText(error.message(self._ctx.translations.language))

    # -- drawing ---------------------------------------------------------------------------

    def _show(self) -> None:
        data = self.data
        if data is None:
            return
        self.hourly.bars([f"{h:02d}" for h in range(24)], data.hourly, every=3)
        week = data.week
        self.week.lines(
            [p.day.strftime("%m-%d") for p in week],
            [
                (self.tr("Reported"), [p.reported for p in week]),
                (self.tr("Of them closed"), [p.closed for p in week]),
            ],
        )
        self.month.lines(
            [p.day.strftime("%m-%d") for p in data.trend],
            [
                (self.tr("Reported"), [p.reported for p in data.trend]),
                (self.tr("Of them closed"), [p.closed for p in data.trend]),
            ],
            every=3,
        )
        self.categories.hbars(
            [label.split(" ", 1)[-1] for label, _ in data.categories],
            [n for _, n in data.categories],
        )
        names = ("community_resolution_rate", "on_time_close_rate")
        self.rates.rates(
            [self.tr("Self-resolution"), self.tr("On-time closure")],
            [data.rates[n] for n in names],
            [data.targets[n] for n in names],
        )
        self._show_overdue(data)
        self.status.setText(
            fill(
                self.tr("Live; %1 overdue cases; today %2"),
                str(data.overdue_total),
                data.today.isoformat(),
            )
        )

    def _show_overdue(self, data: DashboardData) -> None:
        headers = case_rows.headers(self._ctx.translations.language)
        self.overdue.setColumnCount(len(headers))
        self.overdue.setHorizontalHeaderLabels(list(headers))
        self.overdue.setRowCount(len(data.overdue))
        for row, cells in enumerate(data.overdue):
            for column, text in enumerate(cells):
                self.overdue.setItem(row, column, QTableWidgetItem(text))
        self.overdue_title.setText(
            fill(self.tr("Most overdue (%1 in all)"), str(data.overdue_total))
        )

    def retranslate(self) -> None:
        self.hourly.set_title(self.tr("Today's intake by hour"))
        self.week.set_title(self.tr("Last 7 days"))
        self.month.set_title(self.tr("Last 30 days"))
        # The trend counts cohorts, as the KPIs and the daily report do: read as "closed
        # that day" it would understate a busy day's closures and misplace them.
        cohort = self.tr(
            "By the day reported: the cases reported that day, and how many of them are"
            " closed now (the KPI definitions). Not the cases closed that day."
        )
        self.week.setToolTip(cohort)
        self.month.setToolTip(cohort)
        self.categories.set_title(self.tr("Categories, last 30 days"))
        self.rates.set_title(self.tr("Rates against targets, last 30 days"))
        if self.data is None:
            self.status.setText(self.tr("Loading…"))
            self.overdue_title.setText(self.tr("Most overdue"))
        else:
            self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
