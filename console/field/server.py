"""Running the app under uvicorn: in the foreground (serve-intake) or on a thread.

The thread form serves tests, the simulated terminal and the load benchmark: it binds
127.0.0.1 on a free port, returns the base URL once the socket listens, and stops
cleanly (connections drained, thread joined) when the block ends.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import Any

import uvicorn

from console.field.app import API_PREFIX

# Terminals keep their connection between reports; idle ones are closed after this.
KEEP_ALIVE_S = 30


def config(app: Any, host: str, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        timeout_keep_alive=KEEP_ALIVE_S,
        # Enough for every terminal of a street connecting at once, with room to spare.
        backlog=1024,
    )


def serve(app: Any, host: str, port: int) -> None:
    uvicorn.Server(config(app, host, port)).run()


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
