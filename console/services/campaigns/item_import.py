"""Importing a campaign's items from XLSX (or CSV): all rows or none, every bad row listed.

Columns by Chinese or English header: 经度/lon and 纬度/lat (WGS-84, required), 地址/address,
描述/description, 类型/kind (code or Chinese name), 步骤/step (number or step name,
default 1), 责任人/owner (user name or display name). Other columns are ignored. The
file is read with the case ledger's reader, and problems use its row/column format.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from console.errors import InputError
from console.models import Campaign, CampaignItem, User
from console.models.campaign import ITEM_KINDS
from console.services.actor import Actor
from console.services.campaigns.common import MANAGE_ROLES, point_ok, record_change
from console.services.campaigns.items import ADDRESS_MAX, DESCRIPTION_MAX, _open_campaign
from console.services.campaigns.records import step_names
from console.services.ledger.cells import BadCell, number, text
from console.services.ledger.parse import open_table, read_bytes
from console.services.ledger.progress import Progress
from console.services.ledger.report import RowProblem
from console.services.workflow.intake import locate

# field: accepted headers (the first is the one reported)
COLUMNS: dict[str, tuple[str, ...]] = {
    "lon": ("经度", "lon", "longitude"),
    "lat": ("纬度", "lat", "latitude"),
    "address": ("地址", "address"),
    "description": ("描述", "description"),
    "kind": ("类型", "kind"),
    "step": ("步骤", "step"),
    "owner": ("责任人", "owner"),
}
REQUIRED = ("lon", "lat")
KIND_NAMES = {"地锁": "lock", "标牌": "sign", "构筑物": "structure", "其他": "other"}
# Two rows closer than this (about a metre) describe the same place.
SAME_PLACE_DEGREES = 1e-5


@dataclass
class ItemImportResult:
    file_name: str
    sha256: str
    rows: int = 0
    imported: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _header_map(headers: Sequence[str], name: str, result: ItemImportResult) -> dict[str, int]:
    lookup = {alias.lower(): key for key, aliases in COLUMNS.items() for alias in aliases}
    positions: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = lookup.get(header.lower())
        if key is not None and key not in positions:
            positions[key] = index
    if not positions:
        raise InputError("campaign.import_no_header", name=name)
    missing = [COLUMNS[k][0] for k in REQUIRED if k not in positions]
    if missing:
        result.problems.append(
            RowProblem(1, "", "campaign.import_missing", {"columns": "、".join(missing)})
        )
    return positions


class _RowReader:
    """Checks one row's cells against the campaign; collects every problem of the row."""

    def __init__(self, session: Session, campaign: Campaign) -> None:
        self.session = session
        self.steps = step_names(session, campaign.id)
        self.users: dict[str, int] = {}
        for uid, username, display in session.execute(
            select(User.id, User.username, User.display_name).where(User.active.is_(True))
        ):
            self.users.setdefault(display, uid)
            self.users[username] = uid
        self.existing = {
            (round(lon / SAME_PLACE_DEGREES), round(lat / SAME_PLACE_DEGREES)): item_id
            for item_id, lon, lat in session.execute(
                select(CampaignItem.id, CampaignItem.lon, CampaignItem.lat).where(
                    CampaignItem.campaign_id == campaign.id
                )
            )
        }
        self.seen: dict[tuple[int, int], int] = {}

    def read(self, row: int, cells: dict[str, Any], problems: list[RowProblem]) -> dict | None:
        found: list[RowProblem] = []

        def bad(key: str, code: str, **params: Any) -> None:
            found.append(RowProblem(row, COLUMNS[key][0], code, params))

        point: list[float] = []
        for key in ("lon", "lat"):
            try:
                value = number(cells.get(key))
            except BadCell as error:
                bad(key, error.code, **error.params)
                continue
            if value is None:
                bad(key, "campaign.import_required")
            else:
                point.append(value)
        if len(point) == 2 and not point_ok(self.session, *point):
            bad("lon", "campaign.import_bad_point", lon=point[0], lat=point[1])
        values: dict[str, Any] = {}
        for key, limit in (("address", ADDRESS_MAX), ("description", DESCRIPTION_MAX)):
            values[key] = text(cells.get(key))
            if len(values[key]) > limit:
                bad(key, "campaign.text_too_long", field=COLUMNS[key][0], max=limit)
        kind = text(cells.get("kind")) or "lock"
        values["kind"] = KIND_NAMES.get(kind, kind.lower())
        if values["kind"] not in ITEM_KINDS:
            allowed = "、".join(list(KIND_NAMES) + list(ITEM_KINDS))
            bad("kind", "campaign.import_bad_kind", value=kind, allowed=allowed)
        step = text(cells.get("step")) or "1"
        if step.isdigit() and 1 <= int(step) <= len(self.steps):
            values["step_ordinal"] = int(step)
        elif step in self.steps:
            values["step_ordinal"] = self.steps.index(step) + 1
        else:
            bad("step", "campaign.import_bad_step", value=step, count=len(self.steps))
        owner = text(cells.get("owner"))
        values["owner_user_id"] = self.users.get(owner) if owner else None
        if owner and values["owner_user_id"] is None:
            bad("owner", "campaign.import_bad_owner", value=owner)
        if len(point) == 2 and not found:
            place = (round(point[0] / SAME_PLACE_DEGREES), round(point[1] / SAME_PLACE_DEGREES))
            if place in self.existing:
                bad("lon", "campaign.import_exists", id=self.existing[place])
            elif place in self.seen:
                bad("lon", "campaign.import_duplicate", row=self.seen[place])
            else:
                self.seen[place] = row
        problems.extend(found)
        if found:
            return None
        values["lon"], values["lat"] = point
        return values


def import_items(
    path: Path,
    *,
    session: Session,
    actor: Actor,
    campaign_id: int,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
    dry_run: bool = False,
) -> ItemImportResult:
    """Check every row of path; when all are good (and not a dry run) add the items.

    session must be a write transaction; nothing is added when any row is bad.
    """
    actor.require("import campaign items", *MANAGE_ROLES)
    progress = progress or Progress()
    at = now or dt.datetime.now(dt.UTC)
    campaign = _open_campaign(session, campaign_id)
    data = read_bytes(path)
    result = ItemImportResult(path.name, hashlib.sha256(data).hexdigest())
    good: list[dict[str, Any]] = []
    with open_table(data, path.name) as table:
        positions = _header_map(table.headers, path.name, result)
        if result.problems:  # without both coordinates every row would say so again
            return result
        reader = _RowReader(session, campaign)
        progress.start("check", table.estimated_rows)
        for row, values in table.rows:
            result.rows += 1
            cells = {k: values[i] if i < len(values) else None for k, i in positions.items()}
            item = reader.read(row, cells, result.problems)
            if item is not None:
                good.append(item)
            progress.advance()
        progress.finish()
    result.problems.sort(key=lambda p: (p.row, list(COLUMNS).index(_key(p.column))))
    if result.problems or dry_run or not good:
        return result
    progress.start("insert", len(good))
    for item in good:
        item["community_id"], _grid = locate(session, item["lon"], item["lat"])
        cleared = item["step_ordinal"] >= campaign.cleared_from_step
        item.update(
            campaign_id=campaign.id,
            source="import",
            cleared_at=at if cleared else None,
            created_at=at,
            updated_at=at,
            rebound_case_id=None,
            rebound_at=None,
        )
        progress.advance()
    session.execute(insert(CampaignItem), good)
    ids = list(
        session.scalars(
            select(CampaignItem.id)
            .where(CampaignItem.campaign_id == campaign.id, CampaignItem.created_at == at)
            .order_by(CampaignItem.id)
        )
    )
    result.imported = len(good)
    record_change(
        session,
        actor,
        "campaign.item_import",
        "campaign_item",
        [ids[0], ids[-1]] if ids else [],
        "bulk",
        {"campaign": campaign.id, "file": path.name, "sha256": result.sha256, "count": len(good)},
    )
    progress.finish()
    return result


def _key(header: str) -> str:
    for key, aliases in COLUMNS.items():
        if header == aliases[0]:
            return key
    return "lon"
