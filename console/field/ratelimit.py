"""Request rates: a token bucket for each key (a terminal, a client address), refilled
continuously.

A terminal may send `burst` requests at once (a worker uploading a backlog after a dead
zone), then `per_minute` on average. Kept in memory: one service process decides. Keys
that anyone may make up (client addresses) must not grow the table without end: past
max_keys, the buckets that have refilled (they say nothing any more) are dropped.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimiter:
    def __init__(
        self,
        per_minute: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 100_000,
    ) -> None:
        self.rate = max(per_minute, 0.0) / 60.0
        self.burst = max(int(burst), 1)
        self.max_keys = max_keys
        self._clock = clock
        self._buckets: dict[Hashable, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, key: Hashable) -> float:
        """0.0 if the request may go; otherwise the seconds to wait before trying again."""
        return self._check(key, spend=True)

    def waiting(self, key: Hashable) -> float:
        """What take() would answer, without spending a token."""
        return self._check(key, spend=False)

    def __len__(self) -> int:
        return len(self._buckets)

    def _check(self, key: Hashable, spend: bool) -> float:
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                if not spend:
                    return 0.0
                if len(self._buckets) >= self.max_keys:
                    self._drop_full(now)
                bucket = self._buckets[key] = _Bucket(float(self.burst), now)
            bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.at) * self.rate)
            bucket.at = now
            if bucket.tokens >= 1.0:
                if spend:
                    bucket.tokens -= 1.0
                return 0.0
            if self.rate <= 0:
                return 60.0
            return (1.0 - bucket.tokens) / self.rate

    def _drop_full(self, now: float) -> None:
        full = [
            key
            for key, bucket in self._buckets.items()
            if bucket.tokens + (now - bucket.at) * self.rate >= self.burst
        ]
        for key in full:
            del self._buckets[key]
        if len(self._buckets) >= self.max_keys:
            # Still full (many addresses at once): forget the oldest half rather than grow.
            for key in list(self._buckets)[: self.max_keys // 2]:
                del self._buckets[key]
