"""Every kind of bad row is reported with its row number, and nothing is written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from console.models import AuditLog, Case, CaseEvent, ChangeFeed
from console.services.ledger import HEADERS, ImportResult, import_ledger
from console.store import Store
from tests.support.ledger_street import CLERK, row, seed_street, write_csv, write_xlsx

NO_LATER = {"立案时间": "", "派遣时间": "", "处置时间": "", "结案时间": ""}


def _future() -> str:
    local = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))) + dt.timedelta(days=1)
    return local.strftime("%Y-%m-%d %H:%M")


# (cells that spoil a good row, the problems expected on it as (column, code)).
BAD: list[tuple[dict[str, Any], list[tuple[str, str]]]] = [
    ({"大类": "99"}, [("大类", "ledger.unknown_class")]),
    ({"大类": "01", "小类": "0201"}, [("小类", "ledger.class_mismatch")]),
    ({"大类": "市容环境", "小类": "0999"}, [("小类", "ledger.unknown_subclass")]),
    ({"大类": "", "小类": ""}, [("大类", "ledger.category_required")]),
    ({"大类": "", "小类": "其他"}, [("小类", "ledger.ambiguous")]),
    ({"所属社区": "不存在社区"}, [("所属社区", "ledger.unknown_community")]),
    ({"所属网格": "110107001009009"}, [("所属网格", "ledger.unknown_grid")]),
    ({"所属网格": "110107001002001"}, [("所属网格", "ledger.grid_community")]),
    ({"处置单位": "不存在单位"}, [("处置单位", "ledger.unknown_unit")]),
    ({"来源": "微信"}, [("来源", "ledger.unknown_source")]),
    ({"来源": ""}, [("来源", "ledger.required")]),
    ({"状态": "已完成"}, [("状态", "ledger.unknown_state")]),
    ({"经度": "abc"}, [("经度", "ledger.not_number")]),
    ({"经度": "nan"}, [("经度", "ledger.not_finite")]),
    ({"纬度": "inf"}, [("纬度", "ledger.not_finite")]),
    ({"纬度": ""}, [("纬度", "ledger.coord_pair")]),
    ({"经度": "10", "纬度": "10"}, [("经度", "ledger.outside_china")]),
    ({"经度": "39.94", "纬度": "116.02"}, [("经度", "ledger.outside_china")]),
    ({"经度": "117.5", "纬度": "39.9"}, [("经度", "ledger.outside_street")]),
    ({"上报时间": "昨天"}, [("上报时间", "ledger.bad_time")]),
    ({"上报时间": "2025-02-30 10:00"}, [("上报时间", "ledger.bad_time")]),
    ({"上报时间": ""}, [("上报时间", "ledger.required")]),
    ({"结案时间": _future()}, [("结案时间", "ledger.future_time")]),
    ({"立案时间": "2025-03-01 08:00"}, [("立案时间", "ledger.time_order")]),
    ({"处置时间": "2025-03-01 09:15"}, [("处置时间", "ledger.time_order")]),
    ({"结案时间": ""}, [("状态", "ledger.state_needs_time")]),
    ({"状态": "已派遣", **NO_LATER}, [("状态", "ledger.state_needs_time")]),
    ({"状态": "待立案"}, [("状态", "ledger.state_forbids_time")] * 4),
    ({"状态": "处置中"}, [("状态", "ledger.state_forbids_time")]),
    ({"问题描述": ""}, [("问题描述", "ledger.required")]),
    ({"问题描述": "x" * 2001}, [("问题描述", "ledger.too_long")]),
    ({"地址": "y" * 201}, [("地址", "ledger.too_long")]),
    ({"案卷编号": "N" * 25}, [("案卷编号", "ledger.too_long")]),
    ({"案卷编号": ""}, [("案卷编号", "ledger.required")]),
    ({"案卷编号": "GOOD"}, [("案卷编号", "ledger.duplicate_number")]),
]


def counts(store: Store) -> list[int]:
    with store.read() as session:
        return [
            int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Case, CaseEvent, AuditLog, ChangeFeed)
        ]


def run(store: Store, path: Path) -> ImportResult:
    with store.write() as session:
        return import_ledger(path, session=session, actor=CLERK)


def bad_file(tmp_path: Path, suffix: str) -> tuple[Path, set[tuple[int, str, str]]]:
    records = [row(**{"案卷编号": "GOOD"})]
    expected: list[tuple[int, str, str]] = []
    for n, (cells, problems) in enumerate(BAD):
        records.append(row(**{"案卷编号": f"B{n:02d}", **cells}))
        expected.extend((n + 3, column, code) for column, code in problems)
    records.append(row(**{"案卷编号": "LAST-GOOD"}))
    writer = write_csv if suffix == ".csv" else write_xlsx
    return writer(tmp_path / f"bad{suffix}", records), set(expected)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_every_bad_row_is_reported_and_nothing_written(
    store: Store, tmp_path: Path, suffix: str
) -> None:
    seed_street(store)
    path, expected = bad_file(tmp_path, suffix)
    result = run(store, path)
    found = [(p.row, p.column, p.code) for p in result.problems]
    assert set(found) == expected
    assert len(found) == len(expected) + 3  # 待立案 forbids three more times than listed once
    assert found == sorted(found, key=lambda p: p[0])
    assert result.imported == 0 and result.rows == len(BAD) + 2
    assert counts(store) == [0, 0, 0, 0]


def test_problem_messages_in_both_languages(store: Store, tmp_path: Path) -> None:
    seed_street(store)
    path = write_csv(tmp_path / "bad.csv", [row(**{"大类": "99"}), row(**{"案卷编号": "A0001"})])
    result = run(store, path)
    first, duplicate = result.problems
    assert first.message("zh_CN") == "第 2 行【大类】：未知的大类“99”"
    assert first.message("en") == "Row 2 [大类]: unknown class “99”"
    assert duplicate.message("en") == "Row 3 [案卷编号]: the case number “A0001” repeats row 2"


def test_missing_and_repeated_columns(store: Store, tmp_path: Path) -> None:
    seed_street(store)
    headers = [h for h in HEADERS if h not in ("来源", "状态")]
    result = run(store, write_csv(tmp_path / "a.csv", [row()], headers=headers))
    assert [(p.row, p.code) for p in result.problems] == [(1, "ledger.missing_columns")]
    assert "来源、状态" in result.problems[0].message()
    result = run(store, write_csv(tmp_path / "b.csv", [row()], headers=[*HEADERS, "地址"]))
    assert [(p.row, p.code) for p in result.problems] == [(1, "ledger.duplicate_column")]
    assert counts(store) == [0, 0, 0, 0]


def test_without_street_outline_the_communities_box_counts(
    store: Store, tmp_path: Path
) -> None:
    seed_street(store, street_boundary=False)
    outside = row(**{"案卷编号": "OUT", "经度": "116.12", "纬度": "39.94"})
    result = run(store, write_csv(tmp_path / "a.csv", [row(), outside]))
    assert [(p.row, p.code) for p in result.problems] == [(3, "ledger.outside_street")]
    assert run(store, write_csv(tmp_path / "b.csv", [row()])).imported == 1


def test_no_places_at_all_skips_the_street_check(store: Store, tmp_path: Path) -> None:
    result = run(store, write_csv(tmp_path / "a.csv", [row(**{"大类": "", "小类": ""})]))
    # Nothing seeded: no categories or communities; the point itself is not judged.
    codes = {(p.column, p.code) for p in result.problems}
    assert ("经度", "ledger.outside_street") not in codes
    assert ("大类", "ledger.category_required") in codes
