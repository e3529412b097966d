"""`main.py demo`: seed a new database with the demo street and print its accounts."""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal
from typing import Any

from console.commands.context import CommandContext
from db.demo import DEFAULT_CASES, DEFAULT_SEED, DemoSummary, generate

ENFORCEMENT_LABELS = (
    ("turnout", "turnout {} person-times"),
    ("ban", "bans {}"),
    ("seizure", "seizures {}"),
    ("frontage", "frontage corrections {}"),
    ("signboard", "signboards {}"),
    ("demolition", "demolished {} m²"),
    ("hazard", "hazards {}"),
    ("small_ad", "small ads {}"),
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from error


def _positive(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a whole number: {text}") from error
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def add_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(
        name,
        help="seed a new database with the demo street (八角街道) and demo accounts",
        description="Seed a new database with a deterministic demo street: the same "
        "--seed and --until give the same data. Refuses a database that already has a "
        "street.",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument(
        "--until",
        type=_date,
        help="the demo's today (YYYY-MM-DD): the year of data ends at 00:00 of this date, "
        "Asia/Shanghai (default: today)",
    )
    parser.add_argument(
        "--cases",
        type=_positive,
        default=DEFAULT_CASES,
        help=f"number of cases (default {DEFAULT_CASES}; larger for benchmarks)",
    )
    parser.add_argument(
        "--no-timeline",
        dest="timeline",
        action="store_false",
        help="skip the case timelines (faster for large --cases)",
    )


def _number(value: int | Decimal) -> str:
    """Thousands separators; decimals only where the value has them (m², not counts)."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    return f"{value:,}"


def print_summary(ctx: CommandContext, summary: DemoSummary, where: str) -> None:
    c = summary.counts
    ctx.print(
        f"Demo street seeded in {summary.seconds:.1f} s: {summary.street_name} "
        f"({summary.street_code}), {summary.center_name}, into {where}"
    )
    ctx.print(f"  seed {summary.seed}, data up to {summary.as_of:%Y-%m-%d %H:%M} Asia/Shanghai")
    ctx.print(
        f"  communities {c.communities} · grids {c.grids} · cameras {c.cameras} · "
        f"terminals {c.terminals} · users {c.users}"
    )
    ctx.print(
        f"  cases {_number(c.cases)} · resolved in community "
        f"{_number(c.resolved_in_community)} ({c.resolved_share:.1%}) · escalated "
        f"{_number(c.escalated)} · open {_number(c.open_cases)} (overdue {_number(c.overdue)}) · "
        f"self-handled {_number(c.self_handled)}"
    )
    ctx.print(
        f"  handled on time {c.on_time_share:.1%} · supervised {_number(c.supervised)} · "
        f"shelved {_number(c.shelved)} · reworked {_number(c.reworked)} · "
        f"timeline events {_number(c.case_events)}"
    )
    totals = c.enforcement
    parts = [
        label.format(_number(totals.get(kind, Decimal(0)))) for kind, label in ENFORCEMENT_LABELS
    ]
    ctx.print("  enforcement: " + " · ".join(parts))
    ctx.print(f"  parking-lock campaign: {c.campaign_items} items")


def print_accounts(ctx: CommandContext, summary: DemoSummary) -> None:
    ctx.print()
    ctx.print("Demo accounts. The passwords exist only because this is a demo database")
    ctx.print("(app setting demo = true); never keep real data in it.")
    rows = [("username", "roles", "password", "name")]
    rows += [(a.username, ",".join(a.roles), a.password, a.display_name) for a in summary.accounts]
    widths = [max(len(r[k]) for r in rows) for k in range(3)]
    for row in rows:
        ctx.print(
            "  " + "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=False)) + "  " + row[3]
        )


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    store = ctx.store()

    def progress(_label: str, done: int, total: int) -> None:
        if total:  # only the case stage counts; the others are quick
            print(
                f"cases {done / total:4.0%} ({_number(done)}/{_number(total)})",
                file=ctx.err,
                flush=True,
            )

    summary = generate(
        store,
        seed=args.seed,
        until=args.until,
        cases=args.cases,
        timeline=args.timeline,
        progress=progress,
        workstation=ctx.settings.workstation,
    )
    print_summary(ctx, summary, store.describe())
    print_accounts(ctx, summary)
    return 0
