"""`main.py user add|list` on both backends: bootstrap, --as, exit codes, one-line errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from console import cli
from console.commands import user as user_command
from console.services import auth
from console.store import Store
from tests.support.accounts import PASSWORD, add_user, fast_hashing

__all__ = ["fast_hashing"]
pytestmark = pytest.mark.usefixtures("fast_hashing")


@pytest.fixture(autouse=True)
def _no_password_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(user_command.NEW_PASSWORD_ENV, raising=False)
    monkeypatch.delenv(user_command.ADMIN_PASSWORD_ENV, raising=False)


def _typed(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Answer getpass prompts in order; returns the prompts that were shown."""
    prompts: list[str] = []
    queue: Iterator[str] = iter(answers)

    def fake(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(queue)

    monkeypatch.setattr(user_command.getpass, "getpass", fake)
    return prompts


def _run(db_url: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", db_url, "--lang", "en", "user", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_first_user_becomes_admin_with_typed_password(
    store: Store, db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = _typed(monkeypatch, "first1234", "first1234")
    code, out, err = _run(db_url, capsys, "add", "chief", "--name", "主任", "--role", "leader")
    assert (code, err) == (0, "")
    assert out.strip() == "Account chief created (roles: leader, admin)"
    assert prompts == ["Password of the new account: ", "Repeat the password: "]
    assert auth.login(store, "chief", "first1234", workstation="w").has("admin")


def test_mismatched_passwords_are_refused(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _typed(monkeypatch, "first1234", "other1234")
    code, out, err = _run(db_url, capsys, "add", "chief", "--name", "主任")
    assert code == 2 and not out
    assert err.strip().splitlines() == ["The two passwords do not match"]


def test_second_user_needs_an_admin(
    store: Store, db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    add_user(store, "root", "admin")
    add_user(store, "disp", "dispatcher")
    monkeypatch.setenv(user_command.NEW_PASSWORD_ENV, "newuser12")

    code, _, err = _run(db_url, capsys, "add", "li", "--name", "李", "--role", "intake")
    assert code == 2
    assert err.strip().splitlines() == [
        "The database already has accounts; name an administrator with --as to create another"
    ]

    monkeypatch.setenv(user_command.ADMIN_PASSWORD_ENV, "wrong-pass1")
    code, _, err = _run(
        db_url, capsys, "add", "li", "--name", "李", "--role", "intake", "--as", "root"
    )
    assert code == 2 and err.strip().splitlines() == ["Wrong user name or password"]

    monkeypatch.setenv(user_command.ADMIN_PASSWORD_ENV, PASSWORD)
    code, _, err = _run(
        db_url, capsys, "add", "li", "--name", "李", "--role", "intake", "--as", "disp"
    )
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "may not create users" in err

    code, out, err = _run(
        db_url, capsys, "add", "li", "--name", "李", "--role", "intake", "--as", "root"
    )
    assert (code, err) == (0, "")
    assert out.strip() == "Account li created (roles: intake)"
    assert auth.login(store, "li", "newuser12", workstation="w").roles == {"intake"}


def test_list_users(store: Store, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(db_url, capsys, "list")
    assert (code, out.strip()) == (0, "(no accounts)")
    add_user(store, "root", "admin", display_name="管理员")
    add_user(store, "old", "inspector", active=False)
    code, out, _ = _run(db_url, capsys, "list")
    assert code == 0
    assert out.splitlines() == [
        "User\tName\tRoles\tState\tLast login",
        "old\told\tinspector\tdisabled\t-",
        "root\t管理员\tadmin\tactive\t-",
    ]


def test_user_command_needs_a_current_schema(
    empty_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(empty_db_url, capsys, "list")
    assert code == 2 and not out and len(err.strip().splitlines()) == 1
