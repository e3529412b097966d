"""Helpers for tests that need user accounts without paying for real argon2 costs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher, Type

from console.models import User, UserRole
from console.services import passwords
from console.store import Store

PASSWORD = "secret123"


@pytest.fixture
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> Iterator[PasswordHasher]:
    """Cheap argon2id parameters: same code paths, milliseconds instead of ~0.1 s."""
    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1, type=Type.ID)
    monkeypatch.setattr(passwords, "_hasher", hasher)
    yield hasher


def add_user(
    store: Store,
    username: str,
    *roles: str,
    password: str = PASSWORD,
    active: bool = True,
    display_name: str = "",
) -> int:
    """Insert an account directly (no audit row), as a fixture would find it."""
    with store.write() as session:
        user = User(
            username=username,
            display_name=display_name or username,
            password_hash=passwords.hash_password(password),
            active=active,
            created_at=dt.datetime.now(dt.UTC),
            roles=[UserRole(role=r) for r in roles],
        )
        session.add(user)
        session.flush()
        return user.id
