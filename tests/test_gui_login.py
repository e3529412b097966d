"""The sign-in dialog on both backends: errors, success, language switch, demo hint."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from console.models import AppSetting
from console.ops import DatabaseWorker
from console.store import Store
from console.views.login_dialog import LoginDialog
from db.demo.people import published_passwords
from tests.support.accounts import PASSWORD, add_user, fast_hashing
from tests.support.gui import OFFSCREEN_NOISE, translations, worker

__all__ = ["fast_hashing", "translations", "worker"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE, pytest.mark.usefixtures("fast_hashing")]


def _dialog(qtbot: QtBot, worker: DatabaseWorker, translations: Translations) -> LoginDialog:
    dialog = LoginDialog(worker, translations, workstation="desk-9")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_wrong_password_shows_the_error(
    qtbot: QtBot, store: Store, worker: DatabaseWorker, translations: Translations
) -> None:
    add_user(store, "wang", "dispatcher")
    dialog = _dialog(qtbot, worker, translations)
    _type(qtbot, dialog, "wang", "not-it-123")
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "用户名或密码错误"
    assert dialog.password.text() == "" and dialog.sign_in.isEnabled()
    assert dialog.isVisible() and dialog.actor is None


def test_locked_account_says_so(
    qtbot: QtBot, store: Store, worker: DatabaseWorker, translations: Translations
) -> None:
    add_user(store, "li", "intake")
    with store.write() as session:
        session.add(AppSetting(key="auth.max_failed_logins", value=1))
    dialog = _dialog(qtbot, worker, translations)
    _type(qtbot, dialog, "li", "not-it-123")
    qtbot.waitUntil(lambda: dialog.error.text() == "用户名或密码错误")
    _type(qtbot, dialog, "li", PASSWORD)
    qtbot.waitUntil(lambda: "已锁定" in dialog.error.text())


def test_enter_signs_in_and_accepts(
    qtbot: QtBot, store: Store, worker: DatabaseWorker, translations: Translations
) -> None:
    uid = add_user(store, "zhao", "leader", "dispatcher")
    dialog = _dialog(qtbot, worker, translations)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _type(qtbot, dialog, "zhao", PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.user_id == uid
    assert dialog.actor.workstation == "desk-9"


def test_language_switch(
    qtbot: QtBot, store: Store, worker: DatabaseWorker, translations: Translations
) -> None:
    add_user(store, "sun", "inspector")
    dialog = _dialog(qtbot, worker, translations)
    assert dialog.windowTitle() == "登录 — 三网融合指挥台"
    assert dialog.sign_in.text() == "登录"
    _type(qtbot, dialog, "sun", "not-it-123")
    qtbot.waitUntil(lambda: dialog.error.isVisible())

    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert translations.language == "en"
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Sign in — Sanwang Console")
    assert dialog.sign_in.text() == "Sign in"
    assert dialog.title.text() == "Sanwang Console"
    assert dialog.error.text() == "Wrong user name or password"

    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: dialog.sign_in.text() == "登录")


def test_demo_database_hint_lists_user_names_only(
    qtbot: QtBot, store: Store, worker: DatabaseWorker, translations: Translations
) -> None:
    add_user(store, "admin", "admin")
    add_user(store, "duty", "shift_leader")
    with store.write() as session:
        session.add(AppSetting(key="demo", value=True))
    dialog = _dialog(qtbot, worker, translations)
    qtbot.waitUntil(lambda: dialog.hint.isVisible())
    assert dialog.hint.text() == "演示数据库，可用账号（用户名 / 密码）：\nadmin    duty"
    assert PASSWORD not in dialog.hint.text()


def test_demo_hint_gives_the_published_passwords_that_still_work(
    qtbot: QtBot, store: Store, worker: DatabaseWorker, translations: Translations
) -> None:
    published = published_passwords(7)
    add_user(store, "admin", "admin", password=published["admin"])
    add_user(store, "duty", "shift_leader")  # changed its password since
    with store.write() as session:
        session.add(AppSetting(key="demo", value=True))
        session.add(AppSetting(key="demo_seed", value={"seed": 7}))
    dialog = _dialog(qtbot, worker, translations)
    qtbot.waitUntil(lambda: dialog.hint.isVisible())
    assert dialog.hint.text().endswith(f"admin / {published['admin']}    duty")


def test_no_hint_on_a_real_database_and_a_note_when_empty(
    qtbot: QtBot, store: Store, worker: DatabaseWorker, translations: Translations
) -> None:
    dialog = _dialog(qtbot, worker, translations)
    qtbot.waitUntil(lambda: dialog.hint.isVisible())
    assert "main.py user add" in dialog.hint.text()
    add_user(store, "admin", "admin")
    second = _dialog(qtbot, worker, translations)
    worker.call(lambda s: None)  # the hint job was queued before this one
    qtbot.wait(10)
    assert not second.hint.isVisible()
