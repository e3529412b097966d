"""Which basemaps the map offers, from <data_dir>/map.ini and the environment.

    [map]
    mbtiles = /srv/tiles/street.mbtiles      ; default <data_dir>/tiles/street.mbtiles
    online = tianditu, amap                  ; none by default: the map works offline
    tianditu_key = ...                       ; or CONSOLE_TIANDITU_KEY
    xyz_url = https://tiles.example/{z}/{x}/{y}.png
    xyz_crs = wgs84                          ; or gcj02 for tiles drawn in GCJ-02

Tiles in GCJ-02 (AMap, Tencent) are offset from WGS-84 by hundreds of metres: the page
converts every point it draws on them, and every point clicked, at the edge.
"""

from __future__ import annotations

import configparser
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OnlineBasemap:
    key: str  # tianditu | amap | tencent | xyz
    url: str
    crs: str  # wgs84 | gcj02
    subdomains: str = ""
    max_zoom: int = 18
    attribution: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "url": self.url,
            "crs": self.crs,
            "subdomains": self.subdomains,
            "maxZoom": self.max_zoom,
            "attribution": self.attribution,
        }


@dataclass(frozen=True)
class BasemapConfig:
    mbtiles: Path
    online: tuple[OnlineBasemap, ...] = ()
    problems: tuple[str, ...] = ()  # online layers asked for but not usable (a missing key)


TIANDITU = (
    "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
    "&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}"
    "&TILECOL={x}&tk="
)
AMAP = "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}"
TENCENT = "https://rt{s}.map.gtimg.com/tile?z={z}&x={x}&y={-y}&styleid=1000&scene=0"


def load_basemaps(data_dir: Path, environ: Mapping[str, str] | None = None) -> BasemapConfig:
    env = os.environ if environ is None else environ
    values: dict[str, str] = {}
    problems: list[str] = []
    path = data_dir / "map.ini"
    if path.is_file():
        # No interpolation: a "%" in a tile URL is the URL's, not the parser's.
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(path, encoding="utf-8")
            if parser.has_section("map"):
                values.update(parser.items("map"))
        except (configparser.Error, UnicodeDecodeError):
            # A typo in the file costs its online layers, not the console.
            problems.append(path.name)
    for name in ("mbtiles", "online", "tianditu_key", "xyz_url", "xyz_crs"):
        if env.get(f"CONSOLE_MAP_{name.upper()}"):
            values[name] = env[f"CONSOLE_MAP_{name.upper()}"]
    if env.get("CONSOLE_TIANDITU_KEY"):
        values["tianditu_key"] = env["CONSOLE_TIANDITU_KEY"]
    mbtiles = Path(values.get("mbtiles") or data_dir / "tiles" / "street.mbtiles").expanduser()
    wanted = [w.strip().lower() for w in values.get("online", "").split(",") if w.strip()]
    online: list[OnlineBasemap] = []
    for key in wanted:
        if key == "tianditu":
            token = values.get("tianditu_key", "").strip()
            if not token:
                problems.append("tianditu_key")
                continue
            online.append(OnlineBasemap(key, TIANDITU + token, "wgs84", "01234567", 18, "天地图"))
        elif key == "amap":
            online.append(OnlineBasemap(key, AMAP, "gcj02", "1234", 18, "高德地图"))
        elif key == "tencent":
            online.append(OnlineBasemap(key, TENCENT, "gcj02", "0123", 18, "腾讯地图"))
        elif key == "xyz":
            url = values.get("xyz_url", "").strip()
            crs = values.get("xyz_crs", "wgs84").strip().lower()
            if not url or crs not in ("wgs84", "gcj02"):
                problems.append("xyz_url")
                continue
            online.append(OnlineBasemap(key, url, crs))
        else:
            problems.append(key)
    return BasemapConfig(mbtiles, tuple(online), tuple(problems))
