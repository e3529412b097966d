"""The street, its communities and unit grids: planned in memory, then inserted.

About 300 grids of ~145 m on a side make up a street of about 6.3 km². Two bands of
five communities each (the band line stands for a main road); the lines between
neighbouring communities wander a cell left or right from row to row.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from console.models import Community, Grid, Street
from db.demo import places
from db.demo.geometry import Cell, Lattice, area_m2, bbox, build_lattice, outline

COLS, ROWS, CELL_M = 20, 16, 145.0
BANDS = ((0, 8), (8, 16))  # row ranges, north to south
COMMUNITIES_PER_BAND = 5


@dataclass
class GridPlan:
    code: str
    name: str
    ring: list[list[float]]
    area_m2: float
    box: tuple[float, float, float, float]
    id: int = 0


@dataclass
class CommunityPlan:
    code: str
    name: str
    roads: tuple[str, ...]
    ring: list[list[float]]
    population: int
    grids: list[GridPlan] = field(default_factory=list)
    id: int = 0


@dataclass
class AreaPlan:
    street_ring: list[list[float]]
    communities: list[CommunityPlan]
    street_id: int = 0

    @property
    def grids(self) -> list[GridPlan]:
        return [g for c in self.communities for g in c.grids]


def _in_street(i: int, j: int) -> bool:
    """The lattice minus three cut corners, so the street is not a rectangle."""
    north_east = (COLS - 1 - i) + j < 3
    south_west = i + (ROWS - 1 - j) < 4
    south_east = (COLS - 1 - i) + (ROWS - 1 - j) < 2
    return not (north_east or south_west or south_east)


def _partition(rng: random.Random) -> list[set[Cell]]:
    """Cells of each community, numbered north to south, then west to east."""
    parts: list[set[Cell]] = []
    base = [COLS * k // COMMUNITIES_PER_BAND for k in range(1, COMMUNITIES_PER_BAND)]
    for first_row, last_row in BANDS:
        offsets = [0] * len(base)
        band: list[set[Cell]] = [set() for _ in range(COMMUNITIES_PER_BAND)]
        for j in range(first_row, last_row):
            offsets = [max(-1, min(1, o + rng.choice((-1, 0, 0, 1)))) for o in offsets]
            cuts = [0, *(b + o for b, o in zip(base, offsets, strict=True)), COLS]
            for k in range(COMMUNITIES_PER_BAND):
                band[k].update((i, j) for i in range(cuts[k], cuts[k + 1]) if _in_street(i, j))
        parts.extend(band)
    return parts


def _plan_once(rng: random.Random, lattice: Lattice) -> AreaPlan:
    origin = (places.CENTER_LON, places.CENTER_LAT)
    parts = _partition(rng)
    street_cells = {c for part in parts for c in part}
    communities: list[CommunityPlan] = []
    for number, (cells, (name, roads)) in enumerate(
        zip(parts, places.COMMUNITIES, strict=True), start=1
    ):
        code = f"{places.STREET_CODE}{number:03d}"
        community = CommunityPlan(
            code=code,
            name=name,
            roads=roads,
            ring=outline(lattice, cells),
            population=round(len(cells) * rng.uniform(330, 440)),
        )
        # DB11 numbering: west to east within a row, rows north to south.
        for serial, cell in enumerate(sorted(cells, key=lambda c: (c[1], c[0])), start=1):
            ring = lattice.cell_ring(cell)
            community.grids.append(
                GridPlan(
                    code=f"{code}{serial:03d}",
                    name=f"{name}{serial:02d}号网格",
                    ring=ring,
                    area_m2=round(area_m2(ring, origin), 2),
                    box=bbox(ring),
                )
            )
        communities.append(community)
    return AreaPlan(outline(lattice, street_cells), communities)


def plan_area(rng: random.Random) -> AreaPlan:
    lattice = build_lattice(
        rng, center=(places.CENTER_LON, places.CENTER_LAT), cols=COLS, rows=ROWS, cell_m=CELL_M
    )
    # A wandering community line can cut a community in two; draw the lines again then.
    for _ in range(100):
        try:
            return _plan_once(rng, lattice)
        except ValueError:
            continue
    raise RuntimeError("no valid community partition found")


def insert_area(session: Session, plan: AreaPlan) -> None:
    """Insert street, communities and grids; fills in the ids on the plan."""
    street = Street(
        code=places.STREET_CODE,
        name=places.STREET_NAME,
        district_name=places.DISTRICT_NAME,
        boundary=plan.street_ring,
        center_lon=places.CENTER_LON,
        center_lat=places.CENTER_LAT,
    )
    session.add(street)
    session.flush()
    plan.street_id = street.id
    for c in plan.communities:
        community = Community(
            street_id=street.id, code=c.code, name=c.name, boundary=c.ring, population=c.population
        )
        session.add(community)
        session.flush()
        c.id = community.id
        rows = [
            Grid(
                community_id=community.id,
                code=g.code,
                name=g.name,
                boundary=g.ring,
                area_m2=g.area_m2,
                responsible_body=f"{c.name}居委会",
                min_lon=g.box[0],
                min_lat=g.box[1],
                max_lon=g.box[2],
                max_lat=g.box[3],
            )
            for g in c.grids
        ]
        session.add_all(rows)
        session.flush()
        for g, row in zip(c.grids, rows, strict=True):
            g.id = row.id
