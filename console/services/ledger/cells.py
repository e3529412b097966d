"""Reading single cells: text, numbers and local times from CSV strings or XLSX values."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

_TIME = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d*)?)?"
)


class BadCell(ValueError):
    """A cell that cannot be read; code is a ledger.* message code."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def text(value: Any) -> str:
    """A cell as stripped text; integral numbers lose the ".0" a spreadsheet adds."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value).strip()


def number(value: Any) -> float | None:
    """A coordinate cell: None when empty."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        result = float(value)
    else:
        raw = text(value)
        if not raw:
            return None
        try:
            result = float(raw)
        except ValueError:
            raise BadCell("ledger.not_number", value=raw) from None
    if not math.isfinite(result):
        raise BadCell("ledger.not_finite", value=text(value))
    return result


def _round_to_second(value: dt.datetime) -> dt.datetime:
    # Excel stores times as fractions of a day; reading them back may land a hair off.
    if value.microsecond >= 500_000:
        value += dt.timedelta(seconds=1)
    return value.replace(microsecond=0)


def local_time(value: Any, tz: dt.tzinfo) -> dt.datetime | None:
    """A time cell in the center's local time, as an aware datetime; None when empty.

    Fractions of a second that other systems append are dropped: a ledger keeps seconds.
    """
    if isinstance(value, dt.datetime):
        naive = _round_to_second(value.replace(tzinfo=None))
        return naive.replace(tzinfo=tz) if value.tzinfo is None else value.astimezone(tz)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=tz)
    raw = text(value)
    if not raw:
        return None
    match = _TIME.fullmatch(raw)
    if match is None:
        raise BadCell("ledger.bad_time", value=raw)
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        raise BadCell("ledger.bad_time", value=raw) from None


def show_time(value: dt.datetime, tz: dt.tzinfo) -> str:
    """How a ledger writes a time: local, to the second."""
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")
