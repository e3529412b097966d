"""`main.py report ...`: PDF files, the audit row, plain errors with exit status 2."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from sqlalchemy import select

from console import cli
from console.cli import main
from console.models import AuditLog
from console.services import kpi
from console.store import Store
from reports import fonts
from tests.support.kpi_data import add_cases, case, closed_case, local, seed
from tests.support.report_pdf import pdf_text, squash


@pytest.fixture(autouse=True)
def available_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Subcommands still being written elsewhere would stop the parser from building."""
    present = {
        name: module
        for name, module in cli.SUBCOMMANDS.items()
        if importlib.util.find_spec(f"console.commands.{module}") is not None
    }
    monkeypatch.setattr(cli, "SUBCOMMANDS", present)


@pytest.fixture
def seeded(db_url: str) -> str:
    store = Store(db_url)
    refs = seed(store)
    add_cases(
        store,
        [
            closed_case(refs, local(2024, 3, 1, 9, 5)),
            closed_case(refs, local(2024, 3, 1, 23, 30), on_time=False),
            case(refs, local(2024, 3, 1, 10), state="to_open", community_id=refs.communities[1]),
            case(refs, local(2024, 3, 4, 0, 10)),
        ],
    )
    store.dispose()
    return db_url


def test_daily_report_file_and_audit(
    seeded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "daily.pdf"
    args = ["--db", seeded, "--lang", "zh_CN", "report", "daily", "--date", "2024-03-01"]
    assert main([*args, "--out", str(out)]) == 0
    assert "值班日报" in capsys.readouterr().out
    text = squash(pdf_text(out.read_bytes(), tmp_path))
    store = Store(seeded)
    try:
        with store.read() as session:
            import datetime as dt

            table = kpi.compute(
                session,
                start=dt.date(2024, 3, 1),
                end=dt.date(2024, 3, 2),
                compare=False,
                language="zh_CN",
            )
            audit = session.scalars(select(AuditLog).order_by(AuditLog.chain_no.desc())).first()
    finally:
        store.dispose()
    assert table.total.counts["reported"] == 3
    assert f"上报数 3 {table.total.counts['reported']:,}" in text  # the day is the year so far
    assert audit is not None and audit.action == "report.generate"
    assert audit.username == "system" and audit.detail["kind"] == "daily"


@pytest.mark.parametrize(
    "args",
    [
        ["weekly", "--date", "2024-03-01"],
        ["monthly", "--date", "2024-03-15", "--community", "甲社区"],
        ["list", "--from", "2024-03-01", "--to", "2024-03-31"],
    ],
)
def test_other_kinds(seeded: str, tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "report.pdf"
    assert main(["--db", seeded, "report", *args, "--out", str(out)]) == 0
    assert out.read_bytes()[:5] == b"%PDF-"


@pytest.mark.parametrize(
    ("args", "zh"),
    [
        (["monthly", "--date", "2024-03-15", "--community", "无此社区"], "无此社区"),
        (["daily", "--date", "2024-13-01"], "日期格式不正确"),
        (["case", "--case", "NOPE"], "NOPE"),
        (["campaign"], "campaign"),
    ],
)
def test_errors_exit_2(
    seeded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], zh: str
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["--db", seeded, "--lang", "zh_CN", "report", *args, "--out", str(out)]) == 2
    assert zh in capsys.readouterr().err
    assert not out.exists()


def test_missing_font_exit_2(
    seeded: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    nowhere = tmp_path / "fonts" / "wqy-zenhei.ttc"
    monkeypatch.setenv(fonts.FONT_ENV, str(nowhere))
    out = tmp_path / "x.pdf"
    args = ["--db", seeded, "--lang", "en", "report", "daily", "--date", "2024-03-01"]
    assert main([*args, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "wqy-zenhei.ttc" in err and str(nowhere) in err and "fonts-wqy-zenhei" in err
