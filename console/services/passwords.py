"""Password hashing with argon2id (argon2-cffi's RFC 9106 low-memory profile)."""

from __future__ import annotations

import re

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from console.errors import InputError

MIN_LENGTH = 8
# Stored for an account that signs in nowhere yet (a grid worker who reports only from a
# terminal): no password matches it, and an administrator can set one.
NO_PASSWORD = "!"
_hasher = PasswordHasher(type=Type.ID)


def check_strength(password: str) -> None:
    """Refuse short passwords and ones without both letters and digits."""
    if (
        len(password) < MIN_LENGTH
        or not re.search(r"[A-Za-z]", password)
        or not re.search(r"\d", password)
    ):
        raise InputError("auth.weak_password", min=MIN_LENGTH)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)
