"""A combo box that finds a place as the clerk types: Chinese, code or pinyin initials.

Typing narrows the list to the matches, best first; Enter (or leaving the field) picks
the exact name or else the best match; Up/Down step through the matches; F4 or
Alt+Down opens the narrowed list. No popup opens by itself, so typing never loses focus.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from console.services.intake_lookup import Place
from console.services.search_keys import rank

MAX_MATCHES = 60


class SearchCombo(QComboBox):
    chosen = Signal(object)  # the chosen Place, or None; only when the choice changes
    accepted = Signal()  # Enter: the field is done, move on
    narrowed = Signal(str, object)  # what is typed and the list[Place] matching it, best first

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Matching is ours (pinyin, codes, best first); the stubs miss that None is allowed.
        self.setCompleter(None)  # type: ignore[arg-type]
        self.setMaxVisibleItems(15)
        self._places: tuple[Place, ...] = ()
        self._choice: Place | None = None
        self._matches: list[Place] = []
        line = self.lineEdit()
        assert line is not None  # editable
        self.line: QLineEdit = line
        line.textEdited.connect(self._narrow)
        line.returnPressed.connect(self._enter)
        line.editingFinished.connect(self.resolve)
        self.activated.connect(self._activated)

    # -- data ----------------------------------------------------------------------------

    def set_places(self, places: Sequence[Place]) -> None:
        """The places to choose from; a choice not among them is dropped."""
        self._places = tuple(places)
        if self._choice is not None and self._choice.id not in {p.id for p in self._places}:
            self._set_choice(None)
        self._show(list(self._places), self._choice.name if self._choice else "")

    def places(self) -> tuple[Place, ...]:
        return self._places

    def choice(self) -> Place | None:
        return self._choice

    def choose(self, place_id: int | None) -> None:
        """Choose by id (None clears); the text shows the chosen name."""
        place = next((p for p in self._places if p.id == place_id), None)
        self._set_choice(place)
        self._show(list(self._places), place.name if place else "")

    def matches(self) -> list[Place]:
        return list(self._matches)

    # -- typing --------------------------------------------------------------------------

    def _narrow(self, text: str) -> None:
        ranked = [(r, i, p) for i, p in enumerate(self._places) if (r := rank(text, p.keys))]
        ranked.sort(key=lambda item: (item[0], item[1]))
        self._show([p for _r, _i, p in ranked[:MAX_MATCHES]], text)
        self.narrowed.emit(text.strip(), list(self._matches))

    def resolve(self) -> None:
        """Settle the typed text on a place: empty → none, exact name, else the best match."""
        text = self.currentText().strip()
        if not text:
            self._set_choice(None)
            return
        exact = next((p for p in self._places if p.name == text), None)
        place = exact or (self._matches[0] if self._matches else None)
        if place is not None:
            self._set_choice(place)
        self._show(list(self._places), self._choice.name if self._choice else "")
        self.narrowed.emit("", [])

    def _enter(self) -> None:
        self.resolve()
        self.accepted.emit()

    def _activated(self, index: int) -> None:
        place_id = self.itemData(index)
        place = next((p for p in self._places if p.id == place_id), None)
        if place is not None:
            self._set_choice(place)

    # -- helpers -------------------------------------------------------------------------

    def _show(self, places: list[Place], text: str) -> None:
        """Fill the list with places, keeping the text and the cursor as they were."""
        line = self.line
        cursor = line.cursorPosition() if line.text() == text else len(text)
        self._matches = places
        self.blockSignals(True)
        try:
            self.clear()
            for place in places:
                self.addItem(place.name, place.id)
            index = self.findData(self._choice.id) if self._choice else -1
            self.setCurrentIndex(index if index >= 0 and text == self._choice_name() else -1)
            self.setEditText(text)
        finally:
            self.blockSignals(False)
        line.setCursorPosition(min(cursor, len(text)))

    def _choice_name(self) -> str:
        return self._choice.name if self._choice else ""

    def _set_choice(self, place: Place | None) -> None:
        changed = (place.id if place else None) != (self._choice.id if self._choice else None)
        self._choice = place
        if changed:
            self.chosen.emit(place)
