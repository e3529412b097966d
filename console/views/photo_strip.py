"""The case's photos as a strip of thumbnails; double-click (or Enter) shows one full size.

Thumbnails are fetched and scaled on the database worker, one job per photo, only
once the strip is on screen, and kept by content hash: a reload after an action, or
the same photo on a merged case, costs nothing.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QStyle, QWidget

from console.errors import KnownError
from console.ops import DatabaseWorker
from console.services.case_view import AttachmentInfo
from console.views.case_labels import local_time, photo_kind_label
from console.views.labels import fill
from console.views.photo_viewer import PhotoViewer, image_job

THUMB_BOX = QSize(160, 120)
CACHE_SIZE = 200


class PhotoStrip(QListWidget):
    thumbnail_ready = Signal(str)  # sha256: for tests and anyone who waits for pictures

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photos")
        self._worker = worker
        self._attachments: list[AttachmentInfo] = []
        self._timezone = "Asia/Shanghai"
        self._language = "zh_CN"
        self._cache: OrderedDict[str, QPixmap] = OrderedDict()
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(THUMB_BOX)
        self.setGridSize(QSize(THUMB_BOX.width() + 16, THUMB_BOX.height() + 44))
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(THUMB_BOX.height() + 66)
        placeholder = QPixmap(THUMB_BOX)
        placeholder.fill(QColor("#e0e0e0"))
        self._placeholder = QIcon(placeholder)
        self._file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self.itemActivated.connect(self._open)

    def set_attachments(
        self, attachments: Sequence[AttachmentInfo], timezone: str, language: str
    ) -> None:
        self._timezone = timezone
        self._language = language
        self._attachments = list(attachments)
        self.clear()
        for attachment in self._attachments:
            item = QListWidgetItem(self._icon(attachment), self._caption(attachment))
            item.setData(Qt.ItemDataRole.UserRole, attachment.sha256)
            item.setToolTip(self._tooltip(attachment))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.addItem(item)
        if self.isVisible():
            self._request_missing()

    def attachments(self) -> list[AttachmentInfo]:
        return list(self._attachments)

    def has_thumbnail(self, sha256: str) -> bool:
        return sha256 in self._cache

    def loading(self) -> int:
        """How many thumbnails are still being made."""
        return len(self._pending)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._request_missing()

    # -- thumbnails ----------------------------------------------------------------------

    def _icon(self, attachment: AttachmentInfo) -> QIcon:
        pixmap = self._cache.get(attachment.sha256)
        if pixmap is not None:
            return QIcon(pixmap)
        if not attachment.is_image or attachment.sha256 in self._failed:
            return self._file_icon
        return self._placeholder

    def _request_missing(self) -> None:
        for attachment in self._attachments:
            sha = attachment.sha256
            if not attachment.is_image or sha in self._cache or sha in self._pending:
                continue
            if sha in self._failed:
                continue
            self._pending.add(sha)
            self._worker.submit(
                image_job(sha, THUMB_BOX),
                success=partial(self._thumbnail, sha),
                failure=partial(self._no_thumbnail, sha),
                owner=self,
            )

    def _thumbnail(self, sha256: str, image: QImage) -> None:
        self._pending.discard(sha256)
        if image.isNull():
            self._failed.add(sha256)
        else:
            self._cache[sha256] = QPixmap.fromImage(image)
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        self._refresh_icons(sha256)
        self.thumbnail_ready.emit(sha256)

    def _no_thumbnail(self, sha256: str, _error: KnownError) -> None:
        self._pending.discard(sha256)
        self._failed.add(sha256)
        self._refresh_icons(sha256)

    def _refresh_icons(self, sha256: str) -> None:
        for row, attachment in enumerate(self._attachments):
            if attachment.sha256 == sha256 and (item := self.item(row)) is not None:
                item.setIcon(self._icon(attachment))

    # -- texts and the full view ---------------------------------------------------------

    def _caption(self, attachment: AttachmentInfo) -> str:
        when = local_time(attachment.taken_at or attachment.created_at, self._timezone)
        return f"{photo_kind_label(attachment.kind)}\n{when[5:]}"  # without the year

    def _tooltip(self, attachment: AttachmentInfo) -> str:
        return fill(
            self.tr("%1\n%2, %3 KB\ntaken %4\nadded %5\nSHA-256 %6"),
            attachment.original_name or "—",
            attachment.mime,
            str(max(1, round(attachment.size / 1024))),
            local_time(attachment.taken_at, self._timezone),
            local_time(attachment.created_at, self._timezone),
            attachment.sha256[:16] + "…",
        )

    def _open(self, item: QListWidgetItem) -> PhotoViewer | None:
        row = self.row(item)
        if not 0 <= row < len(self._attachments) or not self._attachments[row].is_image:
            return None
        return self.open_viewer(self._attachments[row])

    def open_viewer(self, attachment: AttachmentInfo) -> PhotoViewer:
        viewer = PhotoViewer(self._worker, attachment, self._timezone, self._language, self)
        viewer.show()
        return viewer

    def retranslate(self) -> None:
        self.set_attachments(self._attachments, self._timezone, self._language)
