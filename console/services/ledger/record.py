"""One ledger row as values the database understands (ids, codes, aware times)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, fields
from typing import Any

from console.services.ledger import columns as C

# Coordinates equal within ~1 cm are the same place (they pass through text and back).
_COORD_TOLERANCE = 1e-7


@dataclass(frozen=True, slots=True)
class LedgerRecord:
    number: str
    reported_at: dt.datetime
    source: str
    category_id: int
    address: str
    lon: float | None
    lat: float | None
    community_id: int | None
    grid_id: int | None
    description: str
    state: str
    unit_id: int | None
    opened_at: dt.datetime | None
    dispatched_at: dt.datetime | None
    handled_at: dt.datetime | None
    closed_at: dt.datetime | None


RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(LedgerRecord))

# Which header shows a field (category_id shows as 大类 and 小类 together).
_HEADER_OF: dict[str, str] = {c.field: c.header for c in C.COLUMNS}
_HEADER_OF["category_id"] = f"{C.CLASS}/{C.SUBCLASS}"


def to_second(value: dt.datetime | None) -> dt.datetime | None:
    """A time as a ledger shows it: whole seconds."""
    return None if value is None else value.replace(microsecond=0)


def record_from_row(row: Any) -> LedgerRecord:
    """The ledger view of a case_file row (any object with the Case attribute names)."""
    values = {name: getattr(row, name) for name in RECORD_FIELDS}
    for _header, name in C.STAGE_TIMES:
        values[name] = to_second(values[name])
    values["address"] = (values["address"] or "").strip()
    values["description"] = (values["description"] or "").strip()
    return LedgerRecord(**values)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=0.0, abs_tol=_COORD_TOLERANCE)
    return bool(a == b)


def differences(a: LedgerRecord, b: LedgerRecord) -> list[str]:
    """Headers of the columns where two records differ (empty when the same)."""
    return [
        _HEADER_OF[name] for name in RECORD_FIELDS if not _same(getattr(a, name), getattr(b, name))
    ]
