"""`main.py db upgrade|status`: schema versions."""

from __future__ import annotations

import argparse
from typing import Any

from console import schema
from console.commands.context import CommandContext


def add_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(name, help="database schema: upgrade, status")
    parser.add_argument("action", choices=["upgrade", "status"])


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    store = ctx.store()
    if args.action == "upgrade":
        changed = schema.upgrade(store)
        current, head = schema.status(store)
        ctx.print(f"{store.describe()}: {'upgraded to' if changed else 'already at'} {head}")
        return 0
    current, head = schema.status(store)
    ctx.print(f"{store.describe()}: revision {current or '-'}, code head {head}")
    return 0 if current == head else 1
