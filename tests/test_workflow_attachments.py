"""Attachments: real images only, size limits, one stored copy per content."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pytest
from sqlalchemy import func, select

from console.errors import InputError, KnownError, PermissionDenied
from console.models import AppSetting, Attachment, AuditLog, Blob, ChangeFeed
from console.services import workflow as wf
from tests.support.workflow_seed import JPEG, PNG, World, photo, world

__all__ = ["world"]
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + os.urandom(8)
MP4 = b"\x00\x00\x00\x18ftypmp42" + os.urandom(8)


def _rows(world: World) -> tuple[int, ...]:
    with world.store.read() as session:
        return tuple(
            int(session.scalar(select(func.count()).select_from(m)) or 0)
            for m in (Blob, Attachment, AuditLog, ChangeFeed)
        )


def attach(world: World, cid: int, who: str = "insp", **kw: Any) -> Attachment:
    kw.setdefault("kind", "near")
    kw.setdefault("original_name", "现场.jpg")
    with world.store.write() as session:
        return wf.attach(session, world.actors[who], cid, **kw)


def refused(world: World, error: type[KnownError], cid: int, **kw: Any) -> KnownError:
    before = _rows(world)
    with pytest.raises(error) as info:
        attach(world, cid, **kw)
    assert _rows(world) == before
    return info.value


@pytest.mark.parametrize(
    ("kind", "data", "mime"),
    [
        ("near", PNG + b"1", "image/png"),
        ("far", JPEG + b"2", "image/jpeg"),
        ("reference", WEBP, "image/webp"),
        ("snapshot", JPEG + b"3", "image/jpeg"),
        ("clip", MP4, "video/mp4"),
    ],
)
def test_accepted_types(world: World, kind: str, data: bytes, mime: str) -> None:
    cid = world.report("insp").id
    before = _rows(world)
    row = attach(world, cid, kind=kind, data=data)
    assert (row.mime, row.size, row.kind, row.entity_id) == (mime, len(data), kind, cid)
    assert _rows(world) == (before[0] + 1, before[1] + 1, before[2] + 1, before[3] + 1)


@pytest.mark.parametrize(
    ("kind", "data", "code"),
    [
        ("near", b"hello, not an image", "workflow.attachment.not_image"),
        ("near", b"%PDF-1.7\n", "workflow.attachment.not_image"),
        ("near", b"", "workflow.attachment.empty"),
        ("near", MP4, "workflow.attachment.not_image"),
        ("clip", b"GIF89a......", "workflow.attachment.not_clip"),
        ("selfie", PNG, "workflow.attachment.bad_kind"),
    ],
)
def test_refused_content(world: World, kind: str, data: bytes, code: str) -> None:
    cid = world.report("insp").id
    error = refused(world, InputError, cid, kind=kind, data=data)
    assert error.code == code and error.message("zh_CN") != error.message("en")


def test_size_limit_default_and_setting(world: World) -> None:
    cid = world.report("insp").id
    big = PNG + bytes(10 * 1024 * 1024)
    error = refused(world, InputError, cid, data=big)
    assert error.code == "workflow.attachment.too_large" and "10.0 MB" in error.message("en")
    assert attach(world, cid, data=big[: 10 * 1024 * 1024]).size == 10 * 1024 * 1024
    with world.store.write() as session:
        session.add(AppSetting(key="attachment_max_bytes", value=1000))
    assert (
        refused(world, InputError, cid, data=PNG + bytes(1000)).code
        == "workflow.attachment.too_large"
    )


def test_same_content_is_stored_once(world: World) -> None:
    one, two = world.report("insp").id, world.report("insp").id
    data = PNG + os.urandom(32)
    first = attach(world, one, data=data)
    again = attach(world, one, data=data)
    other_kind = attach(world, one, data=data, kind="far")
    elsewhere = attach(world, two, data=data)
    assert again.id == first.id
    assert len({first.id, other_kind.id, elsewhere.id}) == 3
    assert first.sha256 == elsewhere.sha256
    with world.store.read() as session:
        assert session.scalar(select(func.count()).select_from(Blob)) == 1
        blob = session.get(Blob, first.sha256)
        assert blob is not None and blob.data == data


def test_metadata_checks(world: World) -> None:
    cid = world.report("insp").id
    png = PNG + b"meta"
    naive = dt.datetime(2026, 1, 1)
    assert refused(world, InputError, cid, data=png, taken_at=naive).code == "workflow.naive_time"
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    assert refused(world, InputError, cid, data=png, taken_at=later).code == (
        "workflow.attachment.future_time"
    )
    assert (
        refused(world, InputError, cid, data=png, lon=116.2).code
        == "workflow.attachment.bad_position"
    )
    bad = {"lon": float("nan"), "lat": 39.9}
    assert (
        refused(world, InputError, cid, data=png, **bad).code == "workflow.attachment.bad_position"
    )
    assert refused(world, InputError, cid, data=png, camera_id=77).code == (
        "workflow.attachment.unknown_camera"
    )
    taken = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    row = attach(world, cid, data=png, taken_at=taken, lon=116.21, lat=39.93)
    assert row.taken_at == taken and (row.lon, row.lat) == (116.21, 39.93)


def test_who_may_attach(world: World) -> None:
    cid = world.report("insp").id
    assert refused(world, PermissionDenied, cid, data=PNG, who="sqa").code == (
        "workflow.not_own_unit"
    )
    world.act(wf.open_case, "shift", cid)
    world.act(wf.dispatch, "disp", cid, unit_id=world.units["SQA"])
    assert attach(world, cid, who="sqa", kind="before", data=PNG + b"b").kind == "before"
    assert attach(world, cid, who="leader", data=PNG + b"l").created_by == (
        world.actors["leader"].user_id
    )


def test_no_attachments_on_archived_cases(world: World) -> None:
    cid = world.report("insp", self_handled=True, photos=[photo()]).id
    world.act(wf.archive, "shift", cid)
    assert refused(world, InputError, cid, data=PNG).code == "workflow.attachment.case_state"
