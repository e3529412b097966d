"""Ledger import on both backends: good CSV and XLSX, idempotency, conflicts, roles."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.errors import PermissionDenied
from console.models import AuditLog, Case, CaseEvent, ChangeFeed
from console.services.actor import Actor
from console.services.ledger import Cancelled, ImportResult, Progress, import_ledger
from console.services.ledger.reference import load_timezone
from console.store import Store
from tests.support.ledger_street import (
    CLERK,
    LEADER,
    StreetRefs,
    local,
    row,
    rows,
    seed_street,
    write_csv,
    write_xlsx,
)

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture
def refs(store: Store) -> StreetRefs:
    return seed_street(store)


def counts(store: Store) -> list[int]:
    """How many cases, case events, audit rows and change-feed rows there are."""
    with store.read() as session:
        return [
            int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Case, CaseEvent, AuditLog, ChangeFeed)
        ]


def run(
    store: Store,
    path: Path,
    *,
    actor: Actor = CLERK,
    progress: Progress | None = None,
    dry_run: bool = False,
) -> ImportResult:
    with store.write() as session:
        return import_ledger(
            path, session=session, actor=actor, progress=progress, dry_run=dry_run
        )


def mixed_rows() -> list[dict[str, object]]:
    """A closed case, a dispatched one and a fresh hotline report without a place."""
    return [
        row(),
        row(**{"案卷编号": "A0002", "状态": "已派遣", "处置时间": "", "结案时间": "",
               "所属社区": "", "所属网格": "110107001002002", "经度": "116.07", "纬度": "39.91",
               "处置单位": "U01", "大类": "02", "小类": "其他"}),
        row(**{"案卷编号": "A0003", "来源": "12345热线", "状态": "待核实", "经度": "",
               "纬度": "", "所属社区": "", "所属网格": "", "处置单位": "", "立案时间": "",
               "派遣时间": "", "处置时间": "", "结案时间": "", "地址": ""}),
    ]


def test_good_csv_import(store: Store, refs: StreetRefs, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "台账.csv", mixed_rows())
    before = dt.datetime.now(dt.UTC)
    result = run(store, path)
    assert result.ok, [p.message("en") for p in result.problems]
    assert (result.rows, result.imported, result.already_present) == (3, 3, 0)
    with store.read() as session:
        cases = {c.number: c for c in session.scalars(select(Case))}
        closed, dispatched, hotline = cases["A0001"], cases["A0002"], cases["A0003"]
        assert closed.state == "closed" and closed.source == "inspector"
        assert closed.category_id == refs.categories["0102"]
        assert closed.community_id == refs.communities["古城社区"]
        assert closed.grid_id == refs.grids["110107001001001"]
        assert closed.unit_id == refs.units["U02"]
        assert (closed.lon, closed.lat) == (116.02, 39.94)
        assert closed.reported_at == dt.datetime(2025, 3, 1, 9, 0, tzinfo=SHANGHAI)
        assert closed.closed_at == dt.datetime(2025, 3, 1, 12, 0, 30, tzinfo=SHANGHAI)
        assert (closed.version, closed.escalation_level, closed.rework_count) == (1, 0, 0)
        assert closed.updated_at >= before - dt.timedelta(seconds=1)
        # 所属网格 alone names the community; 小类 其他 is found within class 02.
        assert dispatched.community_id == refs.communities["八角社区"]
        assert dispatched.category_id == refs.categories["0202"]
        assert dispatched.unit_id == refs.units["U01"]
        assert (hotline.source, hotline.state, hotline.lon) == ("hotline", "to_verify", None)
        events = session.scalars(select(CaseEvent).order_by(CaseEvent.id)).all()
        stages = {(e.case_id, e.data["stage"]) for e in events}
        assert len(events) == 5 + 3 + 1
        assert (closed.id, "closed") in stages and (hotline.id, "reported") in stages
        assert {(e.action, e.actor, e.role) for e in events} == {("import", "clerk", "intake")}
        audits = session.scalars(select(AuditLog)).all()
        assert len(audits) == 1
        detail = audits[0].detail
        assert audits[0].action == "ledger.import" and audits[0].username == "clerk"
        assert detail["count"] == 3 and detail["file"] == "台账.csv"
        assert detail["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        feed_rows = session.scalars(select(ChangeFeed)).all()
        assert [(f.entity, f.kind, f.ids) for f in feed_rows] == [
            ("case", "bulk", [result.first_id, result.last_id])
        ]
        assert sorted(c.id for c in cases.values()) == list(
            range(result.first_id or 0, (result.last_id or 0) + 1)
        )


def test_good_xlsx_import_with_date_and_number_cells(
    store: Store, refs: StreetRefs, tmp_path: Path
) -> None:
    cells = row(**{"上报时间": local(2025, 3, 1, 9, 0), "立案时间": local(2025, 3, 1, 9, 10),
                   "派遣时间": local(2025, 3, 1, 9, 20), "处置时间": "2025/03/01 11:00",
                   "结案时间": local(2025, 3, 1, 12, 0, 30), "经度": 116.02, "纬度": 39.94,
                   "大类": 1, "小类": 102, "所属网格": 110107001001001})
    path = write_xlsx(tmp_path / "ledger.xlsx", [cells, row(**{"案卷编号": "A0002"})])
    result = run(store, path)
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.imported == 2
    with store.read() as session:
        case = session.scalars(select(Case).where(Case.number == "A0001")).one()
        other = session.scalars(select(Case).where(Case.number == "A0002")).one()
    assert case.category_id == refs.categories["0102"]
    assert case.grid_id == refs.grids["110107001001001"]
    for name in ("reported_at", "opened_at", "dispatched_at", "handled_at", "closed_at"):
        assert getattr(case, name) == getattr(other, name), name


def test_same_file_twice_adds_nothing(store: Store, refs: StreetRefs, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ledger.csv", rows(4))
    first = run(store, path)
    assert first.imported == 4
    after_first = counts(store)
    again = run(store, path)
    assert again.ok and (again.imported, again.already_present, again.new_rows) == (0, 4, 0)
    assert counts(store) == after_first
    # New rows next to known ones: only the new ones are added.
    grown = run(store, write_csv(tmp_path / "more.csv", rows(6)))
    assert (grown.imported, grown.already_present) == (2, 4)
    assert counts(store)[0] == 6


def test_conflicting_row_fails_the_whole_file(
    store: Store, refs: StreetRefs, tmp_path: Path
) -> None:
    run(store, write_csv(tmp_path / "ledger.csv", rows(2)))
    before = counts(store)
    changed = rows(3)
    changed[1]["状态"] = "已归档"
    changed[1]["问题描述"] = "另一件事"
    result = run(store, write_csv(tmp_path / "changed.csv", changed))
    assert not result.ok and result.imported == 0
    assert [(p.row, p.column, p.code) for p in result.problems] == [
        (3, "案卷编号", "ledger.conflict")
    ]
    assert "问题描述、状态" in result.problems[0].message()
    assert result.already_present == 1
    assert counts(store) == before


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-8"])
def test_csv_encodings(store: Store, refs: StreetRefs, tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "ledger.csv", mixed_rows(), encoding=encoding)
    result = run(store, path)
    assert result.ok and result.imported == 3
    with store.read() as session:
        assert session.scalar(select(Case.description).where(Case.number == "A0001")) == (
            "路边堆放生活垃圾"
        )


def test_extra_columns_are_ignored_with_a_note(
    store: Store, refs: StreetRefs, tmp_path: Path
) -> None:
    headers = ["备注", *row().keys(), "超期"]
    path = write_csv(tmp_path / "ledger.csv", [row(备注="x", 超期="是")], headers=headers)
    result = run(store, path)
    assert result.ok and result.imported == 1
    assert [n.code for n in result.notes] == ["ledger.ignored_columns"]
    assert "备注、超期" in result.notes[0].message()


def test_header_only_imports_nothing(store: Store, refs: StreetRefs, tmp_path: Path) -> None:
    result = run(store, write_csv(tmp_path / "ledger.csv", []))
    assert result.ok and result.rows == 0 and result.imported == 0
    assert [n.code for n in result.notes] == ["ledger.no_rows"]
    assert counts(store) == [0, 0, 0, 0]


def test_roles(store: Store, refs: StreetRefs, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ledger.csv", rows(1))
    with pytest.raises(PermissionDenied) as refused:
        run(store, path, actor=LEADER)
    assert "intake" in refused.value.message("en")
    assert counts(store) == [0, 0, 0, 0]


def test_dry_run_writes_nothing(store: Store, refs: StreetRefs, tmp_path: Path) -> None:
    result = run(store, write_csv(tmp_path / "ledger.csv", rows(3)), dry_run=True)
    assert result.ok and (result.new_rows, result.imported) == (3, 0)
    assert counts(store) == [0, 0, 0, 0]


def test_cancel_rolls_back(store: Store, refs: StreetRefs, tmp_path: Path) -> None:
    seen: list[tuple[str, int]] = []

    def watch(progress: Progress) -> None:
        seen.append((progress.phase, progress.done))
        if progress.phase == "insert":
            progress.cancel()

    path = write_csv(tmp_path / "ledger.csv", rows(50))
    with pytest.raises(Cancelled):
        run(store, path, progress=Progress(watch, interval=0))
    assert ("check", 50) in seen and ("insert", 0) in seen
    assert counts(store) == [0, 0, 0, 0]


def test_time_zone_setting(store: Store, refs: StreetRefs, tmp_path: Path) -> None:
    from console.models import AppSetting

    with store.write() as session:
        session.add(AppSetting(key="timezone", value="Asia/Urumqi"))
    with store.read() as session:
        tz = load_timezone(session)
    run(store, write_csv(tmp_path / "ledger.csv", rows(1)))
    with store.read() as session:
        reported = session.scalar(select(Case.reported_at))
    assert reported == dt.datetime(2025, 3, 1, 9, 0, tzinfo=tz)
    assert reported == dt.datetime(2025, 3, 1, 3, 0, tzinfo=dt.UTC)


def test_timeline_for_scattered_ids(store: Store, refs: StreetRefs, tmp_path: Path) -> None:
    """Ids with gaps (PostgreSQL under concurrent inserts) get their events too."""
    from console.services.ledger.insert import _add_events

    result = run(store, write_csv(tmp_path / "ledger.csv", rows(3)))
    first, last = result.first_id, result.last_id
    assert first is not None and last is not None and last - first == 2
    with store.write() as session:
        _add_events(session, [first, last], actor=CLERK, role="intake", note="again")
    with store.read() as session:
        again = session.scalars(select(CaseEvent.case_id).where(CaseEvent.note == "again")).all()
    assert sorted(again) == [first] * 5 + [last] * 5
