"""User accounts: create, change roles and passwords, deactivate, list.

No account exists by default, so no built-in password can open a real database: the
first administrator is made with create_first_admin(), which only works while the
database has no users at all. Demo accounts (with published passwords) are made by the
demo generator, only in a database flagged as a demo (app_setting "demo").

Every change appends an audit row and a change-feed row to the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.errors import AuthError, InputError
from console.models import AppSetting, User, UserRole
from console.models.org import ROLES
from console.services import audit, feed, passwords
from console.services.actor import Actor, system_actor
from console.services.writelock import hold_write_lock

DEMO_KEY = "demo"
DEMO_SEED_KEY = "demo_seed"
_USERNAME = re.compile(r"\S{1,64}")


@dataclass(frozen=True)
class UserInfo:
    """A user as the views and the CLI see it (never the password hash)."""

    id: int
    username: str
    display_name: str
    roles: tuple[str, ...]
    active: bool
    failed_logins: int
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None


def _info(user: User) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        roles=tuple(r for r in ROLES if r in user.role_names),
        active=user.active,
        failed_logins=user.failed_logins,
        locked_until=user.locked_until,
        last_login_at=user.last_login_at,
    )


def is_demo_database(session: Session) -> bool:
    setting = session.get(AppSetting, DEMO_KEY)
    return bool(setting is not None and setting.value)


def demo_sign_ins(session: Session) -> list[tuple[str, str]]:
    """(user name, password) of a demo database's active accounts; empty otherwise.

    Demo passwords are derived from the seed (app_setting "demo_seed") and printed by
    `main.py demo`; a password is only given while it still works (the user may have
    changed it), else "". Only ever for a database flagged as a demo.
    """
    if not is_demo_database(session):
        return []
    # Accounts without a password (grid workers who report from a terminal) sign in nowhere.
    can_sign_in = User.active & (User.password_hash != passwords.NO_PASSWORD)
    names = list(session.scalars(select(User.username).where(can_sign_in).order_by(User.id)))
    seed = session.get(AppSetting, DEMO_SEED_KEY)
    published: dict[str, str] = {}
    if seed is not None and isinstance(seed.value, dict) and "seed" in seed.value:
        from db.demo.people import published_passwords  # only demo databases need it

        published = published_passwords(int(seed.value["seed"]))
    rows = session.execute(
        select(User.username, User.password_hash).where(User.username.in_(names))
    )
    hashes = {name: stored for name, stored in rows}
    return [
        (name, pw if pw and passwords.verify_password(hashes[name], pw) else "")
        for name in names
        for pw in [published.get(name, "")]
    ]


def display_name(session: Session, user_id: int | None) -> str:
    """The user's display name, "" for the system or a user that is gone."""
    if user_id is None:
        return ""
    return session.scalar(select(User.display_name).where(User.id == user_id)) or ""


def count_users(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(User)) or 0)


def list_users(session: Session) -> list[UserInfo]:
    return [_info(u) for u in session.scalars(select(User).order_by(User.username))]


def _clean_roles(roles: Iterable[str]) -> set[str]:
    wanted = {r.strip() for r in roles if r.strip()}
    if not wanted:
        raise InputError("auth.no_roles")
    for role in sorted(wanted):
        if role not in ROLES:
            raise InputError("auth.unknown_role", role=role)
    return wanted


def _get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id, with_for_update=True)
    if user is None:
        raise InputError("auth.unknown_user", username=f"#{user_id}")
    return user


def _other_active_admins(session: Session, user_id: int) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(User)
            .join(UserRole)
            .where(User.active, UserRole.role == "admin", User.id != user_id)
        )
        or 0
    )


def _log(
    session: Session, actor: Actor, action: str, user: User, kind: str, **detail: object
) -> None:
    audit.record(
        session,
        actor,
        action,
        entity="user",
        entity_id=user.id,
        detail={"username": user.username, **detail},
    )
    feed.record(session, "user", [user.id], kind, workstation=actor.workstation)


def _add_user(
    session: Session,
    username: str,
    display_name: str,
    password: str,
    roles: set[str],
    **fields: object,
) -> User:
    username = username.strip()
    display_name = display_name.strip()
    if not _USERNAME.fullmatch(username):
        raise InputError("auth.bad_username")
    if not display_name or len(display_name) > 64:
        raise InputError("auth.bad_display_name")
    passwords.check_strength(password)
    hold_write_lock(session)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise InputError("auth.user_exists", username=username)
    user = User(
        username=username,
        display_name=display_name,
        password_hash=passwords.hash_password(password),
        created_at=dt.datetime.now(dt.UTC),
        roles=[UserRole(role=r) for r in sorted(roles)],
        **fields,
    )
    session.add(user)
    session.flush()
    return user


def create_first_admin(
    session: Session,
    username: str,
    display_name: str,
    password: str,
    *,
    extra_roles: Iterable[str] = (),
    workstation: str | None = None,
) -> UserInfo:
    """The bootstrap account: refused as soon as the database holds any user."""
    roles = _clean_roles(["admin", *extra_roles])
    hold_write_lock(session)  # two bootstraps at once: the second sees the first's user
    if count_users(session):
        raise AuthError("auth.bootstrap_closed")
    user = _add_user(session, username, display_name, password, roles)
    _log(
        session,
        system_actor(workstation),
        "user.create_first_admin",
        user,
        "created",
        roles=sorted(roles),
    )
    return _info(user)


def create_user(
    session: Session,
    actor: Actor,
    username: str,
    display_name: str,
    password: str,
    roles: Iterable[str],
    *,
    unit_id: int | None = None,
    community_id: int | None = None,
    phone: str = "",
) -> UserInfo:
    actor.require("create users", "admin")
    clean = _clean_roles(roles)
    user = _add_user(
        session,
        username,
        display_name,
        password,
        clean,
        unit_id=unit_id,
        community_id=community_id,
        phone=phone,
    )
    _log(session, actor, "user.create", user, "created", roles=sorted(clean))
    return _info(user)


def set_roles(session: Session, actor: Actor, user_id: int, roles: Iterable[str]) -> UserInfo:
    actor.require("change roles", "admin")
    clean = _clean_roles(roles)
    user = _get_user(session, user_id)
    before = sorted(user.role_names)
    if "admin" not in clean and user.active and "admin" in user.role_names:
        _refuse_last_admin(session, user)
    user.roles = [r for r in user.roles if r.role in clean] + [
        UserRole(role=r) for r in sorted(clean - user.role_names)
    ]
    session.flush()
    _log(session, actor, "user.set_roles", user, "updated", before=before, after=sorted(clean))
    return _info(user)


def set_password(
    session: Session,
    actor: Actor,
    user_id: int,
    new_password: str,
    *,
    old_password: str | None = None,
) -> None:
    """Users change their own password (old one required); admins reset anyone else's."""
    user = _get_user(session, user_id)
    own = actor.user_id == user.id
    if own:
        if old_password is None or not passwords.verify_password(user.password_hash, old_password):
            raise AuthError("auth.old_password_wrong")
    else:
        actor.require("reset passwords", "admin")
    passwords.check_strength(new_password)
    user.password_hash = passwords.hash_password(new_password)
    if not own:
        # A reset by an administrator is also how a locked account is opened again.
        user.failed_logins = 0
        user.locked_until = None
    _log(session, actor, "user.set_password", user, "updated", by_admin=not own)


def unlock(session: Session, actor: Actor, user_id: int) -> None:
    actor.require("unlock accounts", "admin")
    user = _get_user(session, user_id)
    user.failed_logins = 0
    user.locked_until = None
    _log(session, actor, "user.unlock", user, "updated")


def _refuse_last_admin(session: Session, user: User) -> None:
    if _other_active_admins(session, user.id) == 0:
        raise InputError("auth.last_admin", username=user.username)


def deactivate(session: Session, actor: Actor, user_id: int) -> None:
    actor.require("deactivate accounts", "admin")
    user = _get_user(session, user_id)
    if not user.active:
        return
    if "admin" in user.role_names:
        _refuse_last_admin(session, user)
    user.active = False
    _log(session, actor, "user.deactivate", user, "updated")


def reactivate(session: Session, actor: Actor, user_id: int) -> None:
    actor.require("reactivate accounts", "admin")
    user = _get_user(session, user_id)
    if user.active:
        return
    user.active = True
    user.failed_logins = 0
    user.locked_until = None
    _log(session, actor, "user.reactivate", user, "updated")
