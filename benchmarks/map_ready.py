"""Map page benchmark: page size, time until the first markers are drawn for 10k/100k/1M
cases, one live update, and the clustering choice (supercluster against
leaflet.markercluster), in QtWebEngine offscreen.

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 XDG_RUNTIME_DIR=/tmp/x \\
        .venv/bin/python benchmarks/map_ready.py [--sizes 10000,100000,1000000]

Case points are generated straight into the JSON the service produces (this measures the
page, not the database: benchmarks/map_query.py times the service). Lower bounds, measured
in the same page: fetching and JSON-parsing the same data (nothing can be drawn before
that), and an empty runJavaScript round trip (for the update).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

import shiboken6
from PySide6.QtCore import QEventLoop, QTimer, QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

from console.geo.map_page import PageConfig, build_page
from console.geo.web_server import WEB_DIR, MapServer

CENTER = (116.205, 39.907)
SPAN = (0.042, 0.029)  # the demo street's extent in degrees


def load() -> str:
    return open("/proc/loadavg").read().split()[0]


def case_json(count: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    rows = [
        [
            i,
            round(CENTER[0] + (rng.random() - 0.5) * SPAN[0], 6),
            round(CENTER[1] + (rng.random() - 0.5) * SPAN[1], 6),
            rng.randrange(6),
            1 if rng.random() < 0.05 else 0,
        ]
        for i in range(1, count + 1)
    ]
    return json.dumps({"groups": [], "rows": rows}, separators=(",", ":")).encode()


class Page:
    def __init__(self, server: MapServer, extra: tuple[str, ...] = ()) -> None:
        base = server.base_url
        config = PageConfig(
            base,
            CENTER,
            zoom=15,
            basemaps=[{"key": "plain", "name": "plain", "crs": "wgs84"}],
            extra_scripts=extra,
        )
        self.html = build_page(config).encode()
        server.put("page.html", self.html, "text/html; charset=utf-8")
        self.view = QWebEngineView()
        self.view.resize(1600, 1000)
        self.view.show()
        loop = QEventLoop()
        self.view.loadFinished.connect(lambda _ok: loop.quit())
        started = time.perf_counter()
        self.view.load(QUrl(base + "page.html"))
        loop.exec()
        self.wait(lambda: self.js("JSON.stringify(!!(window.SanwangMap && SanwangMap.started))"))
        self.load_s = time.perf_counter() - started

    def js(self, script: str) -> Any:
        box: list[Any] = []
        loop = QEventLoop()

        def done(value: object) -> None:
            box.append(value)
            loop.quit()

        self.view.page().runJavaScript(script, 0, done)
        if not box:
            loop.exec()
        value = box[0]
        return json.loads(value) if isinstance(value, str) and value else value

    def wait(self, condition: Any, timeout_s: float = 300) -> None:
        deadline = time.perf_counter() + timeout_s
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("page never got there")
            loop = QEventLoop()
            QTimer.singleShot(5, loop.quit)
            loop.exec()

    def close(self) -> None:
        self.view.close()
        shiboken6.delete(self.view)  # now: a page alive at exit crashes QtWebEngine


def ready(page: Page, server: MapServer, size: int, data: bytes) -> dict[str, float]:
    name = f"cases{size}.json"
    server.put_json(name, data)
    url = server.base_url + "data/" + name
    # lower bound: fetch + parse only
    page.js(
        "window.bound = null; var t0 = performance.now(); fetch(" + json.dumps(url) + ")"
        ".then(r => r.json()).then(d => { window.bound = performance.now() - t0; });"
        "'1'"
    )
    page.wait(lambda: page.js("JSON.stringify(window.bound)") is not None)
    bound_ms = float(page.js("JSON.stringify(window.bound)"))
    started = time.perf_counter()
    page.js(f"SanwangMap.loadCases({json.dumps(url)}); '1'")
    page.wait(lambda: page.js("SanwangMap.stats()")["shownMs"] is not None)
    wall_ms = (time.perf_counter() - started) * 1000
    stats = page.js("SanwangMap.stats()")
    return {
        "bound_ms": bound_ms,
        "load_ms": stats["loadMs"],
        "shown_ms": stats["shownMs"],
        "wall_ms": wall_ms,
        "drawn": stats["drawnPoints"] + stats["drawnClusters"],
    }


def update(page: Page) -> dict[str, float]:
    started = time.perf_counter()
    page.js("'1'")
    round_trip_ms = (time.perf_counter() - started) * 1000
    # lower bound of "painted": the wait for the next animation frame with nothing changed
    page.js(
        "window.frame = null; var f0 = performance.now();"
        " requestAnimationFrame(function () { window.frame = performance.now() - f0; }); '1'"
    )
    page.wait(lambda: page.js("JSON.stringify(window.frame)") is not None)
    frame_ms = float(page.js("JSON.stringify(window.frame)"))
    row = [999_999_999, CENTER[0], CENTER[1], 2, 1]
    started = time.perf_counter()
    page.js("SanwangMap.updateCases(" + json.dumps({"rows": [row], "removed": [1]}) + "); '1'")
    call_ms = (time.perf_counter() - started) * 1000
    page.wait(lambda: page.js("SanwangMap.stats()")["lastShownMs"] is not None)
    stats = page.js("SanwangMap.stats()")
    return {
        "update_ms": stats["lastUpdateMs"],
        "shown_ms": stats["lastShownMs"],
        "call_ms": call_ms,
        "round_trip_ms": round_trip_ms,
        "frame_ms": frame_ms,
    }


MARKERCLUSTER = """
(function () {
  var map = Object.values(window).find(function (v) { return v instanceof L.Map; });
  window.mc = null;
  fetch(URL).then(r => r.json()).then(function (d) {
    var t0 = performance.now();
    var group = L.markerClusterGroup({ chunkedLoading: false });
    var markers = d.rows.map(function (r) { return L.marker([r[2], r[1]]); });
    group.addLayers(markers);
    map.addLayer(group);
    requestAnimationFrame(function () { window.mc = performance.now() - t0; });
  });
  return '1';
})()
"""

SUPERCLUSTER = """
(function () {
  window.sc = null;
  fetch(URL).then(r => r.json()).then(function (d) {
    var t0 = performance.now();
    var index = new Supercluster({ radius: 60, maxZoom: 16 });
    index.load(d.rows.map(function (r) {
      return { type: 'Feature', properties: { i: r[0] },
        geometry: { type: 'Point', coordinates: [r[1], r[2]] } };
    }));
    index.getClusters([116.18, 39.89, 116.23, 39.93], 15);
    window.sc = performance.now() - t0;
  });
  return '1';
})()
"""


def clustering(server: MapServer, size: int) -> tuple[float, float]:
    server.put_json("cmp.json", case_json(size))
    url = json.dumps(server.base_url + "data/cmp.json")
    page = Page(
        server, extra=(server.base_url + "static/vendor/markercluster/leaflet.markercluster.js",)
    )
    try:
        page.js(SUPERCLUSTER.replace("URL", url))
        page.wait(lambda: page.js("JSON.stringify(window.sc)") is not None)
        sc = float(page.js("JSON.stringify(window.sc)"))
        page.js(MARKERCLUSTER.replace("URL", url))
        page.wait(lambda: page.js("JSON.stringify(window.mc)") is not None)
        mc = float(page.js("JSON.stringify(window.mc)"))
    finally:
        page.close()
    return sc, mc


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument(
        "--compare",
        type=int,
        default=100_000,
        help="points for the clustering comparison (0: skip)",
    )
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    server = MapServer().start()
    try:
        page = Page(server)
        assets = sum(
            (WEB_DIR / p).stat().st_size
            for p in (
                "vendor/leaflet/leaflet.js",
                "vendor/leaflet/leaflet.css",
                "vendor/supercluster/supercluster.min.js",
                "vendor/heat/leaflet-heat.js",
                "sanwang_map.js",
                "sanwang_map.css",
            )
        )
        print(
            f"page: HTML {len(page.html):,} B + scripts and styles {assets:,} B "
            f"= {len(page.html) + assets:,} B (goal <= 1 MB); page load {page.load_s * 1000:.0f} ms"
            f"  [load {load()}]"
        )
        for size in (int(s) for s in args.sizes.split(",")):
            data = case_json(size)
            r = ready(page, server, size, data)
            print(
                f"{size:>9,} cases: JSON {len(data) / 1e6:.1f} MB; first markers drawn "
                f"{r['shown_ms']:.0f} ms (in page; {r['wall_ms']:.0f} ms seen from Python); "
                f"lower bound fetch+parse {r['bound_ms']:.0f} ms; "
                f"ratio {r['shown_ms'] / r['bound_ms']:.1f}"
                f"; markers+clusters drawn {r['drawn']:.0f}  [load {load()}]"
            )
            u = update(page)
            print(
                f"{'':>9}  one update: applied {u['update_ms']:.1f} ms, "
                f"painted {u['shown_ms']:.1f} ms"
                f" after the call reached the page (an idle frame wait: {u['frame_ms']:.1f} ms);"
                f" call round trip {u['call_ms']:.1f} ms against an"
                f" empty call's {u['round_trip_ms']:.1f} ms  [load {load()}]"
            )
        page.close()
        if args.compare:
            sc, mc = clustering(server, args.compare)
            print(
                f"clustering {args.compare:,} points: supercluster {sc:.0f} ms, "
                f"leaflet.markercluster {mc:.0f} ms (x{mc / sc:.1f}): supercluster kept"
                f"  [load {load()}]"
            )
    finally:
        server.stop()
        app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
