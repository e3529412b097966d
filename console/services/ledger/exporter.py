"""Exporting cases to a ledger file that imports back unchanged.

The 17 ledger columns come first, then EXPORT_EXTRAS (核查时间, 超期, 返工次数) which an
import ignores. The file is written beside the target and renamed at the end, so a
failed or cancelled export never leaves half a file under the requested name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.errors import InputError
from console.models import Case
from console.models.org import ROLES
from console.services import audit
from console.services.actor import Actor
from console.services.ledger import columns as C
from console.services.ledger.criteria import ExportCriteria, conditions
from console.services.ledger.progress import Progress
from console.services.ledger.reference import Reference, load_reference
from console.services.ledger.sheets import write_csv, write_xlsx

FORMATS = ("xlsx", "csv")
AUDIT_ACTION = "ledger.export"
EXPORT_HEADERS: tuple[str, ...] = C.HEADERS + C.EXPORT_EXTRAS
YES, NO = "是", "否"
_WIDTHS = {
    C.NUMBER: 18,
    C.ADDRESS: 30,
    C.DESCRIPTION: 50,
    C.GRID: 18,
    C.UNIT: 20,
    C.COMMUNITY: 14,
    C.CLASS: 12,
    C.SUBCLASS: 16,
    C.LON: 12,
    C.LAT: 12,
}
_TIME_WIDTH = 20
_READ_BATCH = 2000
_FIELDS = (
    "number",
    "reported_at",
    "source",
    "category_id",
    "address",
    "lon",
    "lat",
    "community_id",
    "grid_id",
    "description",
    "state",
    "unit_id",
    "opened_at",
    "dispatched_at",
    "handled_at",
    "closed_at",
    "checked_at",
    "handle_due_at",
    "rework_count",
)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    count: int


def export_format(path: Path, fmt: str | None) -> str:
    """The format asked for, else the one the file name says (xlsx by default)."""
    chosen = (fmt or path.suffix.lstrip(".") or "xlsx").lower()
    if chosen not in FORMATS:
        raise InputError("ledger.bad_format", format=chosen)
    return chosen


def _width(header: str) -> float:
    if header.endswith("时间"):
        return _TIME_WIDTH
    return _WIDTHS.get(header, 10)


def _local(value: dt.datetime | None, tz: dt.tzinfo) -> dt.datetime | None:
    """Local wall-clock time to the second, without zone (what a spreadsheet shows)."""
    if value is None:
        return None
    return value.astimezone(tz).replace(tzinfo=None, microsecond=0)


def _overdue(row: Any, now: dt.datetime) -> str:
    """是 when handling ended (or, still open, is now) after the handling deadline."""
    if row.handle_due_at is None:
        return ""
    end = row.handled_at or row.closed_at or now
    return YES if end > row.handle_due_at else NO


def _values(row: Any, ref: Reference, now: dt.datetime) -> list[Any]:
    tz = ref.tz
    class_label, sub_label = ref.category_cells(row.category_id)
    return [
        row.number,
        _local(row.reported_at, tz),
        C.SOURCE_LABELS.get(row.source, row.source),
        class_label,
        sub_label,
        row.address,
        row.lon,
        row.lat,
        ref.communities.label(row.community_id) if row.community_id is not None else "",
        ref.grids.by_id[row.grid_id].code if row.grid_id is not None else "",
        row.description,
        C.STATE_LABELS.get(row.state, row.state),
        ref.units.label(row.unit_id) if row.unit_id is not None else "",
        _local(row.opened_at, tz),
        _local(row.dispatched_at, tz),
        _local(row.handled_at, tz),
        _local(row.closed_at, tz),
        _local(row.checked_at, tz),
        _overdue(row, now),
        row.rework_count,
    ]


def export_ledger(
    path: Path,
    *,
    session: Session,
    actor: Actor,
    criteria: ExportCriteria | None = None,
    fmt: str | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> ExportResult:
    """Write the cases matching criteria to path (read only: any session will do)."""
    actor.require("export the ledger", *ROLES)
    chosen = export_format(path, fmt)
    criteria = criteria or ExportCriteria()
    progress = progress or Progress()
    now = now or dt.datetime.now(dt.UTC)
    ref = load_reference(session)
    where = conditions(criteria, ref)
    total = int(session.scalar(select(func.count()).select_from(Case).where(*where)) or 0)
    query = (
        select(*(getattr(Case, name) for name in _FIELDS))
        .where(*where)
        .order_by(Case.reported_at, Case.id)
        .execution_options(yield_per=_READ_BATCH)
    )
    count = 0

    def rows(found: Iterable[Any]) -> Iterator[list[Any]]:
        nonlocal count
        for row in found:
            yield _values(row, ref, now)
            count += 1
            progress.advance()

    progress.start("export", total)
    # Closing the result ends PostgreSQL's server-side cursor even when cancelled.
    with session.execute(query) as found, _replacing(path) as part:
        if chosen == "csv":
            write_csv(part, EXPORT_HEADERS, rows(found))
        else:
            write_xlsx(part, EXPORT_HEADERS, rows(found), [_width(h) for h in EXPORT_HEADERS])
    progress.finish()
    return ExportResult(path, chosen, count)


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A scratch file beside path that replaces it only when the block succeeds."""
    part = path.with_name(f".{path.name}.part")
    try:
        try:
            yield part
        except OSError as error:
            raise InputError(
                "ledger.cannot_write", path=str(path), detail=error.strerror or str(error)
            ) from error
        try:
            os.replace(part, path)
        except OSError as error:
            raise InputError(
                "ledger.cannot_write", path=str(path), detail=error.strerror or str(error)
            ) from error
    finally:
        part.unlink(missing_ok=True)


def record_export(
    session: Session, actor: Actor, result: ExportResult, criteria: ExportCriteria
) -> None:
    """One audit row for an export (who took which cases where); not a change, no feed."""
    audit.record(
        session,
        actor,
        AUDIT_ACTION,
        entity="case",
        detail={
            "file": result.path.name,
            "format": result.format,
            "count": result.count,
            "criteria": criteria.describe(),
        },
    )
