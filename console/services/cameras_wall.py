"""Each user's wall presets (a layout and its cameras) and tours (cameras in rotation).

Kept as JSON in app_setting under "wall.presets.<user_id>", written with an audit row and
a change-feed row, so another workstation of the same user sees them too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from console import messages
from console.errors import InputError, PermissionDenied
from console.models import AppSetting
from console.services import audit, feed
from console.services.actor import Actor
from console.video.layouts import LAYOUTS, tile_count

NAME_MAX = 40
MAX_CAMERAS = 64
DWELL_RANGE_S = (5, 600)

messages.register(
    {
        "wall.bad_name": (
            "名称不能为空且不超过 {max} 个字",
            "A name is required, at most {max} characters",
        ),
        "wall.bad_layout": ("未知的画面布局：{layout}", "Unknown wall layout: {layout}"),
        "wall.bad_dwell": (
            "轮巡间隔应在 {low} 到 {high} 秒之间",
            "The tour dwell time must be between {low} and {high} seconds",
        ),
        "wall.no_cameras": ("请至少选择一个摄像头", "Choose at least one camera"),
        "wall.no_user": ("需要登录后才能保存预案", "Sign in to save wall presets"),
        "wall.not_found": (
            "没有名为 {name} 的预案或轮巡",
            "There is no preset or tour named {name}",
        ),
    }
)


@dataclass(frozen=True)
class Preset:
    name: str
    layout: str
    cameras: tuple[int | None, ...]  # tile by tile; None leaves a tile empty


@dataclass(frozen=True)
class Tour:
    name: str
    layout: str
    cameras: tuple[int, ...]
    dwell_s: int


@dataclass(frozen=True)
class WallPrefs:
    presets: tuple[Preset, ...] = ()
    tours: tuple[Tour, ...] = field(default_factory=tuple)


def _key(actor: Actor) -> str:
    if actor.user_id is None:
        raise PermissionDenied("wall.no_user")
    return f"wall.presets.{actor.user_id}"


def _raw(session: Session, key: str) -> dict[str, Any]:
    row = session.get(AppSetting, key)
    value = row.value if row is not None and isinstance(row.value, dict) else {}
    return {"presets": dict(value.get("presets", {})), "tours": dict(value.get("tours", {}))}


def load(session: Session, actor: Actor) -> WallPrefs:
    raw = _raw(session, _key(actor))
    presets = tuple(
        Preset(name, p["layout"], tuple(p["cameras"]))
        for name, p in sorted(raw["presets"].items())
        if p.get("layout") in LAYOUTS
    )
    tours = tuple(
        Tour(name, t["layout"], tuple(t["cameras"]), int(t["dwell_s"]))
        for name, t in sorted(raw["tours"].items())
        if t.get("layout") in LAYOUTS
    )
    return WallPrefs(presets, tours)


def _check_name(name: str) -> str:
    clean = name.strip()
    if not clean or len(clean) > NAME_MAX:
        raise InputError("wall.bad_name", max=NAME_MAX)
    return clean


def _check_layout(layout: str) -> None:
    if layout not in LAYOUTS:
        raise InputError("wall.bad_layout", layout=layout)


def _write(
    session: Session, actor: Actor, key: str, raw: dict[str, Any], action: str, name: str
) -> None:
    row = session.get(AppSetting, key)
    if row is None:
        session.add(AppSetting(key=key, value=raw))
    else:
        row.value = raw  # a new object, so the JSON column sees the change
    audit.record(session, actor, action, entity="app_setting", entity_id=key, detail={"name": name})
    feed.record(session, "app_setting", [key], "updated", workstation=actor.workstation)


def save_preset(
    session: Session, actor: Actor, name: str, layout: str, cameras: Sequence[int | None]
) -> Preset:
    key = _key(actor)
    clean = _check_name(name)
    _check_layout(layout)
    tiles = list(cameras)[: tile_count(layout)]
    if not any(c is not None for c in tiles):
        raise InputError("wall.no_cameras")
    raw = _raw(session, key)
    raw["presets"][clean] = {"layout": layout, "cameras": tiles}
    _write(session, actor, key, raw, "wall.preset.save", clean)
    return Preset(clean, layout, tuple(tiles))


def save_tour(
    session: Session, actor: Actor, name: str, layout: str, cameras: Sequence[int], dwell_s: int
) -> Tour:
    key = _key(actor)
    clean = _check_name(name)
    _check_layout(layout)
    low, high = DWELL_RANGE_S
    if not low <= dwell_s <= high:
        raise InputError("wall.bad_dwell", low=low, high=high)
    ids = [int(c) for c in cameras][:MAX_CAMERAS]
    if not ids:
        raise InputError("wall.no_cameras")
    raw = _raw(session, key)
    raw["tours"][clean] = {"layout": layout, "cameras": ids, "dwell_s": dwell_s}
    _write(session, actor, key, raw, "wall.tour.save", clean)
    return Tour(clean, layout, tuple(ids), dwell_s)


def delete(session: Session, actor: Actor, kind: str, name: str) -> None:
    """Delete the preset (kind "presets") or tour (kind "tours") called name."""
    key = _key(actor)
    raw = _raw(session, key)
    if name not in raw.get(kind, {}):
        raise InputError("wall.not_found", name=name)
    del raw[kind][name]
    _write(session, actor, key, raw, f"wall.{kind[:-1]}.delete", name)


def tour_pages(tour: Tour) -> list[list[int]]:
    """The tour's cameras cut into wall-fulls, shown one after another for dwell_s each."""
    size = tile_count(tour.layout)
    return [list(tour.cameras[i : i + size]) for i in range(0, len(tour.cameras), size)]
