"""`main.py field-sim`: simulated grid workers replay a day of reports against serve-intake.

The keys come from a file of "code<TAB>key" lines (what `main.py terminal issue` prints).
The database (--db) is read only to learn the street's grids and categories, so the
reports fall inside the street; everything else goes through the HTTP API, as from a
phone. --speed 1440 plays a day in a minute; --speed 0 sends as fast as it can.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from console import messages, schema
from console.commands.context import CommandContext
from console.commands.kpi import parse_date
from console.errors import InputError
from console.field.client import TerminalClient
from console.field.simulation import check_waiting, plan_day, replay
from console.messages import render
from console.services import terminals_reads

messages.register(
    {
        "sim.bad_keys": (
            "密钥文件 {path} 中没有“编号<TAB>密钥”行",
            'The key file {path} holds no "code<TAB>key" lines',
        ),
        "sim.no_grids": (
            "数据库中没有带边界的网格，无法生成上报位置",
            "The database has no grids with an outline to place reports in",
        ),
        "sim.plan": (
            "{terminals} 个终端将上报 {count} 件（{day}，速度 ×{speed}）",
            "{terminals} terminals will send {count} reports ({day}, speed ×{speed})",
        ),
        "sim.summary": (
            "计划 {planned} 件：新建 {created}，重试命中 {repeated}，拒绝 {refused}，"
            "重发 {retries} 次；延迟 p50 {p50} ms，p95 {p95} ms",
            "planned {planned}: created {created}, answered from a retry {repeated}, refused"
            " {refused}, resent {retries} times; latency p50 {p50} ms, p95 {p95} ms",
        ),
        "sim.refused": ("拒绝 {ref}：{status} {text}", "refused {ref}: {status} {text}"),
        "sim.checks": (
            "待核查 {waiting} 件：核查通过 {passed}，重试命中 {repeated}，拒绝 {refused}",
            "awaiting a check {waiting}: passed {passed}, answered from a retry {repeated},"
            " refused {refused}",
        ),
    }
)


def add_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(name, help="replay a day of field reports (simulated terminals)")
    parser.add_argument("--url", default="http://127.0.0.1:8311/open311/v2", help="service URL")
    parser.add_argument("--keys", required=True, help='file of "code<TAB>key" lines')
    parser.add_argument("--reports", type=int, default=200, help="reports in the day (200)")
    parser.add_argument("--day", help="the day to replay, YYYY-MM-DD (default today)")
    parser.add_argument("--speed", type=float, default=1440.0, help="time factor; 0 = flat out")
    parser.add_argument("--photos", action="store_true", help="a photo with every report")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument(
        "--checks", type=int, default=0, help="then pass up to N cases awaiting a check (0)"
    )


def read_keys(path: Path) -> dict[str, str]:
    keys = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        code, tab, key = line.strip().partition("\t")
        if tab and code and key:
            keys[code] = key
    if not keys:
        raise InputError("sim.bad_keys", path=str(path))
    return keys


def _ms(values: list[float], share: float) -> str:
    if not values:
        return "-"
    if len(values) == 1:
        return f"{values[0] * 1000:.1f}"
    return f"{statistics.quantiles(values, n=100)[round(share * 100) - 1] * 1000:.1f}"


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    store = ctx.store()
    schema.require_current(store)
    language = ctx.settings.language
    keys = read_keys(Path(args.keys))
    zone = ZoneInfo(ctx.settings.timezone)
    day = parse_date(args.day) if args.day else dt.datetime.now(zone).date()
    start = dt.datetime.combine(day, dt.time(0), tzinfo=zone)
    with store.read() as session:
        outlines = terminals_reads.grid_outlines(session)
        services = [(s.code, s.name_zh) for s in terminals_reads.services(session)]
    if not outlines or not services:
        raise InputError("sim.no_grids")
    rng = random.Random(args.seed)
    plan = plan_day(
        rng,
        terminals=sorted(keys),
        services=services,
        outlines=outlines,
        count=args.reports,
        day=start,
        run_id=f"sim{args.seed}-{day:%Y%m%d}",
    )
    # A replay of a day still under way stops at the present: no report from the future.
    now = dt.datetime.now(zone)
    plan = [p for p in plan if p.at <= now]
    ctx.print(
        render(
            "sim.plan", language, terminals=len(keys), count=len(plan), day=day, speed=args.speed
        )
    )
    clients = {code: TerminalClient(args.url, key) for code, key in keys.items()}
    outcome = replay(plan, clients, speed=args.speed, photos=args.photos)
    ctx.print(
        render(
            "sim.summary",
            language,
            planned=outcome.planned,
            created=outcome.created,
            repeated=outcome.repeated,
            refused=len(outcome.refused),
            retries=outcome.retries,
            p50=_ms(outcome.latencies, 0.5),
            p95=_ms(outcome.latencies, 0.95),
        )
    )
    refused = list(outcome.refused)
    if args.checks > 0:
        checkers = {code: TerminalClient(args.url, key) for code, key in keys.items()}
        checked = check_waiting(checkers, args.checks, f"sim{args.seed}-{day:%Y%m%d}")
        refused += checked.refused
        ctx.print(
            render(
                "sim.checks",
                language,
                waiting=checked.planned,
                passed=checked.created,
                repeated=checked.repeated,
                refused=len(checked.refused),
            )
        )
    for ref, status, text in refused[:20]:
        ctx.print(render("sim.refused", language, ref=ref, status=status, text=text))
    return 0 if not refused else 1
