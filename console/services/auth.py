"""Signing in: password check, lockout after repeated failures, and an audit row per try.

A refused login must still leave its trace: the audit row and the raised failure counter
have to be committed although the caller gets an AuthError. So the work is split:

- attempt_login(session, ...) does everything inside the caller's transaction and
  returns a LoginAttempt; it never raises for a refused login, so the caller commits.
- login(store, ...) is what callers use: it runs attempt_login in its own write
  transaction, commits, and only then raises the AuthError of a refused attempt.

Unknown users cost one dummy hash verification, so they cannot be told apart from
known ones by response time.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.errors import AuthError
from console.models import AppSetting, User
from console.services import audit, passwords
from console.services.accounts import demo_sign_ins, is_demo_database
from console.services.actor import Actor
from console.services.workcalendar import DEFAULT_TIMEZONE, TIMEZONE_KEY
from console.store import Store

log = logging.getLogger("console.auth")

# Policy keys in app_setting; cities set their own values, these are the defaults.
MAX_FAILURES_KEY = "auth.max_failed_logins"
LOCKOUT_MINUTES_KEY = "auth.lockout_minutes"
DEFAULT_MAX_FAILURES = 5
DEFAULT_LOCKOUT_MINUTES = 15

OUTCOMES = ("ok", "bad_password", "unknown_user", "locked", "inactive")


@dataclass(frozen=True)
class LockoutPolicy:
    max_failures: int = DEFAULT_MAX_FAILURES
    lockout: dt.timedelta = dt.timedelta(minutes=DEFAULT_LOCKOUT_MINUTES)


@dataclass(frozen=True)
class LoginAttempt:
    """The outcome of one try; actor is set only when outcome is "ok"."""

    outcome: str
    actor: Actor | None = None
    locked_until: dt.datetime | None = None
    # locked_until in the center's time zone, as the user reads a clock.
    locked_until_text: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"

    def error(self) -> AuthError:
        if self.outcome == "locked":
            return AuthError("auth.locked", until=self.locked_until_text)
        if self.outcome == "inactive":
            return AuthError("auth.inactive")
        return AuthError("auth.bad_credentials")

    def actor_or_raise(self) -> Actor:
        if self.actor is None:
            raise self.error()
        return self.actor


def _setting_int(session: Session, key: str, default: int) -> int:
    value = session.get(AppSetting, key)
    if value is None:
        return default
    try:
        number = int(value.value)
    except (TypeError, ValueError):
        number = 0
    if number < 1:
        log.warning("ignoring invalid %s=%r; using %s", key, value.value, default)
        return default
    return number


def lockout_policy(session: Session) -> LockoutPolicy:
    return LockoutPolicy(
        max_failures=_setting_int(session, MAX_FAILURES_KEY, DEFAULT_MAX_FAILURES),
        lockout=dt.timedelta(
            minutes=_setting_int(session, LOCKOUT_MINUTES_KEY, DEFAULT_LOCKOUT_MINUTES)
        ),
    )


def _local_text(session: Session, moment: dt.datetime) -> str:
    setting = session.get(AppSetting, TIMEZONE_KEY)
    try:
        zone = ZoneInfo(str(setting.value) if setting is not None else DEFAULT_TIMEZONE)
    except (ValueError, ZoneInfoNotFoundError):
        zone = ZoneInfo(DEFAULT_TIMEZONE)
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


@cache
def _dummy_hash() -> str:
    return passwords.hash_password(secrets.token_urlsafe(16))


def _password_matches(stored: str, password: str) -> bool:
    if stored == passwords.NO_PASSWORD:
        # No password opens it; a dummy check makes the refusal take as long as any other.
        passwords.verify_password(_dummy_hash(), password)
        return False
    return passwords.verify_password(stored, password)


def _record(
    session: Session,
    username: str,
    workstation: str,
    outcome: str,
    user: User | None = None,
    **detail: object,
) -> None:
    who = Actor(
        user.id if user else None,
        user.username if user else username[:64],
        user.role_names if user else frozenset(),
        workstation,
    )
    audit.record(
        session,
        who,
        "auth.login",
        entity="user",
        entity_id=user.id if user else "",
        detail={"outcome": outcome, **detail},
        workstation=workstation[:128],
    )


def attempt_login(
    session: Session,
    username: str,
    password: str,
    *,
    workstation: str,
    now: dt.datetime | None = None,
) -> LoginAttempt:
    """Check one login inside the caller's transaction, which must then be committed."""
    now = now or dt.datetime.now(dt.UTC)
    username = username.strip()
    user = session.scalars(
        select(User).where(User.username == username).with_for_update()
    ).one_or_none()
    if user is None:
        passwords.verify_password(_dummy_hash(), password)
        _record(session, username, workstation, "unknown_user")
        return LoginAttempt("unknown_user")

    if user.locked_until is not None and user.locked_until <= now:
        # The window has passed: the account starts again with a clean count.
        user.locked_until = None
        user.failed_logins = 0
    if user.locked_until is not None:
        passwords.verify_password(_dummy_hash(), password)
        _record(session, username, workstation, "locked", user)
        until = user.locked_until
        return LoginAttempt(
            "locked", locked_until=until, locked_until_text=_local_text(session, until)
        )

    if not _password_matches(user.password_hash, password):
        policy = lockout_policy(session)
        user.failed_logins += 1
        extra: dict[str, object] = {"failed_logins": user.failed_logins}
        if user.failed_logins >= policy.max_failures:
            user.locked_until = now + policy.lockout
            extra["locked_until"] = user.locked_until.isoformat()
            log.warning("account %s locked until %s", user.username, user.locked_until)
        _record(session, username, workstation, "bad_password", user, **extra)
        return LoginAttempt("bad_password")

    # Only a caller who knows the password learns that the account is disabled.
    if not user.active:
        _record(session, username, workstation, "inactive", user)
        return LoginAttempt("inactive")

    user.failed_logins = 0
    user.last_login_at = now
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
        log.info("password hash of %s upgraded to current parameters", user.username)
    _record(session, username, workstation, "ok", user)
    actor = Actor(user.id, user.username, user.role_names, workstation)
    return LoginAttempt("ok", actor=actor)


def login(
    store: Store,
    username: str,
    password: str,
    *,
    workstation: str,
    now: dt.datetime | None = None,
) -> Actor:
    """Sign in: commits the attempt's audit row and counters, then raises if refused."""
    with store.write() as session:
        attempt = attempt_login(session, username, password, workstation=workstation, now=now)
    return attempt.actor_or_raise()


@dataclass(frozen=True)
class LoginHints:
    """What the login screen may say before anyone signs in."""

    has_users: bool
    demo: bool
    demo_accounts: tuple[tuple[str, str], ...]  # (user name, password or "")


def login_hints(session: Session) -> LoginHints:
    has_users = bool(session.scalar(select(func.count()).select_from(User)))
    demo = is_demo_database(session)
    return LoginHints(has_users, demo, tuple(demo_sign_ins(session)) if demo else ())
