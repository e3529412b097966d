"""`main.py serve-intake`: the field reporting service (Open311 GeoReport v2) over HTTP.

It listens on 127.0.0.1 unless told otherwise: put it behind the center's TLS reverse
proxy to reach the terminals. The OpenAPI description is at /open311/v2/openapi.json.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from console import messages, schema
from console.commands.context import CommandContext
from console.messages import render
from console.services import terminals, terminals_reads

messages.register(
    {
        "field.serving": (
            "现场上报服务（Open311）已启动：http://{host}:{port}/open311/v2/ ，"
            "辖区 {jurisdiction}，{workers} 个工作进程",
            "Field reporting service (Open311) at http://{host}:{port}/open311/v2/,"
            " jurisdiction {jurisdiction}, {workers} worker processes",
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
    parser.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        help=f"worker processes sharing the port and the rate limits ({default_workers()})",
    )


def default_workers() -> int:
    """One per core, up to four: a report is mostly Python, which one process runs on one
    core; the database and the terminals' connections need the rest."""
    return max(1, min(4, os.cpu_count() or 1))


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from console.field import server
    from console.field.app import create_app
    from console.field.ratelimit_shared import SharedRateLimiter
    from console.field.service import failed_key_limiter

    store = ctx.store()
    schema.require_current(store)
    with store.read() as session:
        jurisdiction = args.jurisdiction or terminals_reads.jurisdiction(session)
        policy = terminals.rate_policy(session)
    # Made before the workers are forked, so all of them spend from the same buckets.
    limiter = SharedRateLimiter(
        args.rate_per_minute if args.rate_per_minute is not None else policy.per_minute,
        args.burst if args.burst is not None else policy.burst,
    )
    failures = failed_key_limiter(shared=True)
    workers = max(1, args.workers)
    # No pooled connection may cross a fork: each worker opens its own.
    store.dispose()

    def make_app() -> Any:
        return create_app(
            store,
            jurisdiction_id=jurisdiction,
            language=ctx.settings.language,
            limiter=limiter,
            failures=failures,
        )

    ctx.print(
        render(
            "field.serving",
            ctx.settings.language,
            host=args.host,
            port=args.port,
            jurisdiction=jurisdiction,
            workers=workers,
        )
    )
    return server.serve_workers(make_app, args.host, args.port, workers)
