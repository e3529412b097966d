"""Every refusal says which action, in which state, and why, and writes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from console.errors import ConflictError, InputError, KnownError, PermissionDenied
from console.models import AppSetting, Case
from console.services import workflow as wf
from console.services.workflow.core import append_event
from tests.support.workflow_seed import World, photo, world

__all__ = ["world"]


def refused(
    world: World, error: type[KnownError], fn: Callable[..., Any], who: str, cid: int, **kw: Any
) -> KnownError:
    """Run a step that must be refused; check that nothing at all was written."""
    before, version = world.counts(), world.version(cid)
    with pytest.raises(error) as info:
        world.act(fn, who, cid, **kw)
    assert world.counts() == before and world.version(cid) == version
    return info.value


def _dispatched(world: World, unit: str = "SQA") -> int:
    cid = world.report("insp").id
    world.act(wf.open_case, "shift", cid)
    world.act(wf.dispatch, "disp", cid, unit_id=world.units[unit])
    return cid


def test_wrong_role_names_action_state_and_roles(world: World) -> None:
    cid = world.report("insp").id
    error = refused(world, PermissionDenied, wf.open_case, "disp", cid)
    zh, en = error.message("zh_CN"), error.message("en")
    assert "立案" in zh and "待立案" in zh and "值班长" in zh and "派遣员" in zh
    assert "Cannot open case" in en and "awaiting opening" in en and "shift leader" in en
    assert world.case(cid).number in zh


def test_wrong_state(world: World) -> None:
    cid = world.report("insp").id
    error = refused(world, InputError, wf.close, "shift", cid)
    assert error.code == "workflow.wrong_state"
    assert "待立案" in error.message("zh_CN") and "待结案" in error.message("zh_CN")
    assert "awaiting closing" in error.message("en")
    refused(world, InputError, wf.dispatch, "disp", cid, unit_id=world.units["SQA"])


@pytest.mark.parametrize("note", ["", "   "])
def test_missing_note(world: World, note: str) -> None:
    cid = world.report("insp").id
    error = refused(world, InputError, wf.not_open, "shift", cid, note=note)
    assert error.code == "workflow.note_required"
    assert "不予立案" in error.message("zh_CN") and "without a note" in error.message("en")


def test_check_fail_and_requests_need_a_note(world: World) -> None:
    cid = _dispatched(world)
    for fn in (wf.request_return, wf.feedback):
        assert refused(world, InputError, fn, "sqa", cid, note="").code == "workflow.note_required"
    world.act(wf.accept, "sqa", cid)
    for fn in (wf.request_extension, wf.request_shelve):
        error = refused(world, InputError, fn, "sqa", cid, note="")
        assert error.code == "workflow.note_required"


def test_pending_request_blocks_feedback_and_other_requests(world: World) -> None:
    cid = _dispatched(world)
    world.act(wf.accept, "sqa", cid)
    world.act(wf.request_extension, "sqa", cid, hours=8, note="下雨")
    error = refused(world, InputError, wf.feedback, "sqa", cid, note="好了", photos=[photo()])
    assert error.code == "workflow.pending_request"
    assert "延期" in error.message("zh_CN") and "extension request" in error.message("en")
    refused(world, InputError, wf.request_shelve, "sqa", cid, note="再说")
    error = refused(world, InputError, wf.approve_return, "shift", cid)
    assert error.code == "workflow.no_pending" and "退回" in error.message("zh_CN")


def test_only_the_assigned_unit(world: World) -> None:
    cid = _dispatched(world, "SQA")
    error = refused(world, PermissionDenied, wf.accept, "sqb", cid)
    assert error.code == "workflow.not_own_unit" and "A社区工作站" in error.message("zh_CN")


def test_stale_version_names_who_what_when(world: World) -> None:
    cid = world.report("insp").id
    seen = world.version(cid)
    world.act(wf.open_case, "shift", cid)
    error = refused(
        world, ConflictError, wf.not_open, "multi", cid, expected_version=seen, note="x"
    )
    zh, en = error.message("zh_CN"), error.message("en")
    assert "值班长老张" in zh and "立案" in zh and world.case(cid).number in zh
    assert "值班长老张" in en and "(open)" in en
    local = world.case(cid).updated_at.astimezone(dt.timezone(dt.timedelta(hours=8)))
    assert local.strftime("%Y-%m-%d %H:%M:%S") in zh


def test_stale_object_at_flush_is_a_conflict(world: World) -> None:
    """The ORM's own version check (StaleDataError) turns into the same message."""
    cid = world.report("insp").id
    with world.store.read() as session:
        stale = session.get(Case, cid)
    assert stale is not None
    world.act(wf.open_case, "shift", cid)
    with pytest.raises(ConflictError) as info, world.store.write() as session:
        stale = session.merge(stale, load=False)
        stale.address = "changed"
        append_event(
            session, world.actors["multi"], stale, action="supervise", role="leader",
            from_state=stale.state, now=dt.datetime.now(dt.UTC),
        )  # fmt: skip
    assert "值班长老张" in info.value.message("zh_CN")
    assert world.case(cid).address == ""


def test_feedback_needs_a_fresh_after_photo(world: World) -> None:
    cid = _dispatched(world)
    error = refused(
        world, InputError, wf.feedback, "sqa", cid, note="好了", photos=[photo("before")]
    )
    assert error.code == "workflow.photo_required"
    with world.store.write() as session:
        session.add(AppSetting(key="feedback_requires_photo", value=False))
    assert world.act(wf.feedback, "sqa", cid, note="好了").state == "to_check"


def test_rework_needs_a_new_photo(world: World) -> None:
    cid = _dispatched(world)
    world.act(wf.feedback, "sqa", cid, note="好了", photos=[photo()])
    world.act(wf.check_fail, "insp", cid, note="没弄干净")
    error = refused(world, InputError, wf.feedback, "sqa", cid, note="再弄")
    assert error.code == "workflow.photo_required"


def test_bad_step_input(world: World) -> None:
    cid = _dispatched(world)
    world.act(wf.accept, "sqa", cid)
    due = world.case(cid).handle_due_at
    assert due is not None
    for kw in ({}, {"hours": 2, "new_due": due + dt.timedelta(days=1)}):
        error = refused(world, InputError, wf.request_extension, "sqa", cid, note="n", **kw)
        assert error.code == "workflow.due_or_hours"
    for hours in (0, -1, float("nan"), float("inf")):
        error = refused(world, InputError, wf.request_extension, "sqa", cid, note="n", hours=hours)
        assert error.code == "workflow.bad_hours"
    early = due - dt.timedelta(minutes=1)
    error = refused(world, InputError, wf.request_extension, "sqa", cid, note="n", new_due=early)
    assert error.code == "workflow.bad_due"
    naive = dt.datetime(2030, 1, 1)
    error = refused(world, InputError, wf.request_extension, "sqa", cid, note="n", new_due=naive)
    assert error.code == "workflow.naive_time"


def test_bad_dispatch_and_callback(world: World) -> None:
    cid = world.report("insp").id
    world.act(wf.open_case, "shift", cid)
    sqa = world.units["SQA"]
    assert refused(world, InputError, wf.dispatch, "disp", cid, unit_id=999).code == (
        "workflow.unknown_unit"
    )
    error = refused(
        world, InputError, wf.dispatch, "disp", cid, unit_id=sqa, assisting_unit_ids=[sqa]
    )
    assert error.code == "workflow.assist_is_primary"
    closed = world.report("insp", self_handled=True, photos=[photo()]).id
    error = refused(world, InputError, wf.callback, "intake", closed, result="great")
    assert error.code == "workflow.bad_callback_result"


def test_unknown_case(world: World) -> None:
    with pytest.raises(InputError) as info, world.store.write() as session:
        wf.open_case(session, world.actors["shift"], 424242, expected_version=1)
    assert "424242" in info.value.message("en")


def test_supervise_twice_and_final_states(world: World) -> None:
    cid = world.report("insp").id
    world.act(wf.supervise, "leader", cid)
    assert refused(world, InputError, wf.supervise, "leader", cid).code == (
        "workflow.already_supervised"
    )
    world.act(wf.not_open, "shift", cid, note="重复")
    error = refused(world, InputError, wf.unsupervise, "leader", cid)
    assert error.code == "workflow.wrong_state" and "不予立案" in error.message("zh_CN")
