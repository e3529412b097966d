"""Turning what a terminal sent (form fields, uploads, query strings) into service inputs.

Everything is checked here or by the workflow before the first row is written; a bad
value becomes an InputError, which the API answers as an Open311 error (400).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from console import messages
from console.errors import InputError
from console.field import exif
from console.services.workflow import PhotoInput
from console.services.workflow.intake import CLOCK_SKEW

MAX_MEDIA = 5
_TEXT_MAX = 4000

messages.register(
    {
        "field.bad_text": (
            "字段 {field} 含有不可用的字符或过长",
            "The field {field} holds characters that cannot be stored, or is too long",
        ),
        "field.bad_time": (
            "时间 {field} 须为带时区的 ISO 8601 格式，例如 2026-11-30T09:15:00+08:00",
            "The time {field} must be ISO 8601 with a zone, e.g. 2026-11-30T09:15:00+08:00",
        ),
        "field.need_position": (
            "须提供经纬度 lat 和 long（本系统不做地址解析）",
            "lat and long are required (addresses are not geocoded here)",
        ),
        "field.bad_flag": ("{field} 须为 true 或 false", "{field} must be true or false"),
        "field.bad_status": ("status 须为 open 或 closed", "status must be open or closed"),
        "field.too_many_media": ("最多上传 {max} 张照片", "At most {max} photos per request"),
        "field.device_mismatch": (
            "device_id {device} 与密钥所属终端不符",
            "device_id {device} does not belong to this key",
        ),
        "field.bad_jurisdiction": (
            "本服务的 jurisdiction_id 是 {ours}，收到：{given}",
            "This service's jurisdiction_id is {ours}, not {given}",
        ),
    }
)


def text(value: str | None, field: str, *, limit: int = _TEXT_MAX) -> str:
    """A form or query string fit for the database (no NUL, no lone surrogates)."""
    if value is None:
        return ""
    if "\x00" in value or len(value) > limit:
        raise InputError("field.bad_text", field=field)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError("field.bad_text", field=field) from error
    return value


def when(value: str | None, field: str, zone: dt.tzinfo | None = None) -> dt.datetime | None:
    """An ISO 8601 time; without a zone it is refused, or read in zone if one is given."""
    raw = text(value, field, limit=64).strip()
    if not raw:
        return None
    try:
        at = dt.datetime.fromisoformat(raw)
    except ValueError as error:
        raise InputError("field.bad_time", field=field) from error
    if at.tzinfo is None:
        if zone is None:
            raise InputError("field.bad_time", field=field)
        at = at.replace(tzinfo=zone)
    try:
        return at.astimezone(dt.UTC)
    except OverflowError as error:
        raise InputError("field.bad_time", field=field) from error


def flag(value: str | None, field: str) -> bool:
    raw = text(value, field, limit=8).strip().lower()
    if raw in ("", "false", "0", "no"):
        return False
    if raw in ("true", "1", "yes"):
        return True
    raise InputError("field.bad_flag", field=field)


def status(value: str | None) -> str | None:
    raw = text(value, "status", limit=16).strip().lower()
    if not raw or raw in ("open,closed", "closed,open"):
        return None
    if raw not in ("open", "closed"):
        raise InputError("field.bad_status")
    return raw


def id_list(value: str | None, field: str) -> list[str]:
    raw = text(value, field)
    return [part.strip() for part in raw.split(",") if part.strip()]


def jurisdiction(given: str | None, ours: str) -> None:
    raw = text(given, "jurisdiction_id", limit=128).strip()
    if raw and raw != ours:
        raise InputError("field.bad_jurisdiction", ours=ours, given=raw)


def photos(
    uploads: Sequence[tuple[str, str, bytes]],
    zone: dt.tzinfo,
    *,
    fallback_at: dt.datetime | None = None,
    fallback_lon: float | None = None,
    fallback_lat: float | None = None,
    now: dt.datetime | None = None,
) -> list[PhotoInput]:
    """(kind, file name, bytes) → PhotoInput with the photo's own GPS and time.

    The photo's EXIF wins; a photo without them takes the report's position and time, so
    every photo from a terminal keeps where and when it was taken.
    """
    if len(uploads) > MAX_MEDIA:
        raise InputError("field.too_many_media", max=MAX_MEDIA)
    latest = (now or dt.datetime.now(dt.UTC)) + CLOCK_SKEW
    out: list[PhotoInput] = []
    for kind, name, data in uploads:
        facts = exif.read(data, zone)
        # A camera clock set in the future says nothing reliable about the time.
        exif_at = facts.taken_at if facts.taken_at and facts.taken_at <= latest else None
        taken_at = exif_at or fallback_at
        lon, lat = (facts.lon, facts.lat) if facts.lon is not None else (fallback_lon, fallback_lat)
        out.append(
            PhotoInput(
                kind=kind,
                data=data,
                original_name=text(name, "media", limit=255),
                taken_at=taken_at,
                lon=lon,
                lat=lat,
            )
        )
    return out
