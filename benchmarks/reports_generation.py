"""Time the PDF reports on the demo year: the daily report, the monthly bulletin with
its charts, and a case list of at least 8,000 rows; then how long the GUI thread is kept
waiting while the dialog generates the monthly bulletin.

    .venv/bin/python -m benchmarks.reports_generation [--cases 8200] [--repeat 3]

A throwaway SQLite demo street is generated first (the demo generator's year, scaled to
--cases so the year's list passes 8,000 rows). Each figure is the median of --repeat
runs, split into gathering (SQL, through the KPI service) and laying out (ReportLab).
Lower bounds, measured here: for the daily report and the bulletin the bare
kpi.compute() of the same period (the figures alone), for the list the SELECT of its
rows (unformatted). Goals: daily <= 1 s, monthly <= 3 s, list <= 10 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from console.models import Case
from console.services import kpi
from console.services.actor import Actor
from console.services.kpi import definitions
from console.services.kpi.periods import Period, center_timezone
from console.services.report_data import ReportRequest, build_report
from console.services.report_data.context import BuildContext
from console.store import Store
from db import demo
from db.demo.clock import local_midnight
from reports import pdf

UNTIL = dt.date(2026, 11, 29)
NOW = local_midnight(UNTIL)
LEADER = Actor(None, "leader", frozenset({"leader"}))


def _median(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def _load() -> str:
    return open("/proc/loadavg").read().split()[0] if os.path.exists("/proc/loadavg") else "?"


def _report(
    store: Store, request: ReportRequest, lower: Callable[[Any], Any], repeat: int, goal: float
) -> None:
    def gather() -> Any:
        with store.read() as session:
            return build_report(BuildContext.make(session, LEADER, "zh_CN", NOW), request)[0]

    gathered, report = _median(gather, repeat)
    laid_out, data = _median(lambda: pdf.render(report), repeat)

    def bound() -> Any:
        with store.read() as session:
            return lower(session)

    floor, _ = _median(bound, repeat)
    total = gathered + laid_out
    print(
        f"{request.kind:8} {total:6.2f} s (gather {gathered:.2f} + layout {laid_out:.2f}), "
        f"{len(data) // 1024} KB; lower bound {floor:.3f} s, ratio {total / floor:.0f}x; "
        f"goal <= {goal:.0f} s {'met' if total <= goal else 'MISSED'}; load {_load()}"
    )


def _responsiveness(url: str) -> None:
    """The longest the GUI thread waited between two 10 ms timer ticks while the dialog
    generated the monthly bulletin on the database worker."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QDate, QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from console.i18n import Translations
    from console.ops import DatabaseWorker
    from console.settings import Settings
    from console.views.bus import CaseSelection, ChangeBus
    from console.views.pane_context import PaneContext
    from console.views.report_dialog import ReportDialog

    app = QApplication.instance() or QApplication([])
    store = Store(url)
    worker = DatabaseWorker(store)
    worker.start()
    bus = ChangeBus()
    ctx = PaneContext(
        worker,
        bus,
        CaseSelection(bus),
        LEADER,
        Translations(app),
        Settings(Path(tempfile.mkdtemp())),
    )
    dialog = ReportDialog(ctx)
    dialog.kind.setCurrentIndex(dialog.kind.findData("monthly"))
    dialog.day.setDate(QDate(2026, 10, 15))
    clock, gaps = QElapsedTimer(), []
    timer = QTimer()
    timer.timeout.connect(lambda: gaps.append(clock.restart()))
    clock.start()
    timer.start(10)
    started = time.perf_counter()
    dialog.generate()
    while dialog.busy:
        app.processEvents()
        time.sleep(0.002)
    timer.stop()
    worker.stop()
    store.dispose()
    print(
        f"dialog   monthly in {time.perf_counter() - started:.2f} s; GUI thread: longest gap "
        f"between 10 ms ticks {max(gaps, default=0)} ms over {len(gaps)} ticks; load {_load()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=8200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="reports-bench-"))
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    store = Store(url, workstation="bench")
    started = time.perf_counter()
    demo.generate(store, until=UNTIL, cases=args.cases)
    print(
        f"demo year of {args.cases:,} cases in {time.perf_counter() - started:.1f} s; "
        f"load {_load()}"
    )
    year = Period(UNTIL - dt.timedelta(days=366), UNTIL)
    day = UNTIL - dt.timedelta(days=2)
    month = dt.date(2026, 10, 1)

    def figures(start: dt.date, end: dt.date, by: str) -> Callable[[Any], Any]:
        return lambda session: kpi.compute(session, start=start, end=end, by=by, as_of=NOW)

    def rows(session: Any) -> int:
        """The list's rows as the database hands them over, unformatted."""
        lower, upper = year.utc_bounds(center_timezone(session))
        query = select(
            Case.number, Case.reported_at, Case.state, Case.address, Case.description
        ).where(definitions.cohort(lower, upper))
        return len(session.execute(query).all())

    _report(
        store,
        ReportRequest.daily(day),
        figures(day, day + dt.timedelta(days=1), "community"),
        args.repeat,
        1,
    )
    _report(
        store,
        ReportRequest.monthly(month),
        figures(month, dt.date(2026, 11, 1), "community"),
        args.repeat,
        3,
    )
    with store.read() as session:
        count = rows(session)
    print(f"list of {count:,} rows")
    _report(store, ReportRequest("list", year.start, year.end), rows, args.repeat, 10)
    store.dispose()
    _responsiveness(url)


if __name__ == "__main__":
    main()
