"""`main.py [gui]`: the desktop console (the default subcommand)."""

from __future__ import annotations

import argparse
from typing import Any

from console.commands.context import CommandContext


def add_parser(subparsers: Any, name: str) -> None:
    subparsers.add_parser(name, help="open the desktop console (default)")


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    # Qt is imported only here, so headless subcommands start without it.
    from console import app

    return app.run(ctx.settings)
