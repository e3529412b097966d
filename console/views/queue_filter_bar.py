"""The queue's filter bar: search text (debounced), community, category, urgency.

It only says what the operator chose (changed); the pane turns that into a QueueFilter.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from console.services.pickers import Choice, PickerLists
from console.views.queue_texts import urgency_label

SEARCH_DEBOUNCE_MS = 250
URGENCIES = ("normal", "urgent")


@dataclass(frozen=True)
class FilterChoice:
    text: str = ""
    community_id: int | None = None
    category_id: int | None = None
    urgency: str | None = None


class QueueFilterBar(QWidget):
    changed = Signal()

    def __init__(self, language: str = "zh_CN", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._lists = PickerLists((), ())
        self.search = QLineEdit()
        self.search.setObjectName("queueSearch")
        self.search.setClearButtonEnabled(True)
        self.community = QComboBox()
        self.community.setObjectName("queueCommunity")
        self.category = QComboBox()
        self.category.setObjectName("queueCategory")
        self.category.setMaxVisibleItems(24)
        self.urgency = QComboBox()
        self.urgency.setObjectName("queueUrgency")
        for combo in (self.community, self.category, self.urgency):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status = QLabel()
        self.status.setObjectName("queueStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.search, 3)
        layout.addWidget(self.community)
        layout.addWidget(self.category)
        layout.addWidget(self.urgency)
        layout.addWidget(self.status, 2)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._search_now)
        for combo in (self.community, self.category, self.urgency):
            combo.activated.connect(lambda _index: self.changed.emit())
        self.retranslate()

    def choice(self) -> FilterChoice:
        return FilterChoice(
            text=self.search.text().strip(),
            community_id=self.community.currentData(),
            category_id=self.category.currentData(),
            urgency=self.urgency.currentData(),
        )

    def set_lists(self, lists: PickerLists) -> None:
        self._lists = lists
        self._fill()

    def set_language(self, language: str) -> None:
        self._language = language
        self._fill()

    def stop(self) -> None:
        self._debounce.stop()

    def _search_now(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self.changed.emit()

    def _fill(self) -> None:
        _refill(self.community, self.tr("All communities"), self._lists.communities, self._language)
        _refill(self.category, self.tr("All categories"), self._lists.categories, self._language)
        kept = self.urgency.currentData()
        self.urgency.clear()
        self.urgency.addItem(self.tr("Any urgency"), None)
        for code in URGENCIES:
            self.urgency.addItem(urgency_label(code), code)
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(kept)))

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search number, address, description  (Ctrl+F)"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _refill(combo: QComboBox, everything: str, choices: tuple[Choice, ...], language: str) -> None:
    """Fill a combo with 'all' and the choices (subclasses indented), keeping the pick."""
    kept = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for choice in choices:
        indent = "    " * choice.level
        combo.addItem(f"{indent}{choice.code} {choice.name(language)}", choice.id)
    combo.setCurrentIndex(max(0, combo.findData(kept)) if kept is not None else 0)
    combo.blockSignals(False)
