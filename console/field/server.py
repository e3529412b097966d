"""Running the app under uvicorn: in the foreground (serve-intake) or on a thread.

In the foreground it may run several worker processes on one listening socket: a report
spends most of its time in Python, and one process runs Python on one core at a time.
The parent binds the socket, forks the workers (each builds its own app and database
pool after the fork), restarts one that dies, and stops them all on SIGTERM or SIGINT.

The thread form serves tests, the simulated terminal and the load benchmark: it binds
127.0.0.1 on a free port, returns the base URL once the socket listens, and stops
cleanly (connections drained, thread joined) when the block ends.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import uvicorn

from console import messages
from console.errors import KnownError
from console.field.app import API_PREFIX

# Terminals keep their connection between reports; idle ones are closed after this.
KEEP_ALIVE_S = 30
# Enough for every terminal of a street connecting at once, with room to spare.
BACKLOG = 1024
# A worker that dies is restarted, unless workers die this often (a broken setup).
RESTART_WINDOW_S = 60.0
RESTARTS_PER_WINDOW = 5
log = logging.getLogger("console.field")

messages.register(
    {
        "field.cannot_listen": (
            "无法在 {host}:{port} 上监听：{reason}。请换一个端口（--port），或先停止占用它的程序。",
            "Cannot listen on {host}:{port}: {reason}. Choose another port (--port) or stop"
            " the program that holds it.",
        ),
    }
)


def config(app: Any, host: str, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        timeout_keep_alive=KEEP_ALIVE_S,
        backlog=BACKLOG,
    )


def serve(app: Any, host: str, port: int) -> None:
    settle_heap()
    uvicorn.Server(config(app, host, port)).run()


def settle_heap() -> None:
    """Put everything alive before serving out of the garbage collector's sight.

    The program, its libraries and the reference data make up most of the heap and live
    as long as the process; a full collection walked them all (measured: 130 ms, every
    request of the worker waiting). Frozen, a full collection walks only what requests
    made since.
    """
    gc.collect()
    gc.freeze()


def serve_workers(make_app: Callable[[], Any], host: str, port: int, workers: int) -> int:
    """Serve make_app() in `workers` forked processes sharing one socket; 0 on a clean stop."""
    if workers <= 1:
        serve(make_app(), host, port)
        return 0
    try:
        listener = socket.create_server((host, port), backlog=BACKLOG)
    except OSError as error:
        raise KnownError(
            "field.cannot_listen", host=host, port=port, reason=error.strerror or str(error)
        ) from error
    children: dict[int, int] = {}  # pid -> worker number
    stopping = False

    def start(number: int) -> None:
        pid = os.fork()
        if pid == 0:  # the worker
            code = 1
            try:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                app = make_app()
                settle_heap()
                uvicorn.Server(config(app, host, port)).run(sockets=[listener])
                code = 0
            except BaseException:  # a worker reports and leaves; the parent restarts it
                log.exception("field service worker %d failed", number)
            finally:
                os._exit(code)
        children[pid] = number

    def stop(_signum: int, _frame: Any) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        for number in range(workers):
            start(number)
        restarts: list[float] = []
        while children:
            try:
                pid, status = os.wait()
            except ChildProcessError:
                break
            number = children.pop(pid, -1)
            if stopping or number < 0:
                continue
            log.error("field service worker %d ended (status %d): restarting it", number, status)
            now = time.monotonic()
            restarts = [t for t in restarts if now - t < RESTART_WINDOW_S] + [now]
            if len(restarts) > RESTARTS_PER_WINDOW:
                log.error("the workers keep failing: stopping the field service")
                stop(signal.SIGTERM, None)
                continue
            start(number)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        listener.close()
    return 0 if stopping else 1


@contextlib.contextmanager
def serving(app: Any, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve app on a thread for the duration of the block; yields the API's base URL."""
    server = uvicorn.Server(config(app, host, port))
    thread = threading.Thread(target=server.run, name="field-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the field service did not start")
        time.sleep(0.02)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound}{API_PREFIX}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
