"""`main.py user add|list`: accounts from the command line.

Passwords are never taken as arguments (they would end up in shell history and the
process list): they are asked for twice, or read from CONSOLE_NEW_PASSWORD (the new
account) and CONSOLE_ADMIN_PASSWORD (the administrator named by --as) in scripts.
In a database without accounts, `user add` creates the first administrator.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
from typing import Any
from zoneinfo import ZoneInfo

from console import messages, schema
from console.commands.context import CommandContext
from console.errors import AuthError, InputError
from console.messages import render
from console.models.org import ROLES
from console.services import accounts, auth

NEW_PASSWORD_ENV = "CONSOLE_NEW_PASSWORD"
ADMIN_PASSWORD_ENV = "CONSOLE_ADMIN_PASSWORD"

messages.register(
    {
        "user.prompt_new": ("新账号的密码：", "Password of the new account: "),
        "user.prompt_repeat": ("再次输入密码：", "Repeat the password: "),
        "user.prompt_admin": ("{username} 的密码：", "Password of {username}: "),
    }
)


def add_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(name, help="user accounts: add, list")
    actions = parser.add_subparsers(dest="user_action", required=True)
    add = actions.add_parser("add", help="create an account (the first one is an administrator)")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="display name, e.g. 张伟")
    add.add_argument(
        "--role", action="append", default=[], help="role (repeatable): " + ", ".join(ROLES)
    )
    add.add_argument("--as", dest="as_user", help="administrator who creates the account")
    actions.add_parser("list", help="list accounts and their roles")


def _new_password(language: str) -> str:
    from_env = os.environ.get(NEW_PASSWORD_ENV)
    if from_env:
        return from_env
    first = getpass.getpass(render("user.prompt_new", language))
    if getpass.getpass(render("user.prompt_repeat", language)) != first:
        raise InputError("auth.password_mismatch")
    return first


def _admin_password(username: str, language: str) -> str:
    from_env = os.environ.get(ADMIN_PASSWORD_ENV)
    return from_env or getpass.getpass(render("user.prompt_admin", language, username=username))


def _add(args: argparse.Namespace, ctx: CommandContext) -> int:
    store = ctx.store()
    language = ctx.settings.language
    workstation = ctx.settings.workstation
    with store.read() as session:
        first = accounts.count_users(session) == 0
    if first:
        password = _new_password(language)
        with store.write() as session:
            info = accounts.create_first_admin(
                session,
                args.username,
                args.name,
                password,
                extra_roles=args.role,
                workstation=workstation,
            )
    else:
        if not args.as_user:
            raise AuthError("auth.need_admin")
        actor = auth.login(
            store, args.as_user, _admin_password(args.as_user, language), workstation=workstation
        )
        password = _new_password(language)
        with store.write() as session:
            info = accounts.create_user(
                session, actor, args.username, args.name, password, args.role
            )
    ctx.print(render("user.created", language, username=info.username, roles=", ".join(info.roles)))
    return 0


def _list(ctx: CommandContext) -> int:
    language = ctx.settings.language
    with ctx.store().read() as session:
        users = accounts.list_users(session)
    if not users:
        ctx.print(render("user.none", language))
        return 0
    ctx.print(render("user.list_header", language))
    now = dt.datetime.now(dt.UTC)
    zone = ZoneInfo(ctx.settings.timezone)
    for user in users:
        state = "user.state_active" if user.active else "user.state_inactive"
        if user.active and user.locked_until is not None and user.locked_until > now:
            state = "user.state_locked"
        last = "-"
        if user.last_login_at is not None:
            last = user.last_login_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        fields = [
            user.username,
            user.display_name,
            ",".join(user.roles),
            render(state, language),
            last,
        ]
        ctx.print("\t".join(fields))
    return 0


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    schema.require_current(ctx.store())
    if args.user_action == "add":
        return _add(args, ctx)
    return _list(ctx)
