"""The action dialogs, driven as the operator would: notes enforced before anything is
sent, suggestions first, files checked on pick, input given back after a refusal.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from console.models import AppSetting
from console.ops import DatabaseWorker
from console.services import workflow as wf
from console.services.case_view import CaseDetail, case_detail
from console.views import action_dialogs
from console.views.action_dialogs import (
    CallbackDialog,
    ExtensionDialog,
    MergeDialog,
    VerifyDialog,
    make_dialog,
)
from console.views.case_actions import ActionInput
from console.views.dispatch_dialog import DispatchDialog
from console.views.feedback_dialog import FeedbackDialog
from console.views.input_dialog import AskRequest, NoteDialog
from tests.support.case_pane import after_photo, png
from tests.support.gui import OFFSCREEN_NOISE, worker
from tests.support.workflow_seed import World, world

__all__ = ["worker", "world"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]


def _detail(world: World, case_id: int, who: str) -> CaseDetail:
    with world.store.read() as session:
        detail = case_detail(session, case_id, world.actors[who])
    assert detail is not None
    return detail


def _request(
    world: World, worker: DatabaseWorker, case_id: int, who: str, action: str, **kw: object
) -> AskRequest:
    return AskRequest(action, _detail(world, case_id, who), worker, "zh_CN", **kw)  # type: ignore[arg-type]


def _dialog(qtbot: QtBot, request: AskRequest) -> QWidget:
    dialog = make_dialog(None, request)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # offscreen does not do it; shortcuts need an active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _handling(world: World) -> int:
    case = world.report("insp")
    world.act(wf.open_case, "shift", case.id)
    world.act(wf.dispatch, "disp", case.id, unit_id=world.units["SQA"])
    world.act(wf.accept, "sqa", case.id)
    return case.id


def test_a_required_note_is_enforced_and_the_last_try_comes_back(
    qtbot: QtBot, world: World, worker: DatabaseWorker
) -> None:
    case_id = _handling(world)
    world.act(wf.feedback, "sqa", case_id, note="好", photos=[after_photo()])
    request = _request(world, worker, case_id, "insp", "check_fail")
    dialog = _dialog(qtbot, request)
    assert isinstance(dialog, NoteDialog)
    assert not dialog.ok.isEnabled() and "required" in dialog.note_label.text()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()  # Ctrl+Enter without a note: stays, focus on the note
    dialog.note.setPlainText("  仍有残留 ")
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.value() == ActionInput(note="仍有残留")

    again = _request(
        world, worker, case_id, "insp", "check_fail", previous=dialog.value(), error="被拒"
    )
    second = _dialog(qtbot, again)
    assert isinstance(second, NoteDialog)
    assert second.note.toPlainText() == "仍有残留" and second.ok.isEnabled()
    assert second.error.isVisible() and second.error.text() == "被拒"


def test_verify_needs_a_note_only_when_not_found(
    qtbot: QtBot, world: World, worker: DatabaseWorker
) -> None:
    case = world.report("intake", source="hotline")
    dialog = _dialog(qtbot, _request(world, worker, case.id, "insp", "verify"))
    assert isinstance(dialog, VerifyDialog)
    assert dialog.exists.isChecked() and dialog.ok.isEnabled()
    dialog.missing.setChecked(True)
    assert not dialog.ok.isEnabled()
    dialog.note.setPlainText("现场未发现")
    assert dialog.value() == ActionInput(note="现场未发现", exists=False)


def test_dispatch_lists_suggestions_first_and_enter_takes_the_first(
    qtbot: QtBot, world: World, worker: DatabaseWorker
) -> None:
    case = world.report("insp")
    world.act(wf.open_case, "shift", case.id)
    dialog = _dialog(qtbot, _request(world, worker, case.id, "disp", "dispatch"))
    assert isinstance(dialog, DispatchDialog)
    lead = [dialog.lead.item(r).text() for r in range(dialog.lead.count())]
    assert lead[0].startswith("★ A社区工作站  (SQA") and "grid" in lead[0]
    assert lead[1].startswith("★ 环卫所") and lead[2].startswith("★ 城管执法队")
    assert "assistant" in lead[2]
    assert lead[3].startswith("B社区工作站") and "—" not in lead[3]  # not suggested
    assert dialog.focusWidget() is dialog.lead and dialog.lead.currentRow() == 0
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.lead, Qt.Key.Key_Return)
    assert dialog.value() == ActionInput(
        unit_id=world.units["SQA"], assisting_unit_ids=(world.units["CG"],)
    )
    # Arrows pick another lead; the lead is never its own assistant.
    other = _dialog(qtbot, _request(world, worker, case.id, "disp", "dispatch"))
    assert isinstance(other, DispatchDialog)
    other.lead.setCurrentRow(2)  # CG leads
    assert other.value().unit_id == world.units["CG"]
    assert other.value().assisting_unit_ids == ()


def test_an_escalated_case_offers_only_street_units_to_lead(
    qtbot: QtBot, world: World, worker: DatabaseWorker
) -> None:
    case = world.report("insp")
    world.act(wf.open_case, "shift", case.id)
    world.act(wf.escalate, "shift", case.id, note="街道处理")
    request = _request(world, worker, case.id, "disp", "dispatch")
    dialog = _dialog(qtbot, request)
    assert isinstance(dialog, DispatchDialog)
    codes = [c.unit.code for c in request.detail.unit_choices if c.may_lead]
    assert codes == ["HW", "CG"] and dialog.lead.count() == 2
    assert dialog.assisting.count() == 4


def test_feedback_checks_each_file_when_picked(
    qtbot: QtBot, world: World, worker: DatabaseWorker, tmp_path: Path
) -> None:
    case_id = _handling(world)
    good = tmp_path / "done.png"
    good.write_bytes(png(1200, 900))
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    big = tmp_path / "huge.jpg"
    big.write_bytes(b"\xff\xd8\xff" + b"\0" * 4096)
    with world.store.write() as session:
        session.add(AppSetting(key="attachment_max_bytes", value=2048))
    dialog = _dialog(qtbot, _request(world, worker, case_id, "sqa", "feedback"))
    assert isinstance(dialog, FeedbackDialog)
    dialog.note.setPlainText("已清运")
    dialog.add_files([str(good), str(text), str(big), str(tmp_path / "gone.png")])
    assert not dialog.ok.isEnabled()  # files still being checked
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
    assert dialog.ok.isEnabled() and dialog.list.count() == 0  # good.png is over 2 KB
    problems = dialog.problems.text().splitlines()
    assert len(problems) == 4 and "notes.png" in problems[1] and "huge.jpg" in problems[2]
    assert "gone.png" in problems[3]

    with world.store.write() as session:
        session.merge(AppSetting(key="attachment_max_bytes", value=10_000_000))
    dialog.add_files([str(good)])
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
    value = dialog.value()
    assert [(p.kind, p.original_name) for p in value.photos] == [("after", "done.png")]
    assert value.photo_paths == (str(good),) and value.note == "已清运"
    again = _dialog(qtbot, _request(world, worker, case_id, "sqa", "feedback", previous=value))
    assert isinstance(again, FeedbackDialog)
    assert again.list.count() == 1 and again.value() == value  # nothing picked is lost


def test_extension_hours_or_a_deadline_in_the_centers_time(
    qtbot: QtBot, world: World, worker: DatabaseWorker
) -> None:
    case_id = _handling(world)
    dialog = _dialog(qtbot, _request(world, worker, case_id, "sqa", "request_extension"))
    assert isinstance(dialog, ExtensionDialog)
    dialog.note.setPlainText("下雨")
    dialog.hours.setValue(8)
    assert dialog.value() == ActionInput(note="下雨", hours=8.0)
    dialog.by_due.setChecked(True)
    due = dialog.value().new_due
    assert due is not None and due.tzinfo == ZoneInfo("Asia/Shanghai")
    assert dialog.value().hours is None

    world.act(wf.request_extension, "sqa", case_id, note="下雨", hours=8.0)
    request = _request(world, worker, case_id, "shift", "approve_extension")
    approve = _dialog(qtbot, request)
    assert isinstance(approve, ExtensionDialog)
    assert request.detail.requested_due is not None
    local = request.detail.requested_due.astimezone(ZoneInfo("Asia/Shanghai"))
    assert local.strftime("%Y-%m-%d %H:%M") in approve.first.text()
    assert approve.value() == ActionInput()  # as requested
    approve.by_due.setChecked(True)
    chosen = approve.value().new_due
    assert chosen is not None and abs(chosen - local) < dt.timedelta(minutes=1)


def test_callback_and_merge_dialogs(qtbot: QtBot, world: World, worker: DatabaseWorker) -> None:
    case = world.report("insp")
    merge = _dialog(qtbot, _request(world, worker, case.id, "intake", "merge"))
    assert isinstance(merge, MergeDialog)
    assert merge.warning.isVisible() and not merge.ok.isEnabled()
    merge.target.setText(" AJ202611290001 ")
    assert merge.value() == ActionInput(target_number="AJ202611290001")

    closed = world.report("insp", self_handled=True, photos=[after_photo()])
    callback = _dialog(qtbot, _request(world, worker, closed.id, "intake", "callback"))
    assert isinstance(callback, CallbackDialog)
    callback.result_box.setCurrentIndex(2)
    assert callback.value() == ActionInput(result="unsatisfied")


def _when_modal(qtbot: QtBot, act: Callable[[QWidget], None]) -> None:
    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(10, poll)
            return
        act(modal)

    QTimer.singleShot(0, poll)


def test_ask_and_confirm_run_modally(qtbot: QtBot, world: World, worker: DatabaseWorker) -> None:
    case = world.report("insp")
    detail = _detail(world, case.id, "multi")
    request = AskRequest("not_open", detail, worker, "zh_CN")

    def fill_and_accept(modal: QWidget) -> None:
        assert isinstance(modal, NoteDialog)
        modal.note.setPlainText("重复上报")
        modal.try_accept()

    _when_modal(qtbot, fill_and_accept)
    assert action_dialogs.ask(None, request) == ActionInput(note="重复上报")
    _when_modal(qtbot, lambda modal: modal.reject() if isinstance(modal, NoteDialog) else None)
    assert action_dialogs.ask(None, request) is None

    def press(key: Qt.Key) -> Callable[[QWidget], None]:
        def act(modal: QWidget) -> None:
            assert isinstance(modal, QMessageBox)
            assert detail.number in modal.text()
            qtbot.keyClick(modal, key)

        return act

    _when_modal(qtbot, press(Qt.Key.Key_Return))
    assert action_dialogs.confirm(None, "close", detail) is True
    _when_modal(qtbot, press(Qt.Key.Key_Escape))
    assert action_dialogs.confirm(None, "close", detail) is False
