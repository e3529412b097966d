"""`main.py report KIND ... --out FILE`: a report as a PDF file.

    report daily --date D            the duty report of date D (default: yesterday)
    report weekly --date D           the week (Monday to Sunday) holding D
    report monthly --date D          the calendar month holding D
    report weekly|monthly|list --from D --to D   any period (both days included)
    report campaign --campaign ID
    report case --case ID-or-number
Any kind but campaign and case takes --community (name or code). With --as USER the
report is generated for that user (password from CONSOLE_PASSWORD or a prompt) and
their roles are checked; without it, as the program itself, which anyone holding the
database's credentials is (`main.py kpi` reads the same figures). Either way the audit
trail records who generated what.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select

from console import schema
from console.commands.context import CommandContext
from console.commands.kpi import parse_date
from console.commands.signin import PASSWORD_ENV, sign_in
from console.errors import InputError
from console.messages import register, render
from console.models import Community
from console.services.actor import system_actor
from console.services.report_data import KINDS, ReportRequest, generate, record
from console.services.report_data.choices import report_choices

register(
    {
        "report.unknown_community": (
            "没有名称或编码为 {value} 的社区",
            "No community named {value}",
        ),
        "report.written": (
            "已生成 {title}：{path}（{size} KB）",
            "Wrote {title}: {path} ({size} KB)",
        ),
    }
)


def add_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(
        name, help="generate a report as a PDF file (值班日报、通报 ...)"
    )
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("--out", required=True, help="the PDF file to write")
    parser.add_argument("--date", help="daily: the day; weekly/monthly: a day in the period")
    parser.add_argument("--from", dest="start", help="first day of the period, YYYY-MM-DD")
    parser.add_argument("--to", dest="last", help="last day of the period (inclusive)")
    parser.add_argument("--community", help="only this community (name or code)")
    parser.add_argument("--campaign", type=int, help="campaign id (campaign report)")
    parser.add_argument("--case", help="case id or number (case sheet)")
    parser.add_argument(
        "--as",
        dest="as_user",
        help=f"generate as this user (password from {PASSWORD_ENV} or a prompt)",
    )


def _community(session: Any, value: str | None) -> int | None:
    if not value:
        return None
    found = session.scalar(
        select(Community.id).where(or_(Community.name == value, Community.code == value))
    )
    if found is None:
        raise InputError("report.unknown_community", value=value)
    return int(found)


def build_request(
    args: argparse.Namespace, community_id: int | None, today: dt.date
) -> ReportRequest:
    kind = args.kind
    if kind == "campaign":
        return ReportRequest(kind, campaign_id=args.campaign)
    if kind == "case":
        return ReportRequest(kind, case=args.case)
    if args.start or args.last:
        start = parse_date(args.start or args.last)
        last = parse_date(args.last or args.start)
        if start > last:
            raise InputError("kpi.bad_range", start=start, last=last)
        return ReportRequest(kind, start, last + dt.timedelta(days=1), community_id)
    on = parse_date(args.date) if args.date else today - dt.timedelta(days=1)
    if kind == "weekly":
        return ReportRequest.weekly(on, community_id)
    if kind == "monthly":
        return ReportRequest.monthly(on, community_id)
    return ReportRequest(kind, on, on + dt.timedelta(days=1), community_id)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    store = ctx.store()
    schema.require_current(store)
    actor = sign_in(ctx, args.as_user) if args.as_user else system_actor(ctx.settings.workstation)
    language = ctx.settings.language
    with store.read() as session:
        request = build_request(
            args, _community(session, args.community), report_choices(session).today
        )
        result = generate(request, session=session, actor=actor, language=language)
    path = Path(args.out)
    path.write_bytes(result.pdf)
    with store.write() as session:
        record(session, actor, result)
    ctx.print(
        render(
            "report.written",
            language,
            title=result.title,
            path=str(path),
            size=max(1, len(result.pdf) // 1024),
        )
    )
    return 0
