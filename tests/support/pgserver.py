"""A throwaway PostgreSQL server for the test suite.

Usage::

    with PgServer() as pg:
        engine = create_engine(pg.url("postgres"))

The cluster lives in a fresh temporary directory, listens on 127.0.0.1 on a free port
(and on a Unix socket inside the data directory), trusts every local connection and is
tuned for speed, not durability (fsync off). ``stop()`` shuts it down and deletes the
directory; an ``atexit`` hook does the same if a test run forgets.

Two roles exist: the superuser ``postgres`` (``admin_url``) and an application role
(``url``, default name ``console``) that may log in and create databases but is not a
superuser, so the tests see the privileges a real deployment would grant.

initdb and pg_ctl refuse to run as root. When the tests run as root, the server runs as
the unprivileged system user ``console-pgtest``, created on first use.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import psycopg
from psycopg import sql

SUPERUSER = "postgres"
SERVICE_USER = "console-pgtest"


def find_bindir() -> Path:
    """Directory holding initdb/pg_ctl/postgres: the newest /usr/lib/postgresql/*/bin,
    else ``pg_config --bindir``."""

    def version_key(path: str) -> tuple[int, ...]:
        name = Path(path).parent.name
        return tuple(int(p) for p in re.findall(r"\d+", name)) or (0,)

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version_key, reverse=True)
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True
            ).stdout.strip()
            if out:
                candidates.append(out)
    for cand in candidates:
        bindir = Path(cand)
        if all((bindir / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return bindir
    raise RuntimeError(
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in "
        "/usr/lib/postgresql/*/bin or via pg_config --bindir. "
        "On Debian/Ubuntu: apt-get install postgresql (or run ./scripts/bootstrap.sh)."
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ensure_service_user() -> pwd.struct_passwd:
    """Create (once) the unprivileged system user the server runs as under root."""
    try:
        return pwd.getpwnam(SERVICE_USER)
    except KeyError:
        pass
    useradd = shutil.which("useradd") or "/usr/sbin/useradd"
    proc = subprocess.run(
        [useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER],
        capture_output=True,
        text=True,
    )
    try:
        # Also succeeds when a concurrent test process created the user first.
        return pwd.getpwnam(SERVICE_USER)
    except KeyError:
        raise RuntimeError(
            f"cannot create system user {SERVICE_USER!r} to run PostgreSQL as a non-root "
            f"user: {useradd} exited {proc.returncode}: {proc.stderr.strip()}"
        ) from None


def _tail(path: Path, lines: int = 30) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


def _world_traversable(path: Path) -> bool:
    """True if every directory from / down to path is searchable by other users."""
    p = path.resolve()
    for d in (p, *p.parents):
        try:
            if not d.stat().st_mode & 0o001:
                return False
        except OSError:
            return False
    return True


class PgServer:
    """A private PostgreSQL cluster started with initdb + pg_ctl."""

    def __init__(self, user: str = "console", *, start_timeout: int = 60) -> None:
        self.user = user
        self.start_timeout = start_timeout
        self.bindir: Path | None = None
        self.basedir: Path | None = None
        self.port: int | None = None
        self._run_as: pwd.struct_passwd | None = None
        self._atexit_registered = False

    # -- paths ---------------------------------------------------------------------

    @property
    def host(self) -> str:
        return "127.0.0.1"

    @property
    def datadir(self) -> Path:
        if self.basedir is None:
            raise RuntimeError("PgServer is not started")
        return self.basedir / "data"

    @property
    def logfile(self) -> Path:
        if self.basedir is None:
            raise RuntimeError("PgServer is not started")
        return self.basedir / "server.log"

    @property
    def running(self) -> bool:
        return self.port is not None

    # -- URLs ----------------------------------------------------------------------

    def url(self, dbname: str = "postgres") -> str:
        """SQLAlchemy URL for the application (non-superuser) role."""
        return self._url(self.user, dbname)

    def admin_url(self, dbname: str = "postgres") -> str:
        """SQLAlchemy URL for the superuser."""
        return self._url(SUPERUSER, dbname)

    def _url(self, user: str, dbname: str) -> str:
        if self.port is None:
            raise RuntimeError("PgServer is not started")
        return f"postgresql+psycopg://{user}@{self.host}:{self.port}/{dbname}"

    def connect(
        self, dbname: str = "postgres", *, admin: bool = False, autocommit: bool = True
    ) -> psycopg.Connection[Any]:
        """A plain psycopg connection (autocommit by default)."""
        if self.port is None:
            raise RuntimeError("PgServer is not started")
        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=SUPERUSER if admin else self.user,
            dbname=dbname,
            autocommit=autocommit,
            connect_timeout=10,
        )

    def create_database(self, dbname: str, *, template: str = "template1") -> str:
        """Create a database owned by the application role; return its URL."""
        with self.connect(admin=True) as conn:
            conn.execute(
                sql.SQL("CREATE DATABASE {} OWNER {} TEMPLATE {}").format(
                    sql.Identifier(dbname), sql.Identifier(self.user), sql.Identifier(template)
                )
            )
        return self.url(dbname)

    # -- lifecycle -----------------------------------------------------------------

    def start(self) -> PgServer:
        if self.port is not None:
            return self
        self.bindir = find_bindir()
        if os.geteuid() == 0:
            self._run_as = _ensure_service_user()
        base = tempfile.gettempdir()
        if self._run_as is not None and not _world_traversable(Path(base)):
            base = "/tmp"
        self.basedir = Path(tempfile.mkdtemp(prefix="console-pgtest-", dir=base))
        if not self._atexit_registered:
            atexit.register(self.stop)
            self._atexit_registered = True
        try:
            if self._run_as is not None:
                os.chown(self.basedir, self._run_as.pw_uid, self._run_as.pw_gid)
            self._initdb()
            self._configure()
            self._start_server()
            self._create_app_role()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop the server (if running) and remove its directory. Idempotent."""
        basedir, self.basedir = self.basedir, None
        self.port = None
        if self._atexit_registered:
            atexit.unregister(self.stop)
            self._atexit_registered = False
        if basedir is None:
            return
        datadir = basedir / "data"
        if (datadir / "postmaster.pid").exists() and self.bindir is not None:
            for mode in ("fast", "immediate"):
                proc = self._run(
                    [self.bindir / "pg_ctl", "-D", datadir, "-m", mode, "-w", "-t", "30", "stop"],
                    cwd=basedir,
                    check=False,
                )
                if proc.returncode == 0:
                    break
            else:
                self._kill_leftover(datadir)
        shutil.rmtree(basedir, ignore_errors=True)

    def __enter__(self) -> PgServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- internals -----------------------------------------------------------------

    def _env(self) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("PG", "LC_")) and k not in ("LANG", "LANGUAGE")
        }
        env["LC_ALL"] = "C"
        if self._run_as is not None and self.basedir is not None:
            env["HOME"] = str(self.basedir)
            env["USER"] = env["LOGNAME"] = self._run_as.pw_name
        return env

    def _run(
        self, cmd: list[str | Path], *, cwd: Path, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        kwargs: dict[str, Any] = {}
        if self._run_as is not None:
            # Same effect as `runuser -u console-pgtest --`, without needing runuser.
            kwargs = {
                "user": self._run_as.pw_uid,
                "group": self._run_as.pw_gid,
                "extra_groups": [],
            }
        proc = subprocess.run(
            [str(c) for c in cmd],
            cwd=cwd,
            env=self._env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=self.start_timeout + 30,
            **kwargs,
        )
        if check and proc.returncode != 0:
            raise RuntimeError(
                f"{Path(str(cmd[0])).name} exited {proc.returncode}:\n"
                f"{proc.stdout}{proc.stderr}".rstrip()
            )
        return proc

    def _initdb(self) -> None:
        assert self.bindir is not None and self.basedir is not None
        base_cmd: list[str | Path] = [
            self.bindir / "initdb",
            "-D",
            self.datadir,
            "-A",
            "trust",
            "-U",
            SUPERUSER,
            "--encoding=UTF8",
            "--no-sync",
        ]
        errors = []
        for locale in ("C.UTF-8", "C"):
            proc = self._run([*base_cmd, f"--locale={locale}"], cwd=self.basedir, check=False)
            if proc.returncode == 0:
                return
            errors.append(f"--locale={locale}: {proc.stdout}{proc.stderr}".rstrip())
            shutil.rmtree(self.datadir, ignore_errors=True)
        raise RuntimeError("initdb failed:\n" + "\n".join(errors))

    def _configure(self) -> None:
        # Tests only: durability is traded for speed.
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": "'{}'".format(str(self.datadir).replace("'", "''")),
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "max_connections": "200",
        }
        lines = ["", "# Added by tests/support/pgserver.py"]
        lines += [f"{k} = {v}" for k, v in settings.items()]
        with (self.datadir / "postgresql.conf").open("a", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")

    def _start_server(self) -> None:
        assert self.bindir is not None and self.basedir is not None
        last_error = ""
        for _attempt in range(5):
            port = free_port()
            proc = self._run(
                [
                    self.bindir / "pg_ctl",
                    "-D",
                    self.datadir,
                    "-l",
                    self.logfile,
                    "-o",
                    f"-p {port}",
                    "-w",
                    "-t",
                    str(self.start_timeout),
                    "start",
                ],
                cwd=self.basedir,
                check=False,
            )
            log = _tail(self.logfile)
            if proc.returncode == 0:
                self.port = port
                return
            last_error = (
                f"pg_ctl start exited {proc.returncode}: {proc.stdout}{proc.stderr}".rstrip()
                + f"\n--- {self.logfile} (tail) ---\n{log}"
            )
            self._kill_leftover(self.datadir)
            if "could not bind" not in log and "already in use" not in log:
                break  # not a port race: retrying will not help
        raise RuntimeError(f"PostgreSQL did not start:\n{last_error}")

    def _create_app_role(self) -> None:
        if self.user == SUPERUSER:
            return
        with self.connect(admin=True) as conn:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEDB").format(sql.Identifier(self.user)))

    @staticmethod
    def _kill_leftover(datadir: Path) -> None:
        """Kill a postmaster that pg_ctl could not stop (last resort)."""
        try:
            pid = int((datadir / "postmaster.pid").read_text().split("\n", 1)[0])
        except (OSError, ValueError):
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                os.kill(pid, 0)
                time.sleep(0.05)
