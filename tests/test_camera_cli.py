"""`main.py camera-export` / `camera-import`: the registry out to a sheet and back, for an
admin only, with audit rows and exit status 2 for a refused import."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.cli import main
from console.models import AuditLog, Camera
from console.store import Store
from tests.support.accounts import PASSWORD, add_user, fast_hashing
from tests.support.small_db import fill_small_street

__all__ = ["fast_hashing"]


@pytest.fixture
def street(db_url: str, fast_hashing: object, monkeypatch: pytest.MonkeyPatch) -> str:
    store = Store(db_url)
    fill_small_street(store)
    add_user(store, "boss", "admin")
    add_user(store, "clerk", "intake")
    store.dispose()
    monkeypatch.setenv("CONSOLE_PASSWORD", PASSWORD)
    return db_url


def test_export_edit_import(
    street: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "cameras.csv"
    assert main(["--db", street, "camera-export", str(sheet), "--as", "boss"]) == 0
    rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:2] == ["code", "name"] and len(rows) == 5
    rows[1][1] = "新名字"
    with sheet.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)
    assert main(["--db", street, "camera-import", str(sheet), "--as", "boss"]) == 0
    assert "0 created, 4 updated" in capsys.readouterr().out
    assert main(["--db", street, "camera-import", str(sheet), "--as", "clerk"]) == 2
    store = Store(street)
    try:
        with store.read() as s:
            assert s.scalar(select(Camera.name).where(Camera.code == rows[1][0])) == "新名字"
            actions = s.scalars(select(AuditLog.action).where(AuditLog.entity == "camera")).all()
            assert sorted(actions) == ["camera.export", "camera.import"]
            assert s.scalar(select(func.count()).select_from(Camera)) == 4
    finally:
        store.dispose()
