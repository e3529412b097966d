"""Importing a campaign's items from XLSX: all rows or none, every bad row listed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from console.errors import InputError, PermissionDenied
from console.models import AuditLog, CampaignItem
from console.services.campaigns import CampaignInput, create_campaign, import_items
from console.services.campaigns.item_import import ItemImportResult
from tests.support.workflow_seed import POINTS, World, world

__all__ = ["world"]

HEADER = ["经度", "纬度", "地址", "描述", "类型", "步骤", "责任人", "备注"]
GOOD: list[list[Any]] = [
    [*POINTS["A1"], "A社区1号楼", "地锁2个", "地锁", "公示", "insp", "x"],
    [*POINTS["A2"], "A社区2号楼", "", "sign", 3, "执法队", None],
    [*POINTS["B1"], "", "", None, None, None, None],
]


def _xlsx(path: Path, rows: list[list[Any]], header: list[str] = HEADER) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _campaign(world: World) -> int:
    with world.store.write() as session:
        return create_campaign(
            session, world.actors["shift"], CampaignInput("私装地锁", dt.date(2026, 1, 1))
        ).id


def _import(world: World, path: Path, campaign: int, **kw: Any) -> ItemImportResult:
    with world.store.write() as session:
        return import_items(
            path, session=session, actor=world.actors["shift"], campaign_id=campaign, **kw
        )


def _count(world: World) -> int:
    with world.store.read() as session:
        return int(session.scalar(select(func.count()).select_from(CampaignItem)) or 0)


def test_good_file_imports_every_row(world: World, tmp_path: Path) -> None:
    campaign = _campaign(world)
    checked = _import(world, _xlsx(tmp_path / "a.xlsx", GOOD), campaign, dry_run=True)
    assert checked.ok and checked.rows == 3 and checked.imported == 0 and _count(world) == 0
    result = _import(world, tmp_path / "a.xlsx", campaign)
    assert result.ok and result.imported == 3
    with world.store.read() as session:
        items = session.scalars(select(CampaignItem).order_by(CampaignItem.id)).all()
        assert [(i.kind, i.step_ordinal, i.source) for i in items] == [
            ("lock", 1, "import"),
            ("sign", 3, "import"),
            ("lock", 1, "import"),
        ]
        assert items[0].owner_user_id == world.actors["insp"].user_id
        assert items[1].owner_user_id == world.actors["cg"].user_id
        assert items[1].cleared_at is not None and items[0].cleared_at is None
        assert [i.community_id for i in items] == [world.communities[c] for c in "AAB"]
        audit = session.scalars(
            select(AuditLog).where(AuditLog.action == "campaign.item_import")
        ).one()
        assert audit.detail["count"] == 3
    again = _import(world, tmp_path / "a.xlsx", campaign)
    assert again.imported == 0 and {p.code for p in again.problems} == {"campaign.import_exists"}


def test_bad_rows_import_nothing_and_are_all_listed(world: World, tmp_path: Path) -> None:
    campaign = _campaign(world)
    rows: list[list[Any]] = [
        GOOD[0],  # row 2: good
        ["", POINTS["A2"][1], "", "", "", "", "", ""],  # 3: no longitude
        ["东经116", POINTS["A2"][1], "", "", "", "", "", ""],  # 4: not a number
        [116.5, 39.5, "", "", "", "", "", ""],  # 5: outside the street
        [*POINTS["A2"], "", "", "雕像", 9, "nobody", ""],  # 6: kind, step, owner
        [*POINTS["A1"], "", "", "", "", "", ""],  # 7: same place as row 2
        [*POINTS["B2"], "x" * 201, "", "", "长效", "", ""],  # 8: address too long
    ]
    result = _import(world, _xlsx(tmp_path / "bad.xlsx", rows), campaign)
    assert result.imported == 0 and _count(world) == 0
    found = [(p.row, p.column, p.code) for p in result.problems]
    assert found == [
        (3, "经度", "campaign.import_required"),
        (4, "经度", "ledger.not_number"),
        (5, "经度", "campaign.import_bad_point"),
        (6, "类型", "campaign.import_bad_kind"),
        (6, "步骤", "campaign.import_bad_step"),
        (6, "责任人", "campaign.import_bad_owner"),
        (7, "经度", "campaign.import_duplicate"),
        (8, "地址", "campaign.text_too_long"),
    ]
    text = result.problems[-2].message("en")
    assert text.startswith("Row 7 [经度]") and "row 2" in text
    assert "第 6 行【步骤】" in result.problems[4].message("zh_CN")


def test_header_and_permissions(world: World, tmp_path: Path) -> None:
    campaign = _campaign(world)
    no_lat = _import(world, _xlsx(tmp_path / "h.xlsx", [[1, "x"]], ["经度", "地址"]), campaign)
    assert [(p.row, p.code) for p in no_lat.problems] == [(1, "campaign.import_missing")]
    with pytest.raises(InputError) as foreign:
        _import(world, _xlsx(tmp_path / "f.xlsx", [[1]], ["编号"]), campaign)
    assert foreign.value.code == "campaign.import_no_header"
    with world.store.write() as session, pytest.raises(PermissionDenied):
        import_items(
            tmp_path / "h.xlsx", session=session, actor=world.actors["insp"], campaign_id=campaign
        )
