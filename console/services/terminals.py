"""Field terminals' device keys: issued and revoked by an administrator, checked per request.

A key is "<prefix>.<secret>". Only the sha256 of the whole key is stored, with the prefix
in the clear so the row is found by an index; the hashes are then compared in constant
time. The key itself is returned once, when it is issued, and never again.
The request-rate policy is data (app_setting), so a center tunes it without a release.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import math
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from console import messages
from console.errors import AuthError, InputError, SettingError
from console.models import AppSetting, Community, FieldTerminal, User, UserRole
from console.models.base import table_of
from console.services import audit, feed
from console.services.actor import Actor

RATE_PER_MINUTE_KEY = "field_rate_per_minute"
RATE_BURST_KEY = "field_rate_burst"
DEFAULT_RATE_PER_MINUTE = 60
DEFAULT_RATE_BURST = 20
_PREFIX_BYTES = 6  # 12 hex characters: unique enough for an index, not a secret
_SECRET_BYTES = 24

messages.register(
    {
        "field.bad_key": (
            "终端密钥无效、已吊销或终端已停用",
            "The terminal key is invalid or revoked, or the terminal is disabled",
        ),
        "field.unknown_terminal": ("没有编号为 {terminal} 的终端", "No terminal {terminal}"),
        "field.terminal_inactive": (
            "终端 {terminal} 已停用，不能签发密钥",
            "Terminal {terminal} is disabled; no key can be issued",
        ),
        "field.no_holder": (
            "终端 {terminal} 没有绑定持有人账号，不能签发密钥",
            "Terminal {terminal} has no holder account; no key can be issued",
        ),
        "field.holder_not_inspector": (
            "持有人 {username} 不是监督员（网格员），不能用终端上报",
            "Holder {username} is not an inspector (grid worker) and cannot report from a terminal",
        ),
        "field.holder_inactive": (
            "持有人账号 {username} 已停用",
            "The holder account {username} is disabled",
        ),
        "field.unknown_user": ("没有编号为 {user_id} 的账号", "No account {user_id}"),
        "field.bad_rate_per_minute": (
            "数据库设置 {key} 的值 {value} 无效：应为大于 0 的数（每个终端每分钟的请求数）。"
            "请修正该设置，或删除它以使用默认值。",
            "The database setting {key} = {value} is not usable: it must be a number above 0"
            " (requests per minute per terminal). Correct it, or delete it to use the default.",
        ),
        "field.bad_rate_burst": (
            "数据库设置 {key} 的值 {value} 无效：应为不小于 1 的整数（每个终端可一次连续发送的"
            "请求数）。请修正该设置，或删除它以使用默认值。",
            "The database setting {key} = {value} is not usable: it must be a whole number of 1"
            " or more (requests a terminal may send at once). Correct it, or delete it to use"
            " the default.",
        ),
    }
)


@dataclass(frozen=True)
class IssuedKey:
    terminal_id: int
    code: str
    key: str  # shown once; only its hash is kept


@dataclass(frozen=True)
class FieldIdentity:
    """Who is calling: the terminal and its holder, who acts under their own roles."""

    terminal_id: int
    code: str
    actor: Actor
    # As the key check found them: a report updates "last seen" only when it is stale.
    last_seen_at: dt.datetime | None = None
    online: bool = False


@dataclass(frozen=True)
class TerminalRow:
    id: int
    code: str
    holder_name: str
    holder_username: str
    holder_post: str
    community: str
    has_key: bool
    key_prefix: str
    issued_at: dt.datetime | None
    last_seen_at: dt.datetime | None
    active: bool


@dataclass(frozen=True)
class RatePolicy:
    per_minute: float
    burst: int


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def _terminal(session: Session, terminal_id: int) -> FieldTerminal:
    terminal = session.get(FieldTerminal, terminal_id)
    if terminal is None:
        raise InputError("field.unknown_terminal", terminal=terminal_id)
    return terminal


def _holder(session: Session, terminal: FieldTerminal, user_id: int | None) -> User:
    if user_id is None:
        raise InputError("field.no_holder", terminal=terminal.code)
    user = session.get(User, user_id)
    if user is None:
        raise InputError("field.unknown_user", user_id=user_id)
    if not user.active:
        raise InputError("field.holder_inactive", username=user.username)
    if "inspector" not in user.role_names:
        raise InputError("field.holder_not_inspector", username=user.username)
    return user


def issue_key(
    session: Session,
    actor: Actor,
    terminal_id: int,
    *,
    holder_user_id: int | None = None,
    now: dt.datetime | None = None,
) -> IssuedKey:
    """A new key for the terminal (any previous one stops working); admin only."""
    actor.require("issue terminal keys", "admin")
    at = now or dt.datetime.now(dt.UTC)
    terminal = _terminal(session, terminal_id)
    if not terminal.active:
        raise InputError("field.terminal_inactive", terminal=terminal.code)
    user = _holder(session, terminal, holder_user_id or terminal.holder_user_id)
    prefix = secrets.token_hex(_PREFIX_BYTES)
    key = f"{prefix}.{secrets.token_urlsafe(_SECRET_BYTES)}"
    replaced = terminal.api_key_prefix
    terminal.holder_user_id = user.id
    terminal.api_key_prefix = prefix
    terminal.api_key_hash = key_hash(key)
    terminal.api_key_issued_at = at
    session.flush()
    audit.record(
        session,
        actor,
        "terminal.issue_key",
        entity="field_terminal",
        entity_id=terminal.id,
        detail={"code": terminal.code, "prefix": prefix, "replaced": replaced, "holder": user.id},
    )
    feed.record(session, "field_terminal", [terminal.id], "updated", workstation=actor.workstation)
    return IssuedKey(terminal.id, terminal.code, key)


def revoke_key(session: Session, actor: Actor, terminal_id: int) -> bool:
    """Stop the terminal's key at once; False if it had none. Admin only."""
    actor.require("revoke terminal keys", "admin")
    terminal = _terminal(session, terminal_id)
    prefix = terminal.api_key_prefix
    if terminal.api_key_hash is None and prefix is None:
        return False
    terminal.api_key_hash = None
    terminal.api_key_prefix = None
    terminal.api_key_issued_at = None
    session.flush()
    audit.record(
        session,
        actor,
        "terminal.revoke_key",
        entity="field_terminal",
        entity_id=terminal.id,
        detail={"code": terminal.code, "prefix": prefix},
    )
    feed.record(session, "field_terminal", [terminal.id], "updated", workstation=actor.workstation)
    return True


def _by_prefix() -> Select[Any]:
    terminal, user, role = table_of(FieldTerminal), table_of(User), table_of(UserRole)
    return (
        select(
            terminal.c.id,
            terminal.c.code,
            terminal.c.api_key_hash,
            terminal.c.active,
            terminal.c.last_seen_at,
            terminal.c.status,
            user.c.id.label("user_id"),
            user.c.username,
            user.c.active.label("user_active"),
            role.c.role,
        )
        .select_from(terminal)
        .outerjoin(user, user.c.id == terminal.c.holder_user_id)
        .outerjoin(role, role.c.user_id == user.c.id)
        .where(terminal.c.api_key_prefix == bindparam("prefix"))
    )


# A terminal and its holder's roles (a row per role) by key prefix: built once, since it
# runs before every request of every terminal and building it cost more than running it.
_BY_PREFIX = _by_prefix()


def authenticate(session: Session, key: str) -> FieldIdentity:
    """The terminal and holder behind a key, or AuthError (same answer for every failure)."""
    prefix, dot, _secret = key.partition(".") if isinstance(key, str) else ("", "", "")
    rows = (
        session.execute(_BY_PREFIX, {"prefix": prefix}).all()
        if dot and 0 < len(prefix) <= 16
        else []
    )
    row = rows[0] if rows else None
    # Hash even when nothing was found, so a miss and a wrong secret take the same time.
    offered = key_hash(key if isinstance(key, str) else "")
    stored = row.api_key_hash if row is not None else None
    matches = hmac.compare_digest(offered, stored or "0" * 64)
    if row is None or stored is None or not matches or not row.active:
        raise AuthError("field.bad_key")
    if row.user_id is None or not row.user_active:
        raise AuthError("field.bad_key")
    roles = frozenset(r.role for r in rows if r.role is not None)
    actor = Actor(row.user_id, row.username, roles, f"terminal:{row.code}")
    return FieldIdentity(
        row.id, row.code, actor, last_seen_at=row.last_seen_at, online=row.status == "online"
    )


def rate_policy(session: Session) -> RatePolicy:
    """The per-terminal rate from app_setting (defaults when unset).

    A value that is set but unusable raises SettingError naming it: the service must not
    start on a policy nobody chose.
    """
    per_minute = _policy_number(session, RATE_PER_MINUTE_KEY, "field.bad_rate_per_minute")
    burst = _policy_number(session, RATE_BURST_KEY, "field.bad_rate_burst", whole=True)
    return RatePolicy(
        per_minute=float(DEFAULT_RATE_PER_MINUTE) if per_minute is None else per_minute,
        burst=DEFAULT_RATE_BURST if burst is None else int(burst),
    )


def _policy_number(session: Session, key: str, code: str, whole: bool = False) -> float | None:
    try:
        row = session.get(AppSetting, key)
    except ValueError:  # the stored JSON does not even decode
        raise SettingError(code, key=key, value="?") from None
    if row is None or row.value is None:
        return None
    value = row.value
    try:
        if isinstance(value, bool):
            raise TypeError(value)
        number = float(value)  # a number, or a number written as text
        if not math.isfinite(number) or number <= 0 or (whole and not number.is_integer()):
            raise ValueError(value)
    except (TypeError, ValueError, OverflowError):
        shown = json.dumps(value, ensure_ascii=False, default=str)
        raise SettingError(code, key=key, value=shown[:40]) from None
    return number


def list_terminals(session: Session) -> list[TerminalRow]:
    """Every terminal with its holder and key state, by code (for the key dialog)."""
    rows = session.execute(
        select(FieldTerminal, User.username, Community.name)
        .outerjoin(User, User.id == FieldTerminal.holder_user_id)
        .outerjoin(Community, Community.id == FieldTerminal.community_id)
        .order_by(FieldTerminal.code)
    )
    return [
        TerminalRow(
            id=t.id,
            code=t.code,
            holder_name=t.holder_name,
            holder_username=username or "",
            holder_post=t.holder_post,
            community=community or "",
            has_key=t.api_key_hash is not None,
            key_prefix=t.api_key_prefix or "",
            issued_at=t.api_key_issued_at,
            last_seen_at=t.last_seen_at,
            active=t.active,
        )
        for t, username, community in rows
    ]


def inspector_accounts(session: Session) -> list[tuple[int, str, str]]:
    """(id, username, display name) of active inspectors: who may hold a terminal."""
    users = session.scalars(select(User).where(User.active.is_(True)).order_by(User.username))
    return [(u.id, u.username, u.display_name) for u in users if "inspector" in u.role_names]


def terminal_id(session: Session, code: str) -> int:
    """The id of the terminal with this code (InputError if none)."""
    found = session.scalar(select(FieldTerminal.id).where(FieldTerminal.code == code))
    if found is None:
        raise InputError("field.unknown_terminal", terminal=code)
    return int(found)


def user_id(session: Session, username: str) -> int:
    found = session.scalar(select(User.id).where(User.username == username))
    if found is None:
        raise InputError("field.unknown_user", user_id=username)
    return int(found)


def issuable_terminals(session: Session) -> list[str]:
    """Codes of active terminals whose holder may report (for issuing keys to all)."""
    rows = session.execute(
        select(FieldTerminal.code, FieldTerminal.holder_user_id)
        .where(FieldTerminal.active.is_(True), FieldTerminal.holder_user_id.is_not(None))
        .order_by(FieldTerminal.code)
    )
    inspectors = {uid for uid, _n, _d in inspector_accounts(session)}
    return [code for code, holder in rows if holder in inspectors]
