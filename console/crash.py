"""Bugs end up here: uncaught exceptions on any thread are logged with their traceback
and shown in a dialog on the GUI thread (the user can go on or quit)."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from console.views.labels import fill

log = logging.getLogger("console.crash")


class CrashHandler(QObject):
    # Emitted from any thread; the dialog is shown by the GUI thread.
    bug = Signal(str)

    def __init__(self, log_file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self._showing = False
        self._previous: tuple[object, object] | None = None
        self.bug.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def excepthook(
        self,
        kind: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.exit(130)
            return
        log.critical("uncaught exception", exc_info=(kind, value, tb))
        self.bug.emit("".join(traceback.format_exception(kind, value, tb)))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def report(self, error: BaseException) -> None:
        """For errors caught elsewhere (e.g. a database job) that are bugs all the same."""
        self.excepthook(type(error), error, error.__traceback__)

    def _show(self, details: str) -> None:
        if self._showing or QApplication.instance() is None:
            return  # one dialog at a time; the rest is in the log
        self._showing = True
        try:
            box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Unexpected error"), "")
            text = self.tr("The program ran into an error it did not expect.")
            if self.log_file is not None:
                text += "\n" + fill(self.tr("The details were written to %1."), str(self.log_file))
            box.setText(text)
            box.setDetailedText(details)
            box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Close)
            box.button(QMessageBox.StandardButton.Close).setText(self.tr("Quit"))
            if box.exec() == QMessageBox.StandardButton.Close:
                QCoreApplication.exit(3)
        finally:
            self._showing = False
