"""The category tree (classes → subclasses) with a search box that takes pinyin initials.

Focus stays in the search box: typing narrows the tree and marks the best subclass,
Up/Down/PageUp/PageDown move the mark, Enter takes it. Only a subclass can be chosen;
Enter on a class takes its first shown subclass.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.services.intake_lookup import CategoryNode
from console.services.search_keys import rank
from console.views.labels import fill

ID_ROLE = Qt.ItemDataRole.UserRole
_MOVES = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class CategoryPicker(QWidget):
    chosen = Signal(object)  # the chosen subclass id, or None
    accepted = Signal()  # Enter took a subclass: move on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._nodes: tuple[CategoryNode, ...] = ()
        self._by_id: dict[int, tuple[CategoryNode, CategoryNode]] = {}  # id → (class, sub)
        self._choice: int | None = None
        self._english = False
        self._tops: list[QTreeWidgetItem] = []
        self._subs: list[list[QTreeWidgetItem]] = []
        self.search = QLineEdit()
        self.search.setObjectName("category_search")
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("category_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setMinimumHeight(150)
        self.tree.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keys reach it via the search
        self.current = QLabel()
        self.current.setObjectName("category_chosen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.current)
        self.search.textChanged.connect(self._narrow)
        self.search.returnPressed.connect(self.accept_current)
        self.search.installEventFilter(self)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda *_items: self._show_choice())
        self.retranslate()

    # -- data ----------------------------------------------------------------------------

    def set_categories(self, nodes: Sequence[CategoryNode]) -> None:
        self._nodes = tuple(nodes)
        self._by_id = {sub.id: (node, sub) for node in self._nodes for sub in node.children}
        if self._choice is not None and self._choice not in self._by_id:
            self._set_choice(None)
        self._build()

    def set_english(self, english: bool) -> None:
        if english != self._english:
            self._english = english
            self._build()
            self._show_choice()

    def category_id(self) -> int | None:
        return self._choice

    def choose(self, category_id: int | None) -> None:
        self._set_choice(category_id if category_id in self._by_id else None)

    def clear(self) -> None:
        self.search.clear()
        self._set_choice(None)

    # -- behaviour -----------------------------------------------------------------------

    def accept_current(self) -> None:
        item = self._target()
        if item is not None:
            self._set_choice(int(item.data(0, ID_ROLE)))
            self.accepted.emit()

    def _target(self) -> QTreeWidgetItem | None:
        """The subclass Enter would take: the marked one, or a marked class's first shown."""
        item = self.tree.currentItem()
        if item is None or item.isHidden():
            return None
        if item in self._tops:
            subs = self._subs[self._tops.index(item)]
            return next((sub for sub in subs if not sub.isHidden()), None)
        return item

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.tree.setCurrentItem(item)
        self.accept_current()

    def _narrow(self, text: str) -> None:
        typed = bool(text.strip())
        best: tuple[tuple[int, int], int, QTreeWidgetItem] | None = None
        order = 0
        for node, top, subs in zip(self._nodes, self._tops, self._subs, strict=True):
            whole_class = typed and rank(text, node.keys) is not None
            shown = 0
            for sub, item in zip(node.children, subs, strict=True):
                found = rank(text, sub.keys)
                visible = whole_class or found is not None
                item.setHidden(not visible)
                shown += visible
                order += 1
                score = found or (9, 0)
                if visible and (best is None or (score, order) < best[:2]):
                    best = (score, order, item)
            top.setHidden(shown == 0)
            top.setExpanded(typed and shown > 0)
        if not typed or best is None:
            self.tree.setCurrentIndex(QModelIndex())  # Enter takes nothing by surprise
        else:
            self.tree.setCurrentItem(best[2])
            self.tree.scrollToItem(best[2])
        self._show_choice()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _MOVES
        ):
            if self.tree.currentItem() is None and self._tops:
                self.tree.setCurrentItem(self._tops[0])
            else:
                QApplication.sendEvent(self.tree, QKeyEvent(event))
            return True
        return super().eventFilter(watched, event)

    # -- texts ---------------------------------------------------------------------------

    def _name(self, node: CategoryNode) -> str:
        return node.name_en if self._english and node.name_en else node.name_zh

    def _build(self) -> None:
        self.tree.clear()
        self._tops, self._subs = [], []
        for node in self._nodes:
            top = QTreeWidgetItem([f"{node.code}  {self._name(node)}"])
            top.setData(0, ID_ROLE, node.id)
            subs = []
            for sub in node.children:
                child = QTreeWidgetItem([f"{sub.code}  {self._name(sub)}"])
                child.setData(0, ID_ROLE, sub.id)
                subs.append(child)
            top.addChildren(subs)
            self.tree.addTopLevelItem(top)
            self._tops.append(top)
            self._subs.append(subs)
        self._narrow(self.search.text())

    def _set_choice(self, category_id: int | None) -> None:
        changed = category_id != self._choice
        self._choice = category_id
        self._show_choice()
        if changed:
            self.chosen.emit(category_id)

    def _show_choice(self) -> None:
        pair = self._by_id.get(self._choice) if self._choice is not None else None
        if pair is None:
            marked = self._target()
            self.current.setText(
                fill(self.tr("Enter takes %1"), marked.text(0).strip())
                if marked is not None and self.search.text().strip()
                else self.tr("No category chosen")
            )
            self.current.setStyleSheet("color: #777777;")
            return
        node, sub = pair
        text = f"{self._name(node)} › {sub.code} {self._name(sub)}"
        self.current.setText(fill(self.tr("Chosen: %1"), text))
        self.current.setStyleSheet("font-weight: bold;")

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Type Chinese, pinyin initials (blj) or a code"))
        self._show_choice()
