"""`main.py serve-intake`: the field reporting service (Open311 GeoReport v2) over HTTP.

It listens on 127.0.0.1 unless told otherwise: put it behind the center's TLS reverse
proxy to reach the terminals. The OpenAPI description is at /open311/v2/openapi.json.
"""

from __future__ import annotations

import argparse
from typing import Any

from console import messages, schema
from console.commands.context import CommandContext
from console.messages import render
from console.services import terminals_reads

messages.register(
    {
        "field.serving": (
            "现场上报服务（Open311）已启动：http://{host}:{port}/open311/v2/ ，辖区 {jurisdiction}",
            "Field reporting service (Open311) at http://{host}:{port}/open311/v2/,"
            " jurisdiction {jurisdiction}",
        ),
    }
)


def add_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(name, help="serve the field terminals' Open311 API")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8311, help="port (8311)")
    parser.add_argument("--jurisdiction", help="Open311 jurisdiction id (default: the street code)")
    parser.add_argument("--rate-per-minute", type=float, help="per-terminal rate (app setting)")
    parser.add_argument("--burst", type=int, help="per-terminal burst (app setting)")


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from console.field import server
    from console.field.app import create_app

    store = ctx.store()
    schema.require_current(store)
    with store.read() as session:
        jurisdiction = args.jurisdiction or terminals_reads.jurisdiction(session)
    app = create_app(
        store,
        jurisdiction_id=jurisdiction,
        per_minute=args.rate_per_minute,
        burst=args.burst,
        language=ctx.settings.language,
    )
    ctx.print(
        render(
            "field.serving",
            ctx.settings.language,
            host=args.host,
            port=args.port,
            jurisdiction=jurisdiction,
        )
    )
    server.serve(app, args.host, args.port)
    return 0
