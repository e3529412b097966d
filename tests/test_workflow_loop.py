"""The closed loop on both backends: every stage, its timestamps, timeline, audit, feed."""

from __future__ import annotations

import datetime as dt
import itertools

from sqlalchemy import select

from console.models import Attachment, Case, CaseAssist, ChangeFeed
from console.services import audit
from console.services import workflow as wf
from tests.support.workflow_seed import POINTS, World, photo, world

__all__ = ["world"]


def test_full_loop_with_rework(world: World) -> None:
    case = world.report("intake", source="hotline", reporter_name="市民", reporter_phone="12345")
    assert case.state == "to_verify" and case.reporter_user_id is None
    assert case.number.startswith("AJ") and len(case.number) == 2 + 8 + 4
    assert (case.community_id, case.grid_id) == (world.communities["A"], world.grids["A1"])
    cid = case.id

    case = world.act(wf.verify, "insp", cid, exists=True)
    assert case.state == "to_open" and case.verified_at and case.open_due_at
    case = world.act(wf.open_case, "shift", cid)
    assert case.state == "opened" and case.opened_at and case.dispatch_due_at
    case = world.act(
        wf.dispatch, "disp", cid, unit_id=world.units["SQA"], assisting_unit_ids=[world.units["CG"]]
    )
    assert case.state == "dispatched" and case.unit_id == world.units["SQA"]
    assert case.handle_due_at is not None and case.handle_due_at > case.dispatched_at
    case = world.act(wf.accept, "sqa", cid)
    assert case.state == "in_handling"
    case = world.act(wf.feedback, "sqa", cid, note="已清运", photos=[photo("after")])
    assert case.state == "to_check" and case.handled_at and case.check_due_at
    case = world.act(wf.check_fail, "insp", cid, note="仍有残留")
    assert case.state == "in_handling" and case.rework_count == 1
    case = world.act(wf.feedback, "sqa", cid, note="再次清运", photos=[photo("after")])
    assert case.state == "to_check"
    case = world.act(wf.check_pass, "insp", cid)
    assert case.state == "to_close" and case.checked_at
    case = world.act(wf.close, "shift", cid)
    assert case.state == "closed" and case.closed_at
    case = world.act(wf.callback, "intake", cid, result="satisfied", note="市民满意")
    assert case.callback_result == "satisfied" and case.callback_at
    case = world.act(wf.archive, "shift", cid)
    assert case.state == "archived" and case.archived_at

    events = world.events(cid)
    assert [e.action for e in events] == [
        "report", "verify", "open", "dispatch", "accept", "feedback", "check_fail",
        "feedback", "check_pass", "close", "callback", "archive",
    ]  # fmt: skip
    assert [e.to_state for e in events][-1] == "archived"
    assert all(e.from_state == prev.to_state for prev, e in itertools.pairwise(events))
    assert events[1].role == "inspector" and events[1].actor == "insp"
    assert events[6].note == "仍有残留"
    assert case.version == len(events)
    assert case.updated_by_id == world.actors["shift"].user_id
    times = [case.reported_at, case.verified_at, case.opened_at, case.dispatched_at]
    times += [case.handled_at, case.checked_at, case.closed_at, case.archived_at]
    assert times == sorted(times)  # type: ignore[type-var]

    with world.store.read() as session:
        assert audit.verify(session).ok
        actions = session.scalars(select(audit.AuditLog.action)).all()
        assert actions.count("case.feedback") == 2
        feed_rows = session.scalars(select(ChangeFeed).where(ChangeFeed.entity == "case")).all()
        assert feed_rows[0].kind == "created"
        assert len([r for r in feed_rows if r.ids == [cid]]) == len(events)
        assists = session.scalars(select(CaseAssist.unit_id).where(CaseAssist.case_id == cid))
        assert list(assists) == [world.units["CG"]]
        after = session.scalars(select(Attachment).where(Attachment.entity_id == cid)).all()
        assert len(after) == 2 and {a.kind for a in after} == {"after"}


def test_inspector_report_goes_straight_to_open(world: World) -> None:
    case = world.report("insp")
    assert case.state == "to_open" and case.open_due_at is not None
    assert case.reporter_user_id == world.actors["insp"].user_id


def test_shift_leader_opens_a_hotline_case_without_waiting_for_verification(
    world: World,
) -> None:
    case = world.report("intake", source="hotline", reporter_name="市民")
    assert case.state == "to_verify"
    case = world.act(wf.open_case, "shift", case.id)
    assert case.state == "opened" and case.verified_at == case.opened_at
    assert world.events(case.id)[-1].data == {"verified_by_shift_leader": True}


def test_not_found_on_verification(world: World) -> None:
    case = world.report("intake", source="phone")
    case = world.act(wf.verify, "insp", case.id, exists=False, note="现场未发现")
    assert case.state == "not_opened" and case.verified_at


def test_not_open_needs_a_note(world: World) -> None:
    case = world.report("insp")
    case = world.act(wf.not_open, "shift", case.id, note="不属于城管范畴")
    assert case.state == "not_opened"
    assert world.events(case.id)[-1].note == "不属于城管范畴"


def test_self_handled_is_closed_and_timed(world: World) -> None:
    case = world.report("insp", self_handled=True, photos=[photo("before"), photo("after")])
    assert case.state == "closed" and case.self_handled
    assert case.reported_at <= case.opened_at == case.handled_at == case.closed_at
    assert case.open_due_at is not None and case.handle_due_at is not None
    assert case.unit_id is None and case.escalation_level == 0
    [event] = world.events(case.id)
    assert event.action == "report" and event.to_state == "closed"
    assert event.data["self_handled"] is True and len(event.data["attachments"]) == 2


def test_return_and_redispatch(world: World) -> None:
    cid = world.report("insp").id
    world.act(wf.open_case, "shift", cid)
    world.act(wf.dispatch, "disp", cid, unit_id=world.units["SQB"])
    case = world.act(wf.request_return, "sqb", cid, note="不在本社区")
    assert case.pending_request == "return" and case.state == "dispatched"
    case = world.act(wf.approve_return, "shift", cid)
    assert case.state == "opened" and case.pending_request is None
    assert case.return_count == 1 and case.unit_id is None and case.handle_due_at is None
    case = world.act(wf.dispatch, "disp", cid, unit_id=world.units["SQA"])
    assert case.state == "dispatched" and case.unit_id == world.units["SQA"]
    assert world.events(cid)[-1].data["redispatch"] is True


def test_rejected_return_stays_with_the_unit(world: World) -> None:
    cid = world.report("insp").id
    world.act(wf.open_case, "shift", cid)
    world.act(wf.dispatch, "disp", cid, unit_id=world.units["SQA"])
    world.act(wf.accept, "sqa", cid)
    world.act(wf.request_return, "sqa", cid, note="人手不够")
    case = world.act(wf.reject_return, "shift", cid, note="属于本社区职责")
    assert case.pending_request is None and case.state == "in_handling"
    assert case.return_count == 0 and case.unit_id == world.units["SQA"]


def _in_handling(world: World, unit: str = "SQA") -> int:
    cid = world.report("insp").id
    world.act(wf.open_case, "shift", cid)
    world.act(wf.dispatch, "disp", cid, unit_id=world.units[unit])
    world.act(wf.accept, unit.lower(), cid)
    return cid


def test_extension_moves_the_deadline(world: World) -> None:
    cid = _in_handling(world)
    before = world.case(cid).handle_due_at
    assert before is not None
    case = world.act(wf.request_extension, "sqa", cid, hours=24, note="需要调车")
    assert case.pending_request == "extension" and case.handle_due_at == before
    case = world.act(wf.approve_extension, "shift", cid)
    assert case.handle_due_at == before + dt.timedelta(hours=24)
    assert case.extension_count == 1 and case.pending_request is None
    later = before + dt.timedelta(days=3)
    world.act(wf.request_extension, "sqa", cid, new_due=later, note="再延")
    case = world.act(wf.reject_extension, "shift", cid, note="不予延期")
    assert case.handle_due_at == before + dt.timedelta(hours=24) and case.extension_count == 1
    world.act(wf.request_extension, "sqa", cid, new_due=later, note="再延")
    case = world.act(wf.approve_extension, "shift", cid, new_due=later - dt.timedelta(days=1))
    assert case.handle_due_at == later - dt.timedelta(days=1) and case.extension_count == 2
    assert world.events(cid)[-1].data["old_due"] == (before + dt.timedelta(hours=24)).isoformat()


def test_shelve_and_unshelve(world: World) -> None:
    cid = _in_handling(world)
    world.act(wf.request_shelve, "sqa", cid, note="需区里协调")
    case = world.act(wf.approve_shelve, "shift", cid)
    assert case.state == "shelved" and case.pending_request is None
    case = world.act(wf.unshelve, "shift", cid)
    assert case.state == "in_handling" and case.handle_due_at is not None
    world.act(wf.request_shelve, "sqa", cid, note="还是不行")
    case = world.act(wf.reject_shelve, "shift", cid, note="继续处置")
    assert case.state == "in_handling" and case.pending_request is None


def test_supervise_flag(world: World) -> None:
    cid = world.report("insp").id
    case = world.act(wf.supervise, "leader", cid, note="尽快处理")
    assert case.supervised and case.state == "to_open"
    case = world.act(wf.unsupervise, "leader", cid)
    assert not case.supervised


def test_allowed_actions_follow_state_role_and_unit(world: World) -> None:
    cid = world.report("insp").id
    with world.store.read() as session:
        case = session.get(Case, cid)
        assert case is not None
        assert wf.allowed_actions(case, world.actors["shift"]) == [
            "open", "not_open", "escalate", "merge",
        ]  # fmt: skip
        assert wf.allowed_actions(case, world.actors["leader"]) == ["supervise"]
        assert wf.allowed_actions(case, world.actors["sqa"]) == []
    world.act(wf.open_case, "shift", cid)
    world.act(wf.dispatch, "disp", cid, unit_id=world.units["SQA"])
    with world.store.read() as session:
        case = session.get(Case, cid)
        assert case is not None
        assert wf.allowed_actions(case, world.actors["sqa"]) == [
            "accept", "request_return", "feedback",
        ]  # fmt: skip
        assert wf.allowed_actions(case, world.actors["sqb"]) == []
        assert "dispatch" not in wf.allowed_actions(case, world.actors["multi"])
    # Detached: exact with a session, optimistic about the unit without one.
    assert wf.allowed_actions(case, world.actors["sqb"]) == ["accept", "request_return", "feedback"]
    with world.store.read() as session:
        assert wf.allowed_actions(case, world.actors["sqb"], session=session) == []
    assert wf.can_report(world.actors["intake"]) and not wf.can_report(world.actors["sqa"])


def test_suggest_units_most_specific_first(world: World) -> None:
    a1 = world.report("insp")
    b2 = world.report("insp", lon=POINTS["B2"][0], lat=POINTS["B2"][1])
    with world.store.read() as session:
        first = wf.suggest_units(session, a1)
        second = wf.suggest_units(session, b2)
    assert [(s.unit.code, s.role, s.reason) for s in first] == [
        ("SQA", "primary", "grid"), ("HW", "primary", "street"), ("CG", "assisting", "street"),
    ]  # fmt: skip
    assert [s.unit.code for s in second] == ["SQB", "HW", "CG"]
    assert second[0].reason == "community" and second[0].reason_text("en")
