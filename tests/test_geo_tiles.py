"""Offline basemap pieces without Qt: tile arithmetic, the renderer, MBTiles files, the
loopback server and the folium page."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from console.geo.map_page import PageConfig, build_page
from console.geo.mbtiles import MBTilesError, MBTilesReader, read_only_uri, write_mbtiles
from console.geo.tile_render import BACKGROUND, STREET_FILL, BaseGeometry, render_tile, render_tiles
from console.geo.tiles import tile_of, tiles_covering, tms_row, world_pixel
from console.geo.web_server import MapServer

SQUARE = [[116.20, 39.90], [116.24, 39.90], [116.24, 39.94], [116.20, 39.94], [116.20, 39.90]]
WEST = [[116.20, 39.90], [116.22, 39.90], [116.22, 39.94], [116.20, 39.94]]
GEOMETRY = BaseGeometry(street=(SQUARE,), communities=(WEST,), grids=(WEST,))


def test_tile_arithmetic() -> None:
    assert world_pixel(0.0, 0.0, 0) == pytest.approx((128.0, 128.0))
    assert tile_of(-180.0, 85.0, 3) == (0, 0)
    assert tile_of(179.99, -85.0, 3) == (7, 7)
    assert tms_row(3, 0) == 7 and tms_row(3, tms_row(3, 5)) == 5
    tiles = list(tiles_covering((116.20, 39.90, 116.24, 39.94), 15))
    assert len(tiles) == len(set(tiles)) and 4 <= len(tiles) <= 30


def test_a_tile_shows_the_street_on_the_background() -> None:
    x, y = tile_of(116.22, 39.92, 15)
    image = Image.open(io.BytesIO(render_tile(GEOMETRY, 15, x, y))).convert("RGB")
    assert image.size == (256, 256)
    colours = {c for _n, c in image.getcolors(65536) or []}
    assert STREET_FILL in colours or any(c != BACKGROUND for c in colours)
    far = tile_of(117.5, 41.0, 15)
    blank = Image.open(io.BytesIO(render_tile(GEOMETRY, 15, *far))).convert("RGB")
    assert blank.getcolors() == [(256 * 256, BACKGROUND)]


def _write(path: Path, zooms: tuple[int, ...] = (13, 14)) -> int:
    meta = {"name": "t", "format": "png", "minzoom": str(min(zooms)), "maxzoom": str(max(zooms))}
    meta["bounds"] = "116.2,39.9,116.24,39.94"
    return write_mbtiles(path, render_tiles(GEOMETRY, zooms), meta)


def test_mbtiles_round_trip_in_tms_rows(tmp_path: Path) -> None:
    path = tmp_path / "t.mbtiles"
    count = _write(path)
    assert count == sum(
        1 for z in (13, 14) for _ in tiles_covering(GEOMETRY.bounds() or (0, 0, 0, 0), z)
    )
    reader = MBTilesReader(path)
    try:
        assert reader.zoom_range == (13, 14)
        assert reader.bounds == (116.2, 39.9, 116.24, 39.94)
        x, y = tile_of(116.22, 39.92, 14)
        data = reader.tile(14, x, y)
        assert data is not None and data.startswith(b"\x89PNG")
        assert reader.tile(14, 0, 0) is None
    finally:
        reader.close()
    with sqlite3.connect(path) as db:  # stored the TMS way: row counted from the south
        rows = {r[0] for r in db.execute("SELECT tile_row FROM tiles WHERE zoom_level = 14")}
    assert tms_row(14, y) in rows and y not in rows


def test_a_tile_file_in_a_folder_with_uri_characters_opens(tmp_path: Path) -> None:
    # A user's folder may be called anything; a URI would read "?" and "#" as its own.
    folder = tmp_path / "地图 #2? 100%"
    path = folder / "街道.mbtiles"
    _write(path, (13,))
    reader = MBTilesReader(path)
    try:
        assert reader.zoom_range == (13, 13)
    finally:
        reader.close()


def test_read_only_uris_of_posix_drive_and_share_paths() -> None:
    assert read_only_uri("/srv/地图 #2?/a%b.mbtiles") == (
        "file:/srv/%E5%9C%B0%E5%9B%BE%20%232%3F/a%25b.mbtiles?mode=ro"
    )
    assert read_only_uri("C:/maps/city.mbtiles") == "file:/C:/maps/city.mbtiles?mode=ro"
    # A share's server is not a URI host to SQLite ("invalid uri authority").
    assert read_only_uri("//fileserver/maps/city.mbtiles") == (
        "file:////fileserver/maps/city.mbtiles?mode=ro"
    )


def _open_files() -> set[str]:
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("needs /proc to list open files")
    found = set()
    for fd in fds.iterdir():
        try:
            found.add(str(fd.resolve()))
        except OSError:
            continue
    return found


def test_a_written_tile_file_is_left_closed(tmp_path: Path) -> None:
    # An open file cannot be renamed or replaced on Windows.
    path = tmp_path / "closed.mbtiles"
    _write(path, (13,))
    assert str(path.resolve()) not in _open_files()


def test_missing_and_corrupt_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(MBTilesError):
        MBTilesReader(tmp_path / "none.mbtiles")
    garbage = tmp_path / "garbage.mbtiles"
    garbage.write_bytes(b"not a database at all" * 100)
    with pytest.raises(MBTilesError):
        MBTilesReader(garbage)
    other = tmp_path / "other.mbtiles"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    with pytest.raises(MBTilesError):
        MBTilesReader(other)


@pytest.fixture
def server() -> Iterator[MapServer]:
    running = MapServer().start()
    yield running
    running.stop()


def _get(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, answer.read(), answer.headers["Content-Type"]
    except urllib.error.HTTPError as error:
        return error.code, b"", ""


def test_server_answers_only_under_its_token(server: MapServer, tmp_path: Path) -> None:
    base = server.base_url
    assert base.startswith("http://127.0.0.1:")
    status, body, kind = _get(base + "static/vendor/leaflet/leaflet.js")
    assert status == 200 and b"Leaflet" in body[:400] and "javascript" in kind
    root = base.rsplit("/", 2)[0] + "/"
    assert _get(root + "static/vendor/leaflet/leaflet.js")[0] == 404
    assert _get(base + "static/../../console/geo/coords.py")[0] == 404
    assert _get(base + "static/%2e%2e/VENDORED.md")[0] == 404
    server.put_json("cases.json", b'{"rows": []}')
    assert _get(base + "data/cases.json?v=3") == (200, b'{"rows": []}', "application/json")
    with pytest.raises(ValueError):
        server.put_json("../x.json", b"{}")


def test_server_tiles_missing_and_present(server: MapServer, tmp_path: Path) -> None:
    x, y = tile_of(116.22, 39.92, 14)
    url = f"{server.base_url}tiles/14/{x}/{y}.png"
    assert _get(url)[0] == 404  # no file yet
    path = tmp_path / "t.mbtiles"
    _write(path)
    server.set_tiles(MBTilesReader(path))
    status, body, kind = _get(url)
    assert status == 200 and body.startswith(b"\x89PNG") and kind == "image/png"
    assert _get(f"{server.base_url}tiles/14/0/0.png")[0] == 404


def test_the_page_is_small_and_asks_nothing_of_the_internet() -> None:
    config = PageConfig(
        "http://127.0.0.1:9/tok/", (116.2, 39.9), texts={"cases": "案卷"}, qwebchannel_url="x.js"
    )
    html = build_page(config)
    assert len(html.encode()) < 10_000
    urls = re.findall(r"""(?:src|href)=["']([^"']+)""", html)
    assert urls and all(u.startswith("http://127.0.0.1:9/tok/") or u == "x.js" for u in urls)
    assert "cdn" not in html and "https://" not in html
    order = [u.rsplit("/", 1)[-1] for u in urls if u.endswith(".js")]
    assert (
        order.index("leaflet.js") < order.index("leaflet-heat.js") < order.index("sanwang_map.js")
    )
    settings = re.search(r"SanwangMap\.start\(\w+, (.*?)\); \}\);", html)
    assert settings is not None and json.loads(settings.group(1))["texts"] == {"cases": "案卷"}
