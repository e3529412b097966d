"""Importing a ledger file: all rows or none, idempotent by case number.

Policy for rows whose 案卷编号 is already in the database: identical on the 17 ledger
columns (times to the second, names resolved) → skipped and counted as already
present; different → reported as a conflict like any bad row, so nothing is imported.
A ledger never overwrites cases that the workflow may have moved on since.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import exc, select
from sqlalchemy.orm import Session

from console.errors import ConflictError
from console.models import Case
from console.services import audit, feed
from console.services.actor import Actor
from console.services.ledger import columns as C
from console.services.ledger.header import map_header
from console.services.ledger.insert import insert_records
from console.services.ledger.parse import open_table, read_bytes
from console.services.ledger.progress import Progress
from console.services.ledger.record import RECORD_FIELDS, LedgerRecord, differences, record_from_row
from console.services.ledger.reference import load_reference
from console.services.ledger.report import ImportResult, Note, RowProblem
from console.services.ledger.validate import RowValidator

IMPORT_ROLES = ("intake", "shift_leader", "admin")
AUDIT_ACTION = "ledger.import"
_NUMBERS_PER_QUERY = 500

Numbered = tuple[int, LedgerRecord]


def import_ledger(
    path: Path,
    *,
    session: Session,
    actor: Actor,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Check every row of path and, when all are good, add the new cases.

    session must be a write transaction (Store.write()); everything is added to it and
    nothing is written when result.problems is not empty, on a dry run, or on Cancelled.
    """
    actor.require("import the ledger", *IMPORT_ROLES)
    progress = progress or Progress()
    now = now or dt.datetime.now(dt.UTC)
    data = read_bytes(path)
    result = ImportResult(file_name=path.name, sha256=hashlib.sha256(data).hexdigest())
    numbered = _read(data, result, session, progress, now)
    fresh = _skip_present(session, numbered, result)
    result.new_rows = len(fresh)
    result.sort()
    if result.problems or dry_run or not fresh:
        return result
    role = next(r for r in IMPORT_ROLES if actor.has(r))
    try:
        ids = insert_records(
            session, fresh, actor=actor, role=role, note=path.name, progress=progress, now=now
        )
    except exc.IntegrityError as error:
        if "number" not in str(error.orig):
            raise
        raise ConflictError("ledger.concurrent") from error
    result.imported, result.first_id, result.last_id = len(ids), ids[0], ids[-1]
    audit.record(
        session,
        actor,
        AUDIT_ACTION,
        entity="case",
        entity_id=f"{ids[0]}-{ids[-1]}",
        detail={
            "file": path.name,
            "sha256": result.sha256,
            "count": len(ids),
            "rows": result.rows,
            "already_present": result.already_present,
            "first_id": ids[0],
            "last_id": ids[-1],
        },
    )
    # One row for the whole import: [first id, last id], both inclusive.
    feed.record(session, "case", [ids[0], ids[-1]], "bulk", workstation=actor.workstation)
    return result


def _read(
    data: bytes, result: ImportResult, session: Session, progress: Progress, now: dt.datetime
) -> list[Numbered]:
    name = result.file_name
    with open_table(data, name) as table:
        header = map_header(table.headers, name)
        result.problems.extend(header.problems)
        result.notes.extend(header.notes)
        if header.problems:
            return []
        validator = RowValidator(load_reference(session), now=now)
        numbered: list[Numbered] = []
        progress.start("check", table.estimated_rows)
        for row, values in table.rows:
            result.rows += 1
            record = validator.validate(row, header.pick(values))
            if record is not None:
                numbered.append((row, record))
            progress.advance()
        progress.finish()
    result.problems.extend(validator.problems)
    if result.rows == 0:
        result.notes.append(Note("ledger.no_rows"))
    return numbered


def _skip_present(
    session: Session, numbered: Sequence[Numbered], result: ImportResult
) -> list[LedgerRecord]:
    """The records not in the database yet; conflicts become problems."""
    columns = [getattr(Case, name) for name in RECORD_FIELDS]
    fresh: list[LedgerRecord] = []
    for start in range(0, len(numbered), _NUMBERS_PER_QUERY):
        chunk = numbered[start : start + _NUMBERS_PER_QUERY]
        rows = session.execute(
            select(*columns).where(Case.number.in_([r.number for _, r in chunk]))
        ).all()
        existing = {row.number: record_from_row(row) for row in rows}
        for row_no, record in chunk:
            old = existing.get(record.number)
            if old is None:
                fresh.append(record)
                continue
            changed = differences(record, old)
            if changed:
                result.problems.append(
                    RowProblem(
                        row_no,
                        C.NUMBER,
                        "ledger.conflict",
                        {"value": record.number, "columns": "、".join(changed)},
                    )
                )
            else:
                result.already_present += 1
    return fresh
