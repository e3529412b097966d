"""Ledger export on both backends: filters, file formats, and the round trip."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from psycopg import sql

from console.errors import InputError, PermissionDenied
from console.models import Case
from console.services.ledger import (
    EXPORT_HEADERS,
    HEADERS,
    Cancelled,
    ExportCriteria,
    Progress,
    export_ledger,
    import_ledger,
    resolve_criteria,
)
from console.services.ledger.parse import open_table
from console.store import Store
from tests.support.ledger_street import CLERK, LEADER, NOBODY, StreetRefs, seed_street
from tests.support.pgserver import PgServer

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
_names = itertools.count(1)


def at(day: int, hour: int, minute: int = 0, micro: int = 0, month: int = 3) -> dt.datetime:
    return dt.datetime(2025, month, day, hour, minute, 17, micro, tzinfo=SHANGHAI)


@pytest.fixture
def other_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A second fresh database, for importing what the first one exported."""
    if backend == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "other.sqlite3"
        shutil.copyfile(template, path)
        yield f"sqlite:///{path}"
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = f"ledger_other_{next(_names)}"
    yield server.create_database(name, template=request.getfixturevalue("pg_template"))
    with server.connect(admin=True) as conn:
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        conn.execute(drop.format(sql.Identifier(name)))


def seed_cases(store: Store, refs: StreetRefs) -> None:
    """Cases as the workflow leaves them: microseconds, extras, awkward text."""
    grid = refs.grids
    specs: list[dict[str, Any]] = [
        dict(number="C-1", state="closed", category_id=refs.categories["0102"],
             community_id=refs.communities["古城社区"], grid_id=grid["110107001001001"],
             lon=116.0123456789, lat=39.9412345678, unit_id=refs.units["U02"],
             reported_at=at(1, 9, micro=123456), opened_at=at(1, 9, 5), dispatched_at=at(1, 9, 9),
             handled_at=at(1, 11), checked_at=at(1, 11, 30), closed_at=at(1, 12, micro=999999),
             handle_due_at=at(1, 10), rework_count=1,
             description='门前堆物, "大件"垃圾\n第二行', address="古城大街 1 号"),
        dict(number="C-2", state="in_handling", category_id=refs.categories["02"],
             community_id=refs.communities["八角社区"], grid_id=grid["110107001002002"],
             lon=116.07, lat=39.91, unit_id=refs.units["U01"], source="hotline",
             reported_at=at(31, 23, 30), opened_at=at(31, 23, 40), dispatched_at=at(31, 23, 50),
             handle_due_at=at(20, 0, month=4), description="=SUM(A1) 不是公式"),
        dict(number="C-3", state="to_verify", category_id=refs.categories["0202"],
             source="public", reported_at=at(1, 0, 10, month=4), description="无地点的投诉"),
        dict(number="C-4", state="not_opened", category_id=refs.categories["0301"],
             community_id=refs.communities["古城社区"], source="video",
             reported_at=at(15, 14), description="小广告"),
    ]
    now = dt.datetime.now(dt.UTC)
    with store.write() as session:
        for spec in specs:
            spec.setdefault("source", "inspector")
            session.add(Case(updated_at=now, **spec))


@pytest.fixture
def refs(store: Store) -> StreetRefs:
    refs = seed_street(store)
    seed_cases(store, refs)
    return refs


def export(store: Store, path: Path, criteria: ExportCriteria | None = None, **kw: Any) -> int:
    with store.read() as session:
        actor = kw.pop("actor", LEADER)
        return export_ledger(path, session=session, actor=actor, criteria=criteria, **kw).count


def table(path: Path) -> list[list[Any]]:
    with open_table(path.read_bytes(), path.name) as found:
        assert found.headers == list(EXPORT_HEADERS)
        return [list(values) for _n, values in found.rows]


def ledger_text(path: Path) -> list[list[str]]:
    """The 17 ledger columns as text (XLSX datetimes shown like CSV times)."""
    out = []
    for values in table(path):
        cells = []
        for value in values[: len(HEADERS)]:
            if isinstance(value, dt.datetime):
                value = value.strftime("%Y-%m-%d %H:%M:%S")
            cells.append("" if value is None else str(value))
        out.append(cells)
    return out


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip(
    store: Store, refs: StreetRefs, other_url: str, tmp_path: Path, suffix: str
) -> None:
    first = tmp_path / f"first{suffix}"
    assert export(store, first) == 4
    other = Store(other_url)
    try:
        seed_street(other)
        with other.write() as session:
            result = import_ledger(first, session=session, actor=CLERK)
        assert result.ok, [p.message("en") for p in result.problems]
        assert result.imported == 4
        assert "核查时间、超期、返工次数" in result.notes[0].message()
        second = tmp_path / f"second{suffix}"
        assert export(other, second) == 4
    finally:
        other.dispose()
    assert ledger_text(first) == ledger_text(second)
    # The exported file matches the cases it came from: importing it back is a no-op.
    with store.write() as session:
        again = import_ledger(first, session=session, actor=CLERK)
    assert again.ok and (again.imported, again.already_present) == (0, 4)


def test_csv_has_bom_and_extras(store: Store, refs: StreetRefs, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    export(store, path, now=at(2, 0))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf\xe6\xa1\x88")  # BOM, then 案
    first = dict(zip(EXPORT_HEADERS, table(path)[0], strict=True))
    assert first["上报时间"] == "2025-03-01 09:00:17"
    assert first["结案时间"] == "2025-03-01 12:00:17"
    assert first["大类"] == "市容环境" and first["小类"] == "暴露垃圾"
    assert first["来源"] == "监督员" and first["状态"] == "已结案"
    assert first["经度"] == "116.0123456789"
    extras = (first["核查时间"], first["超期"], first["返工次数"])
    assert extras == ("2025-03-01 11:30:17", "是", "1")
    by_number = {r[0]: dict(zip(EXPORT_HEADERS, r, strict=True)) for r in table(path)}
    assert by_number["C-2"]["大类"] == "街面秩序" and by_number["C-2"]["小类"] == ""
    assert by_number["C-2"]["超期"] == "否"
    assert by_number["C-3"]["超期"] == "" and by_number["C-3"]["经度"] == ""


def test_xlsx_layout(store: Store, refs: StreetRefs, tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    export(store, path)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == list(EXPORT_HEADERS)
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["K"].width == 50  # 问题描述
    reported = sheet["B2"]
    assert reported.is_date and reported.value == dt.datetime(2025, 3, 1, 9, 0, 17)
    assert isinstance(sheet["G2"].value, float)
    formula_like = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "C-2")[10]
    assert formula_like.data_type == "s" and formula_like.value == "=SUM(A1) 不是公式"


def _numbers(store: Store, tmp_path: Path, **typed: Any) -> list[str]:
    with store.read() as session:
        criteria = resolve_criteria(session, **typed)
    path = tmp_path / "filtered.csv"
    export(store, path, criteria)
    return sorted(str(r[0]) for r in table(path))


def test_filters(store: Store, refs: StreetRefs, tmp_path: Path) -> None:
    march = {"date_from": "2025-03-01", "date_to": "2025-03-31"}
    assert _numbers(store, tmp_path, **march) == ["C-1", "C-2", "C-4"]
    assert _numbers(store, tmp_path, date_from="2025-04-01") == ["C-3"]
    assert _numbers(store, tmp_path, communities=["古城社区"]) == ["C-1", "C-4"]
    assert _numbers(store, tmp_path, communities=["110107001002"]) == ["C-2"]
    assert _numbers(store, tmp_path, states=["已结案", "to_verify"]) == ["C-1", "C-3"]
    assert _numbers(store, tmp_path, categories=["01"]) == ["C-1"]  # with its subclasses
    assert _numbers(store, tmp_path, categories=["街面秩序"]) == ["C-2", "C-3"]
    assert _numbers(store, tmp_path, units=["城管执法队"]) == ["C-2"]
    assert _numbers(store, tmp_path, units=["U02"], **march) == ["C-1"]


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ({"date_from": "2025-13-01"}, "ledger.bad_date"),
        ({"date_from": "2025-03-02", "date_to": "2025-03-01"}, "ledger.bad_period"),
        ({"communities": ["无此社区"]}, "ledger.unknown_community"),
        ({"states": ["完成"]}, "ledger.unknown_state"),
        ({"categories": ["其他"]}, "ledger.ambiguous"),
        ({"units": ["X"]}, "ledger.unknown_unit"),
    ],
)
def test_bad_filters(store: Store, refs: StreetRefs, typed: dict[str, Any], code: str) -> None:
    with pytest.raises(InputError) as error, store.read() as session:
        resolve_criteria(session, **typed)
    assert error.value.code == code


def test_roles_and_formats(store: Store, refs: StreetRefs, tmp_path: Path) -> None:
    assert export(store, tmp_path / "clerk.xlsx", actor=CLERK) == 4
    with pytest.raises(PermissionDenied):
        export(store, tmp_path / "guest.xlsx", actor=NOBODY)
    with pytest.raises(InputError) as error:
        export(store, tmp_path / "out.pdf")
    assert error.value.code == "ledger.bad_format"
    assert export(store, tmp_path / "out.data", fmt="csv") == 4
    assert (tmp_path / "out.data").read_bytes().startswith(b"\xef\xbb\xbf")
    with pytest.raises(InputError) as error:
        export(store, tmp_path / "missing-folder" / "out.csv")
    assert error.value.code == "ledger.cannot_write"


def test_cancelled_export_leaves_no_file(store: Store, refs: StreetRefs, tmp_path: Path) -> None:
    progress = Progress(lambda p: p.cancel() if p.done >= 2 else None, interval=0)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Cancelled):
        export(store, folder / "out.xlsx", progress=progress)
    assert list(folder.iterdir()) == []
