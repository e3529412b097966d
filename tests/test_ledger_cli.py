"""`main.py import` and `main.py export`: exit codes 0/1/2, reports, sign-in, progress."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from console import cli
from console.commands import signin
from console.models import AuditLog, Case, CaseEvent, User
from console.store import Store
from tests.support.accounts import PASSWORD, add_user, fast_hashing
from tests.support.ledger_street import row, rows, seed_street, write_csv

__all__ = ["fast_hashing"]
pytestmark = pytest.mark.usefixtures("fast_hashing")


@pytest.fixture(autouse=True)
def _ledger_commands_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build the parser from the ledger subcommands alone: these tests are about them."""
    assert cli.SUBCOMMANDS["import"] == "ledger_import"
    assert cli.SUBCOMMANDS["export"] == "ledger_export"
    monkeypatch.setattr(cli, "SUBCOMMANDS", {"import": "ledger_import", "export": "ledger_export"})


@pytest.fixture
def url(store: Store, monkeypatch: pytest.MonkeyPatch) -> str:
    seed_street(store)
    add_user(store, "clerk", "intake")
    add_user(store, "boss", "leader")
    monkeypatch.setenv(signin.PASSWORD_ENV, PASSWORD)
    return store.url.render_as_string(hide_password=False)


def main(url: str, *args: str, lang: str = "zh_CN") -> int:
    return cli.main(["--db", url, "--lang", lang, *args])


def case_count(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(Case)) or 0)


def test_import_then_again(
    url: str, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "台账.csv", rows(3))
    assert main(url, "import", str(path), "--as", "clerk") == 0
    assert "新增 3 条案卷，已存在 0 条" in capsys.readouterr().out
    assert main(url, "import", str(path), "--as", "clerk", lang="en") == 0
    assert "0 new cases, 3 already present" in capsys.readouterr().out
    assert case_count(store) == 3
    with store.read() as session:
        clerk = session.scalars(select(User.id).where(User.username == "clerk")).one()
        by = set(session.execute(select(CaseEvent.user_id, CaseEvent.actor).distinct()))
        updated_by = set(session.scalars(select(Case.updated_by_id).distinct()))
    assert by == {(clerk, "clerk")} and updated_by == {clerk}


def test_bad_rows_exit_1_with_every_problem(
    url: str, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [row(), *[row(**{"案卷编号": f"B{n}", "来源": "?"}) for n in range(30)]]
    path = write_csv(tmp_path / "bad.csv", records)
    assert main(url, "import", str(path), "--as", "clerk") == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "bad.csv 有 30 处问题，未导入任何案卷："
    assert out[1].startswith("第 3 行【来源】：未知的来源“?”")
    assert out[-1].startswith("第 32 行【来源】")
    assert case_count(store) == 0


def test_check_only(
    url: str, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "a.csv", rows(2))
    assert main(url, "import", str(path), "--as", "clerk", "--check") == 0
    assert "可新增 2 条案卷" in capsys.readouterr().out
    assert case_count(store) == 0


@pytest.mark.parametrize(
    ("user", "password", "file", "needle"),
    [
        ("clerk", PASSWORD, "missing.csv", "找不到文件"),
        ("boss", PASSWORD, "a.csv", "无权执行"),
        ("clerk", "wrong-pass1", "a.csv", "用户名或密码错误"),
    ],
)
def test_import_known_errors_exit_2(
    url: str,
    store: Store,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    user: str,
    password: str,
    file: str,
    needle: str,
) -> None:
    write_csv(tmp_path / "a.csv", rows(1))
    monkeypatch.setenv(signin.PASSWORD_ENV, password)
    assert main(url, "import", str(tmp_path / file), "--as", user) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err
    assert case_count(store) == 0


def test_password_prompt(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(signin.PASSWORD_ENV)
    prompts: list[str] = []

    def typed(prompt: str = "") -> str:
        prompts.append(prompt)
        return PASSWORD

    monkeypatch.setattr(signin.getpass, "getpass", typed)
    path = write_csv(tmp_path / "a.csv", rows(1))
    assert main(url, "import", str(path), "--as", "clerk") == 0
    assert prompts == ["Password of clerk: "]


def test_progress_line(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "a.csv", rows(5))
    assert main(url, "import", str(path), "--as", "clerk") == 0
    assert capsys.readouterr().err == ""  # not a terminal: quiet
    path = write_csv(tmp_path / "b.csv", rows(8))
    assert main(url, "import", str(path), "--as", "clerk", "--progress") == 0
    err = capsys.readouterr().err
    assert "\r校验 0" in err and "\r写入 3 / 3  100%" in err and err.endswith("\r")


def test_export(
    url: str, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [*rows(2), row(**{"案卷编号": "X", "状态": "已派遣", "处置时间": "", "结案时间": ""})]
    assert main(url, "import", str(write_csv(tmp_path / "in.csv", records)), "--as", "clerk") == 0
    capsys.readouterr()
    out = tmp_path / "out.xlsx"
    args = ["export", "--as", "boss", "--out", str(out), "--from", "2025-03-01",
            "--to", "2025-03-01", "--state", "已结案", "--community", "古城社区"]
    assert main(url, *args) == 0
    assert capsys.readouterr().out.strip() == f"已导出 2 条案卷到 {out}"
    assert out.exists()
    with store.read() as session:
        audit = session.scalars(select(AuditLog).order_by(AuditLog.chain_no.desc())).first()
    assert audit is not None and audit.action == "ledger.export"
    assert audit.detail["count"] == 2 and audit.detail["criteria"]["states"] == ["closed"]
    assert main(url, "export", "--as", "boss", "--out", str(tmp_path / "all.csv")) == 0
    assert (tmp_path / "all.csv").read_text(encoding="utf-8-sig").count("\n") == 4


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        (["--from", "2025-02-30"], "日期格式不正确"),
        (["--state", "完成"], "未知的状态"),
        (["--community", "无此社区"], "未知的社区"),
    ],
)
def test_export_known_errors_exit_2(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], needle: str
) -> None:
    out = tmp_path / "out.csv"
    assert main(url, "export", "--as", "boss", "--out", str(out), *extra) == 2
    assert needle in capsys.readouterr().err
    assert not out.exists()
