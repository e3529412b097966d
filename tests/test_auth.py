"""Signing in on both backends: outcomes, lockout with an injected clock, audit rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from argon2 import PasswordHasher, Type
from sqlalchemy import select

from console.errors import AuthError
from console.models import AppSetting, AuditLog, User
from console.services import audit, auth, passwords
from console.store import Store
from tests.support.accounts import PASSWORD, add_user, fast_hashing

__all__ = ["fast_hashing"]
pytestmark = pytest.mark.usefixtures("fast_hashing")

T0 = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


def _attempts(store: Store) -> list[tuple[str, Any, str, str]]:
    """(username, user_id, workstation, outcome) of every login audit row, in order."""
    with store.read() as session:
        rows = session.scalars(
            select(AuditLog).where(AuditLog.action == "auth.login").order_by(AuditLog.chain_no)
        ).all()
    return [(r.username, r.user_id, r.workstation, r.detail["outcome"]) for r in rows]


def _user(store: Store, username: str) -> User:
    with store.read() as session:
        return session.scalars(select(User).where(User.username == username)).one()


def _spy_on_checks(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(stored hash, password) of every password check from now on."""
    calls: list[tuple[str, str]] = []
    real = passwords.verify_password

    def spy(stored: str, password: str) -> bool:
        calls.append((stored, password))
        return real(stored, password)

    monkeypatch.setattr(passwords, "verify_password", spy)
    return calls


def _code(error: pytest.ExceptionInfo[AuthError]) -> str:
    return error.value.code


def test_login_ok_returns_actor_and_resets_counter(store: Store) -> None:
    uid = add_user(store, "wang", "dispatcher", "leader")
    with store.write() as session:
        session.get_one(User, uid).failed_logins = 3
    actor = auth.login(store, " wang ", PASSWORD, workstation="desk-1", now=T0)
    assert (actor.user_id, actor.username, actor.workstation) == (uid, "wang", "desk-1")
    assert actor.roles == {"dispatcher", "leader"}
    user = _user(store, "wang")
    assert user.failed_logins == 0 and user.last_login_at == T0
    assert _attempts(store) == [("wang", uid, "desk-1", "ok")]


def test_wrong_password_commits_counter_and_audit(store: Store) -> None:
    uid = add_user(store, "li", "intake")
    with pytest.raises(AuthError) as error:
        auth.login(store, "li", "wrong-pass1", workstation="desk-2", now=T0)
    assert _code(error) == "auth.bad_credentials"
    assert _user(store, "li").failed_logins == 1
    assert _attempts(store) == [("li", uid, "desk-2", "bad_password")]


def test_unknown_user_costs_a_hash_and_is_audited(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _spy_on_checks(monkeypatch)
    with pytest.raises(AuthError) as error:
        auth.login(store, "nobody", "whatever1", workstation="desk-3", now=T0)
    assert _code(error) == "auth.bad_credentials"  # same answer as a wrong password
    assert [password for _stored, password in calls] == ["whatever1"]
    assert _attempts(store) == [("nobody", None, "desk-3", "unknown_user")]


def test_an_account_without_a_password_opens_to_none_at_a_hashs_cost(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    uid = add_user(store, "grid001", "inspector")
    with store.write() as session:
        session.get_one(User, uid).password_hash = passwords.NO_PASSWORD
    calls = _spy_on_checks(monkeypatch)
    for attempt in ("", passwords.NO_PASSWORD, "whatever1"):
        with pytest.raises(AuthError) as error:
            auth.login(store, "grid001", attempt, workstation="desk-4", now=T0)
        assert _code(error) == "auth.bad_credentials"
    # Each refusal ran a real argon2 check (a dummy one), as a wrong password does.
    assert len(calls) == 3 and all(stored.startswith("$argon2id$") for stored, _ in calls)
    assert _attempts(store) == [("grid001", uid, "desk-4", "bad_password")] * 3


def test_lockout_after_five_failures_and_unlock_after_window(store: Store) -> None:
    uid = add_user(store, "zhao", "inspector")
    for minute in range(5):
        with pytest.raises(AuthError):
            auth.login(
                store, "zhao", "bad-pass1", workstation="w", now=T0 + dt.timedelta(minutes=minute)
            )
    user = _user(store, "zhao")
    assert user.failed_logins == 5
    assert user.locked_until == T0 + dt.timedelta(minutes=4 + 15)

    # Locked: even the right password is refused, and the try is recorded.
    with pytest.raises(AuthError) as error:
        auth.login(store, "zhao", PASSWORD, workstation="w", now=T0 + dt.timedelta(minutes=18))
    assert _code(error) == "auth.locked"
    # 08:19 UTC is 16:19 in the center's default time zone (Asia/Shanghai).
    assert error.value.params == {"until": "2026-03-02 16:19"}

    actor = auth.login(store, "zhao", PASSWORD, workstation="w", now=T0 + dt.timedelta(minutes=20))
    assert actor.user_id == uid
    user = _user(store, "zhao")
    assert (user.failed_logins, user.locked_until) == (0, None)
    outcomes = [a[3] for a in _attempts(store)]
    assert outcomes == ["bad_password"] * 5 + ["locked", "ok"]
    with store.read() as session:
        assert audit.verify(session).ok


def test_failure_after_window_starts_a_fresh_count(store: Store) -> None:
    add_user(store, "sun", "inspector")
    with store.write() as session:
        session.add(AppSetting(key=auth.MAX_FAILURES_KEY, value=2))
        session.add(AppSetting(key=auth.LOCKOUT_MINUTES_KEY, value=1))
    for _ in range(2):
        with pytest.raises(AuthError):
            auth.login(store, "sun", "bad-pass1", workstation="w", now=T0)
    assert _user(store, "sun").locked_until == T0 + dt.timedelta(minutes=1)
    with pytest.raises(AuthError) as error:
        auth.login(store, "sun", "bad-pass1", workstation="w", now=T0 + dt.timedelta(minutes=2))
    assert _code(error) == "auth.bad_credentials"
    user = _user(store, "sun")
    assert (user.failed_logins, user.locked_until) == (1, None)


def test_invalid_policy_values_fall_back_to_defaults(store: Store) -> None:
    with store.write() as session:
        session.add(AppSetting(key=auth.MAX_FAILURES_KEY, value="many"))
        session.add(AppSetting(key=auth.LOCKOUT_MINUTES_KEY, value=0))
        policy = auth.lockout_policy(session)
    assert policy == auth.LockoutPolicy()


def test_inactive_account_is_only_revealed_with_the_right_password(store: Store) -> None:
    add_user(store, "qian", "unit", active=False)
    with pytest.raises(AuthError) as wrong:
        auth.login(store, "qian", "bad-pass1", workstation="w", now=T0)
    with pytest.raises(AuthError) as right:
        auth.login(store, "qian", PASSWORD, workstation="w", now=T0)
    assert (_code(wrong), _code(right)) == ("auth.bad_credentials", "auth.inactive")
    assert [a[3] for a in _attempts(store)] == ["bad_password", "inactive"]


def test_outdated_hash_is_upgraded_on_login(
    store: Store, monkeypatch: pytest.MonkeyPatch, fast_hashing: PasswordHasher
) -> None:
    add_user(store, "zhou", "leader")
    old_hash = _user(store, "zhou").password_hash
    stronger = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1, type=Type.ID)
    monkeypatch.setattr(passwords, "_hasher", stronger)
    assert passwords.needs_rehash(old_hash)
    auth.login(store, "zhou", PASSWORD, workstation="w", now=T0)
    new_hash = _user(store, "zhou").password_hash
    assert new_hash != old_hash and not passwords.needs_rehash(new_hash)
    assert passwords.verify_password(new_hash, PASSWORD)


def test_attempt_login_leaves_the_commit_to_the_caller(store: Store) -> None:
    add_user(store, "wu", "intake")
    with store.write() as session:
        attempt = auth.attempt_login(session, "wu", "bad-pass1", workstation="w", now=T0)
        assert not attempt.ok and attempt.actor is None
        session.rollback()
    assert _attempts(store) == []
    with pytest.raises(AuthError):
        attempt.actor_or_raise()


def test_login_hints(store: Store) -> None:
    with store.read() as session:
        assert auth.login_hints(session) == auth.LoginHints(False, False, ())
    add_user(store, "admin", "admin")
    add_user(store, "old", "inspector", active=False)
    with store.read() as session:
        assert auth.login_hints(session) == auth.LoginHints(True, False, ())
    with store.write() as session:
        session.add(AppSetting(key="demo", value=True))
    with store.read() as session:
        assert auth.login_hints(session) == auth.LoginHints(True, True, (("admin", ""),))
