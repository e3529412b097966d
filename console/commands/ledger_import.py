"""`main.py import FILE --as USER`: add the cases of a ledger (CSV or XLSX) file.

Exit status 0 when imported (or, with --check, when the file would import), 1 when
rows are wrong (every problem is printed, nothing is imported), 2 for known errors
such as an unreadable file, a refused login or missing rights.
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
from console.services.ledger import ImportResult, Progress, import_ledger


def add_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(name, help="import a case ledger (台账) from a CSV or XLSX file")
    parser.add_argument("file", help="the .xlsx or .csv file")
    parser.add_argument(
        "--as",
        dest="as_user",
        required=True,
        help=f"the importing user (password from {PASSWORD_ENV} or a prompt)",
    )
    parser.add_argument("--check", action="store_true", help="check only, write nothing")
    parser.add_argument("--progress", action="store_true", help="show progress on stderr")


def _report(ctx: CommandContext, result: ImportResult, check: bool) -> int:
    language = ctx.settings.language
    for note in result.notes:
        ctx.print(note.message(language))
    if not result.ok:
        ctx.print(
            render(
                "ledger.import_failed", language, name=result.file_name, count=len(result.problems)
            )
        )
        for problem in result.problems:
            ctx.print(problem.message(language))
        return 1
    if check:
        ctx.print(
            render(
                "ledger.check_ok",
                language,
                name=result.file_name,
                rows=result.rows,
                new=result.new_rows,
                present=result.already_present,
            )
        )
    else:
        ctx.print(
            render(
                "ledger.import_ok",
                language,
                name=result.file_name,
                rows=result.rows,
                imported=result.imported,
                present=result.already_present,
            )
        )
    return 0


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    store = ctx.store()
    schema.require_current(store)
    actor = sign_in(ctx, args.as_user)
    line = ProgressLine(ctx.err, ctx.settings.language, wanted(ctx.err, args.progress))
    try:
        with store.write() as session:
            result = import_ledger(
                Path(args.file),
                session=session,
                actor=actor,
                progress=Progress(line),
                dry_run=args.check,
            )
    finally:
        line.close()
    return _report(ctx, result, args.check)
