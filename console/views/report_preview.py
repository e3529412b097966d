"""A generated PDF inside the console: QPdfView preview, printing and saving.

The document is read from memory (a QBuffer kept alive as long as the document).
Printing renders each page to an image and paints it on the printer's page, which works
with every print driver. The image is rendered at no more than RENDER_DPI and scaled up
by the painter: a 1200 dpi printer would otherwise ask for a half-gigabyte image per page.
Rendering runs on a thread (console.views.report_print) behind a progress dialog with a
Cancel button: a case list of a hundred pages takes a while.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QVBoxLayout, QWidget

from console.views.report_print import RENDER_DPI, PrintJob, render_size


class ReportPreview(QWidget):
    printing_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: PrintJob | None = None
        self._progress: QProgressDialog | None = None
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.data = b""
        self.filename = "report.pdf"
        self.view = QPdfView(self)
        self.view.setObjectName("reportPdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def show_pdf(self, data: bytes, filename: str) -> None:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.data = data
        self.filename = filename

    def print_to(self, printer: QPrinter) -> PrintJob | None:
        """Start painting every page on printer; None when a print run is still going.

        The job's finished signal carries the number of pages sent.
        """
        if self.job is not None:
            return None
        job = PrintJob(self.document, self.data, printer, self)
        progress = QProgressDialog(
            self.tr("Printing…"), self.tr("Cancel"), 0, max(job.pages, 1), self
        )
        progress.setObjectName("reportPrintProgress")
        progress.setWindowTitle(self.filename)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        progress.canceled.connect(job.cancel)
        job.progressed.connect(progress.setValue)
        job.finished.connect(self._printed)
        self.job, self._progress = job, progress
        self.printing_changed.emit(True)
        progress.setValue(0)
        job.start()
        return job

    def stop_printing(self) -> None:
        """Cancel a print run and wait for its thread."""
        if self.job is not None:
            self.job.cancel()

    def hideEvent(self, event: QHideEvent) -> None:
        # Closed, rejected or hidden with its window (not minimised): the print run's
        # thread must not outlive the widget that paints its pages.
        if not event.spontaneous():
            self.stop_printing()
        super().hideEvent(event)

    def _printed(self, _pages: int) -> None:
        job, progress = self.job, self._progress
        self.job, self._progress = None, None
        if progress is not None:
            progress.hide()
            progress.deleteLater()
        if job is not None:
            job.deleteLater()
        self.printing_changed.emit(False)

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.filename)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def save_dialog(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), self.filename, self.tr("PDF files (*.pdf)")
        )
        if not name:
            return None
        return self.save(Path(name))

    def save(self, path: Path) -> Path | None:
        try:
            path.write_bytes(self.data)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Save report"), f"{path}: {error.strerror}")
            return None
        return path


__all__ = ["RENDER_DPI", "ReportPreview", "render_size"]
