"""`main.py camera-import FILE --as USER` and `main.py camera-export FILE --as USER`:
the camera registry from and to a .csv or .xlsx sheet (columns in
console/services/cameras_io.py). Import needs the admin role; it checks every row
before writing any. Exit status 0 when done, 2 for known errors.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from console import schema
from console.commands.context import CommandContext
from console.commands.signin import PASSWORD_ENV, sign_in
from console.services import audit
from console.services.cameras_io import (
    export_rows,
    import_cameras,
    parse_rows,
    read_sheet,
    write_sheet,
)


def add_import_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(name, help="import cameras from a .csv or .xlsx sheet")
    parser.add_argument("file", help="the sheet to read")
    parser.add_argument(
        "--as", dest="as_user", required=True, help=f"an admin (password from {PASSWORD_ENV})"
    )
    parser.set_defaults(camera_action="import")


def add_export_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(name, help="export the cameras to a .csv or .xlsx sheet")
    parser.add_argument("file", help="the sheet to write")
    parser.add_argument(
        "--as", dest="as_user", required=True, help=f"an admin (password from {PASSWORD_ENV})"
    )
    parser.set_defaults(camera_action="export")


def add_parser(subparsers: Any, name: str) -> None:
    if name.endswith("export"):
        add_export_parser(subparsers, name)
    else:
        add_import_parser(subparsers, name)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    store = ctx.store()
    schema.require_current(store)
    actor = sign_in(ctx, args.as_user)
    path = Path(args.file)
    if args.camera_action == "import":
        cameras = parse_rows(read_sheet(path))
        with store.write() as session:
            result = import_cameras(session, actor, cameras)
        ctx.print(f"cameras: {result.created} created, {result.updated} updated")
        return 0
    with store.read() as session:
        rows = export_rows(session, actor)
    write_sheet(path, rows)
    with store.write() as session:
        audit.record(
            session,
            actor,
            "camera.export",
            entity="camera",
            detail={"rows": len(rows) - 1, "file": path.name},
        )
    ctx.print(f"cameras: {len(rows) - 1} written to {path}")
    return 0
