"""A KpiTable as text columns, CSV or JSON, with headers in the user's language.

Rates print as percentages with two decimals ("93.72%") in text; CSV and JSON keep the
four-place fraction (0.9372) for spreadsheets and programs. A missing rate is "—" in
text, an empty cell in CSV and null in JSON. Dates in CSV/JSON headings are inclusive.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Sequence
from typing import Any

from console.messages import render
from console.services.kpi import definitions
from console.services.kpi.labels import group, metric
from console.services.kpi.periods import Period
from console.services.kpi.table import Comparison, KpiRow, KpiTable

MISSING = "—"
TEXT_COLUMNS = (
    "reported",
    "accepted",
    "opened",
    "dispatched",
    "handled",
    "due_to_close",
    "closed",
    "closed_on_time",
    "overdue_open",
    "self_handled",
    "on_time_open_rate",
    "accurate_dispatch_rate",
    "handle_rate",
    "close_rate",
    "on_time_close_rate",
    "community_resolution_rate",
)
RATE_NAMES = tuple(r.name for r in definitions.RATES)
AVERAGE_NAMES = tuple(a.name for a in definitions.AVERAGES)


def percent(value: float | None, *, signed: bool = False) -> str:
    if value is None:
        return MISSING
    return f"{value * 100:{'+' if signed else ''}.2f}%"


def _cell(row: KpiRow, name: str) -> str:
    if name in row.rates:
        return percent(row.rates[name])
    if name in row.averages:
        value = row.averages[name]
        return MISSING if value is None else f"{value:.2f}"
    return str(row.counts[name])


def _header(code: str, name: str, which: str, language: str) -> str:
    return render(
        code, language, metric=metric(name, language), which=render(f"kpi.{which}", language)
    )


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, left: bool) -> str:
    fill = " " * (width - _width(text))
    return text + fill if left else fill + text


def span(period: Period, language: str) -> str:
    return render("kpi.span", language, start=period.start, last=period.last)


def heading(table: KpiTable, language: str) -> list[str]:
    working = render("kpi.working_only", language) if table.working_days_only else ""
    period = span(table.period, language)
    lines = [
        render("kpi.heading", language, period=period, timezone=table.timezone, working=working)
    ]
    if table.yoy_period and table.pop_period:
        yoy, pop = span(table.yoy_period, language), span(table.pop_period, language)
        lines.append(render("kpi.heading_compare", language, yoy=yoy, pop=pop))
    return lines


def to_text(table: KpiTable, language: str, columns: Sequence[str] = TEXT_COLUMNS) -> str:
    """Aligned columns for a terminal; reported 同比/环比 appended when compared."""
    headers = [group(table.by, language), *(metric(name, language) for name in columns)]
    compared = table.total.yoy is not None and table.total.pop is not None
    if compared:
        headers += [_header("kpi.change_header", "reported", w, language) for w in ("yoy", "pop")]
    body = []
    for row in [*table.rows, table.total]:
        cells = [row.label, *(_cell(row, name) for name in columns)]
        if compared and row.yoy and row.pop:
            cells += [percent(c.change["reported"], signed=True) for c in (row.yoy, row.pop)]
        body.append(cells)
    widths = [max(_width(line[i]) for line in [headers, *body]) for i in range(len(headers))]
    lines = [*heading(table, language), ""]
    for line in [headers, *body]:
        padded = [
            _pad(c, w, left=i == 0) for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        lines.append("  ".join(padded))
    return "\n".join(lines)


def _csv_number(value: float | int | None) -> str:
    return "" if value is None else str(value)


def to_csv(table: KpiTable, language: str) -> str:
    """One line per row, total last: every count, rate, average and both comparisons."""
    headers = [render("kpi.key", language), group(table.by, language)]
    headers += [metric(n, language) for n in (*definitions.COUNTS, *RATE_NAMES, *AVERAGE_NAMES)]
    for which in ("yoy", "pop"):
        for name in definitions.COUNTS:
            headers += [
                _header("kpi.value_header", name, f"{which}_value", language),
                _header("kpi.change_header", name, which, language),
            ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    for row in [*table.rows, table.total]:
        cells = [row.key, row.label]
        cells += [str(row.counts[n]) for n in definitions.COUNTS]
        cells += [_csv_number(row.rates[n]) for n in RATE_NAMES]
        cells += [_csv_number(row.averages[n]) for n in AVERAGE_NAMES]
        for comparison in (row.yoy, row.pop):
            for name in definitions.COUNTS:
                if comparison is None:
                    cells += ["", ""]
                else:
                    cells += [str(comparison.counts[name]), _csv_number(comparison.change[name])]
        writer.writerow(cells)
    return out.getvalue()


def _period(period: Period | None) -> dict[str, str] | None:
    if period is None:
        return None
    return {"from": period.start.isoformat(), "to": period.last.isoformat()}


def _comparison(comparison: Comparison | None) -> dict[str, Any] | None:
    if comparison is None:
        return None
    return {
        "period": _period(comparison.period),
        "counts": comparison.counts,
        "rates": comparison.rates,
        "change": comparison.change,
    }


def _row(row: KpiRow) -> dict[str, Any]:
    return {
        "key": row.key,
        "label": row.label,
        "counts": row.counts,
        "rates": row.rates,
        "averages": row.averages,
        "yoy": _comparison(row.yoy),
        "pop": _comparison(row.pop),
    }


def to_json(table: KpiTable) -> str:
    document = {
        "by": table.by,
        "period": _period(table.period),
        "timezone": table.timezone,
        "as_of": table.as_of.isoformat(),
        "working_days_only": table.working_days_only,
        "yoy_period": _period(table.yoy_period),
        "pop_period": _period(table.pop_period),
        "rows": [_row(row) for row in table.rows],
        "total": _row(table.total),
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
