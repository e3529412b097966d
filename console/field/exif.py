"""Where and when a photo was taken, from its EXIF block (JPEG, also PNG/WebP eXIf).

A terminal's photo carries its own GPS fix and time; they are kept with the attachment
as evidence. Anything missing, malformed or implausible is simply left out: a photo is
never refused for its metadata.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass
from typing import Any

from PIL import Image

log = logging.getLogger("console.field")

_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825
_DATETIME_ORIGINAL = 0x9003
_OFFSET_TIME_ORIGINAL = 0x9011
_DATETIME = 0x0132
_GPS_LAT_REF, _GPS_LAT, _GPS_LON_REF, _GPS_LON = 1, 2, 3, 4


@dataclass(frozen=True)
class PhotoFacts:
    taken_at: dt.datetime | None = None
    lon: float | None = None
    lat: float | None = None


def _degrees(value: Any, ref: Any) -> float | None:
    try:
        d, m, s = (float(part) for part in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    degrees = d + m / 60 + s / 3600
    if str(ref).strip().upper() in ("S", "W"):
        degrees = -degrees
    return degrees


def _time(text: Any, offset: Any, zone: dt.tzinfo) -> dt.datetime | None:
    try:
        naive = dt.datetime.strptime(str(text).strip("\x00 "), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    if offset:
        try:
            return dt.datetime.fromisoformat(naive.isoformat() + str(offset).strip("\x00 "))
        except ValueError:
            pass
    # Without an offset tag the camera wrote local time: the center's zone.
    return naive.replace(tzinfo=zone)


def read(data: bytes, zone: dt.tzinfo) -> PhotoFacts:
    """GPS position (WGS-84) and capture time of an image, as far as it tells."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
            details = exif.get_ifd(_EXIF_IFD)
            gps = exif.get_ifd(_GPS_IFD)
    except Exception as error:  # any unreadable header just means: no facts
        log.debug("no EXIF read: %s", error)
        return PhotoFacts()
    stamp = details.get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
    taken_at = _time(stamp, details.get(_OFFSET_TIME_ORIGINAL), zone) if stamp else None
    lat = _degrees(gps.get(_GPS_LAT), gps.get(_GPS_LAT_REF)) if gps else None
    lon = _degrees(gps.get(_GPS_LON), gps.get(_GPS_LON_REF)) if gps else None
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        lat = lon = None
    return PhotoFacts(taken_at, lon, lat)
