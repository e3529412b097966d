"""Command line: `main.py [gui]` opens the console; other subcommands work headless.

Known errors (bad input, unreachable database, ...) print one line in the user's
language and exit with status 2; bugs keep their traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from console.commands.context import CommandContext
from console.errors import KnownError
from console.messages import render
from console.settings import load_settings

# subcommand -> module under console.commands; each module adds its own parser.
SUBCOMMANDS = {
    "gui": "gui",
    "db": "db",
    "demo": "demo",
    "user": "user",
    "verify-audit": "verify_audit",
    "import": "ledger_import",
    "export": "ledger_export",
    "kpi": "kpi",
    "map-tiles": "map_tiles",
    "serve-intake": "serve_intake",
    "field-sim": "field_sim",
    "terminal": "terminal",
    "report": "report",
    "campaign-import": "campaign_import",
    "camera-import": "camera_sheet",
    "camera-export": "camera_sheet",
    "video-demo": "video_demo",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Sanwang Console (三网融合指挥台)")
    parser.add_argument("--db", dest="db_url", help="database URL (default: the local SQLite file)")
    parser.add_argument("--data-dir", dest="data_dir", help="folder for the local database")
    parser.add_argument("--lang", dest="language", help="zh_CN (default) or en")
    parser.add_argument("--workstation", dest="workstation", help="name recorded in the audit")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    subparsers = parser.add_subparsers(dest="command")
    for name, module in SUBCOMMANDS.items():
        importlib.import_module(f"console.commands.{module}").add_parser(subparsers, name)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    settings = load_settings(
        {
            "db_url": args.db_url,
            "data_dir": args.data_dir,
            "language": args.language,
            "workstation": args.workstation,
        }
    )
    command = args.command or "gui"
    ctx = CommandContext(settings)
    module = importlib.import_module(f"console.commands.{SUBCOMMANDS[command]}")
    try:
        return int(module.run(args, ctx))
    except KnownError as error:
        print(error.message(settings.language), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(render("cli.interrupted", settings.language), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`main.py kpi ... | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        ctx.close()
