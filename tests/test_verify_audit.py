"""verify-audit on both backends: intact chain, edited, deleted and inserted rows."""

from __future__ import annotations

import datetime as dt

import pytest

from console import cli
from console.models import AuditLog
from console.services import audit
from console.services.actor import system_actor
from console.store import Store
from tests.support.tamper import disable_audit_guards, execute


def _fill(store: Store, count: int = 5) -> None:
    actor = system_actor("ws-audit")
    with store.write() as session:
        for n in range(count):
            audit.record(session, actor, "test.step", entity="case", entity_id=n, detail={"n": n})


def _problems(store: Store) -> list[tuple[str, dict[str, object]]]:
    with store.read() as session:
        return [(p.code, p.params) for p in audit.verify(session).problems]


def _cli(db_url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(["--db", db_url, "--lang", "en", "verify-audit"])
    out, err = capsys.readouterr()
    return code, out, err


def test_intact_chain_prints_count_and_head(
    store: Store, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(store)
    with store.read() as session:
        head = audit.verify(session).head_hash
    code, out, err = _cli(db_url, capsys)
    assert code == 0, err
    assert out.strip() == f"Audit chain intact: 5 rows checked, head hash {head}"


def test_edited_row_is_named(store: Store, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _fill(store)
    disable_audit_guards(store)
    execute(store, "UPDATE audit_log SET action = 'test.other' WHERE chain_no = 2")
    assert _problems(store) == [("audit.edited", {"chain_no": 2})]
    code, out, err = _cli(db_url, capsys)
    assert code == 1 and not err
    assert out.splitlines() == [
        "Audit chain tampered with: 1 problems found",
        "Audit row 2 was edited",
    ]


def test_deleted_rows_are_named(
    store: Store, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(store, 6)
    disable_audit_guards(store)
    execute(store, "DELETE FROM audit_log WHERE chain_no IN (3, 4)")
    assert _problems(store) == [("audit.missing", {"first": 3, "last": 4})]
    code, out, _ = _cli(db_url, capsys)
    assert code == 1
    assert "Audit rows 3 to 4 were deleted" in out.splitlines()


def test_inserted_row_is_named(
    store: Store, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(store, 3)
    disable_audit_guards(store)
    # A forger who knows the hashing recipe but not how to re-chain what follows:
    # the new row's own hash is right, its link to the row before is not.
    forged = AuditLog(
        chain_no=4,
        at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        user_id=None,
        username="ghost",
        workstation="",
        action="user.create",
        entity="user",
        entity_id="1",
        detail={},
        prev_hash="f" * 64,
    )
    forged.hash = audit.row_hash(forged)
    with store.write() as session:
        session.add(forged)
    assert _problems(store) == [("audit.inserted", {"chain_no": 4})]
    code, out, _ = _cli(db_url, capsys)
    assert code == 1
    assert out.splitlines()[-1] == (
        "Audit row 4 was inserted (it does not chain to the row before it)"
    )


def test_every_problem_is_listed(store: Store) -> None:
    _fill(store, 8)
    disable_audit_guards(store)
    execute(store, "UPDATE audit_log SET username = 'x' WHERE chain_no = 2")
    execute(store, "DELETE FROM audit_log WHERE chain_no = 5")
    codes = [code for code, _ in _problems(store)]
    assert codes == ["audit.edited", "audit.missing"]


def test_empty_chain_is_ok(store: Store) -> None:
    with store.read() as session:
        result = audit.verify(session)
    assert result.ok and result.checked == 0 and result.head_hash == audit.GENESIS


def test_uninitialised_database_is_one_line_exit_2(
    empty_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _cli(empty_db_url, capsys)
    assert code == 2 and not out
    assert err.strip().splitlines() == [
        "The database is not initialised; run main.py db upgrade or main.py demo first"
    ]
