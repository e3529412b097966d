"""KPI figures for the reports and the dashboard, straight from the KPI service's parts.

Each breakdown is one kpi.query.tally_by over the cohort, turned into counts and rates by
kpi.table.figures, so every number printed has the KPI service's definitions. Unlike
kpi.compute this takes an extra case filter (one community) and a grouping of its own
(by source, by hour), and it skips the comparisons a caller does not print.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from console.messages import render
from console.models import Case
from console.services.kpi.grouping import GROUPINGS, Grouping, Label, RawKey
from console.services.kpi.periods import Period, center_timezone
from console.services.kpi.query import Tally, tally_by
from console.services.kpi.table import figures as kpi_figures
from console.services.report_data.labels import source_label


@dataclass(frozen=True)
class Figures:
    key: str
    label: str
    counts: dict[str, int]
    rates: dict[str, float | None]


@dataclass(frozen=True)
class Breakdown:
    rows: list[Figures]  # most reported first
    total: Figures

    def row(self, key: str) -> Figures | None:
        return next((r for r in self.rows if r.key == key), None)


def _source_labels(session: Session, raw: Collection[RawKey], language: str) -> dict[RawKey, Label]:
    return {key: (str(key[0]), source_label(str(key[0]), language)) for key in raw}


BY_SOURCE = Grouping("source", (Case.source,), _source_labels)


def grouping(name: str) -> Grouping:
    return BY_SOURCE if name == "source" else GROUPINGS[name]


def community_filter(community_id: int | None) -> ColumnElement[bool] | None:
    return None if community_id is None else Case.community_id == community_id


def breakdown(
    session: Session,
    period: Period,
    by: str,
    *,
    as_of: dt.datetime,
    language: str,
    community_id: int | None = None,
) -> Breakdown:
    """Rows per group (and their total) of the cases reported in period."""
    chosen = grouping(by)
    lower, upper = period.utc_bounds(center_timezone(session))
    tallies = tally_by(
        session, chosen, lower, upper, as_of=as_of, extra=community_filter(community_id)
    )
    labels = chosen.resolve(session, tallies.keys(), language)
    grouped: dict[Label, Tally] = {}
    total = Tally()
    for raw, tally in tallies.items():
        grouped.setdefault(labels[raw], Tally()).add(tally)
        total.add(tally)
    rows = [_figures(key, label, tally) for (key, label), tally in grouped.items()]
    rows.sort(key=lambda r: (-r.counts["reported"], r.label, r.key))
    return Breakdown(rows, _figures("*", render("kpi.total", language), total))


def _figures(key: str, label: str, tally: Tally) -> Figures:
    counts, rates, _ = kpi_figures(tally)
    return Figures(key, label, counts, rates)


def totals(
    session: Session,
    period: Period,
    *,
    as_of: dt.datetime,
    language: str,
    community_id: int | None = None,
) -> Figures:
    return breakdown(
        session, period, "street", as_of=as_of, language=language, community_id=community_id
    ).total


def daily_series(
    session: Session,
    period: Period,
    *,
    as_of: dt.datetime,
    community_id: int | None = None,
) -> list[tuple[dt.date, Figures]]:
    """One Figures per local day of period (zero days included)."""
    out = []
    day = period.start
    while day < period.end:
        one = Period(day, day + dt.timedelta(days=1))
        out.append(
            (day, totals(session, one, as_of=as_of, language="en", community_id=community_id))
        )
        day += dt.timedelta(days=1)
    return out


def hourly_reported(
    session: Session, day: dt.date, *, community_id: int | None = None
) -> list[int]:
    """Cases reported in each local hour of day (the KPI cohort, 24 values)."""
    zone = center_timezone(session)
    counts = []
    for hour in range(24):
        start = dt.datetime.combine(day, dt.time(hour), tzinfo=zone).astimezone(dt.UTC)
        tallies = tally_by(
            session,
            GROUPINGS["street"],
            start,
            start + dt.timedelta(hours=1),
            as_of=start,
            extra=community_filter(community_id),
        )
        counts.append(sum(t.counts.get("reported", 0) for t in tallies.values()))
    return counts
