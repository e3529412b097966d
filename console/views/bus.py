"""Signal hubs the panes share, so no pane reaches into another (or into the window).

ChangeBus: what changed in the database, from this workstation or any other; the live
feed (console/live.py) emits into it on the GUI thread, and panes refresh only what
concerns them. CaseSelection: the case the operator is looking at, whoever picked it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from console.services.feed import Change


class ChangeBus(QObject):
    # list[Change], in seq order; one emission per batch read from the feed.
    changed = Signal(object)
    # Case ids touched by a batch (created, updated or bulk ranges expanded when small).
    cases_changed = Signal(object)
    # False while the database cannot be reached; True again after catching up.
    connection_changed = Signal(bool)
    # A new urgent case arrived (case id): panes and the window may raise an alert.
    urgent_case = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.online = True

    def publish(self, changes: Sequence[Change]) -> None:
        if not changes:
            return
        self.changed.emit(list(changes))
        ids: set[int] = set()
        for change in changes:
            if change.entity != "case":
                continue
            if change.kind == "bulk" and len(change.ids) == 2:
                first, last = int(change.ids[0]), int(change.ids[1])
                if last - first < 1000:
                    ids.update(range(first, last + 1))
                continue
            ids.update(int(i) for i in change.ids)
        if ids or any(c.entity == "case" for c in changes):
            self.cases_changed.emit(sorted(ids))

    def set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.connection_changed.emit(online)


class CaseSelection(QObject):
    """The selected case; emitting the same id again is ignored."""

    selected = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case_id: int | None = None

    def select(self, case_id: int) -> None:
        if case_id != self.case_id:
            self.case_id = case_id
            self.selected.emit(case_id)


class PaneRequests(QObject):
    """Requests one pane makes of another, without knowing which pane answers.

    show_cameras: camera ids for the video wall (the map's right-click, a case's
    nearby cameras). map_point_picked: a WGS-84 point clicked on the map (lon, lat), for
    the intake form. new_case_prefill: a dict of intake fields (lon, lat, description,
    attachment paths, camera_id ...) to start a new case with, e.g. from a snapshot.
    show_on_map: (entity, id) for the map to centre on, e.g. ("camera", 7).
    """

    show_cameras = Signal(object)
    map_point_picked = Signal(float, float)
    new_case_prefill = Signal(object)
    show_on_map = Signal(str, int)
