"""The crash handler: bugs on any thread are logged and shown once, on the GUI thread."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from console.crash import CrashHandler
from tests.support.gui import OFFSCREEN_NOISE

pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, QThread | None]]:
    shown: list[tuple[str, str, QThread | None]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.text(), box.detailedText(), QThread.currentThread()))
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def test_thread_bug_is_logged_and_shown_on_the_gui_thread(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    dialogs: list[tuple[str, str, QThread | None]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    handler = CrashHandler(tmp_path / "console.log")
    hooks = (sys.excepthook, threading.excepthook)
    handler.install()
    try:

        def broken() -> None:
            raise ValueError("boom in a thread")

        thread = threading.Thread(target=broken)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: len(dialogs) == 1)
    finally:
        handler.uninstall()
    assert (sys.excepthook, threading.excepthook) == hooks
    text, details, on_thread = dialogs[0]
    assert str(tmp_path / "console.log") in text
    assert "ValueError: boom in a thread" in details
    assert on_thread is qapp.thread()
    assert "uncaught exception" in caplog.text


def test_one_dialog_at_a_time(
    qtbot: QtBot, qapp: QApplication, dialogs: list[tuple[str, str, QThread | None]]
) -> None:
    handler = CrashHandler(None)
    handler._showing = True  # a dialog is already open: further bugs only go to the log
    handler.report(RuntimeError("second"))
    qtbot.wait(50)
    assert dialogs == []
    handler._showing = False
    handler.report(RuntimeError("third"))
    qtbot.waitUntil(lambda: len(dialogs) == 1)
    assert "RuntimeError: third" in dialogs[0][1]
