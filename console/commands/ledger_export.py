"""`main.py export --out FILE --as USER [filters]`: write cases to a ledger file.

Filters: --from/--to (local dates on the reported time, both included), and any
number of --community, --category, --state, --unit (names, labels or codes).
Exit status 0 when written, 2 for known errors (bad filter, refused login, ...).
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
from console.services.ledger import (
    FORMATS,
    Progress,
    export_ledger,
    record_export,
    resolve_criteria,
)


def add_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(name, help="export cases to a ledger (台账) file")
    parser.add_argument("--out", required=True, help="the file to write (.xlsx or .csv)")
    parser.add_argument("--format", choices=FORMATS, help="default: from --out, else xlsx")
    parser.add_argument("--from", dest="date_from", help="first day reported, YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", help="last day reported, YYYY-MM-DD")
    for option, what in (
        ("--community", "community name or code"),
        ("--category", "class or subclass, name or code"),
        ("--state", "state, label (e.g. 已结案) or code"),
        ("--unit", "responsible unit, name or code"),
    ):
        parser.add_argument(option, action="append", default=[], help=f"{what} (repeatable)")
    parser.add_argument(
        "--as",
        dest="as_user",
        required=True,
        help=f"the exporting user (password from {PASSWORD_ENV} or a prompt)",
    )
    parser.add_argument("--progress", action="store_true", help="show progress on stderr")


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    store = ctx.store()
    schema.require_current(store)
    actor = sign_in(ctx, args.as_user)
    line = ProgressLine(ctx.err, ctx.settings.language, wanted(ctx.err, args.progress))
    try:
        with store.read() as session:
            criteria = resolve_criteria(
                session,
                date_from=args.date_from,
                date_to=args.date_to,
                communities=args.community,
                categories=args.category,
                states=args.state,
                units=args.unit,
            )
            result = export_ledger(
                Path(args.out),
                session=session,
                actor=actor,
                criteria=criteria,
                fmt=args.format,
                progress=Progress(line),
            )
    finally:
        line.close()
    with store.write() as session:
        record_export(session, actor, result, criteria)
    ctx.print(
        render("ledger.export_ok", ctx.settings.language, count=result.count, path=str(result.path))
    )
    return 0
