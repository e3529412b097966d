"""Writing validated records: bulk inserts in batches, ids allocated up front."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import JSON, BigInteger, String, Table, Text, func, insert, literal, select, text
from sqlalchemy import cast as cast_
from sqlalchemy.orm import Session

from console.models import Case, CaseEvent
from console.services import bulk
from console.services.actor import Actor
from console.services.ledger.progress import Progress
from console.services.ledger.record import LedgerRecord

BATCH = 10_000
EVENT_ACTION = "import"
_NEXT_IDS = text(
    "SELECT nextval(pg_get_serial_sequence('case_file', 'id')) FROM generate_series(1, :n)"
)
_CASES = cast(Table, Case.__table__)
_EVENTS = cast(Table, CaseEvent.__table__)
# What an imported case starts with besides its ledger columns. Columns left out
# (verified_at, due times, callback, merged_into_id, ...) stay NULL; leaving them out
# rather than binding None saves a type conversion per value on large imports.
_STARTING = {
    "urgency": "normal",
    "reporter_name": "",
    "reporter_phone": "",
    "self_handled": False,
    "escalation_level": 0,
    "supervised": False,
    "rework_count": 0,
    "extension_count": 0,
    "return_count": 0,
    "version": 1,
}
_STAGES = (
    (Case.reported_at, "reported"),
    (Case.opened_at, "opened"),
    (Case.dispatched_at, "dispatched"),
    (Case.handled_at, "handled"),
    (Case.closed_at, "closed"),
)
_EVENT_COLUMNS = ["case_id", "at", "user_id", "actor", "role", "action", "note", "data"]


def allocate_case_ids(session: Session, count: int) -> list[int]:
    """count fresh case ids, ascending.

    SQLite: the write transaction (BEGIN IMMEDIATE) excludes other writers, so the ids
    after the current maximum are free. PostgreSQL: taken from the table's sequence, so
    concurrent inserts elsewhere never collide (the ids may then have gaps).
    """
    if count == 0:
        return []
    if session.get_bind().dialect.name == "sqlite":
        start = int(session.scalar(select(func.coalesce(func.max(Case.id), 0))) or 0) + 1
        return list(range(start, start + count))
    ids = session.scalars(_NEXT_IDS, {"n": count}).all()
    return sorted(int(i) for i in ids)


def _case_row(ident: int, record: LedgerRecord, actor: Actor, now: dt.datetime) -> dict[str, Any]:
    return {
        **_STARTING,
        "id": ident,
        "number": record.number,
        "source": record.source,
        "category_id": record.category_id,
        "lon": record.lon,
        "lat": record.lat,
        "address": record.address,
        "community_id": record.community_id,
        "grid_id": record.grid_id,
        "description": record.description,
        "state": record.state,
        "unit_id": record.unit_id,
        "reported_at": record.reported_at,
        "opened_at": record.opened_at,
        "dispatched_at": record.dispatched_at,
        "handled_at": record.handled_at,
        "closed_at": record.closed_at,
        "updated_at": now,
        "updated_by_id": actor.user_id,
    }


def _add_events(
    session: Session, ids: Sequence[int], *, actor: Actor, role: str, note: str
) -> None:
    """One timeline row per stage time of the new cases, copied in SQL (INSERT ... SELECT)."""
    user_id = cast_(literal(actor.user_id), BigInteger)  # typed even when NULL
    # A contiguous range (always on SQLite) needs no list of thousands of parameters.
    contiguous = ids[-1] - ids[0] + 1 == len(ids)
    chosen = Case.id.between(ids[0], ids[-1]) if contiguous else Case.id.in_(ids)
    for column, stage in _STAGES:
        source = select(
            Case.id,
            column,
            user_id,
            literal(actor.username, String),
            literal(role, String),
            literal(EVENT_ACTION, String),
            literal(note, Text),
            literal({"stage": stage}, JSON),
        ).where(chosen, column.is_not(None))
        session.execute(insert(_EVENTS).from_select(_EVENT_COLUMNS, source))


def insert_records(
    session: Session,
    records: Sequence[LedgerRecord],
    *,
    actor: Actor,
    role: str,
    note: str,
    progress: Progress,
    now: dt.datetime,
) -> list[int]:
    """Insert the cases and one timeline event per stage time; returns their ids."""
    ids = allocate_case_ids(session, len(records))
    progress.start("insert", len(records))
    for start in range(0, len(records), BATCH):
        chunk = records[start : start + BATCH]
        chunk_ids = ids[start : start + BATCH]
        rows = [_case_row(i, r, actor, now) for i, r in zip(chunk_ids, chunk, strict=True)]
        bulk.insert_rows(session, _CASES, rows, batch_size=BATCH)
        _add_events(session, chunk_ids, actor=actor, role=role, note=note)
        progress.advance(len(chunk))
    progress.finish()
    return ids
