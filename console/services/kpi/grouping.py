"""How a KPI table is broken down: the case columns to GROUP BY and the row labels.

The big query groups case_file on its own columns only (no joins over a million rows);
names come from the few reference rows afterwards. Coarser groupings (street, category
class) group by the finer id and are rolled up here, which keeps every grouping on the
same single scan.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import SQLColumnExpression, and_, case, select
from sqlalchemy.orm import Session, aliased

from console.messages import render
from console.models import Case, Category, Community, Grid, ResponsibleUnit, Street, User

RawKey = tuple[Any, ...]
Label = tuple[str, str]  # (stable key, display label)
Resolver = Callable[[Session, Collection[RawKey], str], dict[RawKey, Label]]


@dataclass(frozen=True)
class Grouping:
    name: str
    columns: tuple[SQLColumnExpression[Any], ...]
    resolve: Resolver


def _ids(raw: Collection[RawKey]) -> list[Any]:
    return [key[0] for key in raw if key[0] is not None]


def _missing(name: str, language: str) -> Label:
    return "", render(f"kpi.none.{name}", language)


def _street(session: Session, raw: Collection[RawKey], language: str) -> dict[RawKey, Label]:
    rows = session.execute(
        select(Community.id, Street.code, Street.name)
        .join(Street, Street.id == Community.street_id)
        .where(Community.id.in_(_ids(raw)))
    ).all()
    by_id = {cid: (code, name) for cid, code, name in rows}
    streets = session.execute(select(Street.code, Street.name)).all()
    # A center runs one street: cases not placed in a community are still its cases.
    fallback = (
        (streets[0][0], streets[0][1]) if len(streets) == 1 else _missing("community", language)
    )
    return {key: by_id.get(key[0], fallback) for key in raw}


def _community(session: Session, raw: Collection[RawKey], language: str) -> dict[RawKey, Label]:
    rows = session.execute(
        select(Community.id, Community.code, Community.name).where(Community.id.in_(_ids(raw)))
    ).all()
    by_id = {cid: (code, name) for cid, code, name in rows}
    return {key: by_id.get(key[0], _missing("community", language)) for key in raw}


def _grid(session: Session, raw: Collection[RawKey], language: str) -> dict[RawKey, Label]:
    rows = session.execute(select(Grid.id, Grid.code).where(Grid.id.in_(_ids(raw)))).all()
    by_id = {gid: (code, code) for gid, code in rows}
    return {key: by_id.get(key[0], _missing("grid", language)) for key in raw}


def _unit(session: Session, raw: Collection[RawKey], language: str) -> dict[RawKey, Label]:
    rows = session.execute(
        select(ResponsibleUnit.id, ResponsibleUnit.code, ResponsibleUnit.name).where(
            ResponsibleUnit.id.in_(_ids(raw))
        )
    ).all()
    by_id = {uid: (code, name) for uid, code, name in rows}
    return {key: by_id.get(key[0], _missing("unit", language)) for key in raw}


def _category_label(code: str, name_zh: str, name_en: str, language: str) -> Label:
    name = name_en if language.lower().startswith("en") and name_en else name_zh
    return code, f"{code} {name}"


def _category(session: Session, raw: Collection[RawKey], language: str) -> dict[RawKey, Label]:
    rows = session.execute(
        select(Category.id, Category.code, Category.name_zh, Category.name_en).where(
            Category.id.in_(_ids(raw))
        )
    ).all()
    by_id = {cid: _category_label(code, zh, en, language) for cid, code, zh, en in rows}
    return {key: by_id.get(key[0], _missing("category", language)) for key in raw}


def _category_class(
    session: Session, raw: Collection[RawKey], language: str
) -> dict[RawKey, Label]:
    parent = aliased(Category)
    rows = session.execute(
        select(
            Category.id,
            Category.code,
            Category.name_zh,
            Category.name_en,
            parent.code,
            parent.name_zh,
            parent.name_en,
        )
        .outerjoin(parent, parent.id == Category.parent_id)
        .where(Category.id.in_(_ids(raw)))
    ).all()
    # A case filed under a class itself (no parent) is counted in that class.
    by_id = {
        row[0]: _category_label(*(row[4:] if row[4] is not None else row[1:4]), language)
        for row in rows
    }
    return {key: by_id.get(key[0], _missing("category", language)) for key in raw}


# Reports without an account name a person only if an inspector (a terminal holder)
# made them; callers and other sources fall into one row, never one row per citizen.
_reporter_name = case(
    (and_(Case.reporter_user_id.is_(None), Case.source == "inspector"), Case.reporter_name),
    else_="",
)


def _person(session: Session, raw: Collection[RawKey], language: str) -> dict[RawKey, Label]:
    rows = session.execute(
        select(User.id, User.username, User.display_name).where(User.id.in_(_ids(raw)))
    ).all()
    by_id = {uid: (f"user:{username}", name) for uid, username, name in rows}
    resolved: dict[RawKey, Label] = {}
    for key in raw:
        user_id, name = key
        if user_id is not None and user_id in by_id:
            resolved[key] = by_id[user_id]
        elif name:
            resolved[key] = (f"name:{name}", name)
        else:
            resolved[key] = _missing("person", language)
    return resolved


GROUPINGS: dict[str, Grouping] = {
    g.name: g
    for g in (
        Grouping("street", (Case.community_id,), _street),
        Grouping("community", (Case.community_id,), _community),
        Grouping("grid", (Case.grid_id,), _grid),
        Grouping("unit", (Case.unit_id,), _unit),
        Grouping("category", (Case.category_id,), _category),
        Grouping("category_class", (Case.category_id,), _category_class),
        Grouping("person", (Case.reporter_user_id, _reporter_name), _person),
    )
}
