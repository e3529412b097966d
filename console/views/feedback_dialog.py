"""处置反馈: what was done (the note) and the photos that show it.

Each picked file is read and checked by the workflow's attachment rules on the database
worker at once, so a wrong file is refused with its reason before anything is sent;
the feedback itself checks again (and whether this round has an 'after' photo).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from console.errors import KnownError
from console.services.photo_files import photo_from_file
from console.services.workflow import PhotoInput
from console.store import Store
from console.views.case_actions import ActionInput
from console.views.case_labels import photo_kind_label
from console.views.input_dialog import AskRequest, InputDialog
from console.views.labels import fill
from console.views.photo_viewer import decode

ICON = QSize(96, 72)
KINDS = ("after", "before", "other")


def _load_job(path: str, kind: str) -> partial[tuple[PhotoInput, QImage]]:
    return partial(_load, path=path, kind=kind)


def _load(store: Store, *, path: str, kind: str) -> tuple[PhotoInput, QImage]:
    with store.read() as session:
        photo = photo_from_file(session, path, kind)
    return photo, decode(photo.data, ICON)


class FeedbackDialog(InputDialog):
    def __init__(self, request: AskRequest, parent: QWidget | None = None) -> None:
        super().__init__(request, parent)
        self.photos: list[tuple[str, PhotoInput]] = []
        self._loading = 0
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in KINDS:
            self.kind.addItem(photo_kind_label(kind), kind)
        self.add = QPushButton(self.tr("Add &photos…"))
        self.add.setObjectName("add_photos")
        self.add.clicked.connect(self.pick_files)
        self.remove = QPushButton(self.tr("&Remove"))
        self.remove.clicked.connect(self._remove_selected)
        self.list = QListWidget()
        self.list.setObjectName("photo_list")
        self.list.setIconSize(ICON)
        self.list.setMinimumHeight(ICON.height() * 2 + 12)
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c62828;")
        self.problems.hide()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Photos of")))
        row.addWidget(self.kind)
        row.addStretch(1)
        row.addWidget(self.add)
        row.addWidget(self.remove)
        self.body.addLayout(row)
        self.body.addWidget(self.list)
        self.body.addWidget(self.problems)
        previous = self.previous
        for path, photo in zip(previous.photo_paths, previous.photos, strict=False):
            self._append(path, photo, QImage())
        self.setMinimumWidth(560)
        self.note.setFocus()
        self.finish()

    # -- files ---------------------------------------------------------------------------

    def pick_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Photos of the handling"),
            "",
            self.tr("Pictures (*.jpg *.jpeg *.png *.webp);;All files (*)"),
        )
        self.add_files(paths)

    def add_files(self, paths: Sequence[str]) -> None:
        """Read and check each file on the worker; good ones join the list."""
        kind = str(self.kind.currentData())
        for path in paths:
            self._loading += 1
            self.request.worker.submit(
                _load_job(path, kind),
                success=partial(self._loaded, path),
                failure=partial(self._refused, path),
                owner=self,
            )
        self.update_ok()

    def _loaded(self, path: str, result: tuple[PhotoInput, QImage]) -> None:
        self._loading -= 1
        photo, image = result
        self._append(path, photo, image)
        self.update_ok()

    def _refused(self, _path: str, error: KnownError) -> None:
        self._loading -= 1
        message = error.message(self.request.language)
        lines = [t for t in (self.problems.text(), message) if t]
        self.problems.setText("\n".join(lines))
        self.problems.show()
        self.update_ok()

    def _append(self, path: str, photo: PhotoInput, image: QImage) -> None:
        self.photos.append((path, photo))
        text = fill(self.tr("%1 — %2"), photo_kind_label(photo.kind), photo.original_name)
        icon = QIcon(QPixmap.fromImage(image)) if not image.isNull() else QIcon()
        item = QListWidgetItem(icon, text)
        item.setToolTip(path)
        item.setData(Qt.ItemDataRole.UserRole, path)
        self.list.addItem(item)

    def _remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.photos):
            self.list.takeItem(row)
            del self.photos[row]

    @property
    def loading(self) -> bool:
        return self._loading > 0

    # -- the input -----------------------------------------------------------------------

    def valid(self) -> bool:
        return not self.loading and super().valid()

    def value(self) -> ActionInput:
        return ActionInput(
            note=self.note.toPlainText().strip(),
            photos=tuple(p for _path, p in self.photos),
            photo_paths=tuple(path for path, _p in self.photos),
        )
