"""Wall layouts: where each tile sits on a square grid (row, column, row span, col span)."""

from __future__ import annotations

Cell = tuple[int, int, int, int]


def _grid(n: int) -> list[Cell]:
    return [(r, c, 1, 1) for r in range(n) for c in range(n)]


def _big_plus(n: int) -> list[Cell]:
    """One big tile of (n-1)x(n-1) at the top left, the rest along the right and bottom."""
    big = n - 1
    cells: list[Cell] = [(0, 0, big, big)]
    cells += [(r, big, 1, 1) for r in range(big)]
    cells += [(big, c, 1, 1) for c in range(n)]
    return cells


LAYOUTS: dict[str, list[Cell]] = {
    "1": _grid(1),
    "4": _grid(2),
    "9": _grid(3),
    "16": _grid(4),
    "1+5": _big_plus(3),
    "1+7": _big_plus(4),
}
DEFAULT_LAYOUT = "9"
MAX_TILES = max(len(cells) for cells in LAYOUTS.values())


def tile_count(layout: str) -> int:
    return len(LAYOUTS[layout])
