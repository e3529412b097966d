"""Looks for likely duplicates as soon as the form knows the category and the place.

Debounced: a lookup runs a moment after the last change of either, on the worker, and
an answer for a category or point that has changed since is dropped. Any change to
cases (from this desk or another) asks again.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QObject, QTimer

from console.ops import DatabaseWorker, reading
from console.services import intake_lookup
from console.services.intake_lookup import DuplicateRow
from console.views.intake_form import IntakeForm

DELAY_MS = 350
Key = tuple[int, float, float]


class DuplicateWatch(QObject):
    def __init__(self, worker: DatabaseWorker, form: IntakeForm, parent: QObject) -> None:
        super().__init__(parent)
        self._worker = worker
        self._form = form
        self._key: Key | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.look)

    def wanted(self) -> Key | None:
        category_id = self._form.category.category_id()
        point = self._form.location.point()
        if category_id is None or point is None:
            return None
        return category_id, round(point[0], 7), round(point[1], 7)

    def form_changed(self) -> None:
        if self.wanted() != self._key:
            self._timer.start()

    def again(self) -> None:
        """Look again even for the same category and place (cases changed)."""
        self._key = None
        self._timer.start()

    def reset(self) -> None:
        self._timer.stop()
        self._key = None
        self._form.duplicates.show_rows((), looked=False)

    def look(self) -> None:
        key = self.wanted()
        if key == self._key:
            return
        self._key = key
        if key is None:
            self._form.duplicates.show_rows((), looked=False)
            return
        category_id, lon, lat = key
        job = functools.partial(intake_lookup.duplicates, category_id=category_id, lon=lon, lat=lat)

        def found(rows: list[DuplicateRow]) -> None:
            if key == self._key:
                self._form.duplicates.show_rows(rows)

        self._worker.submit(reading(job), success=found, owner=self)
