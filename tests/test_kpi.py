"""KPI definitions on both backends, on hand-made cases with controlled timestamps."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from console.errors import InputError
from console.models import AppSetting, Case
from console.services.kpi import KpiTable, compute, to_text
from console.store import Store
from tests.support.kpi_data import (
    Refs,
    add_cases,
    case,
    closed_case,
    in_handling,
    local,
    seed,
)

MARCH = {"start": dt.date(2024, 3, 1), "end": dt.date(2024, 4, 1)}
AFTER_MARCH = local(2024, 4, 15)
ONE_MIN = dt.timedelta(minutes=1)


def kpis(store: Store, **options: Any) -> KpiTable:
    arguments: dict[str, Any] = {**MARCH, "compare": False, "as_of": AFTER_MARCH}
    arguments.update(options)
    with store.read() as session:
        return compute(session, **arguments)


@pytest.fixture
def refs(store: Store) -> Refs:
    return seed(store)


def test_closure_rates_hand_check(store: Store, refs: Refs) -> None:
    day = local(2024, 3, 5)
    rows = [closed_case(refs, day) for _ in range(737)]
    rows += [closed_case(refs, day, on_time=False) for _ in range(174)]
    rows += [in_handling(refs, day) for _ in range(61)]
    rows += [in_handling(refs, day, state="shelved") for _ in range(20)]
    rows += [case(refs, day, state="to_open") for _ in range(15)]
    add_cases(store, rows)
    table = kpis(store)
    counts, rates = table.total.counts, table.total.rates
    assert counts["reported"] == 1007
    assert counts["dispatched"] == 992
    assert counts["shelved"] == 20
    assert counts["due_to_close"] == 972  # shelved cases are not due to close
    assert (counts["closed"], counts["closed_on_time"]) == (911, 737)
    assert (rates["close_rate"], rates["on_time_close_rate"]) == (0.9372, 0.7582)
    text = to_text(table, "zh_CN")
    assert "93.72%" in text and "75.82%" in text and "结案率" in text


def test_drafts_and_merged_cases_are_not_counted(store: Store, refs: Refs) -> None:
    day = local(2024, 3, 5)
    add_cases(store, [closed_case(refs, day)])
    with store.read() as session:
        target = session.scalars(select(Case.id)).one()
    add_cases(
        store,
        [
            case(refs, day, state="draft"),
            case(refs, day, state="merged", merged_into_id=target),
            closed_case(refs, day, merged_into_id=target),
            case(refs, day, state="not_opened"),
        ],
    )
    counts = kpis(store).total.counts
    assert (counts["reported"], counts["accepted"], counts["closed"]) == (2, 1, 1)


def test_returns_lower_the_accurate_dispatch_rate(store: Store, refs: Refs) -> None:
    day = local(2024, 3, 5)
    returns = [0] * 6 + [1, 1, 1, 2]
    add_cases(store, [in_handling(refs, day, return_count=n) for n in returns])
    table = kpis(store)
    counts = table.total.counts
    assert (counts["dispatched"], counts["returns"], counts["dispatches"]) == (10, 5, 15)
    assert table.total.rates["accurate_dispatch_rate"] == 0.6667  # (15 - 5) / 15


def test_rework_and_extension_rates(store: Store, refs: Refs) -> None:
    day = local(2024, 3, 5)
    rows = [closed_case(refs, day, rework_count=1 if i < 2 else 0) for i in range(8)]
    rows += [in_handling(refs, day, extension_count=1) for _ in range(2)]
    rows += [closed_case(refs, day, extension_count=2)]
    add_cases(store, rows)
    rates = kpis(store).total.rates
    assert rates["rework_rate"] == 0.2222  # 2 reworked / 9 handled
    assert rates["extension_rate"] == 0.2727  # 3 extended / 11 dispatched
    assert rates["handle_rate"] == 0.8182


def test_rates_without_denominator_are_none(store: Store, refs: Refs) -> None:
    empty = kpis(store)
    assert empty.rows == []
    assert empty.total.counts["reported"] == 0
    assert set(empty.total.rates.values()) == {None}
    assert set(empty.total.averages.values()) == {None}
    assert "—" in to_text(empty, "zh_CN")
    add_cases(store, [case(refs, local(2024, 3, 5), state="to_open")])
    rates = kpis(store).total.rates
    assert rates["close_rate"] is None and rates["accurate_dispatch_rate"] is None
    assert rates["community_resolution_rate"] == 0.0


def test_overdue_and_late_handling(store: Store, refs: Refs) -> None:
    day = local(2024, 3, 30)  # handle due on 1 April, 10:00
    add_cases(
        store,
        [
            in_handling(refs, day),
            in_handling(refs, day, state="shelved"),
            closed_case(refs, day, on_time=False),
            closed_case(refs, day),
        ],
    )
    before = kpis(store, as_of=local(2024, 4, 1, 9)).total.counts
    after = kpis(store, as_of=local(2024, 4, 1, 11)).total.counts
    assert (before["overdue_open"], after["overdue_open"]) == (0, 1)
    assert (after["handled_on_time"], after["handled_late"]) == (1, 1)
    assert after["closed_on_time"] == 1


def test_self_handled_cases_stay_out_of_the_handling_loop(store: Store, refs: Refs) -> None:
    day = local(2024, 3, 5)
    on_site = day + dt.timedelta(minutes=30)
    fixed_on_site = {"self_handled": True, "handled_at": on_site, "closed_at": on_site}
    add_cases(
        store,
        [
            case(refs, day, state="closed", **fixed_on_site),
            closed_case(refs, day),
            closed_case(refs, day, escalation_level=1),
            in_handling(refs, day),
        ],
    )
    table = kpis(store)
    counts = table.total.counts
    names = ("reported", "self_handled", "resolved_in_community", "dispatched", "handled")
    assert [counts[name] for name in names] == [4, 1, 2, 3, 2]
    assert (counts["due_to_close"], counts["closed"]) == (3, 2)
    assert table.total.rates["community_resolution_rate"] == 0.5
    assert table.total.rates["handle_rate"] == 0.6667


def test_hotline_rates(store: Store, refs: Refs) -> None:
    day = local(2024, 3, 5)
    due = day + dt.timedelta(minutes=30)
    hotline: dict[str, Any] = {"source": "hotline"}
    rows = [
        closed_case(refs, day, **hotline, callback_result="satisfied"),
        closed_case(refs, day, **hotline, callback_result="basically_satisfied"),
        closed_case(refs, day, **hotline, callback_result="unsatisfied", opened_at=due + ONE_MIN),
        closed_case(refs, day, **hotline, callback_result="unreachable"),
        case(refs, day, **hotline, state="not_opened", verified_at=due - ONE_MIN, open_due_at=due),
        case(refs, day, **hotline, state="to_verify", open_due_at=due),
        closed_case(refs, day, callback_result="unsatisfied"),  # not a hotline case
    ]
    add_cases(store, rows)
    table = kpis(store)
    counts, rates = table.total.counts, table.total.rates
    assert (counts["hotline_reported"], counts["hotline_responded"]) == (6, 4)
    assert (counts["hotline_resolved"], counts["hotline_callbacks"]) == (4, 3)
    assert rates["hotline_response_rate"] == 0.6667
    assert rates["hotline_resolution_rate"] == 0.6667
    assert rates["hotline_satisfaction_rate"] == 0.6667  # unreachable callbacks excluded


def test_average_intake_and_handling_times(store: Store, refs: Refs) -> None:
    day = local(2024, 3, 5)
    add_cases(
        store,
        [
            closed_case(refs, day),  # opened after 20 min, handled 46.5 h after dispatch
            closed_case(refs, day, on_time=False),  # handled after 48.5 h
            closed_case(refs, day, opened_at=day + dt.timedelta(minutes=50)),
        ],
    )
    averages = kpis(store).total.averages
    assert averages["avg_intake_minutes"] == 30.0
    assert averages["avg_handle_hours"] == 47.17  # (46.5 + 48.5 + 46.5) / 3


def test_time_zone_bounds_follow_the_center_setting(store: Store, refs: Refs) -> None:
    inside, outside = refs.subclasses[0], refs.subclasses[1]
    add_cases(
        store,
        [
            case(refs, local(2024, 3, 31, 23, 30), category_id=inside),
            case(refs, local(2024, 3, 1, 0, 5), category_id=inside),
            case(refs, local(2024, 4, 1, 0, 10), category_id=outside),
            case(refs, local(2024, 2, 29, 23, 59), category_id=outside),
        ],
    )
    table = kpis(store, by="category")
    assert [(row.key, row.counts["reported"]) for row in table.rows] == [("0101", 2)]
    # The zone is data: in Tokyo (UTC+9) the same instants fall one hour later.
    with store.write() as session:
        session.add(AppSetting(key="timezone", value="Asia/Tokyo"))
    table = kpis(store, by="category")
    assert table.timezone == "Asia/Tokyo"
    assert sorted((row.key, row.counts["reported"]) for row in table.rows) == [
        ("0101", 1),
        ("0102", 1),
    ]


def test_bad_time_zone_setting_is_reported(store: Store, refs: Refs) -> None:
    with store.write() as session:
        session.add(AppSetting(key="timezone", value="Mars/Olympus"))
    with pytest.raises(InputError) as error:
        kpis(store)
    assert error.value.code == "kpi.bad_timezone"


def test_input_validation(store: Store) -> None:
    with pytest.raises(InputError) as error:
        kpis(store, by="district")
    assert error.value.code == "kpi.unknown_grouping"
    assert "community" in error.value.message("en")
    with pytest.raises(InputError) as error:
        kpis(store, start=dt.date(2024, 4, 1), end=dt.date(2024, 4, 1))
    assert error.value.code == "kpi.bad_range"
