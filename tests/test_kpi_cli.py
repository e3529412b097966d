"""`main.py kpi`: output formats, the inclusive --to, and plain errors with exit status 2."""

from __future__ import annotations

import csv
import importlib.util
import io
import json

import pytest

from console import cli
from console.cli import main
from console.store import Store
from tests.support.kpi_data import add_cases, case, closed_case, local, seed


@pytest.fixture(autouse=True)
def available_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Subcommands still being written elsewhere would stop the parser from building."""
    assert cli.SUBCOMMANDS["kpi"] == "kpi"
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
            closed_case(refs, local(2024, 3, 1, 0, 5)),
            closed_case(refs, local(2024, 3, 31, 23, 30), on_time=False),  # the --to day
            case(refs, local(2024, 3, 10), state="to_open", community_id=refs.communities[1]),
            case(refs, local(2024, 4, 1, 0, 10)),  # the day after --to
        ],
    )
    store.dispose()
    return db_url


def kpi(url: str, *args: str, lang: str = "zh_CN") -> list[str]:
    return ["--db", url, "--lang", lang, "kpi", "--from", "2024-03-01", "--to", "2024-03-31", *args]


def test_table_in_chinese_and_english(seeded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(kpi(seeded, "--by", "community")) == 0
    out = capsys.readouterr().out
    assert "统计期间 2024-03-01 至 2024-03-31（Asia/Shanghai）" in out
    assert "社区" in out and "结案率" in out and "按期结案率" in out
    lines = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert lines["甲社区"][1] == "2" and lines["乙社区"][1] == "1" and lines["合计"][1] == "3"
    assert "50.00%" in lines["合计"]  # on-time closure: 1 of 2
    assert main(kpi(seeded, "--by", "community", lang="en")) == 0
    out = capsys.readouterr().out
    assert "Period 2024-03-01 to 2024-03-31" in out and "Closure rate" in out


def test_csv(seeded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(kpi(seeded, "--by", "unit", "--format", "csv", "--no-compare")) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["责任单位"] for row in rows] == ["城管执法队", "未派遣", "合计"]
    total = rows[-1]
    assert (total["上报数"], total["结案数"], total["结案率"]) == ("3", "2", "1.0")
    assert total["上报数（去年同期）"] == ""


def test_json(seeded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(kpi(seeded, "--format", "json", "--working-days-only")) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["period"] == {"from": "2024-03-01", "to": "2024-03-31"}
    assert document["yoy_period"] == {"from": "2023-03-01", "to": "2023-03-31"}
    assert document["working_days_only"] is True
    # No calendar set up: Monday to Friday. Only Friday 1 March's case was on one.
    assert document["total"]["counts"]["reported"] == 1
    assert main(kpi(seeded, "--format", "json")) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["total"]["counts"]["reported"] == 3
    assert document["total"]["rates"]["on_time_close_rate"] == 0.5
    assert document["total"]["yoy"]["change"]["reported"] is None


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (["--from", "2024-13-01", "--to", "2024-03-31"], "日期格式不正确", "Not a valid date"),
        (["--from", "2024-03-02", "--to", "2024-03-01"], "晚于", "is after"),
        (["--from", "2024-03-01", "--to", "2024-03-31", "--by", "district"], "未知", "Unknown"),
    ],
)
def test_bad_input_exits_2(
    seeded: str, capsys: pytest.CaptureFixture[str], args: list[str], zh: str, en: str
) -> None:
    assert main(["--db", seeded, "kpi", *args]) == 2
    assert zh in capsys.readouterr().err
    assert main(["--db", seeded, "--lang", "en", "kpi", *args]) == 2
    assert en in capsys.readouterr().err


def test_uninitialised_database(empty_db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(kpi(empty_db_url, lang="en")) == 2
    assert "not initialised" in capsys.readouterr().err
