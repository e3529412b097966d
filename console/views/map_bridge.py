"""The map page's way back into the console (QWebChannel object "bridge").

QWebChannel delivers the page's calls on the GUI thread; the slots only re-emit them as
signals, so the pane's behaviour stays in the pane.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot


class MapBridge(QObject):
    page_ready = Signal()
    case_clicked = Signal(int)
    camera_clicked = Signal(int)
    point_picked = Signal(float, float)  # lon, lat in WGS-84
    context_point = Signal(float, float)  # lon, lat in WGS-84
    layer_toggled = Signal(str, bool)  # overlay key, shown
    basemap_chosen = Signal(str)  # basemap key

    @Slot()
    def pageReady(self) -> None:
        self.page_ready.emit()

    @Slot(int)
    def caseClicked(self, case_id: int) -> None:
        self.case_clicked.emit(int(case_id))

    @Slot(int)
    def cameraClicked(self, camera_id: int) -> None:
        self.camera_clicked.emit(int(camera_id))

    @Slot(float, float)
    def pointPicked(self, lon: float, lat: float) -> None:
        self.point_picked.emit(float(lon), float(lat))

    @Slot(float, float)
    def contextPoint(self, lon: float, lat: float) -> None:
        self.context_point.emit(float(lon), float(lat))

    @Slot(str, bool)
    def layerToggled(self, key: str, shown: bool) -> None:
        self.layer_toggled.emit(str(key), bool(shown))

    @Slot(str)
    def basemapChosen(self, key: str) -> None:
        self.basemap_chosen.emit(str(key))
