"""Decoding photos off the GUI thread, and a window that shows one photo fitted or zoomed.

decode() runs inside worker jobs: QImage (unlike QPixmap) may be made on any thread, and
QImageReader scales a JPEG while decoding, so a 12-megapixel photo costs a thumbnail's
worth of work. The GUI thread only turns the finished image into a pixmap.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import (
    QImage,
    QImageReader,
    QKeySequence,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from console.errors import KnownError
from console.ops import DatabaseWorker
from console.services import case_view
from console.services.case_view import AttachmentInfo
from console.store import Store
from console.views.case_labels import local_time, photo_kind_label
from console.views.labels import fill

# The full view never holds more than this (a wall display's worth), whatever was sent.
FULL_VIEW_MAX = QSize(4096, 4096)


def decode(data: bytes, box: QSize | None = None) -> QImage:
    """The image in data, shrunk to fit box if larger; a null image if it is not one."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # phones store portrait photos turned, with an EXIF flag
    if not reader.canRead():
        return QImage()
    size = reader.size()
    too_big = box is not None and (size.width() > box.width() or size.height() > box.height())
    if box is not None and size.isValid() and too_big:
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    return image


def image_job(sha256: str, box: QSize | None) -> Callable[[Store], QImage]:
    """A worker job: the attachment's content, decoded (and shrunk to box)."""

    def job(store: Store) -> QImage:
        with store.read() as session:
            data = case_view.attachment_bytes(session, sha256)
        return decode(data, box)

    job.__qualname__ = "decode_attachment"
    return job


class _View(QGraphicsView):
    """Fits the photo to the window until the user zooms; Ctrl+wheel zooms."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.fitting = True
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)

    def set_pixmap(self, pixmap: QPixmap) -> None:
        self.item.setPixmap(pixmap)
        self.scene().setSceneRect(self.item.boundingRect())
        self.fit()

    def fit(self) -> None:
        self.fitting = True
        self.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        self.fitting = False
        self.scale(factor, factor)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)
            event.accept()
        else:
            super().wheelEvent(event)


class PhotoViewer(QDialog):
    """One photo in its own window: fitted to it; + and - zoom, 0 fits again."""

    def __init__(
        self,
        worker: DatabaseWorker,
        attachment: AttachmentInfo,
        timezone: str,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("photo_viewer")
        self.attachment = attachment
        self.view = _View(self)
        self.caption = QLabel()
        self.caption.setObjectName("caption")
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption)
        for keys, slot in (
            ((QKeySequence.StandardKey.ZoomIn, "+", "="), lambda: self.view.zoom(1.25)),
            ((QKeySequence.StandardKey.ZoomOut, "-"), lambda: self.view.zoom(0.8)),
            (("0", "F"), self.view.fit),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)
        name = attachment.original_name or attachment.sha256[:12]
        self.setWindowTitle(fill(self.tr("Photo — %1"), name))
        taken = local_time(attachment.taken_at or attachment.created_at, timezone)
        self.caption.setText(
            fill(
                self.tr("%1 · %2 · %3 KB · taken %4 · + / − zoom, 0 fits"),
                photo_kind_label(attachment.kind),
                name,
                str(max(1, round(attachment.size / 1024))),
                taken,
            )
        )
        self.resize(960, 720)
        worker.submit(
            image_job(attachment.sha256, FULL_VIEW_MAX),
            success=self._loaded,
            failure=self._failed,
            owner=self,
        )

    @property
    def loaded(self) -> bool:
        return not self.view.item.pixmap().isNull()

    def _loaded(self, image: QImage) -> None:
        if image.isNull():
            self.caption.setText(self.tr("This file cannot be shown as a picture."))
            return
        self.view.set_pixmap(QPixmap.fromImage(image))

    def _failed(self, error: KnownError) -> None:
        self.caption.setText(error.message(self._language))
