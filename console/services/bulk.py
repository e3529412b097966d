"""Bulk inserts for large loads (demo data, ledger imports, benchmarks).

Rows go through SQLAlchemy Core executemany in batches, so column types (UTC datetimes,
JSON) are handled exactly as for single rows, without building ORM objects. A bulk load
is one change-feed row ('bulk', [first_id, last_id]), not one per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from console.models import Case
from console.services import feed

BATCH_SIZE = 10_000


def batched(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def insert_rows(
    session: Session,
    table: Table,
    rows: Iterable[dict[str, Any]],
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Insert rows into table in batches inside the caller's transaction; return the count."""
    count = 0
    statement = insert(table)
    for batch in batched(rows, batch_size):
        session.execute(statement, batch)
        count += len(batch)
        if progress is not None:
            progress(count)
    return count


def insert_cases(
    session: Session,
    rows: Iterable[dict[str, Any]],
    *,
    workstation: str = "",
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> tuple[int, int, int]:
    """Insert case rows; return (count, first_id, last_id) and record one feed row."""
    table = Case.__table__
    assert isinstance(table, Table)
    before = session.scalar(select(func.coalesce(func.max(Case.id), 0))) or 0
    count = insert_rows(session, table, rows, batch_size=batch_size, progress=progress)
    after = session.scalar(select(func.coalesce(func.max(Case.id), 0))) or 0
    if count:
        feed.record(session, "case", [before + 1, after], "bulk", workstation=workstation)
    return count, before + 1, after
