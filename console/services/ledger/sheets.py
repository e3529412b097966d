"""Writing ledger rows to CSV (UTF-8 with BOM, so Excel reads the Chinese) or XLSX."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

SHEET_TITLE = "台账"
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime(TIME_FORMAT)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_csv_cell(v) for v in row])


def write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[float],
) -> None:
    """Streamed (write-only) workbook: bold frozen header, set widths, real datetimes."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(SHEET_TITLE)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    try:
        for row in rows:
            sheet.append([_xlsx_cell(sheet, v) for v in row])
    except BaseException:
        # Finish the half-written sheet so openpyxl releases its stream and temporary
        # file; the caller throws the partial file away.
        book.save(path)
        raise
    book.save(path)


def _xlsx_cell(sheet: Any, value: Any) -> Any:
    # Datetimes need nothing: openpyxl stores them as date cells ("yyyy-mm-dd h:mm:ss").
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value.startswith("="):
        # Text, not a formula: a description must never run as one.
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value
