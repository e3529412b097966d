"""GUI bootstrap: logging, Qt and its translators, crash handler, the database (checked,
upgraded, seeded with the demo street on the very first start), sign-in, main window.

Panes are wired here, by constructor, and nowhere else. Known errors during start
(bad URL, unreachable server, a database from a newer version) are shown in a message
box in the user's language and end the program with status 2.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from sqlalchemy import func, select

from console import schema, web_engine_env
from console.crash import CrashHandler
from console.errors import KnownError
from console.i18n import Translations
from console.live import LiveFeed
from console.live_jobs import OFFLINE_CODES
from console.models import Street
from console.ops import DatabaseWorker
from console.services.actor import Actor
from console.settings import Settings
from console.store import Store
from console.views.bus import CaseSelection, ChangeBus
from console.views.demo_progress import DemoProgressDialog
from console.views.login_dialog import LoginDialog
from console.views.main_window import MainWindow
from console.views.pane_context import PaneContext
from console.views.panes import build_panes

log = logging.getLogger("console.startup")

EXIT_KNOWN_ERROR = 2

# Called by this name so that lupdate finds every string.
translate = QCoreApplication.translate


def configure_logging(settings: Settings) -> logging.FileHandler | None:
    """A rotating log file in the data folder (the crash dialog points to it)."""
    root = logging.getLogger()
    console_level = root.getEffectiveLevel()
    if console_level > logging.INFO:
        # The file gets INFO (timed start-up steps); the terminal keeps its quieter level.
        for existing in root.handlers:
            if existing.level == logging.NOTSET:
                existing.setLevel(console_level)
        root.setLevel(logging.INFO)
    path = settings.data_dir / "logs" / "console.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as error:
        log.warning("cannot write the log file %s: %s", path, error)
        return None
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(threadName)s %(name)s %(levelname)s %(message)s")
    )
    root.addHandler(handler)
    return handler


@contextlib.contextmanager
def log_time(step: str) -> Iterator[None]:
    started = time.monotonic()
    yield
    log.info("%s took %.0f ms", step, (time.monotonic() - started) * 1000)


def show_error(error: KnownError, language: str, parent: QWidget | None = None) -> None:
    QMessageBox.critical(parent, translate("App", "Sanwang Console"), error.message(language))


def open_store(settings: Settings) -> Store:
    if settings.is_default_database:
        try:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("cannot create %s: %s", settings.data_dir, error)
    return Store(settings.database_url, workstation=settings.workstation)


def prepare_database(store: Store, *, default_database: bool) -> bool:
    """On the worker: connect, bring the schema to head; True when the demo is due.

    The demo street is only ever made in the default local database, and only while it
    has no street: a database someone pointed us at is never filled with invented data.
    """
    with log_time("database check"):
        store.check()
    with log_time("schema upgrade"):
        schema.upgrade(store)
    if not default_database:
        return False
    with store.read() as session:
        return not session.scalar(select(func.count()).select_from(Street))


def seed_demo(worker: DatabaseWorker, *, workstation: str, parent: QWidget | None = None) -> None:
    """Make the demo street on the worker while a progress dialog shows how far it got."""
    from db import demo  # the generator is big and needed once per installation

    dialog = DemoProgressDialog(parent)
    dialog.show()
    try:
        with log_time("demo generation"):
            worker.call(
                partial(
                    demo.generate,
                    seed=demo.DEFAULT_SEED,
                    progress=dialog.report,
                    workstation=workstation,
                )
            )
    finally:
        dialog.close()
        dialog.deleteLater()


def event_loop(app: QApplication) -> int:
    return app.exec()


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional scaling (125 %, 150 %) as the screen asks, not rounded: crisp text.
    web_engine_env.prepare()  # read by QtWebEngine when it starts: before any of Qt
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(sys.argv[:1])
    app.setApplicationName("sanwang-console")
    app.setApplicationDisplayName("Sanwang Console")
    return app


def run(settings: Settings) -> int:
    root_level = logging.getLogger().level
    log_handler = configure_logging(settings)
    app = _application()
    translations = Translations(app, parent=app)
    translations.set_language(settings.language)
    crash = CrashHandler(Path(log_handler.baseFilename) if log_handler else None, parent=app)
    crash.install()
    try:
        return _run(settings, app, translations, crash)
    finally:
        crash.uninstall()
        crash.deleteLater()
        translations.uninstall()
        translations.deleteLater()
        if log_handler is not None:
            logging.getLogger().removeHandler(log_handler)
            log_handler.close()
        logging.getLogger().setLevel(root_level)


def _run(
    settings: Settings, app: QApplication, translations: Translations, crash: CrashHandler
) -> int:
    try:
        store = open_store(settings)
    except KnownError as error:
        show_error(error, translations.language)
        return EXIT_KNOWN_ERROR
    log.info("workstation %s on %s", settings.workstation, store.describe())

    def known_error(error: KnownError) -> None:
        if error.code in OFFLINE_CODES:
            # The offline banner says so, once, instead of a message box per failed job.
            log.info("job failed while the database is away: %s", error)
            return
        show_error(error, translations.language)

    worker = DatabaseWorker(store, on_known_error=known_error, on_bug=crash.report)
    worker.start()
    shell: Shell | None = None
    try:
        default = settings.is_default_database
        if worker.call(partial(prepare_database, default_database=default)):
            seed_demo(worker, workstation=settings.workstation)
        login = LoginDialog(worker, translations, workstation=settings.workstation)
        accepted = login.exec() == QDialog.DialogCode.Accepted
        actor = login.actor
        login.deleteLater()
        if not accepted or actor is None:
            return 0
        log.info("%s signed in", actor.username)
        with log_time("main window"):
            shell = Shell(settings, store, worker, translations, actor)
            shell.window.show()
        return event_loop(app)
    except KnownError as error:
        show_error(error, translations.language)
        return EXIT_KNOWN_ERROR
    finally:
        if shell is not None:
            shell.stop()
        worker.stop()
        store.dispose()


class Shell:
    """What a signed-in session runs on: the shared hubs, the live feed, panes, window.

    The live feed starts before any pane asks for data, so a change committed while the
    panes load is delivered afterwards instead of falling between the two.
    """

    def __init__(
        self,
        settings: Settings,
        store: Store,
        worker: DatabaseWorker,
        translations: Translations,
        actor: Actor,
    ) -> None:
        bus = ChangeBus()
        self.ctx = PaneContext(worker, bus, CaseSelection(bus), actor, translations, settings)
        self.live = LiveFeed(store, worker, bus, parent=bus)
        self.live.start()
        with log_time("panes"):
            self.panes = build_panes(self.ctx)
        with log_time("window"):
            self.window = MainWindow(self.ctx, self.panes, database=store.describe())

    def stop(self) -> None:
        """Timers and the feed stop before the worker does; then the widgets go."""
        self.live.stop()
        self.window.stop()
        for pane in self.panes.values():
            stop = getattr(pane, "stop", None)
            if callable(stop):
                stop()
        self.window.deleteLater()
        self.ctx.bus.deleteLater()
