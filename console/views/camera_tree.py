"""The camera tree: community > group > camera, with online state and a search box.

Dragging a camera, or a whole group or community, carries the camera ids to the wall;
double-clicking a camera asks for it on the wall. The rows come from the registry
service; the tree is rebuilt from them (333 rows) when the registry or a filter changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from console.services.cameras import CameraRow
from console.views.video_tile import CAMERA_MIME, camera_mime

CAMERA_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_COLOURS = {"online": "#2e9d4f", "offline": "#c0392b", "unknown": "#8a96a3"}


def _matches(camera: CameraRow, needle: str) -> bool:
    if not needle:
        return True
    text = f"{camera.name} {camera.code} {camera.community} {camera.group_name}".lower()
    return all(part in text for part in needle.lower().split())


class CameraTreeModel(QStandardItemModel):
    def mimeTypes(self) -> list[str]:
        return [CAMERA_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex | QPersistentModelIndex]) -> QMimeData:
        ids: list[int] = []
        for index in indexes:
            item = self.itemFromIndex(self.index(index.row(), index.column(), index.parent()))
            for camera_id in _camera_ids(item):
                if camera_id not in ids:
                    ids.append(camera_id)
        return camera_mime(ids)


def _camera_ids(item: QStandardItem | None) -> list[int]:
    if item is None:
        return []
    camera_id = item.data(CAMERA_ROLE)
    if camera_id is not None:
        return [int(camera_id)]
    ids: list[int] = []
    for row in range(item.rowCount()):
        ids += _camera_ids(item.child(row))
    return ids


class CameraTree(QWidget):
    camera_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cameras: list[CameraRow] = []
        self.search = QLineEdit()
        self.search.setObjectName("cameraSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._rebuild)
        self.model = CameraTreeModel(self)
        self.view = QTreeView()
        self.view.setObjectName("cameraTree")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.doubleClicked.connect(self._double_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        self.retranslate()

    def set_cameras(self, cameras: list[CameraRow]) -> None:
        self._cameras = cameras
        self._rebuild()

    def cameras(self) -> list[CameraRow]:
        return self._cameras

    def _state_text(self, state: str) -> str:
        return {
            "online": self.tr("online"),
            "offline": self.tr("offline"),
            "unknown": self.tr("not checked"),
        }.get(state, state)

    def _rebuild(self) -> None:
        needle = self.search.text().strip()
        expanded = bool(needle)
        self.model.clear()
        communities: dict[str, QStandardItem] = {}
        groups: dict[tuple[str, str], QStandardItem] = {}
        counts: dict[int, list[int]] = {}
        root = self.model.invisibleRootItem()
        for camera in self._cameras:
            if not _matches(camera, needle):
                continue
            community_name = camera.community or self.tr("No community")
            community = communities.get(community_name)
            if community is None:
                community = communities[community_name] = QStandardItem(community_name)
                community.setEditable(False)
                root.appendRow(community)
            group_name = camera.group_name or self.tr("Other")
            group = groups.get((community_name, group_name))
            if group is None:
                group = groups[(community_name, group_name)] = QStandardItem(group_name)
                group.setEditable(False)
                community.appendRow(group)
            item = QStandardItem(f"{camera.name}  ·  {self._state_text(camera.status)}")
            item.setEditable(False)
            item.setData(camera.id, CAMERA_ROLE)
            item.setToolTip(camera.code)
            item.setForeground(QBrush(QColor(STATE_COLOURS.get(camera.status, "#8a96a3"))))
            group.appendRow(item)
            for parent in (community, group):
                tally = counts.setdefault(id(parent), [0, 0])
                tally[0] += 1
                tally[1] += camera.status == "online"
        for parent in (*communities.values(), *groups.values()):
            total, online = counts[id(parent)]
            parent.setText(f"{parent.text()} ({online}/{total})")
        if expanded:
            self.view.expandAll()

    def _double_clicked(self, index: QModelIndex) -> None:
        camera_id = index.data(CAMERA_ROLE)
        if camera_id is not None:
            self.camera_activated.emit(int(camera_id))

    def selected_ids(self) -> list[int]:
        ids: list[int] = []
        for index in self.view.selectionModel().selectedIndexes():
            for camera_id in _camera_ids(self.model.itemFromIndex(index)):
                if camera_id not in ids:
                    ids.append(camera_id)
        return ids

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search cameras (name, code, community)"))
        self._rebuild()
