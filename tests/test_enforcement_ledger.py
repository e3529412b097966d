"""The enforcement ledger: rows recorded through the service, rolled up by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from console.errors import InputError, PermissionDenied
from console.models import AuditLog, EnforcementAction
from console.services import enforcement_ledger as ledger
from console.services.enforcement_ledger import ActionInput
from console.services.enforcement_rollup import Scope, by_key, by_period, totals
from tests.support.workflow_seed import World, world

__all__ = ["world"]
# Typographic quotes are fine in English; Chinese characters are not.
_CURLY_QUOTES = {ord(q): None for q in "“”"}

TODAY = dt.date(2026, 3, 31)
D = dt.date
# (day, kind, quantity, team, shift, plate)
ROWS: list[tuple[dt.date, str, int | str, str, str, str]] = [
    (D(2026, 1, 30), "turnout", 8, "一中队", "day", ""),
    (D(2026, 1, 31), "turnout", 6, "二中队", "evening", ""),
    (D(2026, 1, 31), "demolition", "120.55", "一中队", "day", ""),
    (D(2026, 2, 1), "turnout", 5, "一中队", "staggered", ""),
    (D(2026, 2, 1), "seizure", 1, "二中队", "evening", "京A12345"),
    (D(2026, 2, 1), "seizure", 1, "二中队", "evening", "京AD12345"),
    (D(2026, 2, 14), "small_ad", 40, "一中队", "weekend", ""),
    (D(2026, 2, 14), "demolition", "0.45", "二中队", "weekend", ""),
    (D(2026, 3, 3), "ban", 3, "二中队", "evening", ""),
]


def _fill(world: World) -> None:
    with world.store.write() as session:
        for day, kind, quantity, team, shift, plate in ROWS:
            ledger.record_action(
                session,
                world.actors["cg"],
                ActionInput(day, kind, quantity, team, shift, plate=plate),
                today=TODAY,
            )


def test_rollups_match_hand_computed_figures(world: World) -> None:
    _fill(world)
    with world.store.read() as session:
        year = totals(D(2026, 1, 1), D(2027, 1, 1), session=session)
        months = dict(by_period(D(2026, 1, 1), D(2027, 1, 1), "month", session=session))
        days = dict(by_period(D(2026, 2, 1), D(2026, 2, 2), "day", session=session))
        teams = by_key(D(2026, 1, 1), D(2027, 1, 1), "team", session=session)
        shifts = by_key(D(2026, 1, 1), D(2027, 1, 1), "shift", session=session)
        evening = totals(
            D(2026, 1, 1), D(2027, 1, 1), session=session, scope=Scope(shift="evening")
        )
    # turnout 8 + 6 + 5; demolition 120.55 + 0.45; two seizures; 40 ads; 3 bans.
    assert year["turnout"] == 19 and year["demolition"] == Decimal("121.00")
    assert (year["seizure"], year["small_ad"], year["ban"]) == (2, 40, 3)
    assert months[D(2026, 1, 1)]["turnout"] == 14
    assert months[D(2026, 1, 1)]["demolition"] == Decimal("120.55")
    assert months[D(2026, 2, 1)]["turnout"] == 5 and months[D(2026, 2, 1)]["seizure"] == 2
    assert months[D(2026, 3, 1)]["ban"] == 3 and months[D(2026, 3, 1)]["turnout"] == 0
    assert days[D(2026, 2, 1)]["turnout"] == 5 and days[D(2026, 2, 1)]["seizure"] == 2
    assert teams["一中队"]["turnout"] == 13 and teams["二中队"]["turnout"] == 6
    assert teams["二中队"]["demolition"] == Decimal("0.45")
    assert shifts["weekend"]["small_ad"] == 40 and shifts["evening"]["seizure"] == 2
    assert (evening["turnout"], evening["seizure"], evening["ban"]) == (6, 2, 3)


def test_listing_and_links(world: World) -> None:
    case = world.report()
    with world.store.write() as session:
        ledger.record_action(
            session,
            world.actors["shift"],
            ActionInput(TODAY, "frontage", 2, "一中队", case_id=case.id, note="门前三包"),
            today=TODAY,
        )
    _fill(world)
    with world.store.read() as session:
        rows = ledger.list_actions(session, D(2026, 3, 1), D(2026, 4, 1))
        seizures = ledger.list_actions(session, D(2026, 1, 1), TODAY, kind="seizure")
        teams = ledger.teams(session)
    assert [r.kind for r in rows] == ["frontage", "ban"]
    # The case's community comes with it.
    assert rows[0].case_number == case.number and rows[0].community == "A社区"
    assert sorted(r.plate for r in seizures) == ["京A12345", "京AD12345"]
    assert teams == ["一中队", "二中队"]


@pytest.mark.parametrize(
    ("kind", "quantity", "shift", "plate", "code"),
    [
        ("patrol", 1, "day", "", "enforcement.bad_kind"),
        ("turnout", "2.5", "day", "", "enforcement.bad_quantity"),
        ("turnout", 0, "day", "", "enforcement.bad_quantity"),
        ("demolition", "1.005", "day", "", "enforcement.bad_area"),
        ("ban", "abc", "day", "", "enforcement.bad_quantity"),
        ("ban", 1, "noon", "", "enforcement.bad_shift"),
        ("seizure", 1, "day", "", "enforcement.plate_required"),
        ("seizure", 2, "day", "京A12345", "enforcement.plate_required"),
        ("seizure", 1, "day", "A12345", "enforcement.bad_plate"),
    ],
)
def test_refused_rows(
    world: World, kind: str, quantity: object, shift: str, plate: str, code: str
) -> None:
    with world.store.write() as session, pytest.raises(InputError) as error:
        ledger.record_action(
            session,
            world.actors["cg"],
            ActionInput(TODAY, kind, quantity, "一中队", shift, plate=plate),  # type: ignore[arg-type]
            today=TODAY,
        )
    assert error.value.code == code
    if code in ("enforcement.bad_quantity", "enforcement.bad_area"):
        # Rendered whole in each language: no Chinese inside the English message.
        assert error.value.message("en").translate(_CURLY_QUOTES).isascii()


def test_roles_future_and_void(world: World) -> None:
    with world.store.write() as session:
        with pytest.raises(PermissionDenied):
            ledger.record_action(
                session, world.actors["insp"], ActionInput(TODAY, "ban", 1, "一中队"), today=TODAY
            )
        with pytest.raises(InputError) as future:
            ledger.record_action(
                session,
                world.actors["cg"],
                ActionInput(TODAY + dt.timedelta(days=1), "ban", 1, "一中队"),
                today=TODAY,
            )
        assert future.value.code == "enforcement.future"
        row = ledger.record_action(
            session, world.actors["cg"], ActionInput(TODAY, "ban", 1, "一中队"), today=TODAY
        )
        row_id = row.id
    with world.store.write() as session:
        with pytest.raises(PermissionDenied):
            ledger.void_action(session, world.actors["cg"], row_id, reason="录错")
        ledger.void_action(session, world.actors["shift"], row_id, reason="录错")
    with world.store.read() as session:
        assert session.scalar(select(func.count()).select_from(EnforcementAction)) == 0
        void = session.scalars(select(AuditLog).where(AuditLog.action == "enforcement.void")).one()
        assert void.detail["reason"] == "录错" and void.detail["kind"] == "ban"
