"""Running an import of campaign items on the worker and showing what it found: the
count imported, or every bad row (nothing is imported then)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.errors import KnownError
from console.messages import render
from console.services.campaigns import ItemImportResult, import_items
from console.store import Store
from console.views.campaign_common import LivePanel


class ImportReport(QDialog):
    def __init__(self, text: str, problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignImportReport")
        self.setWindowTitle(self.tr("Import campaign items"))
        self.heading = QLabel(text)
        self.heading.setWordWrap(True)
        self.problems = QPlainTextEdit("\n".join(problems))
        self.problems.setReadOnly(True)
        self.problems.setVisible(bool(problems))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self.resize(640, 360 if problems else 120)


class ImportRunner:
    """Imports for a panel; the report opens when the worker is done."""

    def __init__(self, panel: LivePanel) -> None:
        self.panel = panel
        self.report: ImportReport | None = None

    def run(self, path: Path, campaign_id: int, *, dry_run: bool = False) -> None:
        actor = self.panel.ctx.actor

        def job(store: Store) -> ItemImportResult:
            with store.write() as session:
                return import_items(
                    path, session=session, actor=actor, campaign_id=campaign_id, dry_run=dry_run
                )

        self.panel.ctx.worker.submit(job, success=self.show, failure=self.failed, owner=self.panel)

    def show(self, result: ItemImportResult) -> None:
        language = self.panel.language
        if result.problems:
            text = render("campaign.import_refused", language, count=len(result.problems))
        elif result.imported:
            text = render("campaign.import_done", language, count=result.imported)
        else:
            text = render("campaign.import_checked", language, count=result.rows)
        self.panel.show_error(None)
        self.report = ImportReport(text, [p.message(language) for p in result.problems], self.panel)
        self.report.open()

    def failed(self, error: KnownError) -> None:
        self.panel.show_error(error)
