"""The map page, built with folium: Leaflet from the vendored copy, the project's script
and styles, and one start call. No data is in the page; the script fetches it as JSON.

folium links Leaflet, jQuery, Bootstrap and Font Awesome from CDNs by default: they are
replaced by the vendored Leaflet alone, so the page makes no request off the machine.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import folium
from branca.element import Element

VENDOR_JS = (
    ("supercluster", "vendor/supercluster/supercluster.min.js"),
    ("heat", "vendor/heat/leaflet-heat.js"),
    ("sanwang", "sanwang_map.js"),
)
VENDOR_CSS = (("sanwang", "sanwang_map.css"),)


@dataclass(frozen=True)
class PageConfig:
    base_url: str  # the loopback server's root for this view, ending in "/"
    center: tuple[float, float]  # lon, lat (WGS-84)
    zoom: int = 15
    basemaps: list[dict[str, Any]] = field(default_factory=list)
    texts: dict[str, object] = field(default_factory=dict)
    qwebchannel_url: str = ""  # empty: no bridge (a plain browser, a benchmark)
    extra_scripts: tuple[str, ...] = ()
    # As the operator left them: overlay key -> shown, and the basemap's key.
    layers: dict[str, bool] = field(default_factory=dict)
    basemap: str = ""


def build_page(config: PageConfig) -> str:
    """The page's HTML (a few kB)."""
    static = config.base_url + "static/"
    fmap = folium.Map(
        location=[config.center[1], config.center[0]],
        zoom_start=config.zoom,
        tiles=None,
        prefer_canvas=True,
        # The scale bar is added by the page's script: metric only.
        control_scale=False,
        max_zoom=19,
        min_zoom=3,
    )
    fmap.default_js = [("leaflet", static + "vendor/leaflet/leaflet.js")]
    fmap.default_css = [("leaflet_css", static + "vendor/leaflet/leaflet.css")]
    # folium writes its default links after anything added to the header: the plugins,
    # which need Leaflet loaded first, go at the top of the body instead.
    scripts = [config.qwebchannel_url] if config.qwebchannel_url else []
    scripts += [static + path for _name, path in VENDOR_JS]
    scripts += list(config.extra_scripts)
    tags = [f'<link rel="stylesheet" href="{static + path}"/>' for _name, path in VENDOR_CSS]
    tags += [f'<script src="{url}"></script>' for url in scripts]
    body = fmap.get_root().html  # type: ignore[attr-defined]
    body.add_child(Element("\n".join(tags)), name="sanwang_assets")
    settings = {
        "base": config.base_url,
        "basemaps": config.basemaps,
        "texts": config.texts,
        "bridge": bool(config.qwebchannel_url),
        "layers": config.layers,
        "basemap": config.basemap,
    }
    # folium's own script creates the map at the end of the body; start after it, on load.
    start = (
        "<script>window.addEventListener('load', function () {"
        f" SanwangMap.start({fmap.get_name()}, {json.dumps(settings, ensure_ascii=False)});"
        " });</script>"
    )
    body.add_child(Element(start), name="sanwang_start")
    return str(fmap.get_root().render())
