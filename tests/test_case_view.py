"""case_view on both backends: every field with its names, the timeline, the actions and
units for the asking user, attachments, and a fixed number of queries per case.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event

from console.errors import InputError, KnownError
from console.models import AppSetting, Case
from console.services import workflow as wf
from console.services.case_view import (
    attachment_bytes,
    case_detail,
    case_id_by_number,
)
from console.services.photo_files import photo_from_file
from console.store import Store
from tests.support.workflow_seed import PNG, World, photo, world

__all__ = ["world"]


def _dispatched(world: World) -> int:
    case = world.report(
        "intake", source="hotline", reporter_name="市民甲", reporter_phone="13800000000"
    )
    world.act(wf.verify, "insp", case.id, exists=True)
    world.act(wf.open_case, "shift", case.id)
    world.act(
        wf.dispatch,
        "disp",
        case.id,
        unit_id=world.units["SQA"],
        assisting_unit_ids=[world.units["HW"], world.units["CG"]],
    )
    return case.id


def test_every_field_with_display_names(world: World) -> None:
    case_id = _dispatched(world)
    with world.store.read() as session:
        detail = case_detail(session, case_id, world.actors["sqa"])
        case = session.get(Case, case_id)
    assert detail is not None and case is not None
    assert (detail.number, detail.version, detail.state) == (case.number, 4, "dispatched")
    assert (detail.category_code, detail.category_name) == ("0102", "暴露垃圾")
    assert (detail.class_code, detail.class_name) == ("01", "市容环境")
    assert (detail.community_name, detail.grid_code) == ("A社区", "110107001001001")
    assert detail.unit is not None and (detail.unit.code, detail.unit.level) == ("SQA", "community")
    assert [u.code for u in detail.assisting_units] == ["CG", "HW"]
    assert (detail.reporter_name, detail.reporter_phone) == ("市民甲", "13800000000")
    assert detail.reporter_user == ""  # a clerk registered a call: no inspector account
    assert detail.dispatched_at == case.dispatched_at and detail.handle_due_at is not None
    assert detail.clock.stage == "handle" and detail.clock.due_at == case.handle_due_at
    assert detail.updated_by == "派遣员小赵" and detail.timezone == "Asia/Shanghai"
    assert [e.action for e in detail.timeline] == ["report", "verify", "open", "dispatch"]
    assert [e.actor_name for e in detail.timeline] == [
        "受理员小李", "监督员小王", "值班长老张", "派遣员小赵",
    ]  # fmt: skip
    assert detail.timeline[3].data["unit"] == "A社区工作站"
    assert detail.allowed_actions == ("accept", "request_return", "feedback")
    assert detail.unit_choices == ()  # only for someone who may dispatch


def test_actions_follow_the_user_and_their_unit(world: World) -> None:
    case_id = _dispatched(world)
    with world.store.read() as session:
        allowed = {
            who: case_detail(session, case_id, world.actors[who]).allowed_actions  # type: ignore[union-attr]
            for who in ("sqa", "hw", "shift", "leader", "insp")
        }
    assert allowed["sqa"] == ("accept", "request_return", "feedback")
    assert allowed["hw"] == ()  # an assisting unit does not act on the case
    assert allowed["shift"] == ("escalate",)
    assert allowed["leader"] == ("supervise",)
    assert allowed["insp"] == ()


def test_dispatch_choices_suggested_first(world: World) -> None:
    case = world.report("insp")
    world.act(wf.open_case, "shift", case.id)
    with world.store.read() as session:
        detail = case_detail(session, case.id, world.actors["disp"])
    assert detail is not None and "dispatch" in detail.allowed_actions
    assert [(c.unit.code, c.role, c.reason) for c in detail.unit_choices] == [
        ("SQA", "primary", "grid"),
        ("HW", "primary", "street"),
        ("CG", "assisting", "street"),
        ("SQB", "", ""),
    ]
    assert all(c.may_lead for c in detail.unit_choices)
    world.act(wf.escalate, "shift", case.id, note="街道处理")
    with world.store.read() as session:
        detail = case_detail(session, case.id, world.actors["disp"])
    assert detail is not None
    assert [c.unit.code for c in detail.unit_choices if c.may_lead] == ["HW", "CG"]


def test_flags_pending_extension_and_merge(world: World) -> None:
    case_id = _dispatched(world)
    world.act(wf.accept, "sqa", case_id)
    world.act(wf.supervise, "leader", case_id, note="抓紧")
    world.act(wf.request_extension, "sqa", case_id, note="下雨", hours=8.0)
    duplicate = world.report("insp")
    world.act(wf.merge, "shift", duplicate.id, into=case_id)
    with world.store.read() as session:
        detail = case_detail(session, case_id, world.actors["shift"])
        merged = case_detail(session, duplicate.id, world.actors["shift"])
    assert detail is not None and merged is not None
    assert detail.supervised and detail.pending_request == "extension"
    assert detail.requested_due is not None and detail.handle_due_at is not None
    assert detail.requested_due - detail.handle_due_at == dt.timedelta(hours=8)
    assert "approve_extension" in detail.allowed_actions
    assert detail.timeline[-1].action == "merged_in"
    assert merged.state == "merged" and merged.merged_into_number == detail.number


def test_attachments_and_their_content(world: World) -> None:
    case = world.report("insp", photos=[photo("near", name="近景.png")])
    data = PNG + os.urandom(32)
    with world.store.write() as session:
        wf.attach(
            session,
            world.actors["insp"],
            case.id,
            kind="far",
            data=data,
            original_name="远景.png",
            taken_at=dt.datetime(2026, 11, 29, 1, 0, tzinfo=dt.UTC),
        )
    with world.store.read() as session:
        detail = case_detail(session, case.id, world.actors["insp"])
        assert detail is not None
        near, far = detail.attachments
        assert (near.kind, near.original_name, near.mime) == ("near", "近景.png", "image/png")
        assert far.taken_at == dt.datetime(2026, 11, 29, 1, 0, tzinfo=dt.UTC)
        assert far.size == len(data) and far.is_image
        assert attachment_bytes(session, far.sha256) == data
        with pytest.raises(InputError):
            attachment_bytes(session, "0" * 64)


def test_case_numbers_and_missing_cases(world: World) -> None:
    case = world.report("insp")
    with world.store.read() as session:
        assert case_id_by_number(session, f" {case.number.lower()} ") == case.id
        with pytest.raises(KnownError) as refused:
            case_id_by_number(session, "AJ0")
        assert "AJ0" in refused.value.message("en")
        assert case_detail(session, 9999, world.actors["insp"]) is None


@contextmanager
def _counting(store: Store) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(store.engine, "before_cursor_execute", count)


def test_queries_do_not_grow_with_the_timeline_or_the_photos(world: World) -> None:
    short = world.report("insp")
    world.act(wf.open_case, "shift", short.id)
    long = world.report("insp", photos=[photo("near"), photo("far"), photo("before")])
    world.act(wf.open_case, "shift", long.id)
    for _ in range(4):
        world.act(wf.supervise, "leader", long.id)
        world.act(wf.unsupervise, "leader", long.id)
    counts = []
    for case_id in (short.id, long.id):
        with world.store.read() as session, _counting(world.store) as statements:
            detail = case_detail(session, case_id, world.actors["multi"])
        assert detail is not None
        counts.append(len(statements))
    assert counts[0] == counts[1] and counts[0] <= 14, counts


def test_photo_files_are_checked_by_the_attachment_rules(world: World, tmp_path: Path) -> None:
    good = tmp_path / "ok.png"
    good.write_bytes(PNG + b"rest")
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"hello")
    with world.store.write() as session:
        session.add(AppSetting(key="attachment_max_bytes", value=64))
    big = tmp_path / "big.png"
    big.write_bytes(PNG + b"\0" * 100)
    with world.store.read() as session:
        loaded = photo_from_file(session, good, "after")
        assert (loaded.kind, loaded.original_name, loaded.data) == (
            "after",
            "ok.png",
            PNG + b"rest",
        )
        for path, words in ((bad, "bad.png"), (big, "big.png"), (tmp_path / "no.png", "no.png")):
            with pytest.raises(KnownError) as refused:
                photo_from_file(session, path, "after")
            assert words in refused.value.message("en")
        with pytest.raises(KnownError):
            photo_from_file(session, good, "selfie")
