"""Enforcement roll-ups against hand-computed figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from console.models import EnforcementAction
from console.services.enforcement_rollup import Scope, by_key, by_period, totals
from console.store import Store

AT = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
# (date, kind, quantity, team, shift)
ROWS = [
    (dt.date(2025, 12, 31), "turnout", "10", "一中队", "day"),
    (dt.date(2026, 1, 5), "turnout", "12", "一中队", "day"),
    (dt.date(2026, 1, 5), "turnout", "3", "二中队", "evening"),
    (dt.date(2026, 1, 5), "demolition", "12.50", "一中队", "day"),
    (dt.date(2026, 1, 20), "demolition", "0.25", "二中队", "evening"),
    (dt.date(2026, 2, 1), "seizure", "2", "二中队", "evening"),
]


def _fill(store: Store) -> None:
    with store.write() as session:
        for day, kind, quantity, team, shift in ROWS:
            session.add(
                EnforcementAction(
                    occurred_on=day,
                    kind=kind,
                    quantity=Decimal(quantity),
                    team=team,
                    shift=shift,
                    created_at=AT,
                )
            )


def test_totals_and_periods(store: Store) -> None:
    _fill(store)
    with store.read() as session:
        january = totals(dt.date(2026, 1, 1), dt.date(2026, 2, 1), session=session)
        assert january["turnout"] == 15
        assert january["demolition"] == Decimal("12.75")
        assert january["seizure"] == 0 and january["small_ad"] == 0
        months = by_period(dt.date(2025, 12, 1), dt.date(2026, 3, 1), "month", session=session)
        assert [m for m, _ in months] == [
            dt.date(2025, 12, 1),
            dt.date(2026, 1, 1),
            dt.date(2026, 2, 1),
        ]
        assert months[0][1]["turnout"] == 10 and months[2][1]["seizure"] == 2
        years = by_period(dt.date(2025, 1, 1), dt.date(2027, 1, 1), "year", session=session)
        assert years[1][1]["turnout"] == 15
        days = by_period(dt.date(2026, 1, 5), dt.date(2026, 1, 6), "day", session=session)
        assert days == [(dt.date(2026, 1, 5), days[0][1])] and days[0][1]["turnout"] == 15


def test_scopes_and_keys(store: Store) -> None:
    _fill(store)
    with store.read() as session:
        evening = totals(
            dt.date(2026, 1, 1), dt.date(2027, 1, 1), session=session, scope=Scope(shift="evening")
        )
        assert evening["turnout"] == 3 and evening["seizure"] == 2
        teams = by_key(dt.date(2026, 1, 1), dt.date(2027, 1, 1), "team", session=session)
        assert teams["一中队"]["turnout"] == 12
        assert teams["二中队"]["demolition"] == Decimal("0.25")
