"""The dashboard pane: the KPI service's figures, drawn; one read per burst of changes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pyqtgraph as pg
import pytest
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from console.ops import DatabaseWorker
from console.services import feed, kpi
from console.services.actor import Actor
from console.services.feed import Change
from console.settings import Settings
from console.store import Store
from console.views.bus import CaseSelection, ChangeBus
from console.views.dashboard_pane import DashboardPane
from console.views.pane_context import PaneContext
from reports import palette
from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.kpi_data import SHANGHAI, Refs, add_cases, case, closed_case, seed

__all__ = ["translations", "worker"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

ACTOR = Actor(None, "leader", frozenset({"leader"}), "desk-3")


def _today_instant() -> tuple[dt.date, dt.datetime]:
    """Today's local date and an instant earlier today (whatever the time now)."""
    now = dt.datetime.now(SHANGHAI)
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return now.date(), midnight + (now - midnight) / 2


@pytest.fixture
def refs(store: Store) -> Refs:
    refs = seed(store)
    _today, earlier = _today_instant()
    add_cases(
        store,
        [
            case(refs, earlier),
            case(refs, earlier, state="to_open"),
            closed_case(refs, earlier - dt.timedelta(days=3)),
            closed_case(refs, earlier - dt.timedelta(days=40)),
        ],
    )
    return refs


@pytest.fixture
def ctx(
    worker: DatabaseWorker, translations: Translations, tmp_path: Path
) -> Iterator[PaneContext]:
    bus = ChangeBus()
    yield PaneContext(worker, bus, CaseSelection(bus), ACTOR, translations, Settings(tmp_path))
    bus.deleteLater()


def _pane(qtbot: QtBot, ctx: PaneContext) -> DashboardPane:
    pane = DashboardPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(1200, 800)
    pane.show()
    qtbot.waitUntil(lambda: pane.data is not None and not pane.loading)
    return pane


def test_figures_are_the_kpi_services(
    qtbot: QtBot, ctx: PaneContext, store: Store, refs: Refs
) -> None:
    pane = _pane(qtbot, ctx)
    data = pane.data
    assert data is not None
    today = data.today
    assert len(data.trend) == 30 and data.trend[-1].day == today
    assert data.trend[-1].reported == 2 and sum(data.hourly) == 2
    assert data.trend[-4].reported == 1 and data.trend[-4].closed == 1
    with store.read() as session:
        window = kpi.compute(
            session,
            start=today - dt.timedelta(days=29),
            end=today + dt.timedelta(days=1),
            compare=False,
        )
    assert sum(p.reported for p in data.trend) == window.total.counts["reported"] == 3
    for name in ("community_resolution_rate", "on_time_close_rate"):
        assert data.rates[name] == window.total.rates[name]
    assert pane.hourly.values == [float(n) for n in data.hourly]
    assert sum(pane.month.values) == 2 * 3 - 2  # reported 3 + closed 1 over the window
    assert data.targets["on_time_close_rate"] == 0.9


def test_a_burst_of_changes_costs_one_read(
    qtbot: QtBot, ctx: PaneContext, store: Store, refs: Refs
) -> None:
    pane = _pane(qtbot, ctx)
    reads = pane.reads
    _, earlier = _today_instant()
    add_cases(store, [case(refs, earlier)])
    with store.write() as session:
        feed.record(session, "case", [1], "created")
    for seq in range(5):
        ctx.bus.publish([Change(seq, dt.datetime.now(dt.UTC), "case", (1,), "updated", "x")])
    qtbot.waitUntil(lambda: pane.data is not None and pane.data.trend[-1].reported == 3)
    assert pane.reads == reads + 1
    assert pane.data.today.isoformat() in pane.status.text()


def test_the_slow_timer_reads_without_a_change(
    qtbot: QtBot, ctx: PaneContext, store: Store, refs: Refs
) -> None:
    # What time alone changes (a case falling overdue) leaves no feed row: stand-in here,
    # a case written without one.
    pane = _pane(qtbot, ctx)
    assert pane.data is not None and pane.data.trend[-1].reported == 2
    _, earlier = _today_instant()
    add_cases(store, [case(refs, earlier)])
    reads = pane.reads
    pane.refresh()  # the feed has not moved: nothing read again
    qtbot.waitUntil(lambda: pane.reads == reads + 1 and not pane.loading)
    assert pane.data.trend[-1].reported == 2
    pane.idle.timeout.emit()
    qtbot.waitUntil(lambda: pane.data is not None and pane.data.trend[-1].reported == 3)


def test_charts_use_the_report_palette(qtbot: QtBot, ctx: PaneContext, refs: Refs) -> None:
    pane = _pane(qtbot, ctx)
    items = pane.hourly.getPlotItem().items
    bars = [i for i in items if i.__class__.__name__ == "BarGraphItem"]
    assert bars and pg.mkBrush(bars[0].opts["brush"]).color().name() == palette.CURRENT


def test_trend_closed_is_the_days_cohort_and_says_so(
    qtbot: QtBot, ctx: PaneContext, refs: Refs
) -> None:
    # The case reported three days ago is closed now: its closure counts on its report day.
    pane = _pane(qtbot, ctx)
    for chart in (pane.week, pane.month):
        legend = chart.getPlotItem().legend
        assert legend is not None
        names = [label.text for _sample, label in legend.items]
        assert names[1] in ("Of them closed", "其中已结案")
        assert "closed now" in chart.toolTip() or "目前已结案" in chart.toolTip()
