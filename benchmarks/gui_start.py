"""Cold start of the console: process start to the main window shown and interactive.

    .venv/bin/python -m benchmarks.gui_start [--runs 5] [--cases 7810]

Makes a demo database once (db.demo.generate, SQLite in a temporary folder), then starts
the console --runs times, each in a fresh process on the offscreen platform. The child
signs in programmatically as a demo account (the real argon2 check on the database
worker, no typing) and prints when each start-up step ended, counted from the moment
the parent started it. "shown" is the main window exposed; "interactive" is the first
event-loop turn after every job the panes queued while starting has come back (their
first data is on screen). Goal: interactive within 2 s. Prints the median of the runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

GOAL_S = 2.0
T0_VAR = "GUI_START_T0"
USER = "duty"  # a demo account with intake, shift leader and dispatcher roles


def _child(data_dir: str, user: str, password: str) -> int:
    """Run the console in this process, report the steps as JSON lines on stdout."""
    t0 = float(os.environ[T0_VAR])
    marks: list[tuple[str, float]] = [("python started", time.time() - t0)]

    def mark(step: str) -> None:
        marks.append((step, time.time() - t0))

    import logging

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialog

    from console import app as console_app
    from console.services import auth
    from console.settings import Settings

    mark("modules imported")

    class Steps(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            mark(record.getMessage())

    logging.getLogger("console.startup").addHandler(Steps(logging.INFO))

    class AutoLogin:
        def __init__(self, worker: Any, translations: Any, *, workstation: str) -> None:
            mark("sign-in dialog would show")
            self.actor = worker.call(
                lambda store: auth.login(store, user, password, workstation=workstation)
            )
            mark("signed in")

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

        def deleteLater(self) -> None:
            pass

    shells: list[console_app.Shell] = []

    class RecordingShell(console_app.Shell):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            shells.append(self)

    def event_loop(app: QApplication) -> int:
        shell = shells[-1]
        QTest.qWaitForWindowExposed(shell.window)
        mark("shown")
        shell.ctx.worker.call(lambda _store: None)  # after every job queued while starting
        app.processEvents()
        mark("interactive")
        return 0

    console_app.LoginDialog = AutoLogin  # type: ignore[misc,assignment]
    console_app.event_loop = event_loop
    console_app.Shell = RecordingShell  # type: ignore[misc,assignment]
    status = console_app.run(Settings(data_dir=Path(data_dir), workstation="bench"))
    print(json.dumps(marks))
    return status


def _make_demo(folder: Path, cases: int) -> str:
    from console import schema
    from console.services.accounts import demo_sign_ins
    from console.store import Store
    from db import demo

    store = Store(f"sqlite:///{folder / 'console.sqlite3'}")
    try:
        schema.upgrade(store)
        demo.generate(store, cases=cases, workstation="bench")
        with store.read() as session:
            return dict(demo_sign_ins(session))[USER]
    finally:
        store.dispose()


def _run_once(data_dir: Path, password: str) -> list[tuple[str, float]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{T0_VAR: repr(time.time())})
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.gui_start", "--child", str(data_dir), USER, password],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("[")]
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"the console did not start ({proc.returncode}):\n{proc.stderr}")
    return [(step, float(at)) for step, at in json.loads(lines[-1])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cases", type=int, default=None, help="demo cases (default: the demo's)")
    parser.add_argument("--child", nargs=3, metavar=("DATA_DIR", "USER", "PASSWORD"))
    args = parser.parse_args(argv)
    if args.child:
        return _child(*args.child)

    from db.demo import DEFAULT_CASES

    cases = args.cases or DEFAULT_CASES
    with tempfile.TemporaryDirectory(prefix="gui-start-") as folder:
        data_dir = Path(folder)
        began = time.perf_counter()
        password = _make_demo(data_dir, cases)
        print(f"demo database: {cases:,} cases, made in {time.perf_counter() - began:.1f} s")
        runs = [_run_once(data_dir, password) for _ in range(args.runs)]

    interactive = [dict(run)["interactive"] for run in runs]
    median = statistics.median(interactive)
    middle = runs[sorted(range(len(runs)), key=interactive.__getitem__)[len(runs) // 2]]
    print("\nstart-up steps of the median run, seconds from process start:")
    for step, at in middle:
        print(f"  {at:6.3f}  {step}")
    spread = ", ".join(f"{v:.2f}" for v in interactive)
    verdict = "meets" if median <= GOAL_S else "MISSES"
    print(f"\ninteractive: median {median:.2f} s ({spread}); {verdict} the {GOAL_S:.0f} s goal")
    shown = statistics.median(dict(run)["shown"] for run in runs)
    print(f"window shown: median {shown:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
