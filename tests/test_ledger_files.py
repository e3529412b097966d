"""Files that are not ledgers at all get one clear message, and nothing is written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.errors import InputError
from console.models import AuditLog, Case
from console.services.ledger import import_ledger
from console.store import Store
from tests.support.ledger_street import CLERK, row, rows, seed_street, write_csv, write_xlsx


def _xlsx_bytes(tmp_path: Path) -> bytes:
    return write_xlsx(tmp_path / "good.xlsx", rows(3)).read_bytes()


def _truncated_xlsx(tmp_path: Path) -> bytes:
    data = _xlsx_bytes(tmp_path)
    return data[: len(data) // 2]


def _zip_without_workbook(tmp_path: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    return buffer.getvalue()


def _scrambled_sheet(tmp_path: Path) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_xlsx_bytes(tmp_path)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 3]
            archive.writestr(item, data)
    return buffer.getvalue()


CASES = {
    "empty.csv": (lambda tmp: b"", "ledger.empty"),
    "blank.csv": (lambda tmp: b"\xef\xbb\xbf  \r\n\r\n", "ledger.empty"),
    "picture.csv": (lambda tmp: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "ledger.not_ledger"),
    "nul.csv": (lambda tmp: "案卷编号\x00,上报时间".encode(), "ledger.not_ledger"),
    "utf16.csv": (lambda tmp: "案卷编号,上报时间\n".encode("utf-16"), "ledger.encoding"),
    "garbage.csv": (lambda tmp: b"\x80\xff\xfd,\x81\xff\n", "ledger.encoding"),
    "old.xls": (lambda tmp: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "ledger.old_xls"),
    "truncated.xlsx": (_truncated_xlsx, "ledger.corrupt_xlsx"),
    "text.xlsx": (lambda tmp: "案卷编号,上报时间\n".encode(), "ledger.corrupt_xlsx"),
    "nobook.xlsx": (_zip_without_workbook, "ledger.corrupt_xlsx"),
    "nobook.zip": (_zip_without_workbook, "ledger.not_ledger"),
    "scrambled.xlsx": (_scrambled_sheet, "ledger.corrupt_xlsx"),
    "noheader.csv": (lambda tmp: "甲,乙,丙\n1,2,3\n".encode(), "ledger.no_header"),
}


def _case_and_audit_counts(store: Store) -> tuple[int, int]:
    with store.read() as session:
        cases = session.scalar(select(func.count()).select_from(Case)) or 0
        audits = session.scalar(select(func.count()).select_from(AuditLog)) or 0
    return int(cases), int(audits)


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_file(store: Store, tmp_path: Path, name: str) -> None:
    seed_street(store)
    make, code = CASES[name]
    path = tmp_path / name
    path.write_bytes(make(tmp_path))
    with pytest.raises(InputError) as error, store.write() as session:
        import_ledger(path, session=session, actor=CLERK)
    assert error.value.code == code
    assert name in error.value.message("zh_CN")
    assert _case_and_audit_counts(store) == (0, 0)


def test_missing_file(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError) as error, store.write() as session:
        import_ledger(tmp_path / "nope.csv", session=session, actor=CLERK)
    assert error.value.code == "ledger.file_missing"


def test_utf8_csv_with_tabs(store: Store, tmp_path: Path) -> None:
    seed_street(store)
    path = tmp_path / "tabs.csv"
    good = row()
    path.write_text(
        "\t".join(good) + "\n" + "\t".join(str(v) for v in good.values()) + "\n",
        encoding="utf-8",
    )
    with store.write() as session:
        assert import_ledger(path, session=session, actor=CLERK).imported == 1


def test_quoted_newlines_keep_spreadsheet_row_numbers(store: Store, tmp_path: Path) -> None:
    seed_street(store)
    records = [row(**{"问题描述": "第一行\n第二行\n第三行"}), row(**{"案卷编号": "B", "来源": "?"})]
    path = write_csv(tmp_path / "multi.csv", records)
    with store.write() as session:
        result = import_ledger(path, session=session, actor=CLERK)
    assert [(p.row, p.column) for p in result.problems] == [(3, "来源")]
