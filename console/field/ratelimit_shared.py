"""Token buckets shared by the service's worker processes.

With several workers a terminal's requests may reach any of them; a bucket per process
would let it send workers x its rate. These buckets live in one anonymous shared memory
map made before the workers are forked, guarded by one process-shared lock, so every
worker spends from the same bucket. The clock is CLOCK_MONOTONIC, the same in every
process of the machine.

A key (a terminal id, a client address) maps to one of `slots` fixed slots; the slot
also keeps a tag of its key. Terminal ids below `slots` never share a slot. Two other
keys that land on the same slot take it from each other (the newcomer starts with a
full bucket): for wrong-key limiting by address that forgets at worst one address's
count, which a guesser cannot steer without controlling both addresses.
"""

from __future__ import annotations

import mmap
import multiprocessing
import struct
import time
import zlib
from collections.abc import Callable, Hashable

from console.field.ratelimit import RateLimiter

_SLOT = struct.Struct("=ddq")  # tokens, last refill time, key tag (0 = empty)
DEFAULT_SLOTS = 65536


def _tag_and_slot(key: Hashable, slots: int) -> tuple[int, int]:
    if isinstance(key, int) and not isinstance(key, bool) and key >= 0:
        return key + 1, key % slots
    digest = zlib.crc32(repr(key).encode("utf-8"))
    # Tags of text keys live above every terminal id a database holds.
    return (1 << 40) + digest, digest % slots


class SharedRateLimiter(RateLimiter):
    """RateLimiter whose buckets are shared with the processes forked after it is made."""

    def __init__(
        self,
        per_minute: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
        slots: int = DEFAULT_SLOTS,
    ) -> None:
        super().__init__(per_minute, burst, clock=clock, max_keys=slots)
        self.slots = slots
        self._map = mmap.mmap(-1, slots * _SLOT.size, flags=mmap.MAP_SHARED)
        self._shared_lock = multiprocessing.get_context("fork").Lock()

    def __len__(self) -> int:
        with self._shared_lock:
            return sum(
                1 for n in range(self.slots) if _SLOT.unpack_from(self._map, n * _SLOT.size)[2] != 0
            )

    def _check(self, key: Hashable, spend: bool) -> float:
        tag, slot = _tag_and_slot(key, self.slots)
        offset = slot * _SLOT.size
        now = self._clock()
        with self._shared_lock:
            tokens, at, held = _SLOT.unpack_from(self._map, offset)
            if held != tag:
                if not spend:
                    return 0.0
                tokens, at = float(self.burst), now
            tokens = min(float(self.burst), tokens + max(0.0, now - at) * self.rate)
            wait = 0.0
            if tokens >= 1.0:
                if spend:
                    tokens -= 1.0
            else:
                wait = 60.0 if self.rate <= 0 else (1.0 - tokens) / self.rate
            _SLOT.pack_into(self._map, offset, tokens, now, tag)
            return wait
