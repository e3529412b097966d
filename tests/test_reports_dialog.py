"""The report dialog: generation on the worker with progress, preview, print, save."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QDate, QIODevice, QRect, QSize, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.i18n import Translations
from console.models import AuditLog
from console.ops import DatabaseWorker
from console.services.actor import Actor
from console.settings import Settings
from console.store import Store
from console.views import report_print
from console.views.bus import CaseSelection, ChangeBus
from console.views.pane_context import PaneContext
from console.views.report_dialog import ReportDialog
from console.views.report_preview import ReportPreview, render_size
from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.kpi_data import add_cases, closed_case, local, seed

__all__ = ["translations", "worker"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

LEADER = Actor(None, "leader", frozenset({"leader"}), "desk-3")


@pytest.fixture
def seeded(store: Store) -> Store:
    refs = seed(store)
    add_cases(store, [closed_case(refs, local(2024, 3, 1, 9)) for _ in range(3)])
    return store


def _ctx(
    worker: DatabaseWorker, translations: Translations, tmp_path: Path, actor: Actor
) -> PaneContext:
    bus = ChangeBus(worker)
    return PaneContext(worker, bus, CaseSelection(bus), actor, translations, Settings(tmp_path))


@pytest.fixture
def dialog(
    qtbot: QtBot, seeded: Store, worker: DatabaseWorker, translations: Translations, tmp_path: Path
) -> Iterator[ReportDialog]:
    dialog = ReportDialog(_ctx(worker, translations, tmp_path, LEADER))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.community.count() == 3)  # all, and the two communities
    yield dialog


def _choose(dialog: ReportDialog, kind: str, day: dt.date) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.day.setDate(QDate(day.year, day.month, day.day))


def test_generate_preview_print_save(
    qtbot: QtBot, dialog: ReportDialog, seeded: Store, tmp_path: Path
) -> None:
    _choose(dialog, "daily", dt.date(2024, 3, 1))
    steps: list[int] = []
    dialog.progress.valueChanged.connect(steps.append)
    ticks: list[int] = []
    timer = QTimer(dialog)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(1)
    dialog.generate()
    # Off the GUI thread: generate() returns at once, the result comes later.
    assert dialog.result_pdf is None and not dialog.generate_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.result_pdf is not None, timeout=30_000)
    timer.stop()
    assert ticks  # the GUI thread went on running its timers meanwhile
    assert steps[-1] == 100 and len(set(steps)) > 2
    assert dialog.preview.page_count >= 1 and dialog.print_button.isEnabled()
    assert "值班日报" in dialog.status.text() or "Daily" in dialog.status.text()

    saved = dialog.preview.save(tmp_path / "out.pdf")
    assert saved is not None and saved.read_bytes() == dialog.result_pdf.pdf  # type: ignore[union-attr]

    for name, dpi in (("printed.pdf", None), ("fine.pdf", 1200)):
        printer = _pdf_printer(tmp_path / name, dpi)
        assert _print(qtbot, dialog.preview, printer) == dialog.preview.page_count
        assert (tmp_path / name).read_bytes()[:5] == b"%PDF-"
        assert dialog.print_button.isEnabled()

    with seeded.read() as session:
        audit = session.scalars(select(AuditLog).order_by(AuditLog.chain_no.desc())).first()
    assert audit is not None and audit.action == "report.generate"


def _pdf_printer(path: Path, dpi: int | None = None) -> QPrinter:
    printer = QPrinter(
        QPrinter.PrinterMode.HighResolution if dpi else QPrinter.PrinterMode.ScreenResolution
    )
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    if dpi:
        printer.setResolution(dpi)
    printer.setOutputFileName(str(path))
    return printer


def _print(qtbot: QtBot, preview: ReportPreview, printer: QPrinter) -> int:
    sent: list[int] = []
    job = preview.print_to(printer)
    assert job is not None
    job.finished.connect(sent.append)
    qtbot.waitUntil(lambda: bool(sent), timeout=30_000)
    assert preview.job is None and job.renderer.wait(10_000)
    return sent[0]


def _pages_pdf(pages: int) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    painter = QPainter(writer)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.fillRect(QRect(100, 100 + 50 * page, 400, 40), QColor("black"))
    painter.end()
    return bytes(buffer.data().data())


class _Gate:
    """Lets the test say how many pages the renderer may render; notes its thread."""

    def __init__(self) -> None:
        self.permits = threading.Semaphore(0)
        self.threads: set[int] = set()
        self.blank = 0
        self.render = report_print.render_page

    def __call__(self, document: QPdfDocument, page: int, size: QSize) -> QImage:
        self.threads.add(threading.get_ident())
        assert self.permits.acquire(timeout=30)
        image = self.render(document, page, size)
        self.blank += image.isNull() or image.size() != size
        return image


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> _Gate:
    gate = _Gate()
    monkeypatch.setattr(report_print, "render_page", gate)
    return gate


@pytest.fixture
def long_preview(qtbot: QtBot) -> ReportPreview:
    preview = ReportPreview()
    qtbot.addWidget(preview)
    preview.show()
    preview.show_pdf(_pages_pdf(6), "long.pdf")
    assert preview.page_count == 6
    return preview


def test_pages_render_off_the_gui_thread(
    qtbot: QtBot, long_preview: ReportPreview, gate: _Gate, tmp_path: Path
) -> None:
    job = long_preview.print_to(_pdf_printer(tmp_path / "long-printed.pdf"))
    # print_to returned with nothing rendered yet: the window handles events meanwhile.
    assert job is not None and job.painted == 0 and long_preview.print_to(QPrinter()) is None
    progress = long_preview.findChild(QProgressDialog, "reportPrintProgress")
    assert progress is not None and progress.maximum() == 6
    sent: list[int] = []
    job.finished.connect(sent.append)
    gate.permits.release(2)
    qtbot.waitUntil(lambda: job.painted == 2)
    assert progress.value() == 2 and not sent
    gate.permits.release(4)
    qtbot.waitUntil(lambda: bool(sent))
    assert sent == [6] and not job.cancelled and job.renderer.isFinished()
    assert gate.threads and threading.get_ident() not in gate.threads and gate.blank == 0
    printed = QPdfDocument()
    printed.load(str(tmp_path / "long-printed.pdf"))
    assert printed.pageCount() == 6
    printed.close()


def test_cancel_stops_the_render_thread(
    qtbot: QtBot, long_preview: ReportPreview, gate: _Gate, tmp_path: Path
) -> None:
    job = long_preview.print_to(_pdf_printer(tmp_path / "cancelled.pdf"))
    assert job is not None
    sent: list[int] = []
    job.finished.connect(sent.append)
    gate.permits.release(2)
    qtbot.waitUntil(lambda: job.painted == 2)
    gate.permits.release(1)  # the renderer is inside page 3 when Cancel is pressed
    progress = long_preview.findChild(QProgressDialog, "reportPrintProgress")
    assert progress is not None
    cancel = progress.findChild(QPushButton)
    assert cancel is not None
    cancel.click()
    assert sent == [2] and job.cancelled and job.renderer.isFinished()
    assert long_preview.job is None


def test_closing_the_dialog_ends_a_print_run(
    qtbot: QtBot, dialog: ReportDialog, gate: _Gate, tmp_path: Path
) -> None:
    dialog.preview.show_pdf(_pages_pdf(6), "long.pdf")
    dialog.result_pdf = None
    job = dialog.preview.print_to(_pdf_printer(tmp_path / "closed.pdf"))
    assert job is not None and not dialog.print_button.isEnabled()
    gate.permits.release(1)
    qtbot.waitUntil(lambda: job.painted == 1)
    gate.permits.release(1)
    dialog.close()
    assert job.done and job.cancelled and job.renderer.isFinished()
    assert dialog.preview.job is None


def test_kind_shows_its_fields(dialog: ReportDialog) -> None:
    _choose(dialog, "campaign", dt.date(2024, 3, 1))
    assert dialog.campaign.isVisibleTo(dialog) and not dialog.day.isVisibleTo(dialog)
    _choose(dialog, "list", dt.date(2024, 3, 1))
    assert dialog.last.isVisibleTo(dialog) and dialog.day.isVisibleTo(dialog)
    dialog.last.setDate(QDate(2024, 3, 31))
    request = dialog.request()
    assert (request.start, request.end) == (dt.date(2024, 3, 1), dt.date(2024, 4, 1))
    _choose(dialog, "weekly", dt.date(2024, 3, 1))
    assert dialog.request().start == dt.date(2024, 2, 26)


def test_refusal_is_shown(
    qtbot: QtBot, seeded: Store, worker: DatabaseWorker, translations: Translations, tmp_path: Path
) -> None:
    unit = Actor(None, "unit", frozenset({"unit"}), "desk-4")
    dialog = ReportDialog(_ctx(worker, translations, tmp_path, unit))
    qtbot.addWidget(dialog)
    dialog.show()
    # Before the database answers, the date is already yesterday (not Qt's 2000-01-01).
    assert dialog.day.date().year() >= 2026
    _choose(dialog, "daily", dt.date(2024, 3, 1))
    dialog.generate()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.result_pdf is None and "print reports" in dialog.status.text()
    assert not dialog.save_button.isEnabled()


def test_pages_render_at_a_bounded_resolution() -> None:
    # An A4 page at 1200 dpi is 9921 x 14031 pixels: rendered at 300 dpi, then scaled.
    a4 = QSize(9921, 14031)
    assert render_size(a4, 1200) == QSize(2480, 3508)
    assert render_size(QSize(2480, 3508), 300) == QSize(2480, 3508)
    assert render_size(QSize(595, 842), 72) == QSize(595, 842)
