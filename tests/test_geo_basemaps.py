"""Basemap settings: offline by default, online layers only when asked for and usable."""

from __future__ import annotations

from pathlib import Path

from console.geo.basemaps import load_basemaps


def test_offline_only_by_default(tmp_path: Path) -> None:
    config = load_basemaps(tmp_path, environ={})
    assert config.mbtiles == tmp_path / "tiles" / "street.mbtiles"
    assert config.online == () and config.problems == ()


def test_online_layers_from_the_file_and_the_environment(tmp_path: Path) -> None:
    (tmp_path / "map.ini").write_text(
        "[map]\nmbtiles = /srv/t.mbtiles\nonline = tianditu, amap, tencent, xyz, bing\n"
        "xyz_url = https://tiles.example/{z}/{x}/{y}.png\nxyz_crs = gcj02\n",
        encoding="utf-8",
    )
    config = load_basemaps(tmp_path, environ={"CONSOLE_TIANDITU_KEY": "k123"})
    assert config.mbtiles == Path("/srv/t.mbtiles")
    by_key = {b.key: b for b in config.online}
    assert list(by_key) == ["tianditu", "amap", "tencent", "xyz"]
    assert by_key["tianditu"].url.endswith("&tk=k123") and by_key["tianditu"].crs == "wgs84"
    assert by_key["amap"].crs == by_key["tencent"].crs == by_key["xyz"].crs == "gcj02"
    assert "{-y}" in by_key["tencent"].url  # Tencent counts rows from the south
    assert config.problems == ("bing",)


def test_a_missing_key_or_url_is_a_problem_not_a_layer(tmp_path: Path) -> None:
    config = load_basemaps(
        tmp_path, environ={"CONSOLE_MAP_ONLINE": "tianditu,xyz", "CONSOLE_MAP_XYZ_CRS": "bd09"}
    )
    assert config.online == ()
    assert config.problems == ("tianditu_key", "xyz_url")


def test_a_percent_in_a_url_is_kept(tmp_path: Path) -> None:
    url = "https://tiles.example/t%2Fvec/{z}/{x}/{y}.png"
    (tmp_path / "map.ini").write_text(f"[map]\nonline = xyz\nxyz_url = {url}\n", encoding="utf-8")
    config = load_basemaps(tmp_path, environ={})
    assert [b.url for b in config.online] == [url] and config.problems == ()


def test_a_broken_settings_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "map.ini").write_text("online = amap\n[map\n", encoding="utf-8")
    config = load_basemaps(tmp_path, environ={"CONSOLE_MAP_ONLINE": "amap"})
    assert [b.key for b in config.online] == ["amap"]  # the environment still counts
    assert config.problems == ("map.ini",)
