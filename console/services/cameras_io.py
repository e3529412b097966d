"""Camera registry import and export, CSV or XLSX, one camera a row, keyed by its code.

Columns (header names, in any order): code, name, community, group, lon, lat, main_url,
sub_url. community is the community's name or code. Import checks every row before it
writes anything; an existing code is updated, a new one created. Status is left to the
watchdog.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from console import messages
from console.errors import InputError
from console.models import Camera
from console.models.area import Community
from console.services import audit, feed
from console.services.actor import Actor
from console.services.cameras import list_cameras
from console.services.geo_checks import valid_lon_lat

COLUMNS = ("code", "name", "community", "group", "lon", "lat", "main_url", "sub_url")
IMPORT_ROLES = ("admin",)
CODE_RE = re.compile(r"^\d{20}$")
URL_SCHEMES = ("rtsp://", "rtsps://", "rtmp://", "http://", "https://", "file://", "udp://")

messages.register(
    {
        "camera.import.missing_columns": (
            "摄像头表缺少列：{columns}",
            "The camera sheet lacks the columns: {columns}",
        ),
        "camera.import.bad_row": (
            "第 {line} 行：{field} 的值无效（{value}）",
            "Row {line}: invalid {field} ({value})",
        ),
        "camera.import.bad_file": (
            "无法读取摄像头表 {path}：{detail}",
            "Cannot read the camera sheet {path}: {detail}",
        ),
        "camera.import.duplicate": (
            "第 {line} 行：编号 {device} 在表中重复",
            "Row {line}: code {device} appears twice in the sheet",
        ),
    }
)


@dataclass(frozen=True)
class CameraInput:
    line: int
    code: str
    name: str
    community: str
    group: str
    lon: float
    lat: float
    main_url: str
    sub_url: str


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def read_sheet(path: Path) -> list[dict[str, str]]:
    """Rows of a .csv (UTF-8, with or without BOM) or .xlsx file as header -> text."""
    try:
        if path.suffix.lower() == ".xlsx":
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True, data_only=True)
            try:  # a read-only workbook keeps its file open until closed
                sheet = book.active
                values = [
                    ["" if v is None else str(v) for v in row]
                    for row in sheet.iter_rows(values_only=True)
                ]
            finally:
                book.close()
        else:
            text = path.read_text(encoding="utf-8-sig")
            values = list(csv.reader(io.StringIO(text)))
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as error:
        raise InputError("camera.import.bad_file", path=str(path), detail=str(error)) from error
    if not values:
        raise InputError("camera.import.missing_columns", columns=", ".join(COLUMNS))
    header = [h.strip().lower() for h in values[0]]
    return [
        dict(zip(header, (v.strip() for v in row), strict=False)) for row in values[1:] if any(row)
    ]


def parse_rows(rows: Sequence[dict[str, str]]) -> list[CameraInput]:
    """Validate sheet rows (line numbers count the header as line 1)."""
    if rows:
        missing = [c for c in COLUMNS if c not in rows[0]]
        if missing:
            raise InputError("camera.import.missing_columns", columns=", ".join(missing))
    parsed: list[CameraInput] = []
    seen: set[str] = set()
    for line, row in enumerate(rows, start=2):

        def bad(field: str, line: int = line, row: dict[str, str] = row) -> InputError:
            return InputError(
                "camera.import.bad_row", line=line, field=field, value=row.get(field, "")
            )

        code = row.get("code", "")
        if not CODE_RE.match(code):
            raise bad("code")
        if code in seen:
            raise InputError("camera.import.duplicate", line=line, device=code)
        seen.add(code)
        name = row.get("name", "")
        if not name or len(name) > 96:
            raise bad("name")
        try:
            lon, lat = float(row.get("lon", "")), float(row.get("lat", ""))
        except ValueError:
            raise bad("lon") from None
        if not valid_lon_lat(lon, lat):
            raise bad("lon")
        urls = []
        for field in ("main_url", "sub_url"):
            url = row.get(field, "")
            if url and (not url.lower().startswith(URL_SCHEMES) or len(url) > 512):
                raise bad(field)
            urls.append(url)
        group = row.get("group", "")
        if len(group) > 64:
            raise bad("group")
        parsed.append(
            CameraInput(line, code, name, row.get("community", ""), group, lon, lat, *urls)
        )
    return parsed


def import_cameras(session: Session, actor: Actor, cameras: Iterable[CameraInput]) -> ImportResult:
    actor.require("camera.import", *IMPORT_ROLES)
    items = list(cameras)
    communities: dict[str, int] = {}
    for cid, code, name in session.execute(select(Community.id, Community.code, Community.name)):
        communities[code] = cid
        communities[name] = cid
    existing = {
        c.code: c
        for c in session.scalars(select(Camera).where(Camera.code.in_([i.code for i in items])))
    }
    for item in items:
        if item.community and item.community not in communities:
            raise InputError(
                "camera.import.bad_row", line=item.line, field="community", value=item.community
            )
    created = updated = 0
    touched: list[Camera] = []
    for item in items:
        camera = existing.get(item.code)
        if camera is None:
            camera = Camera(code=item.code, status="unknown")
            session.add(camera)
            created += 1
        else:
            updated += 1
        camera.name = item.name
        camera.community_id = communities.get(item.community) if item.community else None
        camera.group_name = item.group
        camera.lon, camera.lat = item.lon, item.lat
        camera.main_url, camera.sub_url = item.main_url, item.sub_url
        touched.append(camera)
    session.flush()
    audit.record(
        session,
        actor,
        "camera.import",
        entity="camera",
        entity_id="",
        detail={"created": created, "updated": updated},
    )
    ids = [c.id for c in touched]
    if ids:
        feed.record(session, "camera", ids, "updated", workstation=actor.workstation)
    return ImportResult(created, updated)


def export_rows(session: Session, actor: Actor) -> list[list[str]]:
    """The header and one row per camera, as import reads them back. Admins only: the
    stream addresses often carry the cameras' passwords."""
    actor.require("camera.export", *IMPORT_ROLES)
    rows = [list(COLUMNS)]
    for c in list_cameras(session):
        rows.append(
            [
                c.code,
                c.name,
                c.community,
                c.group_name,
                f"{c.lon:.7f}",
                f"{c.lat:.7f}",
                c.main_url,
                c.sub_url,
            ]
        )
    return rows


def write_sheet(path: Path, rows: Sequence[Sequence[str]]) -> None:
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        for row in rows:
            sheet.append(list(row))
            # openpyxl takes text starting with "=" for a formula: a name like that would
            # come back empty (and run as a formula in a spreadsheet program).
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
        book.save(path)
        return
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(rows)
