"""The map pane's toolbar: which cases, the heatmap's period and category, picking a
location for the intake form, and a status line for errors."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from console.views.labels import fill

HEAT_PERIODS_DAYS = (7, 30, 90, 365)
DEFAULT_HEAT_DAYS = 30

# (id, code, name_zh, name_en) of a category class
CategoryRow = tuple[int, str, str, str]


class MapToolbar(QWidget):
    scope_changed = Signal(str)  # "open" | "all"
    heat_changed = Signal(int, object)  # days, category id or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.english = False
        self._categories: list[CategoryRow] = []
        self.scope = QComboBox()
        self.scope.setObjectName("mapScope")
        self.heat_period = QComboBox()
        self.heat_period.setObjectName("mapHeatPeriod")
        self.heat_category = QComboBox()
        self.heat_category.setObjectName("mapHeatCategory")
        self.pick = QToolButton()
        self.pick.setObjectName("mapPick")
        self.pick.setCheckable(True)
        self.status = QLabel()
        self.status.setObjectName("mapStatus")
        self._heat_label = QLabel()
        bar = QHBoxLayout(self)
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.scope)
        bar.addSpacing(12)
        bar.addWidget(self._heat_label)
        bar.addWidget(self.heat_period)
        bar.addWidget(self.heat_category)
        bar.addSpacing(12)
        bar.addWidget(self.pick)
        bar.addWidget(self.status, 1)
        self.retranslate()
        self.scope.currentIndexChanged.connect(
            lambda _i: self.scope_changed.emit(str(self.scope.currentData() or "open"))
        )
        self.heat_period.currentIndexChanged.connect(self._heat_changed)
        self.heat_category.currentIndexChanged.connect(self._heat_changed)

    def _heat_changed(self) -> None:
        days = self.heat_period.currentData()
        category = self.heat_category.currentData()
        self.heat_changed.emit(int(days) if days else DEFAULT_HEAT_DAYS, category or None)

    def set_categories(self, rows: Sequence[CategoryRow]) -> None:
        self._categories = list(rows)
        self._fill_categories()

    def _fill_categories(self) -> None:
        chosen = self.heat_category.currentData()
        self.heat_category.blockSignals(True)
        self.heat_category.clear()
        self.heat_category.addItem(self.tr("All categories"), None)
        for category_id, code, name_zh, name_en in self._categories:
            name = name_en if self.english and name_en else name_zh
            self.heat_category.addItem(f"{code} {name}", category_id)
        index = self.heat_category.findData(chosen)
        self.heat_category.setCurrentIndex(max(index, 0))
        self.heat_category.blockSignals(False)

    def retranslate(self) -> None:
        periods = [(fill(self.tr("Last %1 days"), str(d)), d) for d in HEAT_PERIODS_DAYS]
        scopes = [(self.tr("Open cases"), "open"), (self.tr("All cases"), "all")]
        for combo, items, default in (
            (self.scope, scopes, "open"),
            (self.heat_period, periods, DEFAULT_HEAT_DAYS),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            index = combo.findData(chosen if chosen is not None else default)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._heat_label.setText(self.tr("Heatmap:"))
        self.pick.setText(self.tr("Pick location"))
        self.pick.setToolTip(self.tr("Click the map to fill the intake form's location"))
        self._fill_categories()
