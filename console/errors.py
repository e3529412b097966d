"""Errors the user is meant to read (environment, input, permissions), apart from bugs.

A KnownError carries a message code and parameters; the text comes from console.messages
in the user's language, so the core stays free of Qt and of any one language.
"""

from __future__ import annotations

from typing import Any


class KnownError(Exception):
    """Something the user can act on: shown plainly, never as a traceback."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, language: str | None = None) -> str:
        from console.messages import render

        return render(self.code, language, **self.params)

    def __str__(self) -> str:
        return self.message("en")


class DatabaseError(KnownError):
    """The database cannot be opened, reached or written."""


class InputError(KnownError):
    """A value entered or imported is not acceptable."""


class SettingError(KnownError):
    """A center-wide setting kept in the database (app_setting) has an unusable value."""


class PermissionDenied(KnownError):
    """The user's roles do not allow the action (checked in the services)."""


class AuthError(KnownError):
    """Login refused: wrong credentials or a locked account."""


class ConflictError(KnownError):
    """Someone else changed the record first."""
