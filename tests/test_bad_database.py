"""Bad database input: one clear line, a non-zero exit, no traceback, nothing written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

import console.store
from console import schema
from console.cli import main
from console.errors import DatabaseError
from console.store import Store


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--lang", "en", *args])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.strip()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("nonsense", "Malformed database URL"),
        ("postgresql://u@h:abc/db", "Malformed database URL"),
        ("postgresql+psycopg://u@127.0.0.1/", "Malformed database URL"),
        ("mysql://a@b/c", "Unsupported database"),
    ],
)
def test_malformed_url(capsys: pytest.CaptureFixture[str], url: str, expected: str) -> None:
    code, err = run_cli(capsys, "--db", url, "db", "status")
    assert code == 2
    assert err.startswith(expected) and "\n" not in err


def test_messages_default_to_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "nonsense", "db", "status"]) == 2
    assert "数据库地址格式不正确" in capsys.readouterr().err


def test_unreachable_postgres(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_cli(capsys, "--db", "postgresql+psycopg://u@127.0.0.1:1/x", "db", "upgrade")
    assert code == 2
    assert err.startswith("Cannot reach the database server 127.0.0.1:1")


def test_missing_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, err = run_cli(capsys, "--db", f"sqlite:///{tmp_path}/no/such/dir/c.db", "db", "upgrade")
    assert code == 2 and "Cannot open the database file" in err
    assert not (tmp_path / "no").exists()


def test_corrupt_sqlite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    garbage = b"this is not a database at all" * 200
    path.write_bytes(garbage)
    code, err = run_cli(capsys, "--db", f"sqlite:///{path}", "db", "upgrade")
    assert code == 2 and err.startswith("The database file is damaged")
    assert path.read_bytes() == garbage


def test_read_only_sqlite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    sqlite3.connect(path).close()
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    code, err = run_cli(capsys, "--db", url, "db", "upgrade")
    assert code == 2 and err.startswith("The database file is read-only")
    assert path.stat().st_size == 0


def test_locked_sqlite(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(console.store, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE other_program (x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        code, err = run_cli(capsys, "--db", f"sqlite:///{path}", "db", "upgrade")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2 and err.startswith("The database file is locked")


def test_locked_while_writing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    if not store.is_sqlite:
        pytest.skip("file locks are a SQLite matter")
    monkeypatch.setattr(console.store, "BUSY_TIMEOUT_MS", 200)
    slow = Store(str(store.url))
    with store.write() as session:
        session.execute(text("INSERT INTO app_setting (key, value) VALUES ('a', '1')"))
        with pytest.raises(DatabaseError) as info, slow.write() as other:
            other.execute(text("INSERT INTO app_setting (key, value) VALUES ('b', '2')"))
    assert info.value.code == "db.locked"
    with store.read() as session:
        keys = session.execute(text("SELECT key FROM app_setting")).scalars().all()
    assert keys == ["a"]
    slow.dispose()


def test_newer_schema_refused(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    store = Store(db_url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    store.dispose()
    code, err = run_cli(capsys, "--db", db_url, "db", "upgrade")
    assert code == 2
    assert "newer version of the program (revision 9999_future)" in err


def test_foreign_database_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    code, err = run_cli(capsys, "--db", f"sqlite:///{path}", "db", "upgrade")
    assert code == 2 and "does not belong to this program" in err
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert names == {"invoices"}


def test_upgrade_is_idempotent(capsys: pytest.CaptureFixture[str], empty_db_url: str) -> None:
    assert main(["--db", empty_db_url, "db", "upgrade"]) == 0
    assert "upgraded to" in capsys.readouterr().out
    assert main(["--db", empty_db_url, "db", "upgrade"]) == 0
    assert "already at" in capsys.readouterr().out
    store = Store(empty_db_url)
    current, head = schema.status(store)
    store.dispose()
    assert current == head
