"""Several service processes: shared rate buckets, one socket, copies of a report."""

from __future__ import annotations

import gc
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy import func, select, text

from console import schema
from console.errors import KnownError
from console.field.client import TerminalClient
from console.field.ratelimit_shared import SharedRateLimiter
from console.field.server import serve, serve_workers
from console.field.service import FieldService
from console.models import Case
from console.services import terminals_reports
from console.services.workflow import IntakeData
from console.store import Store
from tests.support.field_world import BASE, FieldWorld, add_terminal, issue, make_field_world
from tests.support.pgserver import free_port
from tests.support.workflow_seed import POINTS, seed

ROOT = Path(__file__).resolve().parents[1]


def _cases(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(Case)) or 0)


def test_shared_buckets_allow_a_burst_then_the_rate() -> None:
    now = [100.0]
    limiter = SharedRateLimiter(60, 3, clock=lambda: now[0], slots=16)
    assert [limiter.take(5) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.take(5) == pytest.approx(1.0)  # one a second: wait a second
    assert limiter.waiting("10.0.0.9") == 0.0 and len(limiter) == 1  # looking adds nothing
    now[0] += 1.0
    assert limiter.take(5) == 0.0 and limiter.take(5) > 0
    assert limiter.take("10.0.0.9") == 0.0 and len(limiter) == 2


def test_shared_buckets_are_spent_across_forked_processes() -> None:
    limiter = SharedRateLimiter(60, 3)
    pid = os.fork()
    if pid == 0:  # the child spends terminal 7's whole burst
        os._exit(0 if all(limiter.take(7) == 0.0 for _ in range(3)) else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert limiter.take(7) > 0  # nothing left for this process either
    assert limiter.take(8) == 0.0  # another terminal has its own bucket


@pytest.fixture
def field_world(store: Store) -> Iterator[FieldWorld]:
    yield from make_field_world(store)


def _data(fw: FieldWorld) -> IntakeData:
    lon, lat = POINTS["A1"]
    return IntakeData(
        category_id=fw.world.categories["0102"],
        lon=lon,
        lat=lat,
        description="路边垃圾暴露",
        source="inspector",
    )


def test_a_copy_that_lost_the_race_is_answered_with_the_first(field_world: FieldWorld) -> None:
    fw = field_world
    service: FieldService = fw.client.app.state.field  # type: ignore[attr-defined]
    who = service.identify(fw.keys["T-1"])
    tries: list[bool] = []

    def work(session: object, look_first: bool) -> terminals_reports.Submission:
        tries.append(look_first)
        return terminals_reports.submit_report(
            session,  # type: ignore[arg-type]
            who,
            _data(fw),
            device_ref="copy-1",
            look_first=look_first,
        )

    first = service.submit(work)
    assert first.created and tries == [False]
    # The copy does not look first either, as if both had been sent at once: its row
    # breaks (terminal, device_ref), its whole transaction is undone, and the second
    # run finds the first.
    again = service.submit(work)
    assert tries == [False, False, True]
    assert not again.created and again.number == first.number
    assert _cases(fw.store) == 1


def test_a_copy_refused_now_is_answered_with_what_the_first_made(
    field_world: FieldWorld,
) -> None:
    fw = field_world
    form = fw.report_form(device_ref="before-the-change")
    first = fw.client.post(f"{BASE}/requests.json", data=form)
    assert first.status_code == 201
    with fw.store.write() as session:  # the category is switched off meanwhile
        session.execute(
            text("UPDATE category SET active = :off WHERE code = '0102'"), {"off": False}
        )
    again = fw.client.post(f"{BASE}/requests.json", data=form)
    assert again.status_code == 200 and again.json() == first.json()
    fresh = fw.client.post(f"{BASE}/requests.json", data=fw.report_form(device_ref="new"))
    assert fresh.status_code == 400
    assert _cases(fw.store) == 1


def test_workers_share_the_port_and_the_terminals_rate(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'field.sqlite3'}"
    store = Store(url)
    schema.upgrade(store)
    world = seed(store)
    key = issue(store, add_terminal(world, "T-9", "insp"))
    store.dispose()
    port = free_port()
    command = [sys.executable, str(ROOT / "main.py"), "--db", url, "serve-intake"]
    command += ["--port", str(port), "--workers", "2", "--rate-per-minute", "1", "--burst", "3"]
    service = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}{BASE}"
        deadline = time.monotonic() + 60
        while True:
            probe = TerminalClient(base, key)
            try:
                if probe.get("/services.json").status == 200:
                    break
            except OSError:
                if time.monotonic() > deadline or service.poll() is not None:
                    raise
                time.sleep(0.2)
            finally:
                probe.close()
        workers = Path(f"/proc/{service.pid}/task/{service.pid}/children").read_text().split()
        assert len(workers) == 2
        lon, lat = POINTS["A1"]
        form = {"service_code": "0102", "lat": str(lat), "long": str(lon), "description": "垃圾"}
        answers = []
        for n in range(6):
            # A new connection each time: the kernel hands them to either worker.
            client = TerminalClient(base, key)
            answers.append(client.report({**form, "device_ref": f"w-{n}"}).status)
            client.close()
        assert answers.count(201) == 3 and answers.count(429) == 3, answers
        service.send_signal(signal.SIGTERM)
        assert service.wait(timeout=30) == 0
        for pid in workers:
            assert not Path(f"/proc/{pid}").exists() or "Z" in _state(pid)
    finally:
        if service.poll() is None:
            service.kill()
            service.wait()
    store = Store(url)
    try:
        assert _cases(store) == 3
    finally:
        store.dispose()


def _state(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_a_port_in_use_is_named_not_a_traceback() -> None:
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        with pytest.raises(KnownError) as refused:
            serve_workers(lambda: None, "127.0.0.1", port, workers=2)
    assert refused.value.code == "field.cannot_listen"
    assert str(port) in refused.value.message("en_US")
    assert "端口" in refused.value.message("zh_CN")


def test_the_heap_alive_at_start_is_frozen_before_serving(monkeypatch: pytest.MonkeyPatch) -> None:
    frozen_when_serving: list[int] = []

    def run(_server: uvicorn.Server, sockets: object = None) -> None:
        frozen_when_serving.append(gc.get_freeze_count())

    monkeypatch.setattr(uvicorn.Server, "run", run)
    gc.unfreeze()
    try:
        serve(object(), "127.0.0.1", free_port())
    finally:
        gc.unfreeze()  # the rest of the test run collects as usual
    assert frozen_when_serving and frozen_when_serving[0] > 1000
