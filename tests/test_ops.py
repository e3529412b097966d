"""The database worker: results and errors come back on the GUI thread, in order."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.errors import InputError, KnownError
from console.ops import DatabaseWorker, Progress, reading
from console.store import Store
from tests.support import gui  # noqa: F401 - offscreen platform before Qt starts

pytestmark = pytest.mark.gui


class Recorder:
    def __init__(self) -> None:
        self.results: list[object] = []
        self.errors: list[BaseException] = []
        self.threads: list[QThread | None] = []

    def ok(self, value: object) -> None:
        self.threads.append(QThread.currentThread())
        self.results.append(value)

    def failed(self, error: BaseException) -> None:
        self.threads.append(QThread.currentThread())
        self.errors.append(error)


@pytest.fixture
def memory_store() -> Iterator[Store]:
    store = Store("sqlite://")
    yield store
    store.dispose()


@pytest.fixture
def bridge(qapp: QApplication, memory_store: Store) -> Iterator[tuple[DatabaseWorker, Recorder]]:
    recorder = Recorder()
    worker = DatabaseWorker(memory_store, on_known_error=recorder.failed, on_bug=recorder.failed)
    worker.start()
    yield worker, recorder
    worker.stop()
    assert not worker.running


def test_results_arrive_on_the_gui_thread_in_order(
    qtbot: QtBot, bridge: tuple[DatabaseWorker, Recorder]
) -> None:
    worker, rec = bridge
    seen_threads: list[str] = []

    def job(n: int):  # type: ignore[no-untyped-def]
        def run(store: Store) -> int:
            seen_threads.append(threading.current_thread().name)
            return n * n

        return run

    for n in range(5):
        worker.submit(job(n), success=rec.ok)
    qtbot.waitUntil(lambda: len(rec.results) == 5)
    assert rec.results == [0, 1, 4, 9, 16]
    gui_thread = QApplication.instance().thread()  # type: ignore[union-attr]
    assert all(t is gui_thread for t in rec.threads)
    assert threading.main_thread().name not in seen_threads


def test_known_error_goes_to_failure_or_default(
    qtbot: QtBot, bridge: tuple[DatabaseWorker, Recorder]
) -> None:
    worker, rec = bridge
    own: list[KnownError] = []

    def refuse(store: Store) -> None:
        raise InputError("auth.no_roles")

    worker.submit(refuse, failure=own.append)
    worker.submit(refuse)  # no failure handler: the worker's on_known_error
    qtbot.waitUntil(lambda: len(own) == 1 and len(rec.errors) == 1)
    assert own[0].code == "auth.no_roles"
    assert isinstance(rec.errors[0], InputError)


def test_every_known_error_is_also_announced(
    qtbot: QtBot, bridge: tuple[DatabaseWorker, Recorder]
) -> None:
    """Whoever handles it, known_error carries it (the live feed watches for lost databases)."""
    worker, rec = bridge
    announced: list[KnownError] = []
    worker.known_error.connect(announced.append)

    def fail(_store: Store) -> None:
        raise InputError("auth.no_roles")

    worker.submit(fail, failure=rec.failed)
    worker.submit(fail)
    qtbot.waitUntil(lambda: len(rec.errors) == 2)
    assert [e.code for e in announced] == ["auth.no_roles", "auth.no_roles"]


def test_bug_goes_to_the_crash_handler_not_to_failure(
    qtbot: QtBot, bridge: tuple[DatabaseWorker, Recorder], caplog: pytest.LogCaptureFixture
) -> None:
    worker, rec = bridge
    own: list[KnownError] = []

    def broken(store: Store) -> None:
        raise ZeroDivisionError("oops")

    worker.submit(broken, failure=own.append)
    qtbot.waitUntil(lambda: len(rec.errors) == 1)
    assert isinstance(rec.errors[0], ZeroDivisionError) and not own
    assert "bug in database job" in caplog.text


def test_result_for_a_deleted_owner_is_dropped(
    qtbot: QtBot, bridge: tuple[DatabaseWorker, Recorder]
) -> None:
    worker, rec = bridge
    gate = threading.Event()
    owner = QObject()
    worker.submit(lambda store: gate.wait(5), success=rec.ok, owner=owner)
    worker.submit(lambda store: "after", success=rec.ok)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner))
    gate.set()
    qtbot.waitUntil(lambda: rec.results == ["after"])


def _alive(obj: QObject) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def test_call_returns_and_raises(bridge: tuple[DatabaseWorker, Recorder]) -> None:
    worker, _ = bridge
    assert worker.call(reading(lambda session: session.bind is not None)) is True
    with pytest.raises(InputError):
        worker.call(lambda store: (_ for _ in ()).throw(InputError("auth.no_roles")))
    with pytest.raises(ZeroDivisionError):
        worker.call(lambda store: 1 // 0)


def test_stop_finishes_queued_jobs_and_drops_new_ones(
    qtbot: QtBot, bridge: tuple[DatabaseWorker, Recorder]
) -> None:
    worker, rec = bridge
    worker.submit(lambda store: "queued", success=rec.ok)
    worker.stop()
    worker.stop()
    assert not worker.running
    qtbot.waitUntil(lambda: rec.results == ["queued"])
    worker.submit(lambda store: "dropped", success=rec.ok)  # shutdown: quietly ignored
    with pytest.raises(RuntimeError):
        worker.call(lambda store: None)
    qtbot.wait(20)
    assert rec.results == ["queued"]


def test_progress_reports_cross_threads(qtbot: QtBot, qapp: QApplication) -> None:
    progress = Progress()
    seen: list[tuple[object, ...]] = []
    progress.changed.connect(seen.append)
    thread = threading.Thread(target=progress.report, args=(3, 10, "cases"))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: seen == [(3, 10, "cases")])
