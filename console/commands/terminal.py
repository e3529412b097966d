"""`main.py terminal list|issue|revoke`: field terminals' device keys from the command line.

`issue` prints "code<TAB>key" per terminal: the only time a key is shown. Save it to a
file for the terminal (or for `main.py field-sim --keys`). The administrator's password
comes from a prompt or CONSOLE_ADMIN_PASSWORD, never from an argument.
"""

from __future__ import annotations

import argparse
import getpass
import os
from typing import Any
from zoneinfo import ZoneInfo

from console import messages, schema
from console.commands.context import CommandContext
from console.errors import AuthError, InputError
from console.messages import render
from console.services import auth, terminals
from console.services.actor import Actor

ADMIN_PASSWORD_ENV = "CONSOLE_ADMIN_PASSWORD"

messages.register(
    {
        "terminal.prompt_admin": ("{username} 的密码：", "Password of {username}: "),
        "terminal.need_codes": (
            "请给出终端编号，或用 --all 为所有可上报的终端签发",
            "Name the terminals, or use --all for every terminal that can report",
        ),
        "terminal.revoked": ("已吊销终端 {terminal} 的密钥", "Key of terminal {terminal} revoked"),
        "terminal.had_none": ("终端 {terminal} 没有有效密钥", "Terminal {terminal} had no key"),
        "terminal.header": (
            "编号\t持有人\t账号\t社区\t密钥\t签发时间\t最后在线",
            "code\tholder\taccount\tcommunity\tkey\tissued\tlast seen",
        ),
    }
)


def add_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(name, help="field terminals' keys: list, issue, revoke")
    actions = parser.add_subparsers(dest="terminal_action", required=True)
    actions.add_parser("list", help="terminals, holders and key state")
    issue = actions.add_parser("issue", help="issue new keys (printed once)")
    issue.add_argument("codes", nargs="*", help="terminal codes")
    issue.add_argument("--all", action="store_true", help="every terminal whose holder can report")
    issue.add_argument("--holder", help="user name of the new holder (an inspector)")
    issue.add_argument("--as", dest="as_user", required=True, help="administrator")
    revoke = actions.add_parser("revoke", help="revoke keys at once")
    revoke.add_argument("codes", nargs="+", help="terminal codes")
    revoke.add_argument("--as", dest="as_user", required=True, help="administrator")


def _admin(args: argparse.Namespace, ctx: CommandContext) -> Actor:
    if not args.as_user:
        raise AuthError("auth.need_admin")
    password = os.environ.get(ADMIN_PASSWORD_ENV) or getpass.getpass(
        render("terminal.prompt_admin", ctx.settings.language, username=args.as_user)
    )
    return auth.login(ctx.store(), args.as_user, password, workstation=ctx.settings.workstation)


def _list(ctx: CommandContext) -> int:
    zone = ZoneInfo(ctx.settings.timezone)
    with ctx.store().read() as session:
        rows = terminals.list_terminals(session)
    ctx.print(render("terminal.header", ctx.settings.language))
    for row in rows:
        issued = row.issued_at.astimezone(zone).strftime("%Y-%m-%d %H:%M") if row.issued_at else "-"
        seen = (
            row.last_seen_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            if row.last_seen_at
            else "-"
        )
        key = row.key_prefix if row.has_key else "-"
        fields = [row.code, row.holder_name, row.holder_username or "-", row.community or "-"]
        ctx.print("\t".join([*fields, key, issued, seen]))
    return 0


def _issue(args: argparse.Namespace, ctx: CommandContext) -> int:
    actor = _admin(args, ctx)
    store = ctx.store()
    with store.read() as session:
        codes = terminals.issuable_terminals(session) if args.all else list(args.codes)
        holder = terminals.user_id(session, args.holder) if args.holder else None
    if not codes:
        raise InputError("terminal.need_codes")
    # One transaction: either every named terminal gets its key, or none does.
    with store.write() as session:
        issued = [
            terminals.issue_key(
                session, actor, terminals.terminal_id(session, code), holder_user_id=holder
            )
            for code in codes
        ]
    for item in issued:
        ctx.print(f"{item.code}\t{item.key}")
    return 0


def _revoke(args: argparse.Namespace, ctx: CommandContext) -> int:
    actor = _admin(args, ctx)
    with ctx.store().write() as session:
        done = [
            (code, terminals.revoke_key(session, actor, terminals.terminal_id(session, code)))
            for code in args.codes
        ]
    for code, revoked in done:
        key = "terminal.revoked" if revoked else "terminal.had_none"
        ctx.print(render(key, ctx.settings.language, terminal=code))
    return 0


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    schema.require_current(ctx.store())
    if args.terminal_action == "list":
        return _list(ctx)
    if args.terminal_action == "issue":
        return _issue(args, ctx)
    return _revoke(args, ctx)
