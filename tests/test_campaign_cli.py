"""`main.py campaign-import`: exit 0 when imported, 1 with every bad row, 2 when refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from console import cli
from console.commands import signin
from console.models import CampaignItem
from console.services.campaigns import CampaignInput, create_campaign
from console.store import Store
from tests.support.accounts import PASSWORD, add_user, fast_hashing
from tests.support.workflow_seed import POINTS, World, world

__all__ = ["fast_hashing", "world"]
pytestmark = pytest.mark.usefixtures("fast_hashing")


@pytest.fixture(autouse=True)
def _campaign_command_only(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli.SUBCOMMANDS["campaign-import"] == "campaign_import"
    monkeypatch.setattr(cli, "SUBCOMMANDS", {"campaign-import": "campaign_import"})


def _setup(world: World, store: Store, monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    add_user(store, "boss", "shift_leader")
    add_user(store, "eyes", "inspector")
    monkeypatch.setenv(signin.PASSWORD_ENV, PASSWORD)
    with store.write() as session:
        campaign = create_campaign(
            session, world.actors["shift"], CampaignInput("私装地锁", dt.date(2026, 1, 1))
        ).id
    return store.url.render_as_string(hide_password=False), campaign


def _xlsx(path: Path, rows: list[list[object]]) -> str:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["经度", "纬度", "地址"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return str(path)


def _count(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(CampaignItem)) or 0)


def test_exit_codes(
    world: World,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, campaign = _setup(world, store, monkeypatch)
    bad = _xlsx(tmp_path / "bad.xlsx", [[*POINTS["A1"], "一号"], ["x", 39.9, ""], [1, 2, ""]])
    args = ["--db", url, "--lang", "en", "campaign-import", str(campaign)]
    assert cli.main([*args, bad, "--as", "boss"]) == 1
    out = capsys.readouterr().out
    assert "3 problems" not in out and "2 problems" in out
    assert "Row 3 [经度]" in out and "Row 4 [经度]" in out and _count(store) == 0
    good = _xlsx(tmp_path / "good.xlsx", [[*POINTS["A1"], "一号"], [*POINTS["B2"], "二号"]])
    assert cli.main([*args, good, "--as", "boss", "--check"]) == 0
    assert _count(store) == 0
    assert cli.main([*args, good, "--as", "eyes"]) == 2
    assert cli.main([*args, good, "--as", "boss"]) == 0
    assert "2 items imported" in capsys.readouterr().out and _count(store) == 2
    missing = ["--db", url, "campaign-import", "999", good, "--as", "boss"]
    assert cli.main(missing) == 2
