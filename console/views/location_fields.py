"""Where the problem is: address, community, grid and WGS-84 coordinates.

Choosing a grid sets its community; choosing a community narrows the grids. Typed
coordinates are checked as they are typed and, once both parse, offered for lookup
(point_typed); the answer (show_located) fills community and grid. Without coordinates
the case is placed at a point inside the chosen grid (or community), shown greyed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit

from console.errors import KnownError
from console.services.intake_lookup import Place, PointPlace
from console.services.workflow import WorkflowInputError
from console.views.labels import fill
from console.views.search_combo import SearchCombo

LOCATE_DELAY_MS = 400
_PAIR = re.compile(r"^\s*([-+0-9.eE]+)\s*[,，;；\s]\s*([-+0-9.eE]+)\s*$")


def parse_coordinate(text: str, limit: float) -> float | None:
    """A finite number within ±limit, or None."""
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) and -limit <= value <= limit else None


class LocationFields(QObject):
    """The location widgets and their behaviour; the form places them in its grid."""

    changed = Signal()  # anything here was edited
    point_typed = Signal(float, float)  # valid coordinates, typed and settled
    accepted = Signal(object)  # Enter in one of the fields (the field): move on

    def __init__(self, language: str = "zh_CN", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._problem: KnownError | None = None
        self._located: PointPlace | None = None
        self._grids: tuple[Place, ...] = ()
        self._typing = ""  # what Enter would take in the combo being typed in
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.community = SearchCombo()
        self.community.setObjectName("community")
        self.grid = SearchCombo()
        self.grid.setObjectName("grid")
        self.lon = QLineEdit()
        self.lon.setObjectName("lon")
        self.lat = QLineEdit()
        self.lat.setObjectName("lat")
        self.hint = QLabel()
        self.hint.setObjectName("location_hint")
        self.hint.setWordWrap(True)
        self.address_label, self.community_label, self.grid_label = QLabel(), QLabel(), QLabel()
        self.lon_label, self.lat_label = QLabel(), QLabel()
        self._locate_timer = QTimer(self)
        self._locate_timer.setSingleShot(True)
        self._locate_timer.setInterval(LOCATE_DELAY_MS)
        self._locate_timer.timeout.connect(self._offer_point)

        self.address.textEdited.connect(self.changed)
        self.community.narrowed.connect(self._narrowed)
        self.grid.narrowed.connect(self._narrowed)
        self.community.chosen.connect(self._community_chosen)
        self.grid.chosen.connect(self._grid_chosen)
        for edit in (self.lon, self.lat):
            edit.textEdited.connect(self._coordinates_edited)
            edit.returnPressed.connect(self._offer_point)
        self.address.returnPressed.connect(lambda: self.accepted.emit(self.address))
        self.community.accepted.connect(lambda: self.accepted.emit(self.community))
        self.grid.accepted.connect(lambda: self.accepted.emit(self.grid))
        self.lon.returnPressed.connect(lambda: self.accepted.emit(self.lon))
        self.lat.returnPressed.connect(lambda: self.accepted.emit(self.lat))
        self.retranslate()

    def place_in(self, layout: QGridLayout, row: int) -> int:
        """Lay the fields out as rows of (label, field, label, field); the next free row."""
        rows = (
            ((self.address_label, self.address, 3),),
            ((self.community_label, self.community, 1), (self.grid_label, self.grid, 1)),
            ((self.lon_label, self.lon, 1), (self.lat_label, self.lat, 1)),
        )
        for offset, pairs in enumerate(rows):
            for col, (label, field, span) in enumerate(pairs):
                label.setBuddy(field)
                layout.addWidget(label, row + offset, col * 2)
                layout.addWidget(field, row + offset, col * 2 + 1, 1, span)
        layout.addWidget(self.hint, row + len(rows), 1, 1, 3)
        return row + len(rows) + 1

    # -- data ----------------------------------------------------------------------------

    def set_places(self, communities: Sequence[Place], grids: Sequence[Place]) -> None:
        self._grids = tuple(grids)
        self.community.set_places(communities)
        self._narrow_grids()

    def typed_point(self) -> tuple[float, float] | None:
        lon = parse_coordinate(self.lon.text(), 180)
        lat = parse_coordinate(self.lat.text(), 90)
        return (lon, lat) if lon is not None and lat is not None else None

    def point(self) -> tuple[float, float] | None:
        """Typed coordinates, else a point inside the chosen grid, else the community."""
        typed = self.typed_point()
        if typed is not None:
            return typed
        for place in (self.grid.choice(), self.community.choice()):
            if place is not None and place.lon is not None and place.lat is not None:
                return place.lon, place.lat
        return None

    def coordinates_typed(self) -> bool:
        return bool(self.lon.text().strip() or self.lat.text().strip())

    def place_ids(self) -> tuple[int | None, int | None]:
        community, grid = self.community.choice(), self.grid.choice()
        return (community.id if community else None, grid.id if grid else None)

    def restore(
        self, address: str, community_id: int | None, grid_id: int | None, lon: str, lat: str
    ) -> None:
        self.address.setText(address)
        self.lon.setText(lon)
        self.lat.setText(lat)
        self.restore_places(community_id, grid_id)

    def restore_places(self, community_id: int | None, grid_id: int | None) -> None:
        self.community.choose(community_id)
        self._narrow_grids()
        self.grid.choose(grid_id)
        self._check_coordinates()

    def clear(self) -> None:
        self._locate_timer.stop()
        self._located = None
        self.restore("", None, None, "", "")

    def show_located(self, place: PointPlace) -> None:
        """The lookup's answer for typed coordinates (ignored if they changed since)."""
        if self.typed_point() != (place.lon, place.lat):
            return
        self._located = place
        self._problem = place.problem
        if place.problem is None:
            if place.community_id is not None:
                self.community.choose(place.community_id)
                self._narrow_grids()
            self.grid.choose(place.grid_id)
        self._show_hint()
        self.changed.emit()

    # -- behaviour -----------------------------------------------------------------------

    def _community_chosen(self, place: Place | None) -> None:
        self._narrow_grids()
        self._show_hint()
        self.changed.emit()

    def _grid_chosen(self, place: Place | None) -> None:
        community = self.community.choice()
        if place is not None and (community is None or community.id != place.community_id):
            self.community.choose(place.community_id)
            self._narrow_grids()
        self._show_hint()
        self.changed.emit()

    def _narrowed(self, text: str, matches: list[Place]) -> None:
        if not text:
            self._typing = ""
        elif matches:
            self._typing = fill(
                self.tr("Enter takes %1 (%2 matching)"), matches[0].name, str(len(matches))
            )
        else:
            self._typing = fill(self.tr("Nothing matches “%1”"), text)
        self._show_hint()

    def _narrow_grids(self) -> None:
        community = self.community.choice()
        grids = [g for g in self._grids if community is None or g.community_id == community.id]
        self.grid.set_places(grids)

    def _coordinates_edited(self, _text: str) -> None:
        pair = _PAIR.match(self.lon.text())
        if pair and not self.lat.text().strip():  # "116.21, 39.93" typed or pasted in one
            self.lon.setText(pair.group(1))
            self.lat.setText(pair.group(2))
            if self.lon.hasFocus():  # typing goes on in the latitude
                self.lat.setFocus()
                self.lat.end(False)
        self._located = None
        self._check_coordinates()
        self._locate_timer.start()
        self.changed.emit()

    def put_point(self, lon: float, lat: float) -> None:
        """A point picked on the map: fill in the coordinates and look up its places now."""
        self.lon.setText(_fmt((lon, lat))[0])
        self.lat.setText(_fmt((lon, lat))[1])
        self._located = None
        self._check_coordinates()
        self.changed.emit()
        self._offer_point()

    def _check_coordinates(self) -> None:
        lon, lat = self.lon.text().strip(), self.lat.text().strip()
        bad = (lon and parse_coordinate(lon, 180) is None) or (
            lat and parse_coordinate(lat, 90) is None
        )
        self._problem = (
            WorkflowInputError("workflow.intake.bad_coordinates", lon=lon or "-", lat=lat or "-")
            if bad
            else None
        )
        self._show_hint()

    def _offer_point(self) -> None:
        self._locate_timer.stop()
        point = self.typed_point()
        if point is not None and self._located is None:
            self.point_typed.emit(point[0], point[1])

    # -- texts ---------------------------------------------------------------------------

    def _show_hint(self) -> None:
        if self._problem is not None:
            self.hint.setStyleSheet("color: #c62828;")
            self.hint.setText(self._problem.message(self.language))
            return
        self.hint.setStyleSheet("color: #555555;")
        point = self.point()
        if self._typing:
            self.hint.setText(self._typing)
        elif self.typed_point() is None and point is not None:
            text = fill(self.tr("Placed inside the chosen area: %1, %2"), *_fmt(point))
            self.hint.setText(text)
        elif self._located is not None and self._located.grid_id is None:
            self.hint.setText(self.tr("The point is in no grid; choose one if you know it."))
        else:
            self.hint.clear()
        derived = _fmt(point) if point is not None and self.typed_point() is None else None
        for edit, value in zip((self.lon, self.lat), derived or ("", ""), strict=True):
            edit.setPlaceholderText(value or self.tr("WGS-84 degrees"))

    def retranslate(self) -> None:
        self.address_label.setText(self.tr("&Address"))
        self.community_label.setText(self.tr("Communit&y"))
        self.grid_label.setText(self.tr("&Grid"))
        self.lon_label.setText(self.tr("&Longitude"))
        self.lat_label.setText(self.tr("Lat&itude"))
        self.address.setPlaceholderText(self.tr("Street, number, landmark"))
        self.community.line.setPlaceholderText(self.tr("Name or pinyin initials"))
        self.grid.line.setPlaceholderText(self.tr("Name, number or pinyin initials"))
        self._show_hint()


def _fmt(point: tuple[float, float]) -> tuple[str, str]:
    return f"{point[0]:.6f}", f"{point[1]:.6f}"
