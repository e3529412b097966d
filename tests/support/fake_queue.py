"""An in-memory stand-in for console.services.queue that records every read.

Either a list of rows (filtered by tab, text and urgency, sorted by the service's keys)
or a synthetic queue of any size whose rows are made from their index on demand, so a
million-row queue costs no memory. Calls arrive on the worker thread; list.append is
atomic, and tests read the record after waiting for the model.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session

from console.services.queue import TABS, QueueFilter, QueueRow

NOW = dt.datetime(2026, 11, 28, 8, 0, tzinfo=dt.UTC)
TAB_STATES = {
    "to_verify": ("to_verify",),
    "to_open": ("to_open",),
    "to_dispatch": ("opened",),
    "in_handling": ("dispatched", "in_handling"),
    "to_check": ("to_check",),
    "to_close": ("to_close",),
}
SORT_VALUES: dict[str, Callable[[QueueRow], Any]] = {
    "reported_at": lambda r: r.reported_at,
    "due_at": lambda r: r.due_at or dt.datetime.max.replace(tzinfo=dt.UTC),
    "number": lambda r: r.number,
    "state": lambda r: r.state,
    "urgency": lambda r: r.urgency,
    "category": lambda r: r.category_code,
    "community": lambda r: r.community_name or "",
}


def make_row(index: int, **changes: Any) -> QueueRow:
    """Row number index of a plausible queue: newest first, ids from 1."""
    row = QueueRow(
        id=index + 1,
        number=f"BJ{index:08d}",
        state="in_handling",
        urgency="urgent" if index % 7 == 0 else "normal",
        category_code="0102",
        category_name="暴露垃圾",
        community_name=f"社区{index % 10}",
        grid_code=f"110107003{index % 300:06d}",
        address=f"八角北路{index % 90 + 1}号",
        description=f"第{index}号案卷：路边垃圾",
        reported_at=NOW - dt.timedelta(minutes=index),
        due_at=NOW + dt.timedelta(hours=2),
        supervised=index % 11 == 0,
        escalation_level=0,
        rework_count=1 if index % 5 == 0 else 0,
        pending_request=None,
        unit_name="环卫所",
        version=1,
    )
    return replace(row, **changes) if changes else row


@dataclass
class FakeQueue:
    rows: list[QueueRow] = field(default_factory=list)
    synthetic: int | None = None  # a generated queue of this many rows ("all" tab only)
    delay_s: float = 0.0  # each page read takes this long (a slow server)
    pages: list[tuple[QueueFilter, str, bool, int, int]] = field(default_factory=list)
    counts: list[QueueFilter] = field(default_factory=list)
    tab_reads: int = 0
    gate: threading.Event | None = None  # page reads wait until it is set
    count_gate: threading.Event | None = None  # counts wait until it is set

    def tab_counts(self, session: Session, *, now: dt.datetime) -> dict[str, int]:
        self.tab_reads += 1
        return {tab: self._size(QueueFilter(tab=tab), now) for tab in TABS}

    def count(self, session: Session, f: QueueFilter, *, now: dt.datetime) -> int:
        self.counts.append(f)
        if self.count_gate is not None:
            self.count_gate.wait(10)
        return self._size(f, now)

    def page(
        self,
        session: Session,
        f: QueueFilter,
        *,
        now: dt.datetime,
        sort: str = "reported_at",
        descending: bool = True,
        offset: int = 0,
        limit: int = 100,
    ) -> list[QueueRow]:
        self.pages.append((f, sort, descending, offset, limit))
        if self.gate is not None:
            self.gate.wait(10)
        if self.delay_s:
            threading.Event().wait(self.delay_s)
        if self.synthetic is not None:
            end = min(offset + limit, self.synthetic)
            indexes = range(offset, end)
            if not descending:
                indexes = range(self.synthetic - 1 - offset, self.synthetic - 1 - end, -1)
            return [make_row(i) for i in indexes]
        chosen = sorted(self._matching(f, now), key=SORT_VALUES[sort], reverse=descending)
        return chosen[offset : offset + limit]

    def row(self, session: Session, case_id: int, *, now: dt.datetime) -> QueueRow | None:
        return next((r for r in self.rows if r.id == case_id), None)

    def page_offsets(self) -> list[int]:
        return [offset for _f, _s, _d, offset, _l in self.pages]

    def _size(self, f: QueueFilter, now: dt.datetime) -> int:
        if self.synthetic is not None:
            return self.synthetic if f.tab == "all" and not f.text else 0
        return len(self._matching(f, now))

    def _matching(self, f: QueueFilter, now: dt.datetime) -> list[QueueRow]:
        def fits(r: QueueRow) -> bool:
            if f.tab in TAB_STATES and r.state not in TAB_STATES[f.tab]:
                return False
            if f.tab == "overdue" and (r.due_at is None or r.due_at >= now):
                return False
            if f.tab == "supervised" and not r.supervised:
                return False
            if f.urgency and r.urgency != f.urgency:
                return False
            text = f.text
            return not text or any(text in s for s in (r.number, r.address, r.description))

        return [r for r in self.rows if fits(r)]


class RecordingQueue:
    """The real queue service, with a record of the pages and counts read through it."""

    def __init__(self, service: Any) -> None:
        self._service = service
        self.offsets: list[int] = []
        self.counts: list[QueueFilter] = []

    def tab_counts(self, session: Session, *, now: dt.datetime) -> dict[str, int]:
        return dict(self._service.tab_counts(session, now=now))

    def count(self, session: Session, f: QueueFilter, *, now: dt.datetime) -> int:
        self.counts.append(f)
        return int(self._service.count(session, f, now=now))

    def page(
        self, session: Session, f: QueueFilter, *, now: dt.datetime, **kw: Any
    ) -> list[QueueRow]:
        self.offsets.append(kw.get("offset", 0))
        return list(self._service.page(session, f, now=now, **kw))
