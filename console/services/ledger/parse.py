"""Opening a ledger file: CSV (UTF-8 with or without BOM, or GB18030) or XLSX (streamed).

A file that cannot be read at all gets one InputError; everything else is handed on as
(row number, cell values) with row 1 being the header, as in a spreadsheet.
"""

from __future__ import annotations

import contextlib
import csv
import io
import warnings
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from console.errors import InputError
from console.services.ledger.cells import text

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!")
_UTF16 = (b"\xff\xfe", b"\xfe\xff")
_XLSX_SUFFIXES = (".xlsx", ".xlsm")
# openpyxl reports a damaged package through whichever error its reader hits first.
_XLSX_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    InvalidFileException,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    OSError,
    EOFError,
    ParseError,
)


@dataclass
class Table:
    headers: list[str]
    rows: Iterator[tuple[int, Sequence[Any]]]  # (row number as shown, cell values)
    estimated_rows: int | None


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("ledger.file_missing", path=str(path)) from None
    except OSError as error:
        raise InputError(
            "ledger.file_unreadable", path=str(path), detail=error.strerror or str(error)
        ) from None


def _is_blank(values: Sequence[Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _numbered(rows: Iterator[Sequence[Any]]) -> Iterator[tuple[int, Sequence[Any]]]:
    for number, values in enumerate(rows, start=2):
        if not _is_blank(values):
            yield number, values


def _header(values: Sequence[Any]) -> list[str]:
    return [text(v).replace("\ufeff", "").strip() for v in values]


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError("ledger.encoding", name=name)


def _csv_rows(reader: Iterator[list[str]], name: str) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error as error:
        raise InputError("ledger.not_ledger", name=name) from error


def _csv_table(data: bytes, name: str) -> Table:
    if data.startswith(_UTF16):  # Excel's "Unicode text"
        raise InputError("ledger.encoding", name=name)
    if b"\x00" in data[:65536] or data.startswith(_BINARY):
        raise InputError("ledger.not_ledger", name=name)
    content = _decode(data, name)
    first_line = content.split("\n", 1)[0]
    delimiter = next((d for d in (",", "\t", ";") if d in first_line), ",")
    rows = _csv_rows(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter), name)
    header = next(rows, None)
    if header is None:
        raise InputError("ledger.empty", name=name)
    return Table(_header(header), _numbered(rows), max(0, content.count("\n") - 1))


def _guarded(rows: Iterator[Sequence[Any]], name: str) -> Iterator[Sequence[Any]]:
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except _XLSX_ERRORS as error:
            raise InputError("ledger.corrupt_xlsx", name=name) from error
        yield values


@contextlib.contextmanager
def _xlsx_table(data: bytes, name: str) -> Iterator[Table]:
    error_code = (
        "ledger.corrupt_xlsx" if name.lower().endswith(_XLSX_SUFFIXES) else ("ledger.not_ledger")
    )
    try:
        with warnings.catch_warnings():
            # Files from other programs often lack styles openpyxl would like to see.
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except _XLSX_ERRORS as error:
        raise InputError(error_code, name=name) from error
    try:
        if not book.worksheets:
            raise InputError(error_code, name=name)
        sheet = book.worksheets[0]
        rows = _guarded(sheet.iter_rows(values_only=True), name)
        header = next(rows, None)
        if header is None or _is_blank(header):
            raise InputError("ledger.empty", name=name)
        max_row = getattr(sheet, "max_row", None)
        estimate = max_row - 1 if isinstance(max_row, int) and max_row > 1 else None
        yield Table(_header(header), _numbered(rows), estimate)
    finally:
        book.close()


@contextlib.contextmanager
def open_table(data: bytes, name: str) -> Iterator[Table]:
    """The header and the rows of a ledger file's bytes (name is for messages)."""
    if not data.replace(b"\xef\xbb\xbf", b"").strip():
        raise InputError("ledger.empty", name=name)
    if data.startswith(_ZIP):
        with _xlsx_table(data, name) as table:
            yield table
        return
    if data.startswith(_OLE):
        raise InputError("ledger.old_xls", name=name)
    if name.lower().endswith(_XLSX_SUFFIXES):
        raise InputError("ledger.corrupt_xlsx", name=name)
    yield _csv_table(data, name)
