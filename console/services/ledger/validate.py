"""Checking ledger rows one by one, collecting every problem with its row number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from console.services.ledger import columns as C
from console.services.ledger.cells import BadCell, local_time, number, show_time, text
from console.services.ledger.geo import in_china
from console.services.ledger.record import LedgerRecord
from console.services.ledger.reference import Index, NotFound, Reference
from console.services.ledger.report import RowProblem

# Clocks of other machines drift; a few minutes ahead is not "in the future".
FUTURE_SLACK = dt.timedelta(minutes=5)
_SOURCE_CHOICES = "、".join(C.SOURCE_LABELS.values())
_STATE_CHOICES = "、".join(C.STATE_LABELS.values())
_TIME_HEADERS = tuple(header for header, _field in C.STAGE_TIMES)
_EMPTY = Index()


class _Row:
    """The checks of one row; problems go to the shared list, .bad tells if any."""

    def __init__(self, row: int, cells: Mapping[str, Any], out: list[RowProblem]) -> None:
        self.row = row
        self.cells = cells
        self.out = out
        self.bad = False

    def fail(self, header: str, code: str, /, **params: Any) -> None:
        self.bad = True
        self.out.append(RowProblem(self.row, header, code, params))

    def text(self, column: str, limit: int = 0, required: bool = False) -> str:
        value = text(self.cells.get(column))
        if required and not value:
            self.fail(column, "ledger.required")
        elif limit and len(value) > limit:
            self.fail(column, "ledger.too_long", max=limit, length=len(value))
        return value

    def find(self, column: str, index: Index, unknown: str, pad: int = 0) -> int | None:
        value = self.text(column)
        if not value:
            return None
        try:
            return index.find(value, pad)
        except NotFound as missing:
            code = "ledger.ambiguous" if missing.kind == "ambiguous" else unknown
            self.fail(column, code, value=value)
            return None


class RowValidator:
    def __init__(self, reference: Reference, *, now: dt.datetime) -> None:
        self.ref = reference
        self.tz = reference.tz
        self.latest = now + FUTURE_SLACK
        self.problems: list[RowProblem] = []
        self.first_row_of: dict[str, int] = {}

    def validate(self, row: int, cells: Mapping[str, Any]) -> LedgerRecord | None:
        """The row as a record, or None after adding its problems to self.problems."""
        r = _Row(row, cells, self.problems)
        number_ = self._number(r)
        source = self._code(r, C.SOURCE, C.source_code, "ledger.unknown_source", _SOURCE_CHOICES)
        category_id = self._category(r)
        address = r.text(C.ADDRESS, C.MAX_ADDRESS)
        lon, lat = self._point(r)
        community_id, grid_id = self._area(r)
        description = r.text(C.DESCRIPTION, C.MAX_DESCRIPTION, required=True)
        state = self._code(r, C.STATE, C.state_code, "ledger.unknown_state", _STATE_CHOICES)
        unit_id = r.find(C.UNIT, self.ref.units, "ledger.unknown_unit")
        times = self._times(r)
        if state is not None:
            self._state_times(r, state, times)
        reported_at = times.get(C.REPORTED)
        if r.bad or reported_at is None or source is None or state is None:
            return None
        assert category_id is not None
        return LedgerRecord(
            number=number_,
            reported_at=reported_at,
            source=source,
            category_id=category_id,
            address=address,
            lon=lon,
            lat=lat,
            community_id=community_id,
            grid_id=grid_id,
            description=description,
            state=state,
            unit_id=unit_id,
            opened_at=times.get(C.OPENED),
            dispatched_at=times.get(C.DISPATCHED),
            handled_at=times.get(C.HANDLED),
            closed_at=times.get(C.CLOSED),
        )

    def _number(self, r: _Row) -> str:
        value = r.text(C.NUMBER, C.MAX_NUMBER, required=True)
        if value and len(value) <= C.MAX_NUMBER:
            first = self.first_row_of.setdefault(value, r.row)
            if first != r.row:
                r.fail(C.NUMBER, "ledger.duplicate_number", value=value, first_row=first)
        return value

    @staticmethod
    def _code(r: _Row, column: str, lookup: Any, unknown: str, choices: str) -> str | None:
        value = r.text(column, required=True)
        if not value:
            return None
        code: str | None = lookup(value)
        if code is None:
            r.fail(column, unknown, value=value, choices=choices)
        return code

    def _category(self, r: _Row) -> int | None:
        ref = self.ref
        class_text, sub_text = r.text(C.CLASS), r.text(C.SUBCLASS)
        if not class_text and not sub_text:
            r.fail(C.CLASS, "ledger.category_required")
            return None
        class_id = r.find(C.CLASS, ref.classes, "ledger.unknown_class", pad=2)
        if not sub_text:
            return class_id
        if class_text and class_id is None:
            return None  # already reported; the subclass cannot be placed
        if class_id is None:
            return r.find(C.SUBCLASS, ref.subclasses, "ledger.unknown_subclass", pad=4)
        try:
            return ref.subclasses_of.get(class_id, _EMPTY).find(sub_text, 4)
        except NotFound as missing:
            if missing.kind == "ambiguous":
                r.fail(C.SUBCLASS, "ledger.ambiguous", value=sub_text)
                return None
        elsewhere = r.find(C.SUBCLASS, ref.subclasses, "ledger.unknown_subclass", pad=4)
        if elsewhere is not None:
            parent = ref.parent_of[elsewhere]
            assert parent is not None
            r.fail(
                C.SUBCLASS,
                "ledger.class_mismatch",
                subclass=sub_text,
                value=class_text,
                parent=ref.classes.label(parent),
            )
        return None

    def _point(self, r: _Row) -> tuple[float | None, float | None]:
        coords: dict[str, float | None] = {}
        for column in (C.LON, C.LAT):
            try:
                coords[column] = number(r.cells.get(column))
            except BadCell as bad:
                r.fail(column, bad.code, **bad.params)
                return None, None
        lon, lat = coords[C.LON], coords[C.LAT]
        if lon is None or lat is None:
            if lon is not None or lat is not None:
                r.fail(C.LON if lon is None else C.LAT, "ledger.coord_pair")
            return None, None
        if not in_china(lon, lat):
            r.fail(C.LON, "ledger.outside_china", lon=lon, lat=lat)
        elif self.ref.extent is not None and not self.ref.extent.contains(lon, lat):
            r.fail(C.LON, "ledger.outside_street", lon=lon, lat=lat)
        return lon, lat

    def _area(self, r: _Row) -> tuple[int | None, int | None]:
        ref = self.ref
        community_id = r.find(C.COMMUNITY, ref.communities, "ledger.unknown_community")
        grid_id = r.find(C.GRID, ref.grids, "ledger.unknown_grid")
        if grid_id is None:
            return community_id, None
        owner = ref.grid_community[grid_id]
        if community_id is None and not r.text(C.COMMUNITY):
            return owner, grid_id  # the grid says which community
        if community_id is not None and owner != community_id:
            r.fail(
                C.GRID, "ledger.grid_community", value=r.text(C.GRID), community=r.text(C.COMMUNITY)
            )
        return community_id, grid_id

    def _times(self, r: _Row) -> dict[str, dt.datetime]:
        times: dict[str, dt.datetime] = {}
        unreadable = False
        for column in _TIME_HEADERS:
            try:
                value = local_time(r.cells.get(column), self.tz)
            except BadCell as bad:
                r.fail(column, bad.code, **bad.params)
                unreadable = True
                continue
            if value is None:
                if column == C.REPORTED:
                    r.fail(column, "ledger.required")
                continue
            times[column] = value
            if value > self.latest:
                r.fail(column, "ledger.future_time", value=show_time(value, self.tz))
        if not unreadable:
            self._order(r, times)
        return times

    def _order(self, r: _Row, times: Mapping[str, dt.datetime]) -> None:
        """Each stage time must not precede the latest earlier stage time."""
        latest: tuple[str, dt.datetime] | None = None
        for column in _TIME_HEADERS:
            value = times.get(column)
            if value is None:
                continue
            if latest is not None and value < latest[1]:
                r.fail(
                    column,
                    "ledger.time_order",
                    value=show_time(value, self.tz),
                    earlier=latest[0],
                    earlier_value=show_time(latest[1], self.tz),
                )
            else:
                latest = (column, value)

    @staticmethod
    def _state_times(r: _Row, state: str, times: Mapping[str, dt.datetime]) -> None:
        label = C.STATE_LABELS[state]
        needed = C.STATE_NEEDS.get(state)
        if needed is not None and needed not in times and not text(r.cells.get(needed)):
            r.fail(C.STATE, "ledger.state_needs_time", state=label, needed=needed)
        if state in C.PRE_OPEN_STATES:
            later = [h for h in _TIME_HEADERS[1:] if h in times]
        elif state not in C.MAY_HAVE_CLOSED:
            later = [C.CLOSED] if C.CLOSED in times else []
        else:
            later = []
        for column in later:
            r.fail(C.STATE, "ledger.state_forbids_time", state=label, column=column)
