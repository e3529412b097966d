"""The enforcement ledger for the year, adding up exactly to the source's figures.

Each kind's yearly total is split over (day, team, shift) slots by largest remainder on
noisy weights, so every sum is exact while the days still look uneven. Demolished area
is split in cents for the same reason.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from console.models import EnforcementAction
from console.services.workcalendar import WorkCalendar
from db.demo import names, places
from db.demo.area import AreaPlan
from db.demo.case_plan import split
from db.demo.clock import TZ, local_midnight

# The source reports "3,100+" small ads cleared; this is the figure the demo uses.
SMALL_ADS_CLEARED = 3126
YEARLY_FIGURES: dict[str, Decimal] = {
    "turnout": Decimal(15203),
    "ban": Decimal(3203),
    "seizure": Decimal(308),
    "frontage": Decimal(5104),
    "signboard": Decimal(205),
    "demolition": Decimal("23236.97"),
    "hazard": Decimal(3108),
    "small_ad": Decimal(SMALL_ADS_CLEARED),
}
# Relative effort per shift: vendors and barbecues come out in the evening, hazard
# checks and signboards are daytime work.
SHIFT_WEIGHTS: dict[str, dict[str, float]] = {
    "turnout": {"day": 1.2, "staggered": 1.0, "evening": 0.8},
    "ban": {"day": 0.8, "staggered": 1.3, "evening": 1.8},
    "frontage": {"day": 1.6, "staggered": 1.0, "evening": 0.4},
    "signboard": {"day": 1.0, "staggered": 0.3, "evening": 0.0},
    "hazard": {"day": 1.8, "staggered": 0.8, "evening": 0.3},
    "small_ad": {"day": 1.4, "staggered": 1.0, "evening": 0.6},
}
SHIFT_END_HOUR = {"day": 17.5, "staggered": 20.0, "evening": 22.0}
DEMOLITION_OPERATIONS = 72
NOTES = {
    "ban": "取缔无照经营",
    "frontage": "门前三包责任整改",
    "signboard": "拆除违规牌匾",
    "hazard": "安全隐患排查",
    "small_ad": "清理非法小广告",
    "seizure": "暂扣非法营运车辆",
    "demolition": "拆除违法建设",
}


def _row(
    day: dt.date,
    kind: str,
    quantity: Decimal,
    team: str,
    shift: str,
    community_id: int | None,
    note: str = "",
    plate: str = "",
) -> dict[str, Any]:
    created = local_midnight(day) + dt.timedelta(hours=SHIFT_END_HOUR[shift])
    return {
        "occurred_on": day,
        "kind": kind,
        "quantity": quantity,
        "team": team,
        "shift": shift,
        "community_id": community_id,
        "case_id": None,
        "campaign_id": None,
        "plate": plate,
        "note": note,
        "created_by": None,
        "created_at": created.astimezone(TZ),
    }


def ledger_rows(
    rng: random.Random, area: AreaPlan, calendar: WorkCalendar, days: list[dt.date]
) -> list[dict[str, Any]]:
    communities = area.communities
    population = [c.population for c in communities]

    def community() -> int:
        return rng.choices(communities, weights=population)[0].id

    day_weight = [1.0 if calendar.is_working_day(d) else 0.6 for d in days]
    slots = [
        (d, w, team, shift)
        for d, w in zip(days, day_weight, strict=True)
        for team, shift in places.TEAM_SHIFTS
    ]
    rows: list[dict[str, Any]] = []
    for kind, per_shift in SHIFT_WEIGHTS.items():
        weights = [w * per_shift[shift] * rng.uniform(0.4, 1.6) for _, w, _, shift in slots]
        for (day, _, team, shift), count in zip(
            slots, split(int(YEARLY_FIGURES[kind]), weights), strict=True
        ):
            if count:
                rows.append(
                    _row(day, kind, Decimal(count), team, shift, community(), NOTES.get(kind, ""))
                )
    # Seized vehicles: one row each, with its plate.
    # (Noisy weights: on near-equal ones the largest remainders would all fall on the
    # first days of the year.)
    weights = [
        w * (1.5 if shift != "day" else 1.0) * rng.uniform(0.2, 1.8) for _, w, _, shift in slots
    ]
    for (day, _, team, shift), count in zip(
        slots, split(int(YEARLY_FIGURES["seizure"]), weights), strict=True
    ):
        for _ in range(count):
            rows.append(
                _row(
                    day,
                    "seizure",
                    Decimal(1),
                    team,
                    shift,
                    community(),
                    NOTES["seizure"],
                    names.plate(rng),
                )
            )
    # Demolitions: a few dozen operations on working days, area split in cents.
    working = [d for d in days if calendar.is_working_day(d)]
    operations = sorted(rng.sample(working, min(DEMOLITION_OPERATIONS, len(working))))
    cents = split(
        int(YEARLY_FIGURES["demolition"] * 100), [rng.uniform(0.2, 3.0) for _ in operations]
    )
    for day, amount in zip(operations, cents, strict=True):
        rows.append(
            _row(
                day,
                "demolition",
                Decimal(amount) / 100,
                "执法一中队",
                "day",
                community(),
                NOTES["demolition"],
            )
        )
    return rows


def insert_ledger(
    rng: random.Random,
    session: Session,
    area: AreaPlan,
    calendar: WorkCalendar,
    days: list[dt.date],
) -> int:
    rows = ledger_rows(rng, area, calendar, days)
    session.execute(insert(EnforcementAction), rows)
    return len(rows)
