"""`main.py campaign-import CAMPAIGN_ID FILE --as USER`: add a campaign's items from XLSX.

Exit status 0 when imported (or, with --check, when the file would import), 1 when
rows are wrong (every problem is printed, nothing is imported), 2 for known errors such
as an unreadable file, an unknown campaign, a refused login or missing rights.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from console import schema
from console.commands.context import CommandContext
from console.commands.progress_line import ProgressLine, wanted
from console.commands.signin import PASSWORD_ENV, sign_in
from console.messages import render
from console.services.campaigns import import_items
from console.services.ledger import Progress


def add_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(
        name, help="import a campaign's items (locks, signs ...) from an XLSX or CSV file"
    )
    parser.add_argument("campaign", type=int, help="the campaign's id")
    parser.add_argument("file", help="the .xlsx or .csv file (经度, 纬度, 地址, 描述, ...)")
    parser.add_argument(
        "--as",
        dest="as_user",
        required=True,
        help=f"the importing user (password from {PASSWORD_ENV} or a prompt)",
    )
    parser.add_argument("--check", action="store_true", help="check only, write nothing")
    parser.add_argument("--progress", action="store_true", help="show progress on stderr")


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    store = ctx.store()
    schema.require_current(store)
    actor = sign_in(ctx, args.as_user)
    language = ctx.settings.language
    line = ProgressLine(ctx.err, language, wanted(ctx.err, args.progress))
    try:
        with store.write() as session:
            result = import_items(
                Path(args.file),
                session=session,
                actor=actor,
                campaign_id=args.campaign,
                progress=Progress(line),
                dry_run=args.check,
            )
    finally:
        line.close()
    if result.problems:
        ctx.print(render("campaign.import_refused", language, count=len(result.problems)))
        for problem in result.problems:
            ctx.print(problem.message(language))
        return 1
    if args.check:
        ctx.print(render("campaign.import_checked", language, count=result.rows))
    else:
        ctx.print(render("campaign.import_done", language, count=result.imported))
    return 0
