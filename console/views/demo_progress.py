"""The progress dialog shown while the demo street is made on the first start.

report() matches db.demo.Progress, (label, done, total), and may be called from the
worker thread: it only emits a signal, and the dialog updates on the GUI thread. A
total of 0 means a stage without a count: the bar then just shows that work goes on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from console.ops import Progress
from console.views.labels import fill


class DemoProgressDialog(QProgressDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sanwang Console"))
        self.setLabelText(self.tr("Creating the demo street for the first start…"))
        self.setCancelButton(None)
        self.setRange(0, 0)
        self.setMinimumDuration(0)
        self.setMinimumWidth(460)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._progress = Progress(self)
        self._progress.changed.connect(self._show_progress)

    def report(self, label: str, done: int, total: int) -> None:
        """Thread-safe: hand the report to the GUI thread."""
        self._progress.report(label, done, total)

    def _show_progress(self, args: tuple[str, int, int]) -> None:
        label, done, total = args
        if total > 0:
            if self.maximum() != total:
                self.setRange(0, total)
            self.setValue(min(done, total))
        elif self.maximum() != 0:
            self.setRange(0, 0)
        if label:
            text = fill(self.tr("Creating the demo street for the first start…\n%1"), label)
            if text != self.labelText():
                self.setLabelText(text)
                self.adjustSize()  # the dialog does not grow for a second line by itself
