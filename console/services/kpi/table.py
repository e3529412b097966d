"""compute(): a KPI table for a period, broken down one way, with 同比 and 环比."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from console.errors import InputError
from console.messages import language_from_env, render
from console.services.kpi import definitions
from console.services.kpi.grouping import GROUPINGS, Label, RawKey
from console.services.kpi.periods import Period, center_timezone, preceding, year_earlier
from console.services.kpi.query import Tally, tally_by
from console.services.kpi.workdays import working_filter

Rates = dict[str, float | None]


@dataclass(frozen=True)
class Comparison:
    """The same row in an earlier period, and how each count changed since."""

    period: Period
    counts: dict[str, int]
    rates: Rates
    change: Rates  # (current - earlier) / earlier per count; None when earlier is 0


@dataclass(frozen=True)
class KpiRow:
    key: str
    label: str
    counts: dict[str, int]
    rates: Rates
    averages: Rates
    yoy: Comparison | None = None
    pop: Comparison | None = None


@dataclass(frozen=True)
class KpiTable:
    by: str
    period: Period
    timezone: str
    as_of: dt.datetime
    working_days_only: bool
    rows: list[KpiRow]
    total: KpiRow
    yoy_period: Period | None = None
    pop_period: Period | None = None


def figures(tally: Tally) -> tuple[dict[str, int], Rates, Rates]:
    """Counts (derived ones included), rates and averages of one tally."""
    counts = {name: tally.counts.get(name, 0) for name in definitions.COUNTS}
    for name, parts in definitions.DERIVED.items():
        counts[name] = sum(counts[part] for part in parts)
    rates = {
        r.name: definitions.ratio(counts[r.numerator], counts[r.denominator])
        for r in definitions.RATES
    }
    averages = {
        a.name: definitions.ratio(
            tally.sums.get(a.seconds, 0.0) / a.unit_seconds,
            counts[a.count],
            definitions.AVERAGE_PLACES,
        )
        for a in definitions.AVERAGES
    }
    return counts, rates, averages


def _comparison(period: Period, current: dict[str, int], earlier: Tally) -> Comparison:
    counts, rates, _ = figures(earlier)
    change = {
        name: definitions.ratio(current[name] - counts[name], counts[name])
        for name in definitions.COUNTS
    }
    return Comparison(period, counts, rates, change)


def _row(key: str, label: str, tallies: dict[str, Tally], periods: dict[str, Period]) -> KpiRow:
    counts, rates, averages = figures(tallies.get("current", Tally()))
    compared = {
        which: _comparison(periods[which], counts, tallies.get(which, Tally()))
        for which in ("yoy", "pop")
        if which in periods
    }
    return KpiRow(key, label, counts, rates, averages, compared.get("yoy"), compared.get("pop"))


def _validate(start: dt.date, end: dt.date, by: str, as_of: dt.datetime | None) -> None:
    if by not in GROUPINGS:
        raise InputError("kpi.unknown_grouping", by=by, choices=", ".join(GROUPINGS))
    if start >= end:
        raise InputError("kpi.bad_range", start=start.isoformat(), last=end - dt.timedelta(1))
    if as_of is not None and as_of.tzinfo is None:
        raise ValueError("as_of must carry a time zone")


def compute(
    session: Session,
    *,
    start: dt.date,
    end: dt.date,
    by: str = "street",
    as_of: dt.datetime | None = None,
    working_days_only: bool = False,
    compare: bool = True,
    language: str | None = None,
) -> KpiTable:
    """KPIs of the cases reported on local dates [start, end), one row per group."""
    _validate(start, end, by, as_of)
    as_of = as_of or dt.datetime.now(dt.UTC)
    language = language or language_from_env()
    grouping = GROUPINGS[by]
    zone = center_timezone(session)
    period = Period(start, end)
    periods = {"current": period}
    if compare:
        periods.update(yoy=year_earlier(period), pop=preceding(period))

    by_period: dict[Period, dict[RawKey, Tally]] = {}
    for each in set(periods.values()):
        extra = working_filter(session, each, zone) if working_days_only else None
        lower, upper = each.utc_bounds(zone)
        by_period[each] = tally_by(session, grouping, lower, upper, as_of=as_of, extra=extra)

    raw_keys = {key for tallies in by_period.values() for key in tallies}
    labels = grouping.resolve(session, raw_keys, language)
    grouped: dict[Label, dict[str, Tally]] = {}
    totals: dict[str, Tally] = {which: Tally() for which in periods}
    for which, each in periods.items():
        for raw, tally in by_period[each].items():
            grouped.setdefault(labels[raw], {}).setdefault(which, Tally()).add(tally)
            totals[which].add(tally)

    rows = [_row(key, label, tallies, periods) for (key, label), tallies in grouped.items()]
    rows.sort(key=lambda row: (-row.counts["reported"], row.label, row.key))
    total = _row("*", render("kpi.total", language), totals, periods)
    return KpiTable(
        by=by,
        period=period,
        timezone=zone.key,
        as_of=as_of,
        working_days_only=working_days_only,
        rows=rows,
        total=total,
        yoy_period=periods.get("yoy"),
        pop_period=periods.get("pop"),
    )
