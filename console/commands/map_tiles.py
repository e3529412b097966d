"""`main.py map-tiles`: draw the offline basemap (MBTiles) from the street's own outlines.

No tiles are downloaded: the street, community and grid polygons in the database are
drawn at each zoom level, so a command center without internet still has a basemap.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from console import messages, schema
from console.commands.context import CommandContext
from console.errors import InputError
from console.geo.basemaps import load_basemaps
from console.geo.mbtiles import write_mbtiles
from console.geo.tile_render import render_tiles
from console.services.map.layers import base_geometry

messages.register(
    {
        "map.tiles.no_outline": (
            "数据库中没有街道或社区边界，无法绘制底图",
            "The database holds no street or community outline to draw a basemap from",
        ),
        "map.tiles.bad_zooms": (
            "缩放级别无效：{zooms}（应为 0–20 之间的“最小-最大”）",
            "Invalid zoom levels: {zooms} (expected MIN-MAX between 0 and 20)",
        ),
        "map.tiles.done": (
            "已写入 {count} 张瓦片（缩放 {zooms}）：{path}",
            "Wrote {count} tiles (zoom {zooms}) to {path}",
        ),
    }
)


def add_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(name, help="draw the offline basemap from the street outlines")
    parser.add_argument("--out", help="MBTiles file (default: the map's configured file)")
    parser.add_argument("--zooms", default="13-17", help="zoom levels MIN-MAX (default 13-17)")


def parse_zooms(text: str) -> tuple[int, int]:
    try:
        low, high = (int(part) for part in text.split("-", 1))
    except ValueError:
        raise InputError("map.tiles.bad_zooms", zooms=text) from None
    if not 0 <= low <= high <= 20:
        raise InputError("map.tiles.bad_zooms", zooms=text)
    return low, high


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    low, high = parse_zooms(args.zooms)
    out = Path(args.out) if args.out else load_basemaps(ctx.settings.data_dir).mbtiles
    store = ctx.store()
    schema.require_current(store)
    with store.read() as session:
        geometry = base_geometry(session=session)
    bounds = geometry.bounds()
    if bounds is None:
        raise InputError("map.tiles.no_outline")
    zooms = list(range(low, high + 1))
    metadata = {
        "name": "street",
        "format": "png",
        "type": "baselayer",
        "minzoom": str(low),
        "maxzoom": str(high),
        "bounds": ",".join(f"{v:.6f}" for v in bounds),
        "attribution": "Sanwang Console",
    }
    count = write_mbtiles(out, render_tiles(geometry, zooms), metadata)
    language = ctx.settings.language
    ctx.print(messages.render("map.tiles.done", language, count=count, zooms=args.zooms, path=out))
    return 0
