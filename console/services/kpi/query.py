"""The one aggregate query behind every KPI table: a GROUP BY over case_file.

Every count is `COUNT(*) FILTER (WHERE condition)` (PostgreSQL, and SQLite since 3.30),
every duration a SUM, all in a single pass over the cohort's reported_at range. No
case row ever reaches Python: only one row per group. On PostgreSQL a period holding
most of the table is a parallel sequential scan (the cheaper plan there); shorter
periods are an index range scan on ix_case_file_reported_page (reported_at first).
PostgreSQL runs it without JIT compilation: over a year of a million cases the
compilation took 90 ms of 520 and saved less than it cost (benchmarks/README.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, func, label, select, text
from sqlalchemy.orm import Session

from console.services.kpi import definitions
from console.services.kpi.grouping import Grouping, RawKey


@dataclass
class Tally:
    """Additive aggregates of one group: counts and summed durations."""

    counts: dict[str, int] = field(default_factory=dict)
    sums: dict[str, float] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        for name, value in other.counts.items():
            self.counts[name] = self.counts.get(name, 0) + value
        for name, total in other.sums.items():
            self.sums[name] = self.sums.get(name, 0.0) + total


def aggregate_query(
    grouping: Grouping,
    lower: dt.datetime,
    upper: dt.datetime,
    *,
    as_of: dt.datetime,
    dialect: str,
    extra: ColumnElement[bool] | None = None,
) -> Select[tuple[object, ...]]:
    conditions = definitions.conditions(as_of)
    counts = [
        (func.count() if name == "reported" else func.count().filter(cond)).label(name)
        for name, cond in conditions.items()
    ]
    sums = [expr.label(name) for name, expr in definitions.sum_expressions(dialect).items()]
    where = definitions.cohort(lower, upper)
    if extra is not None:
        where = where & extra
    keys = [label(f"key_{i}", column) for i, column in enumerate(grouping.columns)]
    return select(*keys, *counts, *sums).where(where).group_by(*grouping.columns)


def _without_jit(session: Session, query: Select[tuple[object, ...]]) -> list[Any]:
    if session.get_bind().dialect.name != "postgresql":
        return list(session.execute(query))
    # For this statement only: set_config(..., true) would last to the end of the
    # caller's transaction (a failed statement ends that transaction anyway).
    previous = session.execute(text("SELECT current_setting('jit')")).scalar_one()
    session.execute(text("SELECT set_config('jit', 'off', true)"))
    rows = list(session.execute(query))
    session.execute(text("SELECT set_config('jit', :value, true)"), {"value": previous})
    return rows


def tally_by(
    session: Session,
    grouping: Grouping,
    lower: dt.datetime,
    upper: dt.datetime,
    *,
    as_of: dt.datetime,
    extra: ColumnElement[bool] | None = None,
) -> dict[RawKey, Tally]:
    """Aggregates per raw group key for cases reported in [lower, upper)."""
    dialect = session.get_bind().dialect.name
    query = aggregate_query(grouping, lower, upper, as_of=as_of, dialect=dialect, extra=extra)
    width = len(grouping.columns)
    count_names = list(definitions.conditions(as_of))
    sum_names = list(definitions.SUMS)
    result: dict[RawKey, Tally] = {}
    for row in _without_jit(session, query):
        values: tuple[Any, ...] = tuple(row)
        counted = values[width : width + len(count_names)]
        summed = values[width + len(count_names) :]
        tally = Tally(counts={n: int(v or 0) for n, v in zip(count_names, counted, strict=True)})
        for name, value in zip(sum_names, summed, strict=True):
            # "returns" sums a counter column, so it is a count; the rest are seconds.
            if name in definitions.COUNTS:
                tally.counts[name] = int(value or 0)
            else:
                tally.sums[name] = float(value or 0)
        result[values[:width]] = tally
    return result
