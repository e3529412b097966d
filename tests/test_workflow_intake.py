"""Intake: bad reports are refused with a clear message and leave no row behind."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import update

from console.errors import InputError, KnownError, PermissionDenied
from console.models import AppSetting, Case
from console.services import workflow as wf
from console.services.actor import system_actor
from console.services.workflow.intake import next_number
from tests.support.workflow_seed import POINTS, World, photo, world

__all__ = ["world"]


def refused(world: World, error: type[KnownError], who: str = "intake", **changes: Any) -> str:
    before = world.counts()
    with pytest.raises(error) as info:
        world.report(who, **changes)
    assert world.counts() == before
    message = info.value.message("zh_CN")
    assert info.value.message("en") != message
    return info.value.code


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"category_id": 9999}, "workflow.intake.unknown_category"),
        ({"category_id": None}, "workflow.intake.unknown_category"),
        ({"lon": 116.30}, "workflow.intake.outside_street"),
        ({"lon": 2.35, "lat": 48.85}, "workflow.intake.outside_china"),
        ({"lon": 39.93, "lat": 116.21}, "workflow.intake.bad_coordinates"),
        ({"lon": float("nan")}, "workflow.intake.bad_coordinates"),
        ({"lat": float("inf")}, "workflow.intake.bad_coordinates"),
        ({"lon": "116.21"}, "workflow.intake.bad_coordinates"),
        ({"lon": None}, "workflow.intake.bad_coordinates"),
        ({"lon": True}, "workflow.intake.bad_coordinates"),
        ({"description": ""}, "workflow.intake.empty_description"),
        ({"description": " \n\t "}, "workflow.intake.empty_description"),
        ({"description": "长" * 2001}, "workflow.intake.description_too_long"),
        ({"source": "pigeon"}, "workflow.intake.bad_source"),
        ({"urgency": "whenever"}, "workflow.intake.bad_urgency"),
        ({"address": "x" * 201}, "workflow.intake.field_too_long"),
        ({"reported_at": dt.datetime(2020, 1, 1)}, "workflow.intake.bad_time"),
        ({"self_handled": True, "photos": [photo()]}, "workflow.intake.self_handled_by_inspector"),
        ({"photos": [photo(data=b"%PDF-1.4 not a photo")]}, "workflow.attachment.not_image"),
    ],
)
def test_bad_input_writes_nothing(world: World, changes: dict[str, Any], code: str) -> None:
    assert refused(world, InputError, **changes) == code


def test_future_time(world: World) -> None:
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)
    assert refused(world, InputError, reported_at=later) == "workflow.intake.future_time"


def test_category_must_be_an_active_subclass(world: World) -> None:
    assert refused(world, InputError, category_id=world.categories["01"]) == (
        "workflow.intake.category_not_subclass"
    )
    assert refused(world, InputError, category_id=world.categories["0103"]) == (
        "workflow.intake.category_inactive"
    )


def test_self_handled_needs_an_after_photo(world: World) -> None:
    code = refused(world, InputError, "insp", self_handled=True, photos=[photo("before")])
    assert code == "workflow.intake.photo_required"


def test_roles_that_may_report(world: World) -> None:
    assert refused(world, PermissionDenied, "sqa") == "workflow.denied_new"
    assert refused(world, PermissionDenied, "leader") == "workflow.denied_new"
    case = world.report("shift", source="leader")
    assert case.state == "to_verify"
    with world.store.write() as session:
        terminal = wf.report(
            session,
            system_actor("terminal-7"),
            {
                "category_id": world.categories["0101"],
                "lon": POINTS["B2"][0],
                "lat": POINTS["B2"][1],
                "description": "视频发现违建",
                "source": "video",
                "urgency": "urgent",
            },
        )
        assert terminal.reporter_user_id is None and terminal.updated_by_id is None
    assert world.events(terminal.id)[0].role == "system"


def test_unknown_fields_in_a_mapping(world: World) -> None:
    with pytest.raises(InputError) as info, world.store.write() as session:
        wf.report(session, world.actors["intake"], {"category_id": 1, "colour": "red"})
    assert "colour" in info.value.message("en")


def test_locates_grid_and_community(world: World) -> None:
    for name, (lon, lat) in POINTS.items():
        case = world.report("insp", lon=lon, lat=lat)
        assert case.grid_id == world.grids[name]
        assert case.community_id == world.communities[name[0]]
    corner = world.report("insp", lon=116.20, lat=39.90)  # on the street's own corner
    assert corner.grid_id == world.grids["A2"]


def test_numbers_follow_the_local_date(world: World) -> None:
    # 16:30 UTC is half past midnight the next day in Beijing.
    now = dt.datetime(2026, 3, 2, 16, 30, tzinfo=dt.UTC)
    with world.store.write() as session:
        session.add(AppSetting(key="case_number_prefix", value="SJS"))
    reported = now - dt.timedelta(minutes=5)
    first = world.report("insp", reported_at=reported)
    assert first.number.startswith("SJS")  # numbered at the real now
    with world.store.write() as session:
        numbers = [
            wf.report(
                session,
                world.actors["insp"],
                wf.IntakeData(
                    category_id=world.categories["0102"], lon=116.21, lat=39.93,
                    description="垃圾", source="inspector", reported_at=reported,
                ),
                now=now,
            ).number
            for _ in range(3)
        ]  # fmt: skip
    assert numbers == ["SJS202603030001", "SJS202603030002", "SJS202603030003"]


def test_serial_grows_past_four_digits(world: World) -> None:
    now = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)
    case, more = world.report("insp", reported_at=now), world.report("insp", reported_at=now)
    with world.store.write() as session:
        session.execute(update(Case).where(Case.id == case.id).values(number="AJ202603029999"))
        assert next_number(session, now) == "AJ2026030210000"
        session.execute(update(Case).where(Case.id == more.id).values(number="AJ2026030210000"))
        assert next_number(session, now) == "AJ2026030210001"


def test_serial_is_the_days_highest_whatever_the_neighbours(world: World) -> None:
    now = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)
    numbers = [
        "AJ202603020007",
        "AJ202603020012",  # the day's highest
        "AJ202603019999",  # the day before, full
        "AJ202603030500",  # the day after (a clock that ran ahead)
        "AJ20260302001",  # a shorter tail: not one of ours
        "AJ2026030200X9",  # not digits
        "AJ20260302002²",  # a digit to isdigit(), not to int()
    ]
    cases = [world.report("insp", reported_at=now) for _ in numbers]
    with world.store.write() as session:
        for case, number in zip(cases, numbers, strict=True):
            session.execute(update(Case).where(Case.id == case.id).values(number=number))
        assert next_number(session, now) == "AJ202603020013"


def test_report_timeline_audit_and_feed(world: World) -> None:
    before = world.counts()
    case = world.report("intake", source="hotline", photos=[photo("near"), photo("far")])
    assert world.counts() == (before[0] + 1, before[1] + 1, before[2] + 1)
    [event] = world.events(case.id)
    assert event.action == "report" and event.from_state is None and event.to_state == "to_verify"
    assert event.role == "intake" and len(event.data["attachments"]) == 2
