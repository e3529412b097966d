"""Display names and number formats shared by every report (the KPI service's formats)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from console.messages import render
from console.services.kpi.render import MISSING, percent
from console.services.ledger.columns import SOURCE_LABELS, STATE_LABELS
from console.services.report_data import texts

__all__ = ["MISSING", "percent"]


def english(language: str) -> bool:
    return language.lower().startswith("en")


def t(code: str, language: str, **params: object) -> str:
    """A report text (console.services.report_data.texts) in language."""
    return render(f"rpt.{code}", language, **params)


def source_label(source: str, language: str) -> str:
    if english(language):
        return source
    return SOURCE_LABELS.get(source, source)


def state_label(state: str, language: str) -> str:
    if english(language):
        return state.replace("_", " ")
    return STATE_LABELS.get(state, state)


def enforcement_label(kind: str, language: str) -> str:
    return t(f"enf.{kind}", language) if f"enf.{kind}" in texts.CODES else kind


def shift_label(kind: str, language: str) -> str:
    return t(f"shift.{kind}", language) if f"shift.{kind}" in texts.CODES else kind


def number(value: int | Decimal | float) -> str:
    """12,345 or 23,236.97 (trailing zeros dropped)."""
    if isinstance(value, int):
        return f"{value:,}"
    amount = Decimal(str(value))
    if amount == amount.to_integral_value():
        return f"{int(amount):,}"
    return f"{amount:,.2f}"


def change(value: float | None) -> str:
    return percent(value, signed=True)


def local_time(moment: dt.datetime | None, zone: dt.tzinfo, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if moment is None:
        return MISSING
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(zone).strftime(fmt)


def span(start: dt.date, last: dt.date, language: str) -> str:
    if start == last:
        return day(start, language)
    return t("span", language, start=day(start, language), last=day(last, language))


def day(value: dt.date, language: str) -> str:
    if english(language):
        return value.isoformat()
    return f"{value.year}年{value.month}月{value.day}日"
