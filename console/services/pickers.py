"""Short read-only lists for the filter combo boxes: communities and case categories.

Both are small (tens of rows), so they are read whole, once per pane, on the worker.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from console.models import Category, Community


@dataclass(frozen=True)
class Choice:
    """One entry of a combo box; level 1 is a subclass shown under its class (level 0)."""

    id: int
    code: str
    name_zh: str
    name_en: str = ""
    level: int = 0

    def name(self, language: str) -> str:
        """The name in the UI language (Chinese when there is no English one)."""
        return self.name_en if language == "en" and self.name_en else self.name_zh


@dataclass(frozen=True)
class PickerLists:
    communities: tuple[Choice, ...]
    categories: tuple[Choice, ...]


def communities(session: Session) -> list[Choice]:
    """Every community, by code (the code numbers them as the street does)."""
    rows = session.execute(
        select(Community.id, Community.code, Community.name).order_by(Community.code)
    )
    return [Choice(id, code, name) for id, code, name in rows]


def categories(session: Session) -> list[Choice]:
    """Active event classes, then part classes, each followed by its active subclasses."""
    parent = aliased(Category)
    classes = session.execute(
        select(Category.id, Category.code, Category.name_zh, Category.name_en, Category.kind)
        .where(Category.parent_id.is_(None), Category.active)
        .order_by(Category.kind, Category.code)  # "event" before "part"
    ).all()
    subclasses = session.execute(
        select(Category.id, Category.code, Category.name_zh, Category.name_en, parent.id)
        .join(parent, Category.parent_id == parent.id)
        .where(Category.active)
        .order_by(Category.code)
    ).all()
    children: dict[int, list[Choice]] = {}
    for id_, code, name_zh, name_en, parent_id in subclasses:
        children.setdefault(parent_id, []).append(Choice(id_, code, name_zh, name_en, 1))
    out: list[Choice] = []
    for id_, code, name_zh, name_en, _kind in classes:
        out.append(Choice(id_, code, name_zh, name_en, 0))
        out.extend(children.get(id_, []))
    return out


def picker_lists(session: Session) -> PickerLists:
    """Everything the queue's filter bar offers."""
    return PickerLists(
        communities=tuple(communities(session)),
        categories=tuple(categories(session)),
    )
