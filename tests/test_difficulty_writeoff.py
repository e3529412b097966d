"""The difficulty list: written off one by one, never without a note and evidence."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from console.errors import InputError, PermissionDenied
from console.models import AuditLog, DifficultyItem
from console.services import difficulty
from console.services.campaigns import ItemPhoto
from console.services.difficulty import DifficultyInput
from tests.support.workflow_seed import PNG, World, world

__all__ = ["world"]

TODAY = dt.date(2026, 3, 10)


def _add(world: World, title: str, deadline: dt.date, owner: str | None = "cg") -> int:
    with world.store.write() as session:
        return difficulty.add_item(
            session,
            world.actors["shift"],
            DifficultyInput(
                title,
                deadline,
                owner_user_id=world.actors[owner].user_id if owner else None,
                community_id=world.communities["A"],
            ),
        ).id


def _refused(world: World, who: str, item: int, **kw: object) -> str:
    with world.store.write() as session, pytest.raises((InputError, PermissionDenied)) as error:
        difficulty.write_off(session, world.actors[who], item, **kw)  # type: ignore[arg-type]
    return error.value.code


def test_write_off_needs_a_note_and_evidence(world: World) -> None:
    item = _add(world, "某小区门口长期占道经营", TODAY)
    assert _refused(world, "cg", item, note="") == "difficulty.note_required"
    assert _refused(world, "cg", item, note="已清理") == "difficulty.evidence_required"
    # A photo of another kind is not evidence.
    assert (
        _refused(world, "cg", item, note="已清理", evidence=[ItemPhoto("before", PNG + b"b")])
        == "difficulty.evidence_required"
    )
    with world.store.read() as session:
        assert session.get(DifficultyItem, item).state == "open"  # type: ignore[union-attr]
    with world.store.write() as session:
        difficulty.write_off(
            session,
            world.actors["cg"],
            item,
            note="联合执法清理完毕，设置隔离桩",
            evidence=[ItemPhoto("evidence", PNG + b"e", "after.png")],
        )
    assert _refused(world, "cg", item, note="again") == "difficulty.written_off"
    with world.store.read() as session:
        row = session.get(DifficultyItem, item)
        assert row is not None and row.state == "written_off"
        assert row.written_off_by == world.actors["cg"].user_id
        actions = session.scalars(
            select(AuditLog.action).where(AuditLog.action.like("difficulty.%"))
        ).all()
        assert actions == ["difficulty.add", "difficulty.write_off"]


def test_evidence_attached_earlier_counts(world: World) -> None:
    item = _add(world, "违建屋顶", TODAY)
    with world.store.write() as session:
        difficulty.attach_evidence(
            session, world.actors["shift"], item, [ItemPhoto("evidence", PNG + b"x")]
        )
        difficulty.write_off(session, world.actors["shift"], item, note="已拆除")


def test_who_may_write_off_and_reopen(world: World) -> None:
    item = _add(world, "废弃自行车堆放", TODAY)
    evidence = [ItemPhoto("evidence", PNG + b"z")]
    # Not the owner (hw is another unit), nor a leader.
    assert _refused(world, "hw", item, note="x", evidence=evidence) == "difficulty.not_owner"
    with world.store.write() as session, pytest.raises(PermissionDenied):
        difficulty.add_item(session, world.actors["insp"], DifficultyInput("x", TODAY))
    with world.store.write() as session:
        difficulty.write_off(session, world.actors["leader"], item, note="清走", evidence=evidence)
    with world.store.write() as session, pytest.raises(PermissionDenied):
        difficulty.reopen(session, world.actors["shift"], item, reason="又堆了")
    with world.store.write() as session, pytest.raises(InputError):
        difficulty.reopen(session, world.actors["leader"], item, reason=" ")
    with world.store.write() as session:
        difficulty.reopen(session, world.actors["leader"], item, reason="又堆了", deadline=TODAY)
    with world.store.read() as session:
        row = session.get(DifficultyItem, item)
        assert row is not None and row.state == "open" and row.write_off_note == ""


def test_what_is_left(world: World) -> None:
    overdue = _add(world, "逾期难点", TODAY - dt.timedelta(days=1))
    _add(world, "未到期难点", TODAY + dt.timedelta(days=5), owner=None)
    done = _add(world, "已解决", TODAY)
    with world.store.write() as session:
        difficulty.write_off(
            session,
            world.actors["shift"],
            done,
            note="ok",
            evidence=[ItemPhoto("evidence", PNG + b"d")],
        )
    with world.store.read() as session:
        left = difficulty.remaining(session, today=TODAY)
        rows = difficulty.list_items(session, today=TODAY)
        everything = difficulty.list_items(session, include_written_off=True, today=TODAY)
    assert (left.open, left.overdue, left.written_off) == (2, 1, 1)
    assert rows[0].id == overdue and rows[0].overdue and not rows[1].overdue
    assert rows[0].owner == "执法队" and rows[0].community == "A社区" and rows[1].owner == ""
    assert len(everything) == 3 and everything[-1].state == "written_off"
    assert everything[-1].evidence == 1
