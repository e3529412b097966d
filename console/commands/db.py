"""`main.py db upgrade|status|grant ROLE`: schema versions and PostgreSQL privileges."""

from __future__ import annotations

import argparse
from typing import Any

from console import schema
from console.commands.context import CommandContext
from console.services import pg_roles


def add_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(
        name, help="database schema: upgrade, status; grant ROLE (PostgreSQL)"
    )
    parser.add_argument("action", choices=["upgrade", "status", "grant"])
    parser.add_argument(
        "role",
        nargs="?",
        help="with grant: the login role the workstations use (append-only audit trail)",
    )


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    store = ctx.store()
    if args.action == "upgrade":
        changed = schema.upgrade(store)
        current, head = schema.status(store)
        ctx.print(f"{store.describe()}: {'upgraded to' if changed else 'already at'} {head}")
        return 0
    if args.action == "grant":
        schema.require_current(store)
        with store.guard(), store.engine.begin() as conn:
            statements = pg_roles.grant_application_role(conn, args.role or "")
        ctx.print(f"{store.describe()}: {len(statements)} privileges set for {args.role}")
        return 0
    current, head = schema.status(store)
    ctx.print(f"{store.describe()}: revision {current or '-'}, code head {head}")
    return 0 if current == head else 1
