"""The photos of a campaign item or a difficult problem: listed, opened in the photo
viewer, and more added (before/after, or write-off evidence)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.ops import DatabaseWorker, reading
from console.services.campaigns import photos
from console.services.case_view_parts import AttachmentInfo
from console.views.campaign_dialogs import IMAGE_FILTER
from console.views.campaign_labels import photo_label
from console.views.labels import fill
from console.views.photo_viewer import PhotoViewer


class PhotoListDialog(QDialog):
    """add(paths) is called with the picked files; the list reloads on reload()."""

    def __init__(
        self,
        worker: DatabaseWorker,
        entity: str,
        entity_id: int,
        title: str,
        zone: str,
        language: str,
        add: Callable[[list[str]], None] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("itemPhotos")
        self.setWindowTitle(fill(self.tr("Photos: %1"), title))
        self.worker, self.entity, self.entity_id = worker, entity, entity_id
        self.zone, self.language, self.add = zone, language, add
        self.list = QListWidget()
        self.list.itemActivated.connect(self._open)
        self.add_button = QPushButton(self.tr("Add photos…"))
        self.add_button.setAutoDefault(False)
        self.add_button.setEnabled(add is not None)
        self.add_button.clicked.connect(self._choose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(420, 320)
        self.reload()

    def reload(self) -> None:
        entity, entity_id = self.entity, self.entity_id
        self.worker.submit(
            reading(lambda s: photos.attachments(s, entity, entity_id)),
            success=self._show,
            owner=self,
        )

    def _show(self, rows: list[AttachmentInfo]) -> None:
        self.list.clear()
        for info in rows:
            item = QListWidgetItem(f"{photo_label(info.kind)} · {info.original_name}")
            item.setData(Qt.ItemDataRole.UserRole, info)
            self.list.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        info = item.data(Qt.ItemDataRole.UserRole)
        PhotoViewer(self.worker, info, self.zone, self.language, self).show()

    def _choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", fill(self.tr("Images (%1)"), IMAGE_FILTER)
        )
        if paths and self.add is not None:
            self.add(paths)
