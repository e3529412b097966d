"""How many cases each day gets, and which cases end where (their fate).

The source's year: 7,810 cases reported by grid workers, 7,695 resolved within the
community (98.5%). The other 115 are planned explicitly: escalated to the street (most
closed, some in progress), a few shelved or not opened, and the newest ones still
moving through the open states. Any other total keeps the same ratio.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from console.services.workcalendar import WorkCalendar

DEFAULT_CASES = 7810
DEFAULT_RESOLVED = 7695
DAYS = 365

RESOLVED = "resolved"
ESCALATED_CLOSED = "escalated_closed"
ESCALATED_OPEN = "escalated_open"
SHELVED = "shelved"
NOT_OPENED = "not_opened"
OPEN = "open"

# Shares of the cases not resolved in the community.
REST_SHARES = (
    (OPEN, 0.30),
    (ESCALATED_OPEN, 0.09),
    (SHELVED, 0.03),
    (NOT_OPENED, 0.02),
    (ESCALATED_CLOSED, 0.56),
)
# Open states with their shares, newest cases first: the older a case, the further along.
OPEN_STATES = (
    ("to_verify", 0.06),
    ("to_open", 0.08),
    ("opened", 0.06),
    ("dispatched", 0.08),
    ("in_handling", 0.48),
    ("to_check", 0.13),
    ("to_close", 0.11),
)
# Newest first, as above.
ESCALATED_OPEN_STATES = (
    ("opened", 0.10),
    ("dispatched", 0.15),
    ("in_handling", 0.50),
    ("to_check", 0.15),
    ("to_close", 0.10),
)
# Reports by hour of day: a daytime peak, the staggered shift's evening, quiet nights.
# fmt: off
WORKDAY_HOURS = (0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 2.2, 4.5, 6.5, 7.0, 6.0,
                 3.5, 4.0, 6.0, 6.5, 6.0, 5.0, 3.6, 3.2, 2.6, 1.8, 0.8, 0.4)
RESTDAY_HOURS = (0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.8, 4.5, 5.5, 5.5,
                 4.0, 4.0, 5.0, 5.5, 5.5, 5.0, 4.2, 4.0, 3.2, 2.2, 1.0, 0.5)
# fmt: on
RESTDAY_FACTOR = 0.75


def resolved_for(total: int) -> int:
    """Cases resolved within the community for a total, at the source's ratio."""
    return (total * DEFAULT_RESOLVED * 2 + DEFAULT_CASES) // (DEFAULT_CASES * 2)


def split(total: int, weights: Sequence[float]) -> list[int]:
    """Split total in proportion to weights, exactly (largest remainder)."""
    whole = sum(weights)
    raw = [total * w / whole for w in weights] if whole else [0.0] * len(weights)
    counts = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda k: (counts[k] - raw[k], k))
    for k in order[: total - sum(counts)]:
        counts[k] += 1
    return counts


@dataclass(frozen=True)
class CasePlan:
    days: tuple[dt.date, ...]
    day_counts: tuple[int, ...]
    fates: dict[int, tuple[str, str | None]]  # case index -> (fate, state it stops at)
    total: int
    resolved: int

    def fate(self, index: int) -> tuple[str, str | None]:
        return self.fates.get(index, (RESOLVED, None))


def _day_weights(rng: random.Random, days: list[dt.date], calendar: WorkCalendar) -> list[float]:
    weights = []
    for day in days:
        weight = 1.0 if calendar.is_working_day(day) else RESTDAY_FACTOR
        # More street-order problems in the warm months (vendors, barbecues, garbage).
        season = 1 + 0.2 * math.sin(2 * math.pi * (day.timetuple().tm_yday - 100) / 365)
        weights.append(weight * season * rng.uniform(0.85, 1.15))
    return weights


def _expand(states: tuple[tuple[str, float], ...], count: int) -> list[str]:
    counts = split(count, [share for _, share in states])
    return [state for (state, _), n in zip(states, counts, strict=True) for _ in range(n)]


class _Picker:
    """Draws case indices for each fate from a preferred window, never twice."""

    def __init__(self, rng: random.Random, total: int) -> None:
        self.rng = rng
        self.total = total
        self.used: set[int] = set()

    def take(self, window: range, count: int) -> list[int]:
        pool = [i for i in window if i not in self.used]
        if len(pool) < count:  # tiny totals: fall back to any free index
            pool += [i for i in range(self.total) if i not in self.used and i not in window]
        chosen = sorted(self.rng.sample(pool, count))
        self.used.update(chosen)
        return chosen


def plan_cases(
    rng: random.Random, calendar: WorkCalendar, as_of: dt.datetime, total: int
) -> CasePlan:
    last_day = as_of.date() - dt.timedelta(days=1)
    days = [last_day - dt.timedelta(days=DAYS - 1 - k) for k in range(DAYS)]
    day_counts = split(total, _day_weights(rng, days, calendar))
    resolved = resolved_for(total)
    counts = dict(
        zip(
            [f for f, _ in REST_SHARES],
            split(total - resolved, [s for _, s in REST_SHARES]),
            strict=True,
        )
    )
    picker = _Picker(rng, total)
    fates: dict[int, tuple[str, str | None]] = {}

    # The newest cases are the ones still open; older ones further along the workflow.
    open_window = min(total, math.ceil(counts[OPEN] * 1.3) + 2)
    newest = picker.take(range(total - open_window, total), counts[OPEN])
    for index, state in zip(reversed(newest), _expand(OPEN_STATES, counts[OPEN]), strict=True):
        fates[index] = (OPEN, state)

    # Escalated cases still in progress come from the last few weeks.
    recent = sum(day_counts[-20:])
    esc_start = max(0, total - open_window - max(recent, counts[ESCALATED_OPEN] * 6))
    escalated = picker.take(range(esc_start, total - open_window), counts[ESCALATED_OPEN])
    states = _expand(ESCALATED_OPEN_STATES, counts[ESCALATED_OPEN])
    for index, state in zip(reversed(escalated), states, strict=True):
        fates[index] = (ESCALATED_OPEN, state)

    for fate in (ESCALATED_CLOSED, SHELVED, NOT_OPENED):
        for index in picker.take(range(0, esc_start), counts[fate]):
            fates[index] = (fate, None)
    return CasePlan(tuple(days), tuple(day_counts), fates, total, resolved)
