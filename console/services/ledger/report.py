"""What an import found: problems by row (header = row 1), notes, and the counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from console.messages import render
from console.services.ledger import columns as C
from console.services.ledger import texts  # noqa: F401 - registers the ledger messages

_ORDER = {header: i for i, header in enumerate(C.HEADERS)}


@dataclass(frozen=True)
class RowProblem:
    """One reason a row (or the header, row 1) cannot be imported."""

    row: int
    column: str  # the header it is about, "" for the row as a whole
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def reason(self, language: str | None = None) -> str:
        return render(self.code, language, **self.params)

    def message(self, language: str | None = None) -> str:
        reason = self.reason(language)
        if self.column:
            return render(
                "ledger.problem_cell", language, row=self.row, column=self.column, reason=reason
            )
        return render("ledger.problem_row", language, row=self.row, reason=reason)

    def sort_key(self) -> tuple[int, int]:
        return self.row, _ORDER.get(self.column.split("/")[0], -1)


@dataclass(frozen=True)
class Note:
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, language: str | None = None) -> str:
        return render(self.code, language, **self.params)


@dataclass
class ImportResult:
    file_name: str
    sha256: str
    rows: int = 0  # data rows read (blank rows are not counted)
    new_rows: int = 0  # rows that are not in the database yet
    already_present: int = 0  # rows identical to a case already there (skipped)
    imported: int = 0  # cases written (0 when anything was wrong, or on a dry run)
    first_id: int | None = None
    last_id: int | None = None
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def sort(self) -> None:
        self.problems.sort(key=RowProblem.sort_key)
