"""The demo year reproduces the source document: 7,695 of 7,810 resolved in the community."""

from __future__ import annotations

import datetime as dt

from console.services.kpi import compute, to_text
from console.store import Store
from db.demo import generate

UNTIL = dt.date(2026, 11, 29)


def test_demo_year_community_self_resolution(store: Store) -> None:
    summary = generate(store, until=UNTIL, timeline=False)
    with store.read() as session:
        table = compute(
            session,
            start=UNTIL - dt.timedelta(days=365),
            end=UNTIL,
            by="community",
            as_of=summary.as_of,
            language="zh_CN",
        )
    total = table.total
    assert (total.counts["reported"], total.counts["resolved_in_community"]) == (7810, 7695)
    assert total.rates["community_resolution_rate"] == 0.9853  # the source's 98.5%
    assert sum(row.counts["reported"] for row in table.rows) == 7810
    assert "98.53%" in to_text(table, "zh_CN")
