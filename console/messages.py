"""User-facing messages of the core, in Chinese (default) and English.

Views translate their own strings with Qt; the core, which must not import Qt, speaks
through these codes so that CLI and GUI show the same sentence.
"""

from __future__ import annotations

import os
from typing import Any

DEFAULT_LANGUAGE = "zh_CN"

MESSAGES: dict[str, tuple[str, str]] = {
    "db.bad_url": (
        "数据库地址格式不正确：{url}（示例：sqlite:///路径/console.sqlite3 或 "
        "postgresql+psycopg://用户:密码@主机/库名）",
        "Malformed database URL: {url} (e.g. sqlite:///path/console.sqlite3 or "
        "postgresql+psycopg://user:password@host/dbname)",
    ),
    "db.unsupported": (
        "不支持的数据库类型：{dialect}（仅支持 SQLite 和 PostgreSQL）",
        "Unsupported database: {dialect} (SQLite and PostgreSQL only)",
    ),
    "db.unreachable": (
        "无法连接数据库服务器 {host}：{detail}",
        "Cannot reach the database server {host}: {detail}",
    ),
    "db.auth_failed": (
        "数据库拒绝登录（用户名或密码错误）：{host}",
        "The database refused the login (wrong user or password): {host}",
    ),
    "db.missing_database": (
        "数据库服务器上没有名为 {name} 的数据库",
        "The database server has no database named {name}",
    ),
    "db.locked": (
        "数据库文件被其他程序锁定，请稍后重试：{path}",
        "The database file is locked by another program; try again later: {path}",
    ),
    "db.readonly": (
        "数据库文件只读，无法写入：{path}",
        "The database file is read-only and cannot be written: {path}",
    ),
    "db.cannot_open": (
        "无法打开数据库文件：{path}（{detail}）",
        "Cannot open the database file: {path} ({detail})",
    ),
    "db.corrupt": (
        "数据库文件已损坏或不是数据库：{path}",
        "The database file is damaged or not a database: {path}",
    ),
    "db.newer": (
        "该数据库由更新版本的程序创建（版本 {revision}），请升级本程序后再打开",
        "This database was made by a newer version of the program (revision {revision});"
        " upgrade the program to open it",
    ),
    "db.foreign": (
        "该数据库不是本系统的数据库（发现未知的表：{tables}）",
        "This database does not belong to this program (unknown tables: {tables})",
    ),
    "db.error": ("数据库错误：{detail}", "Database error: {detail}"),
    "db.not_initialised": (
        "数据库尚未初始化，请先运行 main.py db upgrade 或 main.py demo",
        "The database is not initialised; run main.py db upgrade or main.py demo first",
    ),
    "auth.bad_credentials": ("用户名或密码错误", "Wrong user name or password"),
    "auth.locked": (
        "账号因多次登录失败已锁定，请在 {until} 之后重试或联系管理员",
        "The account is locked after repeated failures; try again after {until} "
        "or ask an administrator",
    ),
    "auth.inactive": ("账号已停用", "The account is disabled"),
    "auth.weak_password": (
        "密码至少需要 {min} 个字符，且须包含字母和数字",
        "A password needs at least {min} characters with letters and digits",
    ),
    "auth.user_exists": ("用户名已存在：{username}", "The user name already exists: {username}"),
    "auth.unknown_role": ("未知角色：{role}", "Unknown role: {role}"),
    "auth.no_users": (
        "数据库中还没有账号。请用 main.py user add 创建管理员账号",
        "The database has no accounts yet. Create an administrator with main.py user add",
    ),
    "auth.unknown_user": ("没有这个账号：{username}", "No such account: {username}"),
    "auth.bad_username": (
        "用户名须为 1 至 64 个字符，且不含空格",
        "A user name needs 1 to 64 characters without spaces",
    ),
    "auth.bad_display_name": (
        "姓名不能为空，且不超过 64 个字符",
        "A display name must not be empty nor longer than 64 characters",
    ),
    "auth.no_roles": ("至少需要指定一个角色", "Give at least one role"),
    "auth.last_admin": (
        "{username} 是最后一个有效的管理员账号，不能停用或取消其管理员角色",
        "{username} is the last active administrator and cannot be disabled or lose the admin role",
    ),
    "auth.bootstrap_closed": (
        "数据库中已有账号：首个管理员只能在没有任何账号的数据库中创建",
        "The database already has accounts: the first administrator can only be "
        "created in a database without any",
    ),
    "auth.need_admin": (
        "数据库中已有账号，请用 --as 指定一个管理员账号来创建新账号",
        "The database already has accounts; name an administrator with --as to create another",
    ),
    "auth.old_password_wrong": ("原密码不正确", "The current password is wrong"),
    "auth.password_mismatch": ("两次输入的密码不一致", "The two passwords do not match"),
    "user.created": (
        "已创建账号 {username}（角色：{roles}）",
        "Account {username} created (roles: {roles})",
    ),
    "user.list_header": (
        "用户名\t姓名\t角色\t状态\t最近登录",
        "User\tName\tRoles\tState\tLast login",
    ),
    "user.state_active": ("有效", "active"),
    "user.state_inactive": ("已停用", "disabled"),
    "user.state_locked": ("已锁定", "locked"),
    "user.none": ("（没有账号）", "(no accounts)"),
    "perm.denied": (
        "当前账号（角色：{roles}）无权执行“{action}”，需要角色：{needed}",
        "Your roles ({roles}) may not {action}; it needs one of: {needed}",
    ),
    "audit.ok": (
        "审计链完整：已校验 {count} 条记录，链头哈希 {head}",
        "Audit chain intact: {count} rows checked, head hash {head}",
    ),
    "audit.broken": (
        "审计链已被篡改：发现 {count} 处问题",
        "Audit chain tampered with: {count} problems found",
    ),
    "audit.edited": (
        "第 {chain_no} 条审计记录内容被修改",
        "Audit row {chain_no} was edited",
    ),
    "audit.missing": (
        "第 {first} 至 {last} 条审计记录被删除",
        "Audit rows {first} to {last} were deleted",
    ),
    "audit.inserted": (
        "第 {chain_no} 条审计记录是插入的（与前一条不相连）",
        "Audit row {chain_no} was inserted (it does not chain to the row before it)",
    ),
    "audit.duplicate": (
        "第 {chain_no} 条审计记录重复出现",
        "Audit row {chain_no} appears more than once",
    ),
    "db.postgres_only": (
        "该操作仅适用于 PostgreSQL 数据库",
        "This operation applies to PostgreSQL databases only",
    ),
    "db.no_such_role": (
        "数据库服务器上没有名为 {role} 的角色",
        "The database server has no role named {role}",
    ),
    "input.invalid": ("输入无效：{field}：{reason}", "Invalid input: {field}: {reason}"),
    "cli.interrupted": ("已取消", "Cancelled"),
}


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Add an area's messages (called at import by the module that raises them)."""
    clashes = {k for k in messages if k in MESSAGES and MESSAGES[k] != messages[k]}
    if clashes:
        raise ValueError(f"message codes defined twice: {sorted(clashes)}")
    MESSAGES.update(messages)


def language_from_env() -> str:
    return os.environ.get("CONSOLE_LANG", DEFAULT_LANGUAGE)


def render(code: str, language: str | None = None, **params: Any) -> str:
    """The message for code in language (zh_CN when unknown or unset)."""
    lang = language or language_from_env()
    zh, en = MESSAGES.get(code, (code, code))
    template = en if lang.lower().startswith("en") else zh
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
