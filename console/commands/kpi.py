"""`main.py kpi --from D --to D [--by ...]`: the evaluation table (综合评价) of a period.

--to is inclusive, as people say it ("1 January to 31 December"); the service takes
the day after. Output goes to stdout as aligned text, CSV or JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from console import schema
from console.commands.context import CommandContext
from console.errors import InputError
from console.services import kpi

FORMATS = ("table", "csv", "json")


def add_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(name, help="KPI table of a period (counts, rates, 同比/环比)")
    parser.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
    parser.add_argument("--to", dest="last", required=True, help="last day (inclusive)")
    parser.add_argument(
        "--by", default="street", help="grouping: " + ", ".join(kpi.GROUPINGS) + " (default street)"
    )
    parser.add_argument(
        "--working-days-only", action="store_true", help="count cases reported on working days"
    )
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument(
        "--no-compare", action="store_true", help="skip the year-on-year and previous period"
    )


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as error:
        raise InputError("kpi.bad_date", value=value) from error


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    start, last = parse_date(args.start), parse_date(args.last)
    if start > last:
        raise InputError("kpi.bad_range", start=start, last=last)
    if args.by not in kpi.GROUPINGS:
        raise InputError("kpi.unknown_grouping", by=args.by, choices=", ".join(kpi.GROUPINGS))
    store = ctx.store()
    schema.require_current(store)
    language = ctx.settings.language
    with store.read() as session:
        table = kpi.compute(
            session,
            start=start,
            end=last + dt.timedelta(days=1),
            by=args.by,
            working_days_only=args.working_days_only,
            compare=not args.no_compare,
            language=language,
        )
    if args.format == "csv":
        ctx.out.write(kpi.to_csv(table, language))
    elif args.format == "json":
        ctx.print(kpi.to_json(table))
    else:
        ctx.print(kpi.to_text(table, language))
    return 0
