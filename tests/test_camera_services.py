"""The camera registry, health writes, import/export, wall presets and evidence, on both
backends."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.errors import InputError, PermissionDenied
from console.models import Attachment, AuditLog, Camera, Case, ChangeFeed
from console.services import cameras, cameras_io, cameras_wall
from console.services.actor import Actor
from console.services.cameras_evidence import attach_evidence
from console.store import Store
from console.video.frames import png_from_bgrx
from tests.support.small_db import fill_small_street

ADMIN = Actor(11, "admin", frozenset({"admin"}), "desk-1")
# No user row behind these ids: fine for settings keys; evidence uses a user-less actor.
DUTY = Actor(12, "duty", frozenset({"intake", "shift_leader", "dispatcher"}), "desk-2")

WATCH = Actor(None, "watch", frozenset({"intake", "dispatcher"}), "desk-3")


@pytest.fixture
def street(store: Store) -> Store:
    fill_small_street(store)
    return store


def _counts(store: Store) -> tuple[int, int]:
    with store.read() as s:
        return (
            int(s.scalar(select(func.count()).select_from(AuditLog)) or 0),
            int(s.scalar(select(func.count()).select_from(ChangeFeed)) or 0),
        )


def test_registry_lists_every_camera_in_tree_order(street: Store) -> None:
    with street.read() as s:
        rows = cameras.list_cameras(s)
        assert len(rows) == s.scalar(select(func.count()).select_from(Camera))
        keys = [(r.community, r.group_name, r.name) for r in rows]
        assert keys == sorted(keys)
        picked = cameras.get_cameras(s, [rows[2].id, 999_999, rows[0].id])
    assert [r.id for r in picked] == [rows[2].id, rows[0].id]


def test_health_is_written_once_per_change_with_audit_and_feed(street: Store) -> None:
    with street.read() as s:
        camera = next(r for r in cameras.list_cameras(s) if r.status == "offline")
    before = _counts(street)
    at = dt.datetime(2026, 5, 1, 8, 0, tzinfo=dt.UTC)
    with street.write() as s:
        assert cameras.record_health(s, DUTY, camera.id, "online", at=at)
    with street.write() as s:
        assert not cameras.record_health(s, DUTY, camera.id, "online")
    after = _counts(street)
    assert after == (before[0] + 1, before[1] + 1)
    with street.read() as s:
        row = s.get(Camera, camera.id)
        assert row is not None and row.status == "online"
        assert row.last_seen_at is not None
        assert row.last_seen_at.replace(tzinfo=dt.UTC) == at
        feed_row = s.scalars(select(ChangeFeed).order_by(ChangeFeed.seq.desc())).first()
        assert feed_row is not None and feed_row.entity == "camera"
        assert feed_row.ids == [camera.id]


def test_health_refuses_bad_states_and_unknown_cameras(street: Store) -> None:
    with street.write() as s, pytest.raises(InputError):
        cameras.record_health(s, DUTY, 1, "flaky")
    with street.write() as s, pytest.raises(InputError):
        cameras.record_health(s, DUTY, 999_999, "online")
    with street.write() as s, pytest.raises(PermissionDenied):
        cameras.record_health(s, Actor(None, "nobody"), 1, "online")


def test_export_needs_an_admin_the_urls_carry_passwords(street: Store) -> None:
    with street.read() as s, pytest.raises(PermissionDenied):
        cameras_io.export_rows(s, DUTY)
    with street.read() as s:
        assert len(cameras_io.export_rows(s, ADMIN)) > 1


def test_export_then_import_round_trips_and_updates(street: Store, tmp_path: Path) -> None:
    for n, suffix in enumerate(("csv", "xlsx")):
        with street.read() as s:
            rows = cameras_io.export_rows(s, ADMIN)
        path = tmp_path / f"cameras.{suffix}"
        rows[1][1] = f"改名-{suffix}"
        rows.append(
            [
                f"1101070000132099999{n}",
                f"新摄像头{n}",
                "",
                "路口",
                "116.3",
                "39.9",
                "rtsp://x.invalid/a",
                "",
            ]
        )
        cameras_io.write_sheet(path, rows)
        parsed = cameras_io.parse_rows(cameras_io.read_sheet(path))
        with street.write() as s:
            result = cameras_io.import_cameras(s, ADMIN, parsed)
        assert (result.created, result.updated) == (1, len(rows) - 2)
        with street.read() as s:
            names = {c.name for c in cameras.list_cameras(s)}
        assert f"改名-{suffix}" in names and f"新摄像头{n}" in names


def test_text_that_looks_like_a_formula_is_kept_as_text(tmp_path: Path) -> None:
    path = tmp_path / "cameras.xlsx"
    rows = [["code", "name"], ["11010700001320000001", '=HYPERLINK("http://x.invalid","go")']]
    cameras_io.write_sheet(path, rows)
    assert cameras_io.read_sheet(path) == [
        {"code": "11010700001320000001", "name": '=HYPERLINK("http://x.invalid","go")'}
    ]


def test_import_checks_every_row_before_writing(street: Store, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "code,name,community,group,lon,lat,main_url,sub_url\n"
        "11010700001320000001,好,,,116.3,39.9,rtsp://a.invalid/1,\n"
        "123,坏,,,116.3,39.9,,\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as error:
        cameras_io.parse_rows(cameras_io.read_sheet(path))
    assert error.value.params["line"] == 3 and error.value.params["field"] == "code"
    path.write_text("code,name\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        cameras_io.parse_rows(cameras_io.read_sheet(path))
    assert error.value.code == "camera.import.missing_columns"
    good = cameras_io.parse_rows(
        [
            dict(
                zip(
                    cameras_io.COLUMNS,
                    ["11010700001320000001", "x", "", "", "116", "39", "", ""],
                    strict=True,
                )
            )
        ]
    )
    with street.write() as s, pytest.raises(PermissionDenied):
        cameras_io.import_cameras(s, DUTY, good)


def test_presets_and_tours_are_per_user(street: Store) -> None:
    with street.write() as s:
        cameras_wall.save_preset(s, DUTY, " 早班 ", "1+5", [3, None, 1])
        cameras_wall.save_tour(s, DUTY, "路口轮巡", "4", [1, 2, 3, 4, 5, 6], 15)
    with street.read() as s:
        mine = cameras_wall.load(s, DUTY)
        theirs = cameras_wall.load(s, ADMIN)
    assert mine.presets == (cameras_wall.Preset("早班", "1+5", (3, None, 1)),)
    assert mine.tours[0].dwell_s == 15
    assert cameras_wall.tour_pages(mine.tours[0]) == [[1, 2, 3, 4], [5, 6]]
    assert theirs == cameras_wall.WallPrefs()
    with street.write() as s:
        cameras_wall.delete(s, DUTY, "presets", "早班")
    with street.read() as s:
        assert cameras_wall.load(s, DUTY).presets == ()
    for bad in (
        lambda s: cameras_wall.save_preset(s, DUTY, "", "4", [1]),
        lambda s: cameras_wall.save_preset(s, DUTY, "x", "5", [1]),
        lambda s: cameras_wall.save_preset(s, DUTY, "x", "4", [None]),
        lambda s: cameras_wall.save_tour(s, DUTY, "x", "4", [1], 1),
        lambda s: cameras_wall.delete(s, DUTY, "tours", "none"),
    ):
        with street.write() as s, pytest.raises(InputError):
            bad(s)


def test_evidence_is_attached_with_camera_time_place_and_sha256(street: Store) -> None:
    width, height = 64, 36
    picture = bytes(range(256)) * (width * height * 4 // 256)
    png = png_from_bgrx(picture, width, height)
    taken = dt.datetime(2026, 5, 1, 9, 30, tzinfo=dt.UTC)
    with street.read() as s:
        case_id = s.scalars(
            select(Case.id).where(Case.state.not_in(("archived", "merged")))
        ).first()
        camera = s.scalars(select(Camera)).first()
        assert case_id is not None and camera is not None
        camera_id, lon, lat = camera.id, camera.lon, camera.lat
    with street.write() as s:
        row = attach_evidence(s, WATCH, case_id, camera_id, png, taken_at=taken)
        row_id = row.id
    with street.read() as s:
        stored = s.get(Attachment, row_id)
        assert stored is not None
        assert (stored.kind, stored.camera_id, stored.lon, stored.lat) == (
            "snapshot",
            camera_id,
            lon,
            lat,
        )
        assert stored.sha256 == hashlib.sha256(png).hexdigest()
        assert stored.taken_at is not None and stored.taken_at.replace(tzinfo=dt.UTC) == taken
        assert stored.original_name.endswith("20260501T093000Z.png")
    with street.write() as s, pytest.raises(InputError):
        attach_evidence(s, WATCH, case_id, camera_id, b"not a picture", taken_at=taken)


def test_nearby_for_case_uses_the_case_place(street: Store) -> None:
    with street.write() as s:
        case = s.scalars(select(Case)).first()
        assert case is not None
        case.lon, case.lat = 116.2, 39.9
        case_id = case.id
    with street.read() as s:
        ids = cameras.nearby_for_case(s, case_id, radius_m=300, limit=3)
        assert len(ids) == 3
        assert cameras.nearby_for_case(s, 999_999, radius_m=300, limit=3) == []
