"""What ledger cells refer to: categories, communities, grids, units, the street's extent
and the center's time zone, loaded once per import or export.
"""

from __future__ import annotations

import datetime as dt
import logging
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import AppSetting, Category, Community, Grid, ResponsibleUnit, Street
from console.services.ledger.geo import Extent, street_extent

log = logging.getLogger("console.ledger")

TIMEZONE_KEY = "timezone"
DEFAULT_TIMEZONE = "Asia/Shanghai"
# Without a time zone database (e.g. Windows without tzdata) China Standard Time is
# still right: China has not used daylight saving time since 1991.
_CHINA = dt.timezone(dt.timedelta(hours=8), "CST")


class NotFound(LookupError):
    """A cell names nothing (kind "unknown") or several things (kind "ambiguous")."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


@dataclass(frozen=True)
class Named:
    id: int
    code: str
    name: str


@dataclass
class Index:
    """Find a row by its code first, then by its name."""

    by_id: dict[int, Named] = field(default_factory=dict)
    by_code: dict[str, int] = field(default_factory=dict)
    by_name: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, items: Iterable[Named]) -> Index:
        index = cls()
        for item in items:
            index.by_id[item.id] = item
            index.by_code[item.code] = item.id
            index.by_name.setdefault(item.name, []).append(item.id)
        return index

    def find(self, text: str, pad: int = 0) -> int:
        found = self.by_code.get(text)
        if found is not None:
            return found
        names = self.by_name.get(text)
        if names:
            if len(names) > 1:
                raise NotFound("ambiguous")
            return names[0]
        # A code typed into a number cell loses its leading zeros (01 → 1).
        if pad and text.isdigit() and len(text) < pad:
            return self.find(text.zfill(pad))
        raise NotFound("unknown")

    def label(self, ident: int) -> str:
        """The name when it finds this row again, else the code."""
        item = self.by_id[ident]
        try:
            return item.name if self.find(item.name) == ident else item.code
        except NotFound:
            return item.code


@dataclass
class Reference:
    classes: Index
    subclasses: Index  # every subclass, by code (names are only unique within a class)
    subclasses_of: dict[int, Index]
    parent_of: dict[int, int | None]
    communities: Index
    grids: Index  # by 15-digit code
    grid_community: dict[int, int]
    units: Index
    extent: Extent | None
    tz: dt.tzinfo

    def category_cells(self, category_id: int) -> tuple[str, str]:
        """(大类, 小类) for a case's category: a class leaves 小类 empty."""
        parent = self.parent_of.get(category_id)
        if parent is None:
            return self.classes.label(category_id), ""
        return self.classes.label(parent), self.subclasses_of[parent].label(category_id)


def load_timezone(session: Session) -> dt.tzinfo:
    setting = session.get(AppSetting, TIMEZONE_KEY)
    name = str(setting.value) if setting is not None and setting.value else DEFAULT_TIMEZONE
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        log.warning("time zone %r not available; using UTC+8", name)
        return _CHINA


def load_reference(session: Session) -> Reference:
    categories = session.execute(
        select(Category.id, Category.code, Category.name_zh, Category.parent_id)
    ).all()
    classes = [Named(c.id, c.code, c.name_zh) for c in categories if c.parent_id is None]
    subs = [c for c in categories if c.parent_id is not None]
    by_parent: dict[int, list[Named]] = {}
    for c in subs:
        assert c.parent_id is not None
        by_parent.setdefault(c.parent_id, []).append(Named(c.id, c.code, c.name_zh))
    communities = session.execute(
        select(Community.id, Community.code, Community.name, Community.boundary)
    ).all()
    grids = session.execute(select(Grid.id, Grid.code, Grid.name, Grid.community_id)).all()
    units = session.execute(
        select(ResponsibleUnit.id, ResponsibleUnit.code, ResponsibleUnit.name)
    ).all()
    streets = session.scalars(select(Street.boundary)).all()
    return Reference(
        classes=Index.of(classes),
        subclasses=Index.of(Named(c.id, c.code, c.name_zh) for c in subs),
        subclasses_of={p: Index.of(items) for p, items in by_parent.items()},
        parent_of={c.id: c.parent_id for c in categories},
        communities=Index.of(Named(c.id, c.code, c.name) for c in communities),
        grids=Index.of(Named(g.id, g.code, g.code) for g in grids),
        grid_community={g.id: g.community_id for g in grids},
        units=Index.of(Named(u.id, u.code, u.name) for u in units),
        extent=street_extent(list(streets), [c.boundary for c in communities]),
        tz=load_timezone(session),
    )
