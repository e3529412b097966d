"""The queue model's reads, as jobs for the database worker (no Qt here).

A Query is one generation of the model's question (filter, order, the "now" of the
overdue test). Jobs check Demand first, on the worker, and skip a read whose filter was
replaced or whose page the view scrolled away from while the job waited in the queue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.orm import Session

from console.services.queue import QueueFilter, QueueRow
from console.services.workflow.core import local_zone
from console.store import Store


class QueueService(Protocol):
    """What the queue reads (console.services.queue; tests pass an instrumented one)."""

    def count(self, session: Session, f: QueueFilter, *, now: dt.datetime) -> int: ...

    def tab_counts(self, session: Session, *, now: dt.datetime) -> dict[str, int]: ...

    def page(
        self,
        session: Session,
        f: QueueFilter,
        *,
        now: dt.datetime,
        sort: str = ...,
        descending: bool = ...,
        offset: int = ...,
        limit: int = ...,
    ) -> list[QueueRow]: ...


@dataclass(frozen=True)
class Query:
    generation: int
    filter: QueueFilter
    sort: str
    descending: bool
    now: dt.datetime


@dataclass
class Answer:
    generation: int
    kind: str  # first | count | refresh | page
    pages: dict[int, list[QueueRow]] = field(default_factory=dict)
    count: int | None = None  # None: not counted in this job
    zone: dt.tzinfo | None = None
    failed: bool = False
    skipped: bool = False  # a newer filter came before the worker got to it


class Demand:
    """What the view needs now, read by jobs on the worker before they query.

    Attributes are replaced whole, so the worker thread never sees half an update.
    """

    def __init__(self) -> None:
        self.generation = 0
        self.window: tuple[int, int] | None = None  # first and last page on screen

    def wants(self, generation: int, page: int | None = None) -> bool:
        if generation != self.generation:
            return False
        window = self.window
        if page is None or window is None:
            return True
        first, last = window
        return first - 1 <= page <= last + 1


def _read(
    service: QueueService, session: Session, query: Query, page: int, size: int
) -> list[QueueRow]:
    return service.page(
        session,
        query.filter,
        now=query.now,
        sort=query.sort,
        descending=query.descending,
        offset=page * size,
        limit=size,
    )


def page_job(
    service: QueueService, query: Query, page: int, size: int, demand: Demand
) -> Callable[[Store], Answer | None]:
    """One page; None when the view no longer shows it."""

    def job(store: Store) -> Answer | None:
        if not demand.wants(query.generation, page):
            return None
        with store.read() as session:
            return Answer(
                query.generation, "page", {page: _read(service, session, query, page, size)}
            )

    job.__qualname__ = "queue page"
    return job


def answer_job(
    service: QueueService,
    query: Query,
    kind: str,
    *,
    pages: list[int],
    size: int,
    need_zone: bool,
    first_rows: list[int],
    demand: Demand,
) -> Callable[[Store], Answer]:
    """One read session. kind "first": page 0 of a new generation (its length goes into
    first_rows for the job after it); "count": right after "first", with no SQL count when
    page 0 was short; "refresh": the count and the given pages."""

    def job(store: Store) -> Answer:
        if not demand.wants(query.generation):
            return Answer(query.generation, kind, skipped=True)
        with store.read() as session:
            answer = Answer(query.generation, kind)
            if need_zone:
                answer.zone = local_zone(session)
            if kind == "first":
                answer.pages[0] = _read(service, session, query, 0, size)
                first_rows[:] = [len(answer.pages[0])]
                return answer
            for page in pages:
                answer.pages[page] = _read(service, session, query, page, size)
            if kind == "count" and first_rows and first_rows[0] < size:
                answer.count = first_rows[0]
            else:
                answer.count = service.count(session, query.filter, now=query.now)
            return answer

    job.__qualname__ = f"queue {kind}"
    return job
