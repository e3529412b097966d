"""The tamper-evident audit trail.

Each row's hash is SHA-256 over its own content and the previous row's hash, and rows
carry a contiguous chain_no, so verify() can tell an edited row (its hash no longer
matches), a deleted one (a gap in chain_no) and an inserted one (it does not chain to
its predecessor). The database also refuses UPDATE and DELETE on the table (db.triggers).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import AuditLog
from console.models.base import append_row, table_of
from console.services.actor import Actor
from console.services.writelock import hold_write_lock

GENESIS = "0" * 64


def _canonical(row: AuditLog) -> bytes:
    at = row.at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    payload = [
        row.chain_no,
        at,
        row.user_id,
        row.username,
        row.workstation,
        row.action,
        row.entity,
        row.entity_id,
        row.detail,
        row.prev_hash,
    ]
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def row_hash(row: AuditLog) -> str:
    return hashlib.sha256(_canonical(row)).hexdigest()


# The chain's last link, read before every audit row: built once (building it cost as
# much as running it).
_CHAIN_HEAD = (
    select(table_of(AuditLog).c.chain_no, table_of(AuditLog).c.hash)
    .order_by(table_of(AuditLog).c.chain_no.desc())
    .limit(1)
)


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    *,
    entity: str = "",
    entity_id: Any = "",
    detail: dict[str, Any] | None = None,
    workstation: str | None = None,
) -> AuditLog:
    """Append one audit row to the caller's transaction."""
    hold_write_lock(session)
    last = session.execute(_CHAIN_HEAD).first()
    # Round-trip through JSON so the hash covers exactly what the database will return.
    clean_detail = json.loads(json.dumps(detail or {}, ensure_ascii=False, default=str))
    row = AuditLog(
        chain_no=(last.chain_no + 1) if last else 1,
        at=dt.datetime.now(dt.UTC),
        user_id=actor.user_id if actor else None,
        username=actor.username if actor else "",
        workstation=workstation
        if workstation is not None
        else (actor.workstation if actor else ""),
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        detail=clean_detail,
        prev_hash=last.hash if last else GENESIS,
    )
    row.hash = row_hash(row)
    # A Core insert, not the unit of work: the row is complete and nothing relates to it.
    append_row(session, AuditLog, _columns(row))
    return row


def _columns(row: AuditLog) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in table_of(AuditLog).columns if c.key != "id"}


@dataclass
class Problem:
    code: str  # audit.edited | audit.missing | audit.inserted | audit.duplicate
    params: dict[str, Any]


@dataclass
class Verification:
    checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    head_hash: str = GENESIS

    @property
    def ok(self) -> bool:
        return not self.problems


def _rows(session: Session, batch: int = 5000) -> Iterator[AuditLog]:
    after = 0
    while True:
        rows = session.scalars(
            select(AuditLog)
            .where(AuditLog.chain_no > after)
            .order_by(AuditLog.chain_no, AuditLog.id)
            .limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        after = rows[-1].chain_no
        session.expunge_all()


def verify(session: Session) -> Verification:
    """Walk the whole chain and list every place where it was tampered with."""
    result = Verification()
    expected_no = 1
    prev_hash = GENESIS
    for row in _rows(session):
        result.checked += 1
        if row.chain_no < expected_no:
            result.problems.append(Problem("audit.duplicate", {"chain_no": row.chain_no}))
            continue
        if row.chain_no > expected_no:
            result.problems.append(
                Problem("audit.missing", {"first": expected_no, "last": row.chain_no - 1})
            )
        elif row.prev_hash != prev_hash:
            result.problems.append(Problem("audit.inserted", {"chain_no": row.chain_no}))
        if row_hash(row) != row.hash:
            result.problems.append(Problem("audit.edited", {"chain_no": row.chain_no}))
        prev_hash = row.hash
        expected_no = row.chain_no + 1
    result.head_hash = prev_hash
    return result
