"""A throwaway PostgreSQL server that can go away and come back, data and port kept:
the database server of a command center being restarted while the consoles run."""

from __future__ import annotations

from tests.support.pgserver import PgServer


class RestartablePgServer(PgServer):
    def pause(self) -> None:
        """Stop the server (fast: clients are disconnected), keep its files and port."""
        assert self.bindir is not None and self.basedir is not None
        self._run(
            [self.bindir / "pg_ctl", "-D", self.datadir, "-m", "fast", "-w", "-t", "30", "stop"],
            cwd=self.basedir,
        )

    def resume(self) -> None:
        """Start the stopped server again on the same port."""
        assert self.bindir is not None and self.basedir is not None and self.port is not None
        self._run(
            [
                self.bindir / "pg_ctl",
                "-D",
                self.datadir,
                "-l",
                self.logfile,
                "-o",
                f"-p {self.port}",
                "-w",
                "-t",
                str(self.start_timeout),
                "start",
            ],
            cwd=self.basedir,
        )
