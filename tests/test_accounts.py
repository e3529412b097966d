"""Accounts on both backends: bootstrap, role checks in the service, audit and feed rows."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from console.errors import AuthError, InputError, PermissionDenied
from console.models import AuditLog, ChangeFeed, User
from console.services import accounts, audit, auth
from console.services.actor import Actor
from console.store import Store
from tests.support.accounts import PASSWORD, add_user, fast_hashing

__all__ = ["fast_hashing"]
pytestmark = pytest.mark.usefixtures("fast_hashing")


def _actor(user_id: int, username: str, *roles: str) -> Actor:
    return Actor(user_id, username, frozenset(roles), "ws-test")


def _audit_actions(store: Store) -> list[tuple[str, str]]:
    with store.read() as session:
        rows = session.scalars(select(AuditLog).order_by(AuditLog.chain_no)).all()
    return [(r.action, r.username) for r in rows]


def _feed(store: Store) -> list[tuple[str, list[int], str]]:
    with store.read() as session:
        rows = session.scalars(select(ChangeFeed).order_by(ChangeFeed.seq)).all()
    return [(r.entity, list(r.ids), r.kind) for r in rows]


@pytest.fixture
def admin(store: Store) -> Actor:
    return _actor(add_user(store, "root", "admin"), "root", "admin")


def test_first_admin_only_in_an_empty_database(store: Store) -> None:
    with store.write() as session:
        info = accounts.create_first_admin(
            session, "chief", "主任", PASSWORD, extra_roles=["leader"], workstation="ws-0"
        )
    assert info.roles == ("leader", "admin") and info.active
    with pytest.raises(AuthError) as error, store.write() as session:
        accounts.create_first_admin(session, "second", "第二", PASSWORD)
    assert error.value.code == "auth.bootstrap_closed"
    assert _audit_actions(store) == [("user.create_first_admin", "system")]
    assert _feed(store) == [("user", [info.id], "created")]
    assert auth.login(store, "chief", PASSWORD, workstation="ws-0").has("admin")


def test_admin_creates_user_with_audit_and_feed(store: Store, admin: Actor) -> None:
    with store.write() as session:
        info = accounts.create_user(
            session, admin, "zhang", "张伟", PASSWORD, ["dispatcher", "shift_leader"]
        )
    assert info.roles == ("shift_leader", "dispatcher")
    assert _audit_actions(store) == [("user.create", "root")]
    assert _feed(store) == [("user", [info.id], "created")]
    with store.read() as session:
        listed = accounts.list_users(session)
        assert audit.verify(session).ok
    assert [u.username for u in listed] == ["root", "zhang"]
    assert not hasattr(listed[0], "password_hash")


def test_dispatcher_cannot_create_users(store: Store) -> None:
    dispatcher = _actor(add_user(store, "disp", "dispatcher"), "disp", "dispatcher")
    with pytest.raises(PermissionDenied) as error, store.write() as session:
        accounts.create_user(session, dispatcher, "x1", "某人", PASSWORD, ["inspector"])
    assert error.value.params["needed"] == "admin"
    assert _audit_actions(store) == []


@pytest.mark.parametrize(
    ("username", "name", "password", "roles", "code"),
    [
        ("a b", "名", PASSWORD, ["inspector"], "auth.bad_username"),
        ("ok", " ", PASSWORD, ["inspector"], "auth.bad_display_name"),
        ("ok", "名", "short1", ["inspector"], "auth.weak_password"),
        ("ok", "名", PASSWORD, ["janitor"], "auth.unknown_role"),
        ("ok", "名", PASSWORD, [], "auth.no_roles"),
        ("root", "名", PASSWORD, ["inspector"], "auth.user_exists"),
    ],
)
def test_create_user_validates_input(
    store: Store,
    admin: Actor,
    username: str,
    name: str,
    password: str,
    roles: list[str],
    code: str,
) -> None:
    with pytest.raises(InputError) as error, store.write() as session:
        accounts.create_user(session, admin, username, name, password, roles)
    assert error.value.code == code


def test_set_roles_and_last_admin_protection(store: Store, admin: Actor) -> None:
    other = add_user(store, "liu", "inspector")
    with store.write() as session:
        info = accounts.set_roles(session, admin, other, ["inspector", "intake"])
    assert info.roles == ("inspector", "intake")
    with pytest.raises(InputError) as error, store.write() as session:
        accounts.set_roles(session, admin, admin.user_id or 0, ["leader"])
    assert error.value.code == "auth.last_admin"
    with pytest.raises(InputError), store.write() as session:
        accounts.deactivate(session, admin, admin.user_id or 0)
    with store.write() as session:
        accounts.set_roles(session, admin, other, ["admin"])
        accounts.set_roles(session, admin, admin.user_id or 0, ["leader"])
    with store.read() as session:
        roles = {u.username: u.roles for u in accounts.list_users(session)}
    assert roles == {"root": ("leader",), "liu": ("admin",)}


def test_set_password_self_and_by_admin(store: Store, admin: Actor) -> None:
    uid = add_user(store, "ma", "inspector")
    me = _actor(uid, "ma", "inspector")
    with pytest.raises(AuthError), store.write() as session:
        accounts.set_password(session, me, uid, "newpass99", old_password="wrong-pass1")
    with store.write() as session:
        accounts.set_password(session, me, uid, "newpass99", old_password=PASSWORD)
    with pytest.raises(PermissionDenied), store.write() as session:
        accounts.set_password(session, me, admin.user_id or 0, "hijack123")
    # An administrator's reset also opens a locked account.
    for _ in range(5):
        with pytest.raises(AuthError):
            auth.login(store, "ma", "bad-pass1", workstation="w")
    with store.write() as session:
        accounts.set_password(session, admin, uid, "reset1234")
    assert auth.login(store, "ma", "reset1234", workstation="w").user_id == uid
    actions = [a for a, _ in _audit_actions(store) if a.startswith("user.")]
    assert actions == ["user.set_password", "user.set_password"]


def test_deactivate_and_reactivate(store: Store, admin: Actor) -> None:
    uid = add_user(store, "he", "unit")
    with store.write() as session:
        accounts.deactivate(session, admin, uid)
    with pytest.raises(AuthError) as error:
        auth.login(store, "he", PASSWORD, workstation="w")
    assert error.value.code == "auth.inactive"
    with store.write() as session:
        accounts.reactivate(session, admin, uid)
    assert auth.login(store, "he", PASSWORD, workstation="w").user_id == uid
    with store.read() as session:
        user = session.get_one(User, uid)
    assert user.active


def test_unlock_by_admin(store: Store, admin: Actor) -> None:
    uid = add_user(store, "lu", "unit")
    with store.write() as session:
        session.get_one(User, uid).failed_logins = 9
    with store.write() as session:
        accounts.unlock(session, admin, uid)
    with store.read() as session:
        assert session.get_one(User, uid).failed_logins == 0
    with pytest.raises(InputError) as error, store.write() as session:
        accounts.unlock(session, admin, 999_999)
    assert error.value.code == "auth.unknown_user"
