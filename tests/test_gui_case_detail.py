"""The case detail pane on both backends: the whole loop through its buttons, what it
shows, conflicts with another workstation, offline, and refusals that keep the input.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from console.models import AppSetting
from console.ops import DatabaseWorker
from console.services import workflow as wf
from console.store import Store
from console.views.case_actions import ActionInput
from console.views.input_dialog import AskRequest
from tests.support.case_pane import Answers, act, after_photo, answers, load, make_pane
from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.workflow_seed import World, world

__all__ = ["answers", "translations", "worker", "world"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]


def test_the_whole_loop_through_the_pane(
    qtbot: QtBot,
    world: World,
    worker: DatabaseWorker,
    translations: Translations,
    answers: Answers,
) -> None:
    translations.set_language("en")  # the assertions read the English labels
    case = world.report("intake", source="hotline", reporter_name="市民", reporter_phone="123")
    panes = {
        who: make_pane(qtbot, worker, translations, world.actors[who])
        for who in ("insp", "multi", "sqa")
    }
    for pane in panes.values():
        load(qtbot, pane, case.id)

    answers.answer("verify", ActionInput(exists=True))
    assert act(qtbot, panes["insp"], "verify").state == "to_open"
    detail = act(qtbot, panes["multi"], "open")
    assert detail.state == "opened" and answers.asked[-1].action == "verify"  # no dialog

    def first_suggestion(request: AskRequest) -> ActionInput:
        return ActionInput(unit_id=request.detail.unit_choices[0].unit.id)

    answers.chooser = first_suggestion
    detail = act(qtbot, panes["multi"], "dispatch")
    dispatch_request = answers.asked[-1]
    choices = dispatch_request.detail.unit_choices
    assert [c.unit.code for c in choices] == ["SQA", "HW", "CG", "SQB"]
    assert [(c.role, c.reason) for c in choices[:3]] == [
        ("primary", "grid"),
        ("primary", "street"),
        ("assisting", "street"),
    ]
    assert detail.state == "dispatched" and detail.unit is not None
    assert detail.unit.code == "SQA"
    answers.chooser = None

    assert act(qtbot, panes["sqa"], "accept").state == "in_handling"
    answers.answer("feedback", ActionInput(note="已清运", photos=(after_photo(),)))
    detail = act(qtbot, panes["sqa"], "feedback")
    assert detail.state == "to_check" and [a.kind for a in detail.attachments] == ["after"]
    answers.answer("check_fail", ActionInput(note="仍有残留"))
    detail = act(qtbot, panes["insp"], "check_fail")
    assert detail.state == "in_handling" and detail.rework_count == 1
    answers.answer("feedback", ActionInput(note="再次清运", photos=(after_photo("#2196f3"),)))
    assert act(qtbot, panes["sqa"], "feedback").state == "to_check"
    assert act(qtbot, panes["insp"], "check_pass").state == "to_close"
    detail = act(qtbot, panes["multi"], "close")
    assert detail.state == "closed" and answers.confirmed == ["close"]

    assert [e.action for e in detail.timeline] == [
        "report", "verify", "open", "dispatch", "accept", "feedback", "check_fail",
        "feedback", "check_pass", "close",
    ]  # fmt: skip
    assert detail.timeline[6].note == "仍有残留"
    pane = panes["multi"]
    assert pane.timeline.rowCount() == 10
    assert pane.photos.count() == 2
    assert pane.action_bar.actions_shown() == ["callback", "archive"]
    fields = pane.fields.texts()
    assert fields["Number"] == case.number and fields["Reporter phone"] == "123"
    assert fields["Category"] == "0102 暴露垃圾" and fields["Grid"] == "110107001001001 A1"
    assert fields["Unit"].startswith("A社区工作站 (SQA")
    assert fields["Rework"] == "1"
    assert pane.header.number.text() == case.number


def test_the_header_and_fields_show_local_time_and_flags(
    qtbot: QtBot, world: World, worker: DatabaseWorker, translations: Translations
) -> None:
    translations.set_language("en")  # the assertions read the English labels
    case = world.report("insp", urgency="urgent")
    world.act(wf.supervise, "leader", case.id)
    pane = make_pane(qtbot, worker, translations, world.actors["shift"])
    detail = load(qtbot, pane, case.id)
    assert pane.header.state.isVisible() and pane.header.supervised.isVisible()
    assert pane.header.urgency.text() == "Urgent"
    assert pane.header.ticking() and pane.header.countdown.text().startswith("Opening")
    local = detail.reported_at.astimezone(ZoneInfo("Asia/Shanghai"))
    assert pane.fields.texts()["Reported"] == local.strftime("%Y-%m-%d %H:%M")
    assert pane.fields.texts()["Supervised"] == "Yes"
    with world.store.write() as session:
        session.add(AppSetting(key="timezone", value="UTC"))
    load(qtbot, pane, case.id)
    assert pane.fields.texts()["Reported"] == detail.reported_at.strftime("%Y-%m-%d %H:%M")


def test_a_stale_version_names_the_other_user_reloads_and_keeps_the_note(
    qtbot: QtBot,
    world: World,
    worker: DatabaseWorker,
    translations: Translations,
    answers: Answers,
    db_url: str,
) -> None:
    case = world.report("insp")
    world.act(wf.open_case, "shift", case.id)
    world.act(wf.dispatch, "disp", case.id, unit_id=world.units["SQA"])
    world.act(wf.accept, "sqa", case.id)
    world.act(wf.feedback, "sqa", case.id, note="已清运", photos=[after_photo()])
    pane = make_pane(qtbot, worker, translations, world.actors["insp"])
    seen = load(qtbot, pane, case.id)

    other = Store(db_url, workstation="desk-2")  # another workstation gets there first
    try:
        with other.write() as session:
            wf.supervise(session, world.actors["leader"], case.id, expected_version=seen.version)
    finally:
        other.dispose()

    note = ActionInput(note="仍有残留")
    answers.answer("check_fail", note, note)  # the second answer is the retry
    with qtbot.waitSignal(pane.acted, timeout=10_000):
        pane.action_bar.button("check_fail").click()
    first, retry = answers.asked
    assert first.error == "" and first.previous is None
    assert "主任" in retry.error and "督办" in retry.error  # who, and what they did
    assert retry.previous == note  # nothing typed is lost
    assert retry.detail.version == seen.version + 1  # asked again on the reloaded case
    assert "主任" in pane.message.text() and pane.message.isVisible()
    assert pane.detail is not None and pane.detail.state == "in_handling"
    assert pane.detail.supervised


def test_a_conflict_without_a_dialog_shows_the_message_and_the_new_state(
    qtbot: QtBot, world: World, worker: DatabaseWorker, translations: Translations, db_url: str
) -> None:
    case = world.report("insp")
    pane = make_pane(qtbot, worker, translations, world.actors["multi"])
    load(qtbot, pane, case.id)
    world.act(wf.open_case, "shift", case.id)  # the pane still shows to_open
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        pane.action_bar.button("open").click()
    qtbot.waitUntil(lambda: pane.detail is not None and pane.detail.state == "opened")
    assert "值班长老张" in pane.message.text()
    assert "dispatch" in pane.action_bar.actions_shown()


def test_a_refusal_brings_the_dialog_back_with_the_input(
    qtbot: QtBot,
    world: World,
    worker: DatabaseWorker,
    translations: Translations,
    answers: Answers,
) -> None:
    case = world.report("insp")
    for fn, who, kwargs in (
        (wf.open_case, "shift", {}),
        (wf.dispatch, "disp", {"unit_id": world.units["SQA"]}),
        (wf.accept, "sqa", {}),
    ):
        world.act(fn, who, case.id, **kwargs)
    pane = make_pane(qtbot, worker, translations, world.actors["sqa"])
    load(qtbot, pane, case.id)
    without_photo = ActionInput(note="已清运")
    answers.answer("feedback", without_photo)  # then cancel: no further answer
    pane.action_bar.button("feedback").click()
    qtbot.waitUntil(lambda: len(answers.asked) == 2, timeout=10_000)
    retry = answers.asked[1]
    assert retry.previous == without_photo
    assert "照片" in retry.error  # the service's photo rule, in the user's language
    assert pane.detail is not None and pane.detail.state == "in_handling"
    assert pane.action_bar.button("feedback").isEnabled()


def test_reloads_when_the_feed_reports_the_case(
    qtbot: QtBot, world: World, worker: DatabaseWorker, translations: Translations
) -> None:
    case = world.report("insp")
    other = world.report("insp", description="另一处垃圾")
    pane = make_pane(qtbot, worker, translations, world.actors["multi"])
    load(qtbot, pane, case.id)
    world.act(wf.open_case, "shift", case.id)
    with qtbot.assertNotEmitted(pane.loaded, wait=100):
        pane._ctx.bus.cases_changed.emit([other.id])
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        pane._ctx.bus.cases_changed.emit([other.id, case.id])
    assert pane.detail is not None and pane.detail.state == "opened"


def test_offline_disables_every_action(
    qtbot: QtBot,
    world: World,
    worker: DatabaseWorker,
    translations: Translations,
    answers: Answers,
) -> None:
    case = world.report("insp")
    pane = make_pane(qtbot, worker, translations, world.actors["multi"])
    load(qtbot, pane, case.id)
    shown = pane.action_bar.actions_shown()
    assert shown == ["open", "not_open", "escalate", "merge"]
    pane._ctx.bus.set_online(False)
    assert not any(pane.action_bar.action(a).isEnabled() for a in shown)
    pane.trigger("open")  # a shortcut pressed anyway does nothing
    assert world.case(case.id).state == "to_open"
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        pane._ctx.bus.set_online(True)  # back: reload, buttons on again
    assert all(pane.action_bar.action(a).isEnabled() for a in pane.action_bar.actions_shown())


def test_a_missing_case_shows_the_placeholder(
    qtbot: QtBot, world: World, worker: DatabaseWorker, translations: Translations
) -> None:
    pane = make_pane(qtbot, worker, translations, world.actors["multi"])
    assert pane.pages.currentIndex() == 0
    with qtbot.waitSignal(pane.loaded, timeout=10_000) as blocker:
        pane.show_case(999)
    assert blocker.args == [None]
    assert pane.pages.currentIndex() == 0 and pane.action_bar.actions_shown() == []


def test_language_switch_renames_states_and_keeps_the_message_language(
    qtbot: QtBot, world: World, worker: DatabaseWorker, translations: Translations
) -> None:
    case = world.report("insp")
    pane = make_pane(qtbot, worker, translations, world.actors["multi"])
    load(qtbot, pane, case.id)
    world.act(wf.open_case, "shift", case.id)
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        pane.action_bar.button("open").click()  # refused: someone opened it first
    qtbot.waitUntil(lambda: "值班长老张" in pane.message.text())
    assert pane.header.state.text() == "已立案" and "案卷" in pane.message.text()
    translations.set_language("en")
    qtbot.waitUntil(lambda: pane.header.state.text() == "Opened")
    assert pane.message.text().startswith("Case ")  # the refusal, now in English
    assert pane.timeline.headerData(0, Qt.Orientation.Horizontal) == "Time"
