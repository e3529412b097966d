"""The wall's toolbar: layout, the user's presets and tours, nearby cameras, wall window."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from console.errors import KnownError
from console.ops import reading, writing
from console.services import cameras_wall
from console.services.cameras_wall import Preset, Tour, WallPrefs
from console.services.feed import Change
from console.video.layouts import DEFAULT_LAYOUT, LAYOUTS
from console.views.pane_context import PaneContext


class WallToolbar(QWidget):
    layout_chosen = Signal(str)
    preset_chosen = Signal(str, object)  # layout, camera ids per tile
    tour_started = Signal(object)  # Tour
    tour_stopped = Signal()
    nearby_clicked = Signal()
    window_clicked = Signal()
    message = Signal(str, bool)

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prefs = WallPrefs()
        # Filled in by the pane: what the wall shows now, which cameras the tree selects.
        self.wall_state: Callable[[], tuple[str, list[int | None]]] = lambda: (DEFAULT_LAYOUT, [])
        self.selected_cameras: Callable[[], list[int]] = list
        self.layouts = QComboBox()
        self.layouts.setObjectName("wallLayout")
        for name in LAYOUTS:
            self.layouts.addItem(name, name)
        self.layouts.setCurrentIndex(self.layouts.findData(DEFAULT_LAYOUT))
        self.layouts.activated.connect(lambda i: self.layout_chosen.emit(self.layouts.itemData(i)))
        self.presets = QComboBox()
        self.presets.setObjectName("wallPresets")
        self.presets.setMinimumContentsLength(10)
        self.presets.activated.connect(self._preset_activated)
        self.save_preset = QPushButton()
        self.save_preset.clicked.connect(self._save_preset)
        self.tours = QComboBox()
        self.tours.setObjectName("wallTours")
        self.tours.setMinimumContentsLength(10)
        self.dwell = QSpinBox()
        self.dwell.setRange(*cameras_wall.DWELL_RANGE_S)
        self.dwell.setValue(20)
        self.save_tour = QPushButton()
        self.save_tour.clicked.connect(self._save_tour)
        self.tour_button = QPushButton()
        self.tour_button.setCheckable(True)
        self.tour_button.toggled.connect(self._tour_toggled)
        self.nearby = QPushButton()
        self.nearby.clicked.connect(self.nearby_clicked)
        self.window_button = QPushButton()
        self.window_button.clicked.connect(self.window_clicked)
        self.layout_label, self.preset_label, self.tour_label = QLabel(), QLabel(), QLabel()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.layout_label,
            self.layouts,
            self.preset_label,
            self.presets,
            self.save_preset,
            self.tour_label,
            self.tours,
            self.dwell,
            self.save_tour,
            self.tour_button,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.nearby)
        row.addWidget(self.window_button)
        ctx.bus.changed.connect(self._feed_changed)
        self.retranslate()
        if ctx.actor.user_id is not None:
            self.reload()

    # -- presets and tours -----------------------------------------------------------------

    def reload(self) -> None:
        job = functools.partial(cameras_wall.load, actor=self.ctx.actor)
        self.ctx.worker.submit(reading(job), success=self._loaded, failure=self._failed, owner=self)

    def _loaded(self, prefs: WallPrefs) -> None:
        self.prefs = prefs
        self.presets.clear()
        self.presets.addItem(self.tr("Presets…"), None)
        for preset in prefs.presets:
            self.presets.addItem(preset.name, preset)
        self.tours.clear()
        for tour in prefs.tours:
            self.tours.addItem(f"{tour.name} ({tour.dwell_s} s)", tour)

    def _feed_changed(self, changes: list[Change]) -> None:
        key = f"wall.presets.{self.ctx.actor.user_id}"
        if any(c.entity == "app_setting" and key in c.ids for c in changes):
            self.reload()

    def _preset_activated(self, index: int) -> None:
        preset = self.presets.itemData(index)
        if isinstance(preset, Preset):
            self.preset_chosen.emit(preset.layout, list(preset.cameras))

    def _ask_name(self, title: str) -> str | None:
        name, ok = QInputDialog.getText(self, title, self.tr("Name:"))
        return name if ok else None

    def _save_preset(self) -> None:
        name = self._ask_name(self.tr("Save the wall as a preset"))
        if name is None:
            return
        layout, cameras = self.wall_state()
        job = functools.partial(
            cameras_wall.save_preset,
            actor=self.ctx.actor,
            name=name,
            layout=layout,
            cameras=cameras,
        )
        self.ctx.worker.submit(writing(job), failure=self._failed, owner=self)

    def _save_tour(self) -> None:
        ids = self.selected_cameras()
        if not ids:
            self.message.emit(self.tr("Select cameras or a group in the tree for the tour."), True)
            return
        name = self._ask_name(self.tr("Save the selected cameras as a tour"))
        if name is None:
            return
        layout = self.layouts.currentData() or DEFAULT_LAYOUT
        job = functools.partial(
            cameras_wall.save_tour,
            actor=self.ctx.actor,
            name=name,
            layout=layout,
            cameras=ids,
            dwell_s=self.dwell.value(),
        )
        self.ctx.worker.submit(writing(job), failure=self._failed, owner=self)

    def _tour_toggled(self, on: bool) -> None:
        tour = self.tours.currentData()
        if on and isinstance(tour, Tour):
            self.tour_started.emit(tour)
        elif on:
            self.tour_button.setChecked(False)
        else:
            self.tour_stopped.emit()
        self.retranslate()

    def tour_ended(self) -> None:
        """The operator placed cameras by hand: a running tour gives way."""
        self.tour_button.blockSignals(True)
        self.tour_button.setChecked(False)
        self.tour_button.blockSignals(False)
        self.retranslate()

    def show_layout(self, layout: str) -> None:
        self.layouts.setCurrentIndex(self.layouts.findData(layout))

    @staticmethod
    def layout_for(count: int) -> str:
        return next((n for n in ("1", "4", "9", "16") if len(LAYOUTS[n]) >= count), "16")

    def _failed(self, error: KnownError) -> None:
        self.message.emit(error.message(self.ctx.translations.language), True)

    # -- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.layout_label.setText(self.tr("Layout"))
        self.preset_label.setText(self.tr("Preset"))
        self.tour_label.setText(self.tr("Tour"))
        self.save_preset.setText(self.tr("Save preset"))
        self.save_tour.setText(self.tr("Save tour"))
        self.dwell.setSuffix(self.tr(" s"))
        self.dwell.setToolTip(self.tr("Seconds each page of the tour stays on the wall"))
        self.tour_button.setText(
            self.tr("Stop tour") if self.tour_button.isChecked() else self.tr("Start tour")
        )
        self.nearby.setText(self.tr("Cameras near the case"))
        self.window_button.setText(self.tr("Wall window"))
        if self.presets.count():
            self.presets.setItemText(0, self.tr("Presets…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
