"""What every endpoint shares: the store, the jurisdiction, the center's zone, the limiter."""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from fastapi import Request
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console import messages
from console.errors import AuthError, KnownError
from console.field.ratelimit import RateLimiter
from console.field.ratelimit_shared import SharedRateLimiter
from console.services import terminals
from console.store import Store

# Room for MAX_MEDIA photos at the attachment limit, plus the form fields.
DEFAULT_MAX_BODY = 64 * 1024 * 1024
# Wrong keys per client address: a terminal with a mistyped key soon gives up; someone
# guessing keys is held to a few a second, answered from memory, not the database.
FAILED_KEYS_PER_MINUTE = 180.0
FAILED_KEYS_BURST = 10
T = TypeVar("T")

messages.register(
    {
        "field.too_many_bad_keys": (
            "来自该地址的错误密钥过多，请 {seconds} 秒后重试",
            "Too many wrong keys from this address; try again in {seconds} s",
        ),
    }
)


def failed_key_limiter(shared: bool = False) -> RateLimiter:
    if shared:
        return SharedRateLimiter(FAILED_KEYS_PER_MINUTE, FAILED_KEYS_BURST)
    return RateLimiter(FAILED_KEYS_PER_MINUTE, FAILED_KEYS_BURST)


class RateLimited(KnownError):
    """Too many requests from one terminal in a short time."""


@dataclass
class FieldService:
    """What every endpoint needs: the store, the jurisdiction, the zone and the limiter."""

    store: Store
    jurisdiction_id: str
    zone: dt.tzinfo
    limiter: RateLimiter
    max_body: int = DEFAULT_MAX_BODY
    language: str = "zh_CN"
    # One write transaction at a time per process; writers queue here, not on the
    # database. A transaction waiting for the write lock holds a pooled connection and
    # takes the interpreter from the one that holds the lock (measured in one process:
    # one writer at a time 200 reports/s, three 180/s, four 171/s). Reads, request
    # parsing and the checks before the write stay concurrent.
    write_gate: threading.Lock = field(default_factory=threading.Lock)
    failures: RateLimiter = field(default_factory=failed_key_limiter)

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction, after the previous one of this process has ended."""
        with self.write_gate, self.store.write() as session:
            yield session

    def submit(self, work: Callable[[Session, bool], T], *, retry_refusals: bool = True) -> T:
        """work(session, look_first) in one write transaction, first with look_first False.

        work may then skip looking for an earlier copy of the submission (a terminal
        retrying after a lost answer). If the write is refused, it is run once more,
        looking first, so a copy is answered with what the first one made: on a broken
        field_submission uniqueness (a copy committed meanwhile) and, when
        retry_refusals, on any refusal (the data may no longer pass, the copy did).
        """
        try:
            with self.write() as session:
                return work(session, False)
        except IntegrityError as error:
            if "field_submission" not in str(error.orig):
                raise
        except KnownError:
            if not retry_refusals:
                raise
        with self.write() as session:
            return work(session, True)

    def identify(self, key: str | None, client: str = "") -> terminals.FieldIdentity:
        """Check the key (a read) and the terminal's rate, before any write starts.

        client is the caller's address: one that has sent too many wrong keys is refused
        before the database is asked.
        """
        _refuse_if_waiting(self.failures.waiting(client), "field.too_many_bad_keys")
        if not key:
            raise AuthError("field.bad_key")
        try:
            with self.store.read_one() as session:
                who = terminals.authenticate(session, key)
        except AuthError:
            self.failures.take(client)
            raise
        _refuse_if_waiting(self.limiter.take(who.terminal_id), "field.rate_limited")
        return who


def _refuse_if_waiting(wait: float, code: str) -> None:
    if wait > 0:
        raise RateLimited(code, seconds=max(1, math.ceil(wait)), retry_after=wait)


def service_of(request: Request) -> FieldService:
    service: FieldService = request.app.state.field
    return service


def client_of(request: Request) -> str:
    """The caller's address (uvicorn puts the proxy's X-Forwarded-For here when trusted)."""
    return request.client.host if request.client is not None else ""
