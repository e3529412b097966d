"""The operator queue's data: tab counts, filtered and sorted pages, single rows.

Views call these on the database worker thread. Filtering, sorting and paging happen in
SQL; ties are broken by id in the sort's direction, so offset paging is stable. A page
is one statement in two steps: the page's ids (filters, sort, OFFSET/LIMIT over
case_file and its indexes only, so skipped rows are never read from the table), then
those rows joined to their category, community, grid and unit.

Tabs: to_verify, to_open, to_dispatch (state opened), in_handling (dispatched and
in_handling), to_check, to_close; overdue (open and past the current stage's due time);
supervised (flagged, and not closed, archived, merged or not opened); all (every case
but the merged ones).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Select, bindparam, func, select
from sqlalchemy.orm import Session

from console.models import Case, Category, Community, Grid, ResponsibleUnit
from console.services import queue_sql as q
from console.services.textmatch import (
    DRIVE,
    IDS_PARAM,
    LISTED,
    WALK,
    TextQuery,
    matching_ids,
)

TABS = (
    "to_verify",
    "to_open",
    "to_dispatch",
    "in_handling",
    "to_check",
    "to_close",
    "overdue",
    "supervised",
    "all",
)
SORT_KEYS = tuple(q.SORTS)
DESCRIPTION_CHARS = 80
# SQLite, a page with indexed text terms: up to this many matches are read first and
# listed by id (looking each up and sorting costs about 2 us a match, 5 ms here); with
# more, the page walks an index in its sort order and tests each row against the
# matches instead (it stops after a page, but reads the matches once more).
LISTED_MATCHES = 2500


@dataclass(frozen=True)
class QueueFilter:
    tab: str = "all"
    text: str = ""
    community_id: int | None = None
    category_id: int | None = None  # a class includes its subclasses
    unit_id: int | None = None
    urgency: str | None = None
    reported_from: dt.datetime | None = None  # inclusive
    reported_to: dt.datetime | None = None  # exclusive

    def __post_init__(self) -> None:
        if self.tab not in TABS:
            raise ValueError(f"unknown queue tab {self.tab!r}")
        for moment in (self.reported_from, self.reported_to):
            if moment is not None and moment.tzinfo is None:
                raise ValueError("naive datetime refused: give a time zone")

    @property
    def narrowed(self) -> bool:
        """Filtered by anything but the tab and the text."""
        return any(
            value is not None
            for value in (
                self.community_id,
                self.category_id,
                self.unit_id,
                self.urgency,
                self.reported_from,
                self.reported_to,
            )
        )


@dataclass(frozen=True)
class QueueRow:
    id: int
    number: str
    state: str
    urgency: str
    category_code: str
    category_name: str
    community_name: str | None
    grid_code: str | None
    address: str
    description: str  # the first 80 characters
    reported_at: dt.datetime
    due_at: dt.datetime | None  # the current stage's due time
    supervised: bool
    escalation_level: int
    rework_count: int
    pending_request: str | None
    unit_name: str | None
    version: int


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _text_rows(
    session: Session, f: QueueFilter, text: TextQuery, sort: str | None
) -> tuple[str, list[int] | None]:
    """SQLite: how a page finds the rows of the indexed terms (see LISTED_MATCHES)."""
    if sort is None or _dialect(session) != "sqlite" or not text.indexed:
        return DRIVE, None
    ids = matching_ids(session, text, below=LISTED_MATCHES)
    if ids is not None:
        return LISTED, ids
    # Many matches: walk, unless nothing else can narrow the rows or keep their order.
    if f.tab == "all" and sort not in q.INDEX_ORDERED and not f.narrowed:
        return DRIVE, None
    return WALK, None


def _bind(
    session: Session, f: QueueFilter, now: dt.datetime, sort: str | None = None
) -> tuple[q.Shape, dict[str, Any]]:
    """The statement shape of a filter and the values of its bind parameters."""
    values: dict[str, Any] = {"now": now}
    for name in ("community_id", "unit_id", "urgency", "reported_from", "reported_to"):
        if getattr(f, name) is not None:
            values[name] = getattr(f, name)
    if f.category_id is not None:
        values["category_ids"] = q.category_ids(session, f.category_id)
    filters = frozenset(values) - {"now"}
    text = TextQuery.parse(f.text)
    if text is None:
        return q.Shape(f.tab, filters), values
    dialect = _dialect(session)
    values.update(text.parameters(dialect))
    rows, ids = _text_rows(session, f, text, sort)
    if ids is not None:
        values[IDS_PARAM] = ids
    return q.Shape(f.tab, filters, text.shape(dialect, rows)), values


def _rows(page: Any = None) -> Select[Any]:
    columns = (
        Case.id,
        Case.number,
        Case.state,
        Case.urgency,
        Category.code,
        Category.name_zh,
        Community.name,
        Grid.code,
        Case.address,
        func.substr(Case.description, 1, DESCRIPTION_CHARS),
        Case.reported_at,
        q.due_at(),
        Case.supervised,
        Case.escalation_level,
        Case.rework_count,
        Case.pending_request,
        ResponsibleUnit.name,
        Case.version,
    )
    statement = select(*columns)
    if page is not None:
        statement = statement.select_from(page).join(Case, Case.id == page.c.id)
    return (
        statement.join(Category, Category.id == Case.category_id)
        .outerjoin(Community, Community.id == Case.community_id)
        .outerjoin(Grid, Grid.id == Case.grid_id)
        .outerjoin(ResponsibleUnit, ResponsibleUnit.id == Case.unit_id)
    )


_ROW = _rows().where(Case.id == bindparam("case_id"))


def _queue_rows(rows: Sequence[Sequence[Any]]) -> list[QueueRow]:
    return [QueueRow(*values) for values in rows]


@functools.lru_cache(maxsize=256)
def _count_statement(shape: q.Shape) -> Select[Any]:
    return select(func.count()).select_from(Case).where(*q.conditions(shape))


@functools.lru_cache(maxsize=256)
def _page_statement(shape: q.Shape, sort: str, descending: bool) -> Select[Any]:
    key = q.SORTS[sort]
    order = key.order_by(descending)
    ids = select(Case.id)
    if key.join is Category:
        ids = ids.join(Category, Category.id == Case.category_id)
    elif key.join is Community:
        ids = ids.outerjoin(Community, Community.id == Case.community_id)
    ids = ids.where(*q.conditions(shape)).order_by(*order)
    # LIMIT and OFFSET inline: with them as parameters PostgreSQL's generic plan
    # (reused after 5 runs of a statement) costs out worse than planning each run, so
    # it plans every time; with the page known, a repeated page skips planning.
    offset = bindparam("offset", type_=Integer, literal_execute=True)
    limit = bindparam("limit", type_=Integer, literal_execute=True)
    page_ids = ids.offset(offset).limit(limit).subquery("page")
    return _rows(page_ids).order_by(*order)


_TAB_STATES = [state for states in q.STATE_TABS.values() for state in states]
_BY_STATE = (
    select(Case.state, func.count())
    .where(q.state_in((*_TAB_STATES, q.EXCLUDED_FROM_ALL)))
    .group_by(Case.state)
)
# count(*) of a whole table is a count of index pages on SQLite, not of rows.
_TOTAL = select(func.count()).select_from(Case).scalar_subquery()
_MERGED = select(func.count()).where(q.state_in((q.EXCLUDED_FROM_ALL,))).scalar_subquery()
_OTHER_COUNTS = select(
    _TOTAL,
    select(func.count()).where(q.overdue()).scalar_subquery(),
    select(func.count()).where(q.supervised()).scalar_subquery(),
)
_ALL = select(_TOTAL - _MERGED)


def tab_counts(session: Session, *, now: dt.datetime) -> dict[str, int]:
    """Every tab's count in two statements: the open states (and merged) grouped by
    state, then the table total, the overdue and the supervised counts."""
    conn = session.connection()
    by_state = {state: int(n) for state, n in conn.execute(_BY_STATE)}
    total, overdue, supervised = conn.execute(_OTHER_COUNTS, {"now": now}).one()
    counts = {tab: sum(by_state.get(s, 0) for s in states) for tab, states in q.STATE_TABS.items()}
    counts["overdue"] = int(overdue)
    counts["supervised"] = int(supervised)
    counts["all"] = int(total) - by_state.get(q.EXCLUDED_FROM_ALL, 0)
    return {tab: counts[tab] for tab in TABS}


def count(session: Session, f: QueueFilter, *, now: dt.datetime) -> int:
    if f == QueueFilter(tab="all"):
        return int(session.connection().execute(_ALL).scalar_one())
    shape, values = _bind(session, f, now)
    return int(session.connection().execute(_count_statement(shape), values).scalar_one())


def page(
    session: Session,
    f: QueueFilter,
    *,
    now: dt.datetime,
    sort: str = "reported_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
) -> list[QueueRow]:
    if sort not in q.SORTS:
        raise ValueError(f"unknown queue sort {sort!r}")
    if offset < 0 or limit < 0:
        raise ValueError("offset and limit must not be negative")
    if limit == 0:
        return []
    shape, values = _bind(session, f, now, sort)
    values.update(offset=offset, limit=limit)
    result = session.connection().execute(_page_statement(shape, sort, descending), values)
    return _queue_rows(result.all())


def row(session: Session, case_id: int, *, now: dt.datetime) -> QueueRow | None:
    """One case as the queue shows it, whatever its tab (e.g. after a change-feed event).

    now belongs to the queue's question like page()'s; the row itself does not depend
    on it (whether it is overdue is due_at < now).
    """
    rows = _queue_rows(session.connection().execute(_ROW, {"case_id": case_id}).all())
    return rows[0] if rows else None
