"""The words the map page shows, translated on the console side and handed to the page
with its settings (the page itself holds no language)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from console.geo.basemaps import BasemapConfig
from console.views.labels import fill

# Called by this name so that lupdate finds every string.
translate = QCoreApplication.translate


def page_texts() -> dict[str, object]:
    return {
        "cases": translate("MapTexts", "Cases"),
        "heat": translate("MapTexts", "Heatmap"),
        "communities": translate("MapTexts", "Street and communities"),
        "grids": translate("MapTexts", "Grids"),
        "cameras": translate("MapTexts", "Cameras"),
        "terminals": translate("MapTexts", "Field terminals"),
        "campaign": translate("MapTexts", "Campaign items"),
        "overdue": translate("MapTexts", "Overdue"),
        "online": translate("MapTexts", "online"),
        "offline": translate("MapTexts", "offline"),
        "approx": translate("MapTexts", "shown at its grid"),
        "tilesMissing": translate("MapTexts", "Some offline map tiles are missing here."),
        "onlineDown": translate(
            "MapTexts", "The online map does not answer; cases and outlines are still shown."
        ),
        "outside": translate("MapTexts", "%1 cases lie outside the street."),
        "casesFailed": translate("MapTexts", "Cases could not be shown: "),
        "groups": [
            translate("MapTexts", "New"),
            translate("MapTexts", "To dispatch"),
            translate("MapTexts", "In handling"),
            translate("MapTexts", "Shelved"),
            translate("MapTexts", "Closed"),
            translate("MapTexts", "Not opened"),
        ],
    }


def basemap_list(
    config: BasemapConfig,
    tiles_url: str,
    tiles_problem: str | None,
    zooms: tuple[int, int],
    bounds: tuple[float, float, float, float] | None = None,
) -> list[dict[str, object]]:
    """The page's basemap choices; the first available one is shown."""
    names = {
        "tianditu": translate("MapTexts", "Tianditu"),
        "amap": translate("MapTexts", "AMap (GCJ-02)"),
        "tencent": translate("MapTexts", "Tencent (GCJ-02)"),
        "xyz": translate("MapTexts", "Online tiles"),
    }
    offline: dict[str, object] = {
        "key": "offline",
        "name": translate("MapTexts", "Offline map"),
        "url": tiles_url,
        "crs": "wgs84",
        "minZoom": zooms[0],
        "maxZoom": zooms[1],
        "available": tiles_problem is None,
    }
    if tiles_problem is not None:
        offline["reason"] = tiles_problem
    if bounds is not None:  # no request (and no "missing tile") outside the file's area
        offline["bounds"] = [[bounds[1], bounds[0]], [bounds[3], bounds[2]]]
    plain: dict[str, object] = {
        "key": "plain",
        "name": translate("MapTexts", "Plain background"),
        "crs": "wgs84",
    }
    online = [{**b.as_json(), "name": names.get(b.key, b.key)} for b in config.online]
    return [offline, plain, *online]


def tiles_missing(path: Path) -> str:
    return fill(
        translate("MapTexts", "No offline map at %1: showing a plain background."), str(path)
    )


def tiles_unreadable(path: Path) -> str:
    text = translate("MapTexts", "The offline map %1 cannot be read: showing a plain background.")
    return fill(text, str(path))


def setting_problem(name: str) -> str:
    return fill(translate("MapTexts", "Map setting %1 is missing or wrong."), name)
