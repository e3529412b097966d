"""Every figure a report prints is the KPI service's (or the enforcement ledger's): the
text pdftotext reads back from the PDFs is compared with those services on the demo
year, on both backends."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.errors import InputError, PermissionDenied
from console.models import (
    Attachment,
    Blob,
    Campaign,
    CampaignItem,
    Case,
    CaseEvent,
    Community,
    ResponsibleUnit,
)
from console.services import enforcement_rollup, kpi
from console.services.actor import Actor, system_actor
from console.services.kpi.labels import metric
from console.services.kpi.render import percent
from console.services.report_data import ReportRequest, generate
from console.services.report_data.texts import ENFORCEMENT
from console.store import Store
from tests.support.demo_db import AS_OF, UNTIL, demo_db_url_fixture, demo_source_fixture
from tests.support.report_pdf import pdf_text, squash

demo_source = demo_source_fixture()
db_url = demo_db_url_fixture()

LEADER = Actor(None, "leader", frozenset({"leader"}))
DAY = dt.date(2026, 11, 27)
ONE = dt.timedelta(days=1)


def _lines(pdf: bytes, tmp_path: Path) -> list[str]:
    return [squash(line).strip() for line in pdf_text(pdf, tmp_path).splitlines()]


def _line(lines: list[str], start: str) -> str:
    found = [line for line in lines if line.startswith(start + " ")]
    assert found, f"no line starting with {start!r}"
    return found[0]


def _n(value: int) -> str:
    return f"{value:,}"


def _table(
    store: Store, start: dt.date, end: dt.date, by: str, compare: bool = False
) -> kpi.KpiTable:
    with store.read() as session:
        return kpi.compute(
            session,
            start=start,
            end=end,
            by=by,
            as_of=min(AS_OF, _midnight(end)),
            compare=compare,
            language="zh_CN",
        )


def _amount(value: Decimal) -> str:
    """12,345 or 23,236.97: whole amounts without decimals."""
    return f"{value:,.2f}".removesuffix(".00")


def _midnight(day: dt.date) -> dt.datetime:
    from db.demo.clock import local_midnight

    return local_midnight(day)


def _generate(
    store: Store, request: ReportRequest, actor: Actor = LEADER, language: str = "zh_CN"
) -> bytes:
    with store.read() as session:
        return generate(request, session=session, actor=actor, language=language, now=AS_OF).pdf


def test_daily_report_prints_the_kpi_figures(store: Store, tmp_path: Path) -> None:
    lines = _lines(_generate(store, ReportRequest.daily(DAY)), tmp_path)
    day = _table(store, DAY, DAY + ONE, "community")
    year = _table(store, DAY.replace(month=1, day=1), DAY + ONE, "community")
    assert day.total.counts["reported"] > 0
    for name in (
        "reported",
        "opened",
        "dispatched",
        "closed",
        "closed_on_time",
        "overdue_open",
        "resolved_in_community",
    ):
        assert _line(lines, metric(name, "zh_CN")) == (
            f"{metric(name, 'zh_CN')} {_n(day.total.counts[name])} {_n(year.total.counts[name])}"
        )
    for name in ("on_time_close_rate", "community_resolution_rate"):
        assert _line(lines, metric(name, "zh_CN")).endswith(
            f"{percent(day.total.rates[name])} {percent(year.total.rates[name])}"
        )
    today_rows = {row.key: row for row in day.rows}
    for row in year.rows:
        today = today_rows.get(row.key)
        expected = " ".join(
            [
                row.label,
                _n(today.counts["reported"] if today else 0),
                _n(today.counts["closed"] if today else 0),
                _n(row.counts["reported"]),
                _n(row.counts["closed"]),
                percent(row.rates["on_time_close_rate"]),
                percent(row.rates["community_resolution_rate"]),
            ]
        )
        assert _line(lines, row.label) == expected
    with store.read() as session:
        day_enf = enforcement_rollup.totals(DAY, DAY + ONE, session=session)
        year_enf = enforcement_rollup.totals(
            DAY.replace(month=1, day=1), DAY + ONE, session=session
        )
    for kind, (label, _en) in ENFORCEMENT.items():
        assert _line(lines, label) == f"{label} {_amount(day_enf[kind])} {_amount(year_enf[kind])}"


def test_daily_report_lists_duty_overdue_and_handover(store: Store, tmp_path: Path) -> None:
    text = squash(pdf_text(_generate(store, ReportRequest.daily(DAY)), tmp_path))
    for heading in ("值班情况", "超期未处置案件", "督办案件", "执法工作", "视频监控", "交接班"):
        assert heading in text
    assert "带班领导" in text and "白班" in text
    with store.read() as session:
        overdue = session.scalars(
            select(Case.number).where(
                Case.handled_at.is_(None),
                Case.handle_due_at < _midnight(DAY + ONE),
                Case.state.not_in(
                    ("not_opened", "shelved", "closed", "archived", "draft", "merged")
                ),
            )
        ).all()
    assert overdue and all(number in text for number in overdue)


def test_daily_report_of_a_past_day_says_what_is_as_of_now(store: Store, tmp_path: Path) -> None:
    # Supervision flags and camera states have no history: those sections are as of the
    # report's generation, and a report of a past day must say so.
    generated = "2026-11-29 00:00"  # AS_OF in the center's zone
    past = squash(pdf_text(_generate(store, ReportRequest.daily(DAY)), tmp_path, "past.pdf"))
    note = f"注意：本节为本报告生成时（{generated}）的情况，不是2026年11月27日当日的情况。"
    assert past.count(note) == 2
    supervised, cameras = past.index("督办案件"), past.index("视频监控")
    assert supervised < past.index(note) < past.index("执法工作") < cameras
    assert past.index(note, cameras) > cameras
    today = squash(pdf_text(_generate(store, ReportRequest.daily(UNTIL)), tmp_path, "today.pdf"))
    assert today.count(f"截至本报告生成时（{generated}）的情况。") == 2 and "注意" not in today


def test_monthly_bulletin_ranks_the_kpi_rows(store: Store, tmp_path: Path) -> None:
    start, end = dt.date(2026, 10, 1), dt.date(2026, 11, 1)
    lines = _lines(_generate(store, ReportRequest.monthly(start)), tmp_path)
    table = _table(store, start, end, "community", compare=True)
    total, pop = table.total, table.total.pop
    assert pop is not None and table.total.yoy is not None
    assert _line(lines, metric("reported", "zh_CN")) == " ".join(
        [
            metric("reported", "zh_CN"),
            _n(total.counts["reported"]),
            _n(table.total.yoy.counts["reported"]),
            percent(table.total.yoy.change["reported"], signed=True),
            _n(pop.counts["reported"]),
            percent(pop.change["reported"], signed=True),
        ]
    )
    ranked = sorted(
        table.rows,
        key=lambda r: (
            -(r.rates["community_resolution_rate"] or 0),
            -(r.rates["on_time_close_rate"] or 0),
            r.label,
        ),
    )
    for rank, row in enumerate(ranked, 1):
        assert row.pop is not None and row.yoy is not None
        assert _line(lines, str(rank) + " " + row.label) == " ".join(
            [
                str(rank),
                row.label,
                _n(row.counts["reported"]),
                percent(row.yoy.change["reported"], signed=True),
                percent(row.pop.change["reported"], signed=True),
                _n(row.counts["closed"]),
                percent(row.rates["on_time_close_rate"]),
                percent(row.rates["community_resolution_rate"]),
            ]
        )
    units = _table(store, start, end, "unit")
    best = max(
        (r for r in units.rows if r.counts["dispatched"]),
        key=lambda r: (r.rates["on_time_handle_rate"] or 0,),
    )
    assert any(
        line.startswith("1 ") and percent(best.rates["on_time_handle_rate"]) in line
        for line in lines
    )


def test_weekly_bulletin_and_list_count_the_same_cohort(store: Store, tmp_path: Path) -> None:
    request = ReportRequest.weekly(DAY)
    assert request.start == dt.date(2026, 11, 23) and request.end == dt.date(2026, 11, 30)
    week = _table(store, request.start, request.end, "street")
    lines = _lines(_generate(store, request), tmp_path)
    assert _line(lines, metric("reported", "zh_CN")).split()[1] == _n(week.total.counts["reported"])
    listing = ReportRequest("list", request.start, request.end)
    text = squash(pdf_text(_generate(store, listing), tmp_path, "list.pdf"))
    assert f"共 {week.total.counts['reported']:,} 件" in text


def test_campaign_report_counts_items_and_steps(store: Store, tmp_path: Path) -> None:
    with store.read() as session:
        campaign_id = session.scalar(select(Campaign.id).order_by(Campaign.id))
        items = session.scalar(select(func.count()).where(CampaignItem.campaign_id == campaign_id))
        cleared = session.scalar(
            select(func.count()).where(
                CampaignItem.campaign_id == campaign_id, CampaignItem.cleared_at.is_not(None)
            )
        )
    assert campaign_id is not None
    text = squash(
        pdf_text(_generate(store, ReportRequest("campaign", campaign_id=campaign_id)), tmp_path)
    )
    assert f"点位数 {items:,}" in text and f"已清除 {cleared:,}" in text
    assert "各步骤进度" in text and "反弹" in text


def test_case_sheet_has_fields_and_the_whole_timeline(store: Store, tmp_path: Path) -> None:
    with store.read() as session:
        case_id, number = session.execute(
            select(Case.id, Case.number).where(Case.state == "archived").order_by(Case.id)
        ).first()  # type: ignore[misc]
        events = session.scalar(select(func.count()).where(CaseEvent.case_id == case_id))
    text = pdf_text(_generate(store, ReportRequest("case", case=number)), tmp_path)
    assert number in text and "办理过程" in text and "已归档" in text
    timeline = text.split("三、办理过程")[1]
    stamps = re.findall(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", timeline)
    assert len(stamps) >= events  # one time per timeline row (and the footer's)
    assert _generate(store, ReportRequest("case", case=str(case_id)))[:5] == b"%PDF-"


def test_a_period_without_cases_gives_a_clean_report(store: Store, tmp_path: Path) -> None:
    empty = dt.date(2020, 3, 2)
    for request in (
        ReportRequest.daily(empty),
        ReportRequest.weekly(empty),
        ReportRequest.monthly(empty),
        ReportRequest("list", empty, empty + ONE),
    ):
        text = squash(pdf_text(_generate(store, request), tmp_path, f"{request.kind}.pdf"))
        assert "本期间无案件。" in text or "无案件" in text
        assert "None" not in text and "nan" not in text


def test_english_report(store: Store, tmp_path: Path) -> None:
    lines = _lines(_generate(store, ReportRequest.daily(DAY), language="en"), tmp_path)
    day = _table(store, DAY, DAY + ONE, "street")
    assert _line(lines, "Reported").split()[1] == _n(day.total.counts["reported"])
    assert any("Daily duty report" in line for line in lines)


def test_community_scope(store: Store, tmp_path: Path) -> None:
    table = _table(store, DAY.replace(day=1), DAY + ONE, "community")
    row = table.rows[0]
    with store.read() as session:
        community_id = session.scalar(select(Community.id).where(Community.code == row.key))
    request = ReportRequest("list", DAY.replace(day=1), DAY + ONE, community_id)
    text = squash(pdf_text(_generate(store, request), tmp_path))
    assert f"共 {row.counts['reported']:,} 件" in text and row.label in text


def test_who_may_print_what(store: Store) -> None:
    unit = Actor(None, "unit", frozenset({"unit"}))
    with pytest.raises(PermissionDenied):
        _generate(store, ReportRequest.daily(DAY), actor=unit)
    with store.read() as session:
        case_id, unit_id, reporter = session.execute(
            select(Case.id, Case.unit_id, Case.reporter_user_id)
            .where(Case.unit_id.is_not(None), Case.reporter_user_id.is_not(None))
            .order_by(Case.id)
        ).first()  # type: ignore[misc]
        other_unit = session.scalar(select(ResponsibleUnit.id).where(ResponsibleUnit.id != unit_id))
    from console.models import User

    with store.write() as session:
        user = session.scalars(select(User).where(User.username == "unit")).one()
        user.unit_id = other_unit
        unit_user = Actor(user.id, "unit", frozenset({"unit"}))
    case = ReportRequest("case", case=str(case_id))
    with pytest.raises(PermissionDenied):
        _generate(store, case, actor=unit_user)
    with store.write() as session:
        session.get(User, unit_user.user_id).unit_id = unit_id  # type: ignore[union-attr]
    assert _generate(store, case, actor=unit_user)[:5] == b"%PDF-"
    inspector = Actor(reporter, "inspector", frozenset({"inspector"}))
    assert _generate(store, case, actor=inspector)[:5] == b"%PDF-"
    stranger = Actor(reporter + 1000, "inspector", frozenset({"inspector"}))
    with pytest.raises(PermissionDenied):
        _generate(store, case, actor=stranger)
    assert _generate(store, ReportRequest.daily(DAY), actor=system_actor())[:5] == b"%PDF-"


def test_bad_requests_are_input_errors(store: Store) -> None:
    for request in (
        ReportRequest("weekly"),
        ReportRequest("campaign"),
        ReportRequest("case"),
        ReportRequest("yearly"),
        ReportRequest("case", case="NO-SUCH"),
        ReportRequest("campaign", campaign_id=999_999),
    ):
        with pytest.raises(InputError):
            _generate(store, request)


def _jpeg() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (200, 60, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_case_sheet_prints_the_photos(store: Store, tmp_path: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    good, bad = _jpeg(), b"\xff\xd8 not really a jpeg"
    with store.write() as session:
        case_id = session.scalar(select(Case.id).order_by(Case.id))
        for data, kind in ((good, "near"), (bad, "after")):
            digest = hashlib.sha256(data).hexdigest()
            session.add(
                Blob(sha256=digest, size=len(data), mime="image/jpeg", data=data, created_at=now)
            )
            session.flush()
            session.add(
                Attachment(
                    entity="case",
                    entity_id=case_id,
                    kind=kind,
                    sha256=digest,
                    size=len(data),
                    mime="image/jpeg",
                    created_at=now,
                )
            )
    pdf = _generate(store, ReportRequest("case", case=str(case_id)))
    path = tmp_path / "case.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()[2:]
    assert len(listing) == 1 and " 320 " in f" {listing[0]} "
    text = pdf_text(pdf, tmp_path)
    assert "近景" in text and "处置后" in text  # the unreadable one keeps its caption


def test_handover_items_print_in_every_shape() -> None:
    # The shapes console.services.handover writes: cases, difficult problems, notes.
    from console.services.report_data.daily import _item

    assert _item({"kind": "case", "id": 3, "number": "SW0001", "state": "to_open"}, "zh_CN")
    assert _item({"kind": "case", "id": 3, "number": "SW0001"}, "zh_CN") == "SW0001"
    assert _item({"kind": "note", "text": "东门井盖待复查"}, "zh_CN") == "东门井盖待复查"
    difficulty = _item(
        {"kind": "difficulty", "id": 7, "title": "菜场占道", "deadline": "2026-12-01"}, "zh_CN"
    )
    assert "菜场占道" in difficulty and "2026-12-01" in difficulty
    assert "kind" not in difficulty and "{" not in difficulty
