"""Case points for the map: one short array per case, so 100,000 cases stay a few MB.

A row is [id, lon, lat, group, flags]: group indexes STATE_GROUPS (the colour), flags
holds OVERDUE | URGENT | SUPERVISED bits. Cases without coordinates are not drawn.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from console.models import Case
from console.services.queue_sql import NOT_SUPERVISED_STATES, overdue, state_in

# Colour groups in the legend, in the order a case passes them.
STATE_GROUPS: dict[str, tuple[str, ...]] = {
    "new": ("draft", "reported", "to_verify", "to_open"),
    "dispatch": ("opened", "dispatched"),
    "handling": ("in_handling", "to_check", "to_close"),
    "paused": ("shelved",),
    "done": ("closed", "archived"),
    "refused": ("not_opened",),
}
GROUP_OF = {state: i for i, states in enumerate(STATE_GROUPS.values()) for state in states}
OPEN_STATES = (*STATE_GROUPS["new"], *STATE_GROUPS["dispatch"], *STATE_GROUPS["handling"])
SCOPES = ("open", "all")

OVERDUE, URGENT, SUPERVISED = 1, 2, 4
_DECIMALS = 6  # about 0.1 m: finer only makes the JSON longer


def _query(scope: str) -> Select[Any]:
    if scope not in SCOPES:
        raise ValueError(f"unknown map scope {scope!r}")
    columns: tuple[Any, ...] = (
        Case.id,
        Case.lon,
        Case.lat,
        Case.state,
        Case.urgency,
        Case.supervised,
        overdue().label("overdue"),
    )
    query: Select[Any] = select(*columns).where(Case.lon.is_not(None), Case.lat.is_not(None))
    if scope == "open":
        return query.where(state_in(OPEN_STATES))
    return query.where(Case.state != "merged")


def _rows(result: Any) -> list[list[Any]]:
    # Plain tuples, unpacked: 100,000 rows go through here, attribute access costs.
    rows = []
    for case_id, lon, lat, state, urgency, supervised, late in result:
        flags = (OVERDUE if late else 0) | (URGENT if urgency == "urgent" else 0)
        if supervised and state not in NOT_SUPERVISED_STATES:
            flags |= SUPERVISED
        rows.append([case_id, round(lon, _DECIMALS), round(lat, _DECIMALS), GROUP_OF[state], flags])
    return rows


def case_points(*, session: Session, scope: str = "open", now: dt.datetime | None = None) -> bytes:
    """Every drawable case of the scope: {"groups": [...], "rows": [[...], ...]}."""
    now = now or dt.datetime.now(dt.UTC)
    result = session.execute(_query(scope).order_by(Case.id), {"now": now})
    rows = _rows(result)
    return dump_json({"groups": list(STATE_GROUPS), "rows": rows})


def case_updates(
    ids: Iterable[int],
    *,
    session: Session,
    scope: str = "open",
    now: dt.datetime | None = None,
) -> bytes:
    """Rows for the given cases as they are now; "removed" lists the ids the map must drop
    (gone, merged, out of the scope or without coordinates)."""
    wanted = sorted(set(ids))
    now = now or dt.datetime.now(dt.UTC)
    rows: list[list[Any]] = []
    for chunk in _chunks(wanted, 500):
        query = _query(scope).where(Case.id.in_(chunk)).order_by(Case.id)
        rows.extend(_rows(session.execute(query, {"now": now})))
    present = {row[0] for row in rows}
    removed = [i for i in wanted if i not in present]
    return dump_json({"rows": rows, "removed": removed})


def _chunks(values: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def dump_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
