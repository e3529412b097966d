"""Signing in on the command line: --as USER, password from the environment or a prompt."""

from __future__ import annotations

import getpass
import os

from console.commands.context import CommandContext
from console.services import auth
from console.services.actor import Actor

PASSWORD_ENV = "CONSOLE_PASSWORD"


def sign_in(ctx: CommandContext, username: str) -> Actor:
    """The signed-in actor; a refused login raises AuthError (exit status 2)."""
    password = os.environ.get(PASSWORD_ENV) or getpass.getpass(f"Password of {username}: ")
    return auth.login(ctx.store(), username, password, workstation=ctx.settings.workstation)
