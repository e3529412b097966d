"""Photos that come with a report: dropped files or ones picked in a dialog.

The list only offers files (files_offered); the pane checks them on the worker with the
workflow's own validation and adds what passed, or shows why a file was refused. Delete
removes the selected photo; the kind combo sets the kind of new and selected photos.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from console.views.draft_store import DraftPhoto
from console.views.intake_labels import INTAKE_PHOTO_KINDS, photo_kind_label
from console.views.labels import fill

ENTRY_ROLE = Qt.ItemDataRole.UserRole


class _DropList(QListWidget):
    """A list that takes local files dropped on it and hands over their paths."""

    dropped = Signal(list)
    delete_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QListWidget.DragDropMode.DropOnly)

    def _local_files(self, event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
        data = event.mimeData()
        if data is None or not data.hasUrls():
            return []
        return [url.toLocalFile() for url in data.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._local_files(event)
        if files:
            event.acceptProposedAction()
            self.dropped.emit(files)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class PhotoList(QWidget):
    files_offered = Signal(list)  # paths to check, as dropped or picked
    changed = Signal()
    removed = Signal(object)  # the DraftPhoto taken out

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setStyleSheet("font-weight: bold;")
        self.list = _DropList()
        self.list.setObjectName("photos")
        self.list.setMinimumHeight(70)
        self.label.setBuddy(self.list)
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_photo")
        self.kind = QComboBox()
        self.kind.setObjectName("photo_kind")
        for kind in INTAKE_PHOTO_KINDS:
            self.kind.addItem(photo_kind_label(kind), kind)
        self.problems = QLabel()
        self.problems.setObjectName("photo_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c62828;")
        self.problems.hide()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 0, 0)
        layout.addWidget(self.kind, 0, 1)
        layout.addWidget(self.add_button, 0, 2)
        layout.addWidget(self.list, 1, 0, 1, 3)
        layout.addWidget(self.problems, 2, 0, 1, 3)
        layout.setColumnStretch(0, 1)
        self.list.dropped.connect(self._offer)
        self.list.delete_pressed.connect(self.remove_selected)
        self.add_button.clicked.connect(self.choose_files)
        self.kind.activated.connect(self._kind_chosen)
        self.retranslate()

    # -- data ----------------------------------------------------------------------------

    def entries(self) -> list[DraftPhoto]:
        return [self.list.item(i).data(ENTRY_ROLE) for i in range(self.list.count())]

    def set_entries(self, entries: Sequence[DraftPhoto]) -> None:
        self.list.clear()
        for entry in entries:
            self._append(entry)
        self.show_problems([])

    def add(self, entries: Sequence[DraftPhoto]) -> None:
        have = {e.path for e in self.entries()}
        for entry in entries:
            if entry.path not in have:
                self._append(entry)
        if entries:
            self.changed.emit()

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def show_problems(self, messages: Sequence[str]) -> None:
        self.problems.setText("\n".join(messages))
        self.problems.setVisible(bool(messages))

    # -- behaviour -----------------------------------------------------------------------

    def choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Images (*.jpg *.jpeg *.png *.webp)")
        )
        if files:
            self._offer(files)

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            entry = item.data(ENTRY_ROLE)
            self.list.takeItem(self.list.row(item))
            self.removed.emit(entry)
        self.changed.emit()

    def _offer(self, files: list[str]) -> None:
        self.show_problems([])
        self.files_offered.emit(files)

    def _kind_chosen(self, _index: int) -> None:
        kind = self.current_kind()
        for item in self.list.selectedItems():
            old: DraftPhoto = item.data(ENTRY_ROLE)
            self._fill(item, DraftPhoto(old.path, old.name, kind))
        if self.list.selectedItems():
            self.changed.emit()

    def _append(self, entry: DraftPhoto) -> None:
        item = QListWidgetItem()
        self._fill(item, entry)
        self.list.addItem(item)

    def _fill(self, item: QListWidgetItem, entry: DraftPhoto) -> None:
        item.setData(ENTRY_ROLE, entry)
        item.setText(fill("%1 · %2", photo_kind_label(entry.kind), entry.name))
        item.setToolTip(entry.path)

    # -- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.label.setText(self.tr("&Photos (drop files here)"))
        self.add_button.setText(self.tr("Add photo… (Ctrl+P)"))
        self.add_button.setToolTip(self.tr("Choose image files to attach"))
        for i in range(self.kind.count()):
            self.kind.setItemText(i, photo_kind_label(str(self.kind.itemData(i))))
        for i in range(self.list.count()):
            item = self.list.item(i)
            self._fill(item, item.data(ENTRY_ROLE))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
