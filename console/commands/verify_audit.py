"""`main.py verify-audit`: walk the audit chain and report every sign of tampering.

Exit status 0 when the chain is intact, 1 when it was tampered with (each problem is
printed, naming the rows), 2 for known errors such as an unreachable database.
"""

from __future__ import annotations

import argparse
from typing import Any

from console import schema
from console.commands.context import CommandContext
from console.messages import render
from console.services import audit


def add_parser(subparsers: Any, name: str) -> None:
    subparsers.add_parser(name, help="check that the audit trail was not tampered with")


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    store = ctx.store()
    schema.require_current(store)
    with store.read() as session:
        result = audit.verify(session)
    language = ctx.settings.language
    if result.ok:
        ctx.print(render("audit.ok", language, count=result.checked, head=result.head_hash))
        return 0
    ctx.print(render("audit.broken", language, count=len(result.problems)))
    for problem in result.problems:
        ctx.print(render(problem.code, language, **problem.params))
    return 1
