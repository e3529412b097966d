"""Settings, the working calendar and the category taxonomy, written as editable rows."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from console.models import (
    AppSetting,
    CalendarDay,
    Category,
    DeadlineRule,
    ResponsibilityRule,
    WorkingHours,
)
from console.services.deadlines import default_rules
from db.demo import places
from db.demo.cases import NUMBER_PREFIX
from db.demo.holidays import OFFICE_HOURS, OFFICE_WEEKDAYS, calendar_days
from db.demo.taxonomy import CLASSES, SUBCLASSES

# app_setting keys written by the generator, as the services read them. "demo" marks a
# database whose accounts have published passwords (console.services.accounts).
DEMO_KEY = "demo"
CENTER_NAME_KEY = "center_name"  # console.services.summary
TIMEZONE_KEY = "timezone"  # console.services.workcalendar
CASE_NUMBER_PREFIX_KEY = "case_number_prefix"  # console.services.workflow.intake
DEMO_SEED_KEY = "demo_seed"


def insert_settings(session: Session, *, seed: int, until: dt.date, cases: int) -> None:
    values = {
        DEMO_KEY: True,
        CENTER_NAME_KEY: places.CENTER_NAME,
        TIMEZONE_KEY: places.TIME_ZONE,
        CASE_NUMBER_PREFIX_KEY: NUMBER_PREFIX,
        DEMO_SEED_KEY: {"seed": seed, "until": until.isoformat(), "cases": cases},
    }
    session.add_all(AppSetting(key=key, value=value) for key, value in values.items())


def insert_calendar(session: Session) -> int:
    am_start, am_end, pm_start, pm_end = OFFICE_HOURS
    session.add_all(
        WorkingHours(
            weekday=weekday, am_start=am_start, am_end=am_end, pm_start=pm_start, pm_end=pm_end
        )
        for weekday in OFFICE_WEEKDAYS
    )
    rows = [{"day": day, "kind": kind, "name": name} for day, kind, name in calendar_days()]
    session.execute(insert(CalendarDay), rows)
    return len(rows)


def insert_categories(session: Session) -> int:
    parents: dict[str, int] = {}
    for code, kind, name_zh, name_en in CLASSES:
        row = Category(code=code, kind=kind, name_zh=name_zh, name_en=name_en)
        session.add(row)
        session.flush()
        parents[code] = row.id
    kinds = {code: kind for code, kind, _, _ in CLASSES}
    session.add_all(
        Category(
            code=s.code,
            kind=kinds[s.parent_code],
            parent_id=parents[s.parent_code],
            name_zh=s.name_zh,
            name_en=s.name_en,
            deadline_kind=s.deadline_kind,
            deadline_amount=s.deadline_amount,
            unit_type=s.unit_type,
        )
        for s in SUBCLASSES
    )
    session.flush()
    return len(CLASSES) + len(SUBCLASSES)


def insert_rules(session: Session) -> int:
    """The street-wide stage deadlines the console starts with (handling deadlines are
    the categories' own)."""
    rows = default_rules()
    session.execute(insert(DeadlineRule), rows)
    return len(rows)


def insert_responsibilities(
    session: Session,
    street_units: dict[str, tuple[int, str]],
    committees: dict[int, tuple[int, str]],
) -> int:
    """The responsibility matrix: in each community its committee handles every subclass
    first (小事不出社区); street-wide, the department of the subclass's unit type takes
    what is escalated (大事不出街道)."""
    subclasses = session.execute(
        select(Category.id, Category.unit_type).where(Category.parent_id.is_not(None))
    ).all()
    fallback = street_units["enforcement"]
    rows = [
        {
            "category_id": category_id,
            "community_id": community_id,
            "grid_id": None,
            "unit_id": unit_id,
            "role": "primary",
            "level": "community",
        }
        for category_id, _ in subclasses
        for community_id, (unit_id, _name) in committees.items()
    ]
    rows += [
        {
            "category_id": category_id,
            "community_id": None,
            "grid_id": None,
            "unit_id": street_units.get(unit_type, fallback)[0],
            "role": "primary",
            "level": "street",
        }
        for category_id, unit_type in subclasses
    ]
    session.execute(insert(ResponsibilityRule), rows)
    return len(rows)
