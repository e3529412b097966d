"""Plane geometry for the demo street: a jittered lattice of cells and the rings around them.

Grid cells are quadrilaterals of one shared lattice, so neighbours share their edges
exactly and nothing overlaps; a community or the street is the outline of a set of
cells. Rings are closed [[lon, lat], ...] lists, counter-clockwise, WGS-84. Areas are
computed on a local equirectangular projection: at a few kilometres its error is far
below the precision anyone reads an area in m² with.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass

EARTH_RADIUS_M = 6_371_008.8
METRES_PER_DEGREE = EARTH_RADIUS_M * math.pi / 180
COORD_DIGITS = 6  # ~0.1 m: what a phone's GPS is good for, and short in JSON
EDGE_MARGIN_DEG = 1e-5  # about a metre

Point = tuple[float, float]
Cell = tuple[int, int]  # (column from the west, row from the north)


@dataclass(frozen=True)
class Lattice:
    """Vertex (i, j) sits i columns east and j rows south of the north-west corner."""

    cols: int
    rows: int
    vertices: dict[tuple[int, int], Point]

    def corners(self, cell: Cell) -> list[tuple[int, int]]:
        i, j = cell
        # NW, SW, SE, NE: counter-clockwise with north up.
        return [(i, j), (i, j + 1), (i + 1, j + 1), (i + 1, j)]

    def ring(self, keys: list[tuple[int, int]]) -> list[list[float]]:
        points = [list(self.vertices[k]) for k in keys]
        return [*points, list(points[0])]

    def cell_ring(self, cell: Cell) -> list[list[float]]:
        return self.ring(self.corners(cell))


def build_lattice(
    rng: random.Random,
    *,
    center: Point,
    cols: int,
    rows: int,
    cell_m: float,
    jitter: float = 0.18,
) -> Lattice:
    """A cols x rows lattice centred on center; each vertex moved by up to jitter cells.

    Jitter under a quarter cell keeps every quadrilateral convex, so cells stay simple.
    """
    lon0, lat0 = center
    dlat = cell_m / METRES_PER_DEGREE
    dlon = dlat / math.cos(math.radians(lat0))
    vertices: dict[tuple[int, int], Point] = {}
    for j in range(rows + 1):
        for i in range(cols + 1):
            di = rng.uniform(-jitter, jitter)
            dj = rng.uniform(-jitter, jitter)
            lon = lon0 + (i + di - cols / 2) * dlon
            lat = lat0 + (rows / 2 - j - dj) * dlat
            vertices[(i, j)] = (round(lon, COORD_DIGITS), round(lat, COORD_DIGITS))
    return Lattice(cols, rows, vertices)


def outline(lattice: Lattice, cells: set[Cell]) -> list[list[float]]:
    """The outer ring of a set of cells; ValueError unless it is one simple ring.

    Edges shared by two cells of the set run in opposite directions and cancel; what
    remains is the boundary. More than one loop means a hole or two separate pieces, a
    vertex with two ways out means two cells touching only at a corner.
    """
    edges: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    for cell in cells:
        keys = lattice.corners(cell)
        for a, b in zip(keys, [*keys[1:], keys[0]], strict=True):
            if (b, a) in edges:
                edges.remove((b, a))
            else:
                edges.add((a, b))
    following: dict[tuple[int, int], tuple[int, int]] = {}
    for a, b in edges:
        if a in following:
            raise ValueError("cells touch only at a corner")
        following[a] = b
    start = min(following)
    keys = [start]
    node = following[start]
    while node != start:
        keys.append(node)
        node = following[node]
    if len(keys) != len(following):
        raise ValueError("cells do not form one piece without holes")
    return lattice.ring(keys)


def to_metres(ring: list[list[float]], origin: Point) -> list[Point]:
    lon0, lat0 = origin
    k_lon = METRES_PER_DEGREE * math.cos(math.radians(lat0))
    return [((lon - lon0) * k_lon, (lat - lat0) * METRES_PER_DEGREE) for lon, lat in ring]


def area_m2(ring: list[list[float]], origin: Point) -> float:
    """Shoelace area of a closed ring, in square metres."""
    points = to_metres(ring, origin)
    twice = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(points))
    return abs(twice) / 2


def bbox(ring: list[list[float]]) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat)."""
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return min(lons), min(lats), max(lons), max(lats)


def contains(ring: list[list[float]], lon: float, lat: float) -> bool:
    """Ray casting; the ring is closed (last point repeats the first)."""
    inside = False
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > lat) != (y2 > lat):
            cross = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
            if lon < cross:
                inside = not inside
    return inside


def near_edge(ring: list[list[float]], lon: float, lat: float, tolerance: float) -> bool:
    """True if the point is within tolerance (degrees) of one of the ring's edges."""
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        dx, dy = x2 - x1, y2 - y1
        t = max(0.0, min(1.0, ((lon - x1) * dx + (lat - y1) * dy) / (dx * dx + dy * dy)))
        if math.hypot(lon - (x1 + t * dx), lat - (y1 + t * dy)) < tolerance:
            return True
    return False


def random_point(
    rng: random.Random, ring: list[list[float]], box: tuple[float, float, float, float]
) -> Point:
    """A uniformly random point inside ring, rounded to COORD_DIGITS.

    Points within a metre of an edge are drawn again, so no other point-in-polygon test
    can disagree about which grid a point lies in.
    """
    min_lon, min_lat, max_lon, max_lat = box
    while True:
        lon = round(rng.uniform(min_lon, max_lon), COORD_DIGITS)
        lat = round(rng.uniform(min_lat, max_lat), COORD_DIGITS)
        if contains(ring, lon, lat) and not near_edge(ring, lon, lat, EDGE_MARGIN_DEG):
            return lon, lat
