"""Reconnect delays and liveness rules of the per-tile watchdog (pure, unit-tested)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """Exponential delay between reconnects, capped, with a little jitter.

    The cap bounds how long a returning camera waits for its next attempt, which with
    the time to open the stream makes the reconnect time.
    """

    first_s: float = 0.5
    max_s: float = 3.0
    factor: float = 2.0
    jitter: float = 0.1
    attempts: int = 0
    _rng: random.Random = field(default_factory=random.Random, repr=False)

    def next_delay(self) -> float:
        base = min(self.max_s, self.first_s * self.factor**self.attempts)
        self.attempts += 1
        spread = base * self.jitter
        return max(0.0, min(self.max_s, base + self._rng.uniform(-spread, spread)))

    def reset(self) -> None:
        self.attempts = 0


@dataclass
class Liveness:
    """Decides from a growing picture count whether a stream is alive.

    opened(now) starts the start-up deadline; observe(count, now) is called regularly
    with the number of pictures shown so far and answers "starting", "playing" or
    "stalled" (no first picture before the deadline, or no new one for stall_s).
    """

    start_timeout_s: float
    stall_s: float
    _opened_at: float = 0.0
    _count: int = 0
    _changed_at: float = 0.0
    _playing: bool = False

    def opened(self, now: float) -> None:
        self._opened_at = now
        self._count = 0
        self._changed_at = now
        self._playing = False

    def observe(self, count: int, now: float) -> str:
        if count != self._count:
            self._count = count
            self._changed_at = now
            self._playing = True
        if not self._playing:
            return "stalled" if now - self._opened_at > self.start_timeout_s else "starting"
        return "stalled" if now - self._changed_at > self.stall_s else "playing"
