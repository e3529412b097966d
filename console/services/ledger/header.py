"""Matching a file's header row to the ledger columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from console.errors import InputError
from console.services.ledger import columns as C
from console.services.ledger.report import Note, RowProblem

HEADER_ROW = 1


@dataclass
class HeaderMap:
    positions: dict[str, int] = field(default_factory=dict)  # ledger header -> index
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def pick(self, values: Sequence[Any]) -> dict[str, Any]:
        """The ledger cells of one row, by header (absent columns are simply missing)."""
        size = len(values)
        return {h: values[i] if i < size else None for h, i in self.positions.items()}


def map_header(headers: Sequence[str], file_name: str) -> HeaderMap:
    known = set(C.HEADERS)
    result = HeaderMap()
    ignored: list[str] = []
    for index, header in enumerate(headers):
        if header in known:
            if header in result.positions:
                result.problems.append(
                    RowProblem(HEADER_ROW, "", "ledger.duplicate_column", {"column": header})
                )
            else:
                result.positions[header] = index
        elif header and header not in ignored:
            ignored.append(header)
    if not result.positions:
        raise InputError("ledger.no_header", name=file_name)
    missing = [h for h in C.REQUIRED_HEADERS if h not in result.positions]
    if missing:
        result.problems.append(
            RowProblem(HEADER_ROW, "", "ledger.missing_columns", {"columns": "、".join(missing)})
        )
    if ignored:
        result.notes.append(Note("ledger.ignored_columns", {"columns": "、".join(ignored)}))
    return result
